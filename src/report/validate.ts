import { computeFacts, type Facts } from '../facts/facts';
import { makeFinding, type Finding, type Severity } from '../findings/finding';
import { MESSAGE_SPEC } from '../model/bind';
import { xmlPathOf, type ModelPath } from '../model/locate';
import type { DeepPartial } from '../model/partial';
import type { GopMessage } from '../model/schema';
import { parseGop, type MessageSource, type ParseOptions } from '../read/parse';
import { rules, rulesById, RULESET_VERSION, type RuleContext } from '../rules/index';
import { indexValues } from '../rules/values';
import { structureProblems } from '../model/structure';
import { STRUCT_001, STRUCT_002, STRUCT_003, STRUCT_004 } from '../findings/reader-rules';
import type { Counts, Report } from './report';
import { personalValues, redactFacts, redactFindings } from './redact';

export type SeveritySetting = 'off' | Exclude<Severity, 'fatal'>;

export interface ValidateOptions {
  /** "today" for anything relative to it: YYYY-MM-DD, or an instant (ISO string or Date) read in `timeZone`; the library never reads the clock */
  referenceDate?: string | Date;
  /** IANA time zone that turns an instant into a Danish calendar date (default Europe/Copenhagen); dates in the plan are already local */
  timeZone?: string;
  /** per-rule severity: 'off' drops a rule's findings. Fatal input findings cannot be changed. */
  severity?: Record<string, SeveritySetting>;
  /** the language formatters print first; both are always in each finding */
  language?: 'da' | 'en';
  /** mask CPR numbers (last four digits), names, street addresses, phone numbers and e-mail addresses */
  redact?: boolean;
}
export type CheckOptions = ValidateOptions & ParseOptions;

const LAYER_ORDER = { input: 0, structure: 1, format: 2, code: 3, law: 4 } as const;

/** Runs every rule with a check function over a (possibly incomplete) message. */
function runRules(message: DeepPartial<GopMessage>, facts: Facts, source: MessageSource | undefined): Finding[] {
  const findings: Finding[] = [];
  let index: ReturnType<typeof indexValues> | undefined; // built once, by the first rule that asks
  for (const rule of rules) {
    const check = rule.check;
    if (!check) continue;
    const context: RuleContext<unknown> = {
      message,
      facts,
      values: (prop) => (index ??= indexValues(message)).get(prop) ?? [],
      report: (path: ModelPath, details: unknown) => {
        const at = source?.locate(path);
        findings.push(makeFinding(rule, details, { path: xmlPathOf(path, 'Emessage', MESSAGE_SPEC), ...at }));
      },
    };
    check(context);
  }
  return findings;
}

function applySeverity(findings: Finding[], settings: Record<string, SeveritySetting> | undefined): Finding[] {
  if (!settings) return findings;
  const out: Finding[] = [];
  for (const finding of findings) {
    const setting = settings[finding.ruleId];
    if (!setting || finding.severity === 'fatal') out.push(finding);
    else if (setting !== 'off') out.push({ ...finding, severity: setting });
  }
  return out;
}

const layerOf = (finding: Finding) => LAYER_ORDER[rulesById.get(finding.ruleId)?.layer ?? 'law'];

function buildReport(findings: Finding[], facts: Facts | undefined, options: ValidateOptions, envelope?: Report['envelope'], message?: DeepPartial<GopMessage>): Report {
  if (options.redact) {
    findings = redactFindings(findings, message ? personalValues(message) : new Map());
    facts = facts && redactFacts(facts);
  }
  // When nothing could be read, the findings that say why are not the user's to switch off: the message is invalid.
  const unreadable = message === undefined;
  const kept = unreadable ? findings : applySeverity(findings, options.severity);
  // Layer by layer, and within a layer in document order; stable for findings without a line.
  const sorted = kept
    .map((finding, i) => ({ finding, i }))
    .sort((a, b) => layerOf(a.finding) - layerOf(b.finding) || (a.finding.line ?? 0) - (b.finding.line ?? 0) || (a.finding.column ?? 0) - (b.finding.column ?? 0) || a.i - b.i)
    .map(({ finding }) => finding);
  const counts: Counts = { fatal: 0, error: 0, warning: 0, info: 0 };
  for (const finding of sorted) counts[finding.severity]++;
  const report: Report = { valid: !unreadable && counts.fatal === 0 && counts.error === 0, findings: sorted, counts, rulesetVersion: RULESET_VERSION };
  if (facts) report.facts = facts;
  if (envelope) report.envelope = envelope;
  return report;
}

/** The reader's structure rules, applied to an object: a plan built in code gets the findings its XML would. */
function structureFindings(message: unknown, source: MessageSource | undefined): Finding[] {
  const findings: Finding[] = [];
  for (const problem of structureProblems(message)) {
    const where = { path: xmlPathOf(problem.path, 'Emessage', MESSAGE_SPEC), ...source?.locate(problem.path) };
    if (problem.kind === 'missing') findings.push(makeFinding(STRUCT_001, { element: problem.element, parent: problem.parent }, where));
    else if (problem.kind === 'empty') findings.push(makeFinding(STRUCT_004, { element: problem.element }, where));
    else if (problem.kind === 'tooMany') findings.push(makeFinding(STRUCT_002, { element: problem.element, max: problem.max }, where));
    else if (problem.kind === 'unknownProperty') {
      findings.push(makeFinding(STRUCT_003, {
        en: `The property "${problem.property}" is not part of the G-GOP model; it would not be written.`,
        da: `Egenskaben "${problem.property}" er ikke en del af G-GOP-modellen; den ville ikke blive skrevet.`,
      }, where));
    }
  }
  return findings;
}

/**
 * Validates a message object (built in code or read by parseGop): the structure rules on the object itself, then every
 * rule. Without a source, findings carry paths but no lines.
 */
export function validateGop(message: GopMessage | DeepPartial<GopMessage>, options: ValidateOptions & { source?: MessageSource } = {}): Report {
  const facts = computeFacts(message, options);
  const findings = [...structureFindings(message, options.source), ...runRules(message, facts, options.source)];
  return buildReport(findings, facts, options, undefined, message);
}

/** Reads and validates in one call. Never throws, whatever the input. */
export function checkGop(input: string | Uint8Array, options: CheckOptions = {}): Report {
  const parsed = parseGop(input, options);
  const message = parsed.ok ? parsed.message : parsed.partial;
  if (!message || parsed.findings.some((f) => f.severity === 'fatal')) {
    return buildReport(parsed.findings, undefined, options, parsed.envelope, message);
  }
  try {
    const facts = computeFacts(message, options);
    const findings = [...parsed.findings, ...runRules(message, facts, parsed.source)];
    return buildReport(findings, facts, options, parsed.envelope, message);
  } catch (error) {
    // A rule must never take a receiving system down: the message is reported as not validated.
    const detail = error instanceof Error ? error.message : String(error);
    return buildReport([...parsed.findings, makeFinding(rulesById.get('GOP-INPUT-005')!, { en: `validation failed unexpectedly (${detail}); please report this.`, da: `valideringen fejlede uventet (${detail}); rapportér venligst fejlen.` }, { path: '/', line: 1, column: 1 })], undefined, options, parsed.envelope, message);
  }
}
