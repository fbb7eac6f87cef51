/**
 * `medcom-gop/model`: the parts of the message model, as zod schemas and the types inferred from them (the whole
 * message, GopMessageSchema, is in the root export; the binder and its compiled specs stay inside).
 */
export {
  EnvelopeSchema,
  LetterSchema,
  RehabilitationPlanSchema,
  PartySchema,
  SenderSchema,
  PersonSchema,
  PatientSchema,
  RelativeSchema,
  TelephoneSchema,
  CoAddressSchema,
  CodedValueSchema,
  ExtraElementSchema,
  type GopMessage,
  type RehabilitationPlan,
  type Party,
  type Person,
  type Patient,
  type CodedValue,
  type ExtraElement,
} from './schema';
export { FormattedTextSchema, RichTextSchema, type FormattedText, type RichText, type InlineStyle } from './formatted';
export type { ModelPath } from './locate';
export type { DeepPartial } from './partial';
