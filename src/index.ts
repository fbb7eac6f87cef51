/**
 * medcom-gop: read, check, build and show MedCom genoptræningsplan (G-GOP) XML messages.
 *
 * The root export is the core, one verb per direction: parseGop (bytes or text → model), checkGop (bytes, text, a
 * parse result or a model → report), buildGop (model → XML), renderGopHtml (→ an HTML page); their options, errors,
 * the schemas of what they return, and the rule catalogue. Everything else is a subpath that mirrors a folder:
 * `medcom-gop/model`, `/standard`, `/facts`, `/format`, `/fhir`, `/receipts`, `/vans` (src/<folder>/index.ts).
 * test/api-surface.test.ts holds every entry's names, so a change is a decision. The library uses no Node built-in:
 * bytes are `Uint8Array`s, so it runs in Node, in browsers and in web workers alike.
 *
 * @packageDocumentation
 */

// Reading: bytes or text → the model
export { parseGop, type ParseOptions, type ParseResult, type MessageSource } from './read/parse';
export { GopMessageSchema, type GopMessage } from './model/schema';
export { plainText, formattedText, type FormattedText, type RichText } from './model/formatted';
export type { ModelPath } from './model/locate';
export type { DeepPartial } from './model/partial';

// Checking: → a report
export { checkGop, type CheckInput, type CheckOptions, type SeveritySetting } from './report/validate';
export { CheckOptionsSchema, SeveritySettingSchema } from './report/options';
export { ReportSchema, CountsSchema, reportJsonSchema, type Report, type Counts } from './report/report';
export { redactParseResult } from './report/redact';
export type { Facts } from './facts/facts';
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
} from './findings/finding';
export { LANGUAGES, LanguageSchema, type Language } from './texts/languages';
export { rules, rulesById, RULESET_VERSION, type Rule, type RuleContext } from './rules/index';

// Options: a bad option throws GopOptionsError, whichever function it was given to
export { GopOptionsError, ParseOptionsSchema, type OptionsIssue } from './options/index';

// Building: the model → XML
export { buildGop, buildGopBytes, GopBuildError, type BuildOptions, type BuildIssue, type BuildEncoding } from './write/build';
export { BuildOptionsSchema } from './write/options';

// Showing a plan to a person: one self-contained HTML document
export { renderGopHtml, type RenderOptions } from './view/index';
