/**
 * `medcom-gop/vans`: the VANS envelope the network carries a plan or a receipt in — wrapping one, and reading the
 * network's own answers. (Building the plan itself, buildGop, is in the root export.)
 */
export {
  wrapInVans,
  isXsDateTime,
  VansWrapOptionsSchema,
  VANS_GGOP_DOCUMENT,
  type VansWrapOptions,
  type VansEndpoint,
  type VansEndPointType,
  wrapReceiptInVans,
  VANS_RECEIPT_DOCUMENT,
  type VansAnswer,
  type VansReceiptOptions,
} from './vans';
export {
  VansEnvelopeInfoSchema,
  readVansReceipt,
  type VansEnvelopeInfo,
  type VansReceipt,
  type VansReceiptKind,
  type VansMetaInformation,
} from '../read/vans';
