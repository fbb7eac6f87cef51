export { parseGop, DEFAULT_PARSE_OPTIONS, type ParseOptions, type ParseResult, type MessageSource } from './read/parse';
export { VansEnvelopeInfoSchema, type VansEnvelopeInfo } from './read/vans';
export * from './model/index';
export { FindingSchema, SeveritySchema, LayerSchema, type Finding, type Severity, type Layer, type RuleMeta } from './findings/finding';
export { READER_RULES } from './findings/reader-rules';
export { NS } from './standard/namespaces';
export { CODE_LISTS, LEVELS, LEVEL_LABELS, type Level } from './standard/codelists';
export { REFERENCES } from './standard/references';
