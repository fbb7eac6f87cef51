/** `medcom-gop/fhir`: reporting a received plan to KL Gateway (§ 140) as a FHIR R4 delivery report. */
export {
  toKlGatewayReport,
  KL_GATEWAY_PROBLEMS,
  type KlGatewayInput,
  type KlGatewayResult,
  type KlGatewayProblem,
  type KlGatewayProblemCode,
} from './kl-gateway';
export { KlGatewayOptionsSchema, type KlGatewayOptions, type SenderIds } from './options';
export { STATUS_REASONS, ALMEN_SPLITS, type StatusReason, type AlmenSplit } from '../standard/kl-gateway';
