/**
 * medcom-gop: read, validate, build and report on MedCom genoptræningsplan (G-GOP) XML messages.
 *
 * Every name is listed here on purpose: this list is the public API (test/package.test.ts holds it too, so a change
 * is a decision). The library uses no Node built-in: bytes are `Uint8Array`s, so it runs in Node, in
 * browsers and in web workers alike.
 *
 * @packageDocumentation
 */

// Reading
export { parseGop, DEFAULT_PARSE_OPTIONS, type ParseOptions, type ParseLimits, type ParseResult, type MessageSource } from './read/parse';
export type { Encoding } from './standard/encodings';
export {
  VansEnvelopeInfoSchema,
  readVansReceipt,
  type VansEnvelopeInfo,
  type VansReceipt,
  type VansReceiptKind,
  type VansMetaInformation,
} from './read/vans';

// The message model: zod schemas and the types inferred from them (the binder and its compiled specs stay inside)
export {
  GopMessageSchema,
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
} from './model/schema';
export {
  FormattedTextSchema,
  RichTextSchema,
  plainText,
  formattedText,
  type FormattedText,
  type RichText,
  type InlineStyle,
} from './model/formatted';
export type { ModelPath } from './model/locate';
export type { DeepPartial } from './model/partial';

// Findings and the standard's tables
export {
  FindingSchema,
  SeveritySchema,
  LayerSchema,
  SEVERITIES,
  LAYERS,
  renderMessage,
  type Finding,
  type Severity,
  type Layer,
  type RuleMeta,
  type Texts,
  type MessageTable,
  type MessageData,
  type DataValue,
} from './findings/finding';
export { LANGUAGES, LanguageSchema, type Language } from './texts/languages';
export { NS, type NamespaceKey } from './standard/namespaces';
export { CODE_LISTS, LEVELS, LEVEL_LABELS, type Level } from './standard/codelists';
export { REFERENCES } from './standard/references';
export {
  LEGAL_CALENDAR,
  GUARANTEE_DAYS,
  inForce,
  inForceFrom,
  legalChange,
  type LegalChange,
  type LegalChangeKey,
} from './standard/legal-calendar';

// Validating and reporting
export { validateGop, checkGop, type ValidateOptions, type CheckOptions, type SeveritySetting } from './report/validate';
export { GopOptionsError, ParseOptionsSchema, type OptionsIssue } from './options/index';
export {
  ValidateOptionsSchema,
  ValidateGopOptionsSchema,
  CheckOptionsSchema,
  SeveritySettingSchema,
  type ValidateGopOptions,
} from './report/options';
export { BuildOptionsSchema } from './write/options';
export { ReportSchema, CountsSchema, FileReportSchema, reportJsonSchema, type Report, type Counts, type FileReport } from './report/report';
export { redactParseResult } from './report/redact';
export { rules, rulesById, RULESET_VERSION, type Rule, type RuleContext, type ValueAt } from './rules/index';

// Facts: dates, deadlines, holidays
export { FactsSchema, computeFacts, type Facts, type FactOptions } from './facts/facts';
export { localDate } from './values/local-date';
export { interpretDeadline, type DeadlineInterpretation, type DeadlineKind, type DeadlineOptions } from './facts/deadline';
export {
  danishPublicHolidays,
  addDanishWorkingDays,
  isDanishWorkingDay,
  isDanishPublicHoliday,
  type DanishHoliday,
} from './facts/holidays';

// Output formats (a streaming formatter's end() takes a Summary: addToSummary/emptySummary keep one)
export {
  createFormatter,
  formatResults,
  addToSummary,
  emptySummary,
  FORMATS,
  type FormatName,
  type FileResult,
  type Formatter,
  type FormatOptions,
  type Summary,
} from './format/index';

// Showing a plan to a person: one self-contained HTML document
export { renderGopHtml, type RenderOptions } from './view/index';

// Writing
export { buildGop, buildGopBytes, GopBuildError, type BuildOptions, type BuildIssue, type BuildEncoding } from './write/build';
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
} from './write/vans';

// Receipts (MedCom XCTL, 2005/08/07): what to answer a plan, the receipt itself, reading one back
export {
  REFUSE_CODES,
  RECEIPTS,
  RECEIPT_KINDS,
  GGOP_VERSION_CODE,
  OriginalIdsSchema,
  decideReceipt,
  defaultReceiptPolicy,
  receiptFor,
  parseReceipt,
  matchReceipt,
  ReceiptMessageSchema,
  ReceiptOptionsSchema,
  type RefuseCode,
  type ReceiptKind,
  type OriginalIds,
  type ReceiptDecision,
  type ReceiptPolicy,
  type ReceiptOptions,
  type ReceiptResult,
  type ParsedReceipt,
  type ReceiptMessage,
} from './receipt/index';

// Receiving: check, answer and remember each message (the same message again gets the same receipt again)
export {
  createReceiver,
  memorySeenStore,
  type Receiver,
  type ReceiverOptions,
  type ReceiveOptions,
  type Received,
  type SeenStore,
  type StoredReceipt,
} from './receipt/receiver';

// Reporting a received plan to KL Gateway (§ 140) as a FHIR R4 delivery report
export {
  toKlGatewayReport,
  KL_GATEWAY_PROBLEMS,
  type KlGatewayInput,
  type KlGatewayResult,
  type KlGatewayProblem,
  type KlGatewayProblemCode,
} from './fhir/kl-gateway';
export { KlGatewayOptionsSchema, type KlGatewayOptions, type SenderIds } from './fhir/options';
export { STATUS_REASONS, ALMEN_SPLITS, type StatusReason, type AlmenSplit } from './standard/kl-gateway';
