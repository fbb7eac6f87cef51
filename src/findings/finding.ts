import { z } from 'zod';
import { REFERENCES, type ReferenceKey } from '../standard/references';
import { finishText } from '../values/quote';

export const SeveritySchema = z.enum(['fatal', 'error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

export const LayerSchema = z.enum(['input', 'structure', 'format', 'code', 'law']);
export type Layer = z.infer<typeof LayerSchema>;

/** One finding: a stable rule id, both languages, where in the message, and why it matters. */
export const FindingSchema = z.object({
  ruleId: z.string(),
  severity: SeveritySchema,
  message: z.string().describe('English text'),
  messageDa: z.string().describe('Danish text'),
  path: z.string().describe('element path, e.g. /Emessage/RehabilitationPlan/Patient'),
  line: z.number().int().positive().optional().describe('1-based line of the start tag concerned'),
  column: z.number().int().positive().optional().describe('1-based column of the start tag concerned'),
  reference: z.string().optional().describe('the legal or standard reference the rule enforces'),
});
export type Finding = z.infer<typeof FindingSchema>;

/** Texts are functions of the finding's details, so that one rule can say precisely what it found. */
export type Texts<D> = { en: (details: D) => string; da: (details: D) => string };

/** A rule's metadata, as ESLint keeps it beside each rule. */
export interface RuleMeta<D = Record<string, never>> {
  id: string;
  layer: Layer;
  severity: Severity;
  title: { da: string; en: string };
  reference: ReferenceKey;
  messages: Texts<D>;
}

export interface Location {
  path: string;
  line?: number;
  column?: number;
}

/**
 * Messages quote values from the message, and a value may hold line breaks or control characters. A finding's text
 * is one line, always: a newline must not start a second line that a CI log would read as a command.
 */
export function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029]/g, '⏎').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Each finding's texts as rendered, quoted values whole (src/values/quote.ts): redaction starts from these. */
const RENDERED = new WeakMap<Finding, { en: string; da: string }>();

export function makeFinding<D>(meta: RuleMeta<D>, details: D, location: Location, severity: Severity = meta.severity): Finding {
  const en = meta.messages.en(details);
  const da = meta.messages.da(details);
  const finding: Finding = {
    ruleId: meta.id,
    severity,
    message: oneLine(finishText(en)),
    messageDa: oneLine(finishText(da)),
    path: location.path,
    reference: REFERENCES[meta.reference].label,
  };
  if (location.line !== undefined) finding.line = location.line;
  if (location.line !== undefined && location.column !== undefined) finding.column = location.column;
  RENDERED.set(finding, { en, da });
  return finding;
}

/**
 * A finding's texts finished through `redact`: from the texts as rendered when the finding was made by makeFinding
 * (quoted values whole, line breaks not yet replaced), else from its message as it is.
 */
export function redactedTexts(finding: Finding, redact: (text: string) => string): { message: string; messageDa: string } {
  const rendered = RENDERED.get(finding);
  if (!rendered) return { message: oneLine(redact(finding.message)), messageDa: oneLine(redact(finding.messageDa)) };
  return { message: oneLine(finishText(rendered.en, redact)), messageDa: oneLine(finishText(rendered.da, redact)) };
}

