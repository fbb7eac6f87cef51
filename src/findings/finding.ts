import { z } from 'zod';
import { REFERENCES, type ReferenceKey } from '../standard/references';
import type { Language } from '../texts/languages';
import { MASKED } from '../texts/redaction';
import { finishMasked, finishText, fromMessage, hasQuotes } from '../values/quote';
import { lazyObject } from '../values/lazy';

export const SEVERITIES = ['fatal', 'error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const LAYERS = ['input', 'structure', 'format', 'code', 'law'] as const;
export type Layer = (typeof LAYERS)[number];

/** A finding's data: JSON values only, so a report can carry them as they are. */
type DataValue = string | number | boolean;
export type MessageData = Record<string, DataValue>;

/**
 * The schemas of a finding, built at their first use: a start that validates builds findings, never checks them
 * against their schema (the JSON Schema of the report, the view reading a report and the library's users do).
 */
function findingSchemas() {
  const SeveritySchema = z.enum(SEVERITIES);
  const LayerSchema = z.enum(LAYERS);
  const DataValueSchema = z.union([z.string(), z.number(), z.boolean()]);
  const FindingSchema = z.object({
    ruleId: z.string(),
    severity: SeveritySchema,
    messageId: z.string().describe("which of the rule's messages this is (the rule's messages table, as in ESLint)"),
    data: z.record(z.string(), DataValueSchema).describe('the values the message is rendered from, by name (masked with redact)'),
    message: z.string().describe('English text'),
    messageDa: z.string().describe('Danish text'),
    path: z.string().describe('element path, e.g. /Emessage/RehabilitationPlan/Patient'),
    line: z.number().int().positive().optional().describe('1-based line of the start tag concerned'),
    column: z.number().int().positive().optional().describe('1-based column of the start tag concerned'),
    reference: z.string().optional().describe('the legal or standard reference the rule enforces, as users cite it (e.g. BEK § 2 stk. 4)'),
  });
  return { SeveritySchema, LayerSchema, FindingSchema };
}
let built: ReturnType<typeof findingSchemas> | undefined;
/** The schemas themselves (not the stand-ins exported below): what other schemas are built from. */
export const findingSchemasNow = () => (built ??= findingSchemas());

export const SeveritySchema = lazyObject(() => findingSchemasNow().SeveritySchema);
export const LayerSchema = lazyObject(() => findingSchemasNow().LayerSchema);
/** One finding: a stable rule id, both languages, where in the message, and why it matters. */
export const FindingSchema = lazyObject(() => findingSchemasNow().FindingSchema);
export type Finding = z.infer<typeof FindingSchema>;

/** One message in every language, a function of its data: Record<Language, …>, so a missing translation does not compile. */
export type Texts<D> = Record<Language, (data: D) => string>;
/** A rule's messages by message id, each with its own data. */
type MessageTable<M> = { [K in keyof M]: Texts<M[K]> };

/** A rule's metadata and docs, as ESLint keeps them beside each rule. */
// biome-ignore lint/suspicious/noExplicitAny: the default for "any rule", whatever its messages
export interface RuleMeta<M = any> {
  id: string;
  layer: Layer;
  severity: Severity;
  title: Record<Language, string>;
  docs: Record<Language, string>;
  /** the reference as users see it: REFERENCES[referenceKey].label */
  reference: string;
  /** internal key into src/standard/references.ts (label, description, url) */
  referenceKey: ReferenceKey;
  messages: MessageTable<M>;
  /**
   * The keys of the messages' data whose text the library writes itself — a code list's name, a date it validated, an
   * element name of the standard, who a contact is. Every other text in `data` is a value from the message, marked as
   * such when the finding is made, and leaves the library only as a placeholder when redaction is on.
   */
  libraryData?: readonly string[];
}

/** Metadata as a module writes it: `reference` (the label) is filled in from `referenceKey`. */
export function defineMeta<M extends { [K in keyof M]: MessageData }>(meta: Omit<RuleMeta<M>, 'reference'>): RuleMeta<M> {
  return { ...meta, reference: REFERENCES[meta.referenceKey].label };
}

/** Data as a report call takes it: optional when a message has none. */
// biome-ignore lint/complexity/noBannedTypes: {} extends D asks "may D be empty?"
export type DataArgument<D> = {} extends D ? [data?: D] : [data: D];

export interface Location {
  path: string;
  line?: number;
  column?: number;
}

/** Every character either replace of oneLine changes, and tabs (which neither does): without one, nothing changes. */
const LINE_OR_CONTROL = /[\u0000-\u001F\u007F\u2028\u2029]/;

/**
 * Messages quote values from the message, and a value may hold line breaks or control characters. A finding's text
 * is one line, always: a newline must not start a second line that a CI log would read as a command.
 */
function oneLine(text: string): string {
  if (!LINE_OR_CONTROL.test(text)) return text; // most texts: one test, no two replaces
  return text
    .replace(/\r\n|[\r\n\u2028\u2029]/g, '⏎')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A message rendered as a finding carries it: one line, quoted values cut. */
export function renderMessage(meta: RuleMeta, messageId: string, data: MessageData, language: Language): string {
  return oneLine(finishText(meta.messages[messageId]![language](data)));
}

/** Each finding's texts and data as rendered, quoted values whole (src/values/quote.ts): redaction starts from these. */
const RENDERED = new WeakMap<Finding, { en: string; da: string; data: MessageData }>();

/** The data with every text that is not the library's own marked as a value from the message (src/values/quote.ts). */
function markMessageValues(data: MessageData, libraryData: readonly string[] | undefined): MessageData {
  const out: MessageData = {};
  for (const [key, value] of Object.entries(data))
    out[key] = typeof value === 'string' && !libraryData?.includes(key) ? fromMessage(value) : value;
  return out;
}

const finishData = (data: MessageData, redact?: (text: string) => string): MessageData => {
  const out: MessageData = {};
  for (const [key, value] of Object.entries(data))
    out[key] = typeof value === 'string' && (redact || hasQuotes(value)) ? finishText(value, redact) : value;
  return out;
};

export function makeFinding<M, K extends keyof M & string>(
  meta: RuleMeta<M>,
  messageId: K,
  data: M[K],
  location: Location,
  severity: Severity = meta.severity,
): Finding {
  const values = markMessageValues((data ?? {}) as MessageData, meta.libraryData);
  const en = meta.messages[messageId].en(values as M[K]);
  const da = meta.messages[messageId].da(values as M[K]);
  const finding: Finding = {
    ruleId: meta.id,
    severity,
    messageId,
    data: finishData(values),
    message: oneLine(finishText(en)),
    messageDa: oneLine(finishText(da)),
    path: location.path,
    reference: meta.reference,
  };
  if (location.line !== undefined) finding.line = location.line;
  if (location.line !== undefined && location.column !== undefined) finding.column = location.column;
  RENDERED.set(finding, { en, da, data: values });
  return finding;
}

/**
 * A finding as it leaves the library with redaction, by construction: every value from the message (marked when the
 * finding was made) is a placeholder with its length; the library's own words, codes, dates and element names stay.
 * A finding not made by makeFinding (read back from JSON, built by hand) is rendered again from its data by `meta`
 * with every text that is not the library's own as a placeholder; without its rule's metadata nothing of it can be
 * told apart, and its texts are masked whole. The path is masked by the caller (redactPath).
 */
export function maskedTexts(
  finding: Finding,
  meta?: RuleMeta,
  keep: (value: string) => boolean = () => false,
): { message: string; messageDa: string; data: MessageData } {
  const en = (value: string) => (keep(value) ? value : MASKED.en(value));
  const da = (value: string) => (keep(value) ? value : MASKED.da(value));
  const rendered = RENDERED.get(finding);
  if (rendered)
    return {
      message: oneLine(finishMasked(rendered.en, en)),
      messageDa: oneLine(finishMasked(rendered.da, da)),
      data: maskData(rendered.data, en),
    };
  const texts = meta?.messages[finding.messageId];
  if (!meta || !texts) {
    const data: MessageData = {};
    for (const [key, value] of Object.entries(finding.data ?? {})) data[key] = typeof value === 'string' ? MASKED.en(value) : value;
    return { message: MASKED.en(finding.message ?? ''), messageDa: MASKED.da(finding.messageDa ?? ''), data };
  }
  const values = markMessageValues(finding.data ?? {}, meta.libraryData);
  return {
    message: oneLine(finishMasked(texts.en(values), en)),
    messageDa: oneLine(finishMasked(texts.da(values), da)),
    data: maskData(values, en),
  };
}

const maskData = (data: MessageData, mask: (value: string) => string): MessageData => {
  const out: MessageData = {};
  for (const [key, value] of Object.entries(data)) out[key] = typeof value === 'string' ? finishMasked(value, mask) : value;
  return out;
};

/** Where a finding stands in the message, for a report's order: line and column, when known. */
export type FindingAt = { line?: number; column?: number } | undefined;

/**
 * Takes findings as they are produced (the reader's binder, parseGop, checkGop's report): a rule id, severity and place
 * now, and `make` to render the finding, which a collector calls only for a finding it keeps. `severity` is the one
 * `make` gives the finding.
 */
export interface FindingCollector {
  add(ruleId: string, severity: Severity, at: FindingAt, make: () => Finding): void;
}

/** A finding already made, offered to a collector. */
export function addFinding(collector: FindingCollector, finding: Finding): void {
  collector.add(finding.ruleId, finding.severity, finding, () => finding);
}

/**
 * The plain collector: findings kept unrendered, in the order produced, until they are offered to another collector
 * (`replay`, as often as needed), which renders those it keeps. What is stored per finding is its rule id, severity,
 * place and a closure over the values it is worded from.
 */
export class PendingFindings implements FindingCollector {
  private readonly ruleIds: string[] = [];
  private readonly severities: Severity[] = [];
  private readonly places: FindingAt[] = [];
  private readonly makers: (() => Finding)[] = [];
  /** some finding is fatal */
  fatal = false;

  add(ruleId: string, severity: Severity, at: FindingAt, make: () => Finding): void {
    this.ruleIds.push(ruleId);
    this.severities.push(severity);
    this.places.push(at);
    this.makers.push(make);
    if (severity === 'fatal') this.fatal = true;
  }

  /** Every finding, in the order produced, to `into`. */
  replay(into: FindingCollector): void {
    for (let i = 0; i < this.makers.length; i++) into.add(this.ruleIds[i]!, this.severities[i]!, this.places[i], this.makers[i]!);
  }
}
