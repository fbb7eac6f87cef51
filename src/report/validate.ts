import { computeFacts, type Facts } from '../facts/facts';
import { makeFinding, type Finding } from '../findings/finding';
import { MESSAGE_SPEC } from '../model/bind';
import { xmlPathOf, type ModelPath } from '../model/locate';
import type { DeepPartial } from '../model/partial';
import type { GopMessage } from '../model/schema';
import { parseWithLimits, type MessageSource } from '../read/parse';
import { checkCheckOptions, checkValidateOptions, type CheckedValidateOptions, type CheckOptions, type SeveritySetting, type ValidateGopOptions, type ValidateOptions } from '../options/index';
import { checkShape, shapeText, type Shaped } from '../model/shape';
import { rules, rulesById, RULESET_VERSION, type RuleContext } from '../rules/index';
import { indexValues } from '../rules/values';
import { structureProblems } from '../model/structure';
import { STRUCT_001, STRUCT_002, STRUCT_003, STRUCT_004, STRUCT_005 } from '../findings/reader-rules';
import type { Counts, Report } from './report';
import { createRedactor, redactEnvelope, redactFacts, redactFindings } from './redact';

// The options and their zod schemas are in ../options (one per function; types derived from them).
export type { CheckOptions, SeveritySetting, ValidateGopOptions, ValidateOptions };

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

function buildReport(findings: Finding[], facts: Facts | undefined, options: CheckedValidateOptions, envelope?: Report['envelope'], message?: DeepPartial<GopMessage>): Report {
  if (options.redact) {
    // One redaction step over everything the report carries, from the texts as written (before quoted values are cut).
    const redactor = createRedactor(message);
    findings = redactFindings(findings, redactor);
    facts = facts && redactFacts(facts, redactor);
    envelope = envelope && redactEnvelope(envelope, redactor);
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
  if (options.redact) report.redacted = true;
  return report;
}

/**
 * The reader's structure rules, applied to an object: a plan built in code gets the findings its XML would, and a value
 * of the wrong type or a cycle its GOP-STRUCT-005 (one finding: a mandatory value of the wrong type is not also missing).
 */
function structureFindings(shaped: Shaped, source: MessageSource | undefined): Finding[] {
  const findings: Finding[] = [];
  const where = (path: ModelPath) => ({ path: xmlPathOf(path, 'Emessage', MESSAGE_SPEC), ...source?.locate(path) });
  const refused = new Set<string>(); // the paths of values refused for their type, as keys
  const key = (path: ModelPath, length = path.length) => path.slice(0, length).join('\u0000');
  for (const problem of shaped.problems) {
    if (problem.kind === 'unknownProperty') continue; // below, with the reader's own
    refused.add(key(problem.path));
    findings.push(makeFinding(STRUCT_005, { element: problem.element, ...shapeText(problem) }, where(problem.path)));
  }
  // At or below a refused value nothing more is said: a prefix look-up per level, not a scan of every refusal.
  const under = (path: ModelPath) => refused.size > 0 && path.some((_, i) => refused.has(key(path, i + 1)));
  const problems = [...shaped.problems.filter((p) => p.kind === 'unknownProperty'), ...structureProblems(shaped.message).filter((p) => !under(p.path))];
  for (const problem of problems) {
    const at = where(problem.path);
    if (problem.kind === 'missing') findings.push(makeFinding(STRUCT_001, { element: problem.element, parent: problem.parent }, at));
    else if (problem.kind === 'empty') findings.push(makeFinding(STRUCT_004, { element: problem.element }, at));
    else if (problem.kind === 'tooMany') findings.push(makeFinding(STRUCT_002, { element: problem.element, max: problem.max }, at));
    else if (problem.kind === 'unknownProperty') {
      findings.push(makeFinding(STRUCT_003, {
        en: `The property "${problem.property}" is not part of the G-GOP model; it would not be written.`,
        da: `Egenskaben "${problem.property}" er ikke en del af G-GOP-modellen; den ville ikke blive skrevet.`,
      }, at));
    }
  }
  return findings;
}

/**
 * Validates a message object (built in code or read by parseGop): the structure rules on the object itself, then every
 * rule. Without a source, findings carry paths but no lines.
 */
export function validateGop(message: GopMessage | DeepPartial<GopMessage>, options?: ValidateGopOptions | null): Report {
  const checked = checkValidateOptions(options); // throws GopOptionsError: the caller's mistake, not the message's
  try {
    // Rules get a copy without wrongly typed values, cycles and unknown properties: they cannot throw on them.
    const shaped = checkShape(message);
    const clean = shaped.message as DeepPartial<GopMessage>;
    const facts = computeFacts(clean, checked);
    const findings = [...structureFindings(shaped, checked.source), ...runRules(clean, facts, checked.source)];
    return buildReport(findings, facts, checked, undefined, clean);
  } catch (error) {
    // A getter that throws, a Proxy, a bug of ours: the message is reported as not validated, never thrown at the caller.
    const detail = error instanceof Error ? error.message : String(error);
    return buildReport([makeFinding(rulesById.get('GOP-INPUT-005')!, { en: `validation failed unexpectedly (${detail}); please report this.`, da: `valideringen fejlede uventet (${detail}); rapportér venligst fejlen.` }, { path: '/' })], undefined, checked);
  }
}

/** Reads and validates in one call. Never throws, whatever the input; options it cannot use throw GopOptionsError. */
export function checkGop(input: string | Uint8Array, options?: CheckOptions | null): Report {
  const checked = checkCheckOptions(options);
  const parsed = parseWithLimits(input, checked);
  const message = parsed.ok ? parsed.message : parsed.partial;
  if (!message || parsed.findings.some((f) => f.severity === 'fatal')) {
    return buildReport(parsed.findings, undefined, checked, parsed.envelope, message);
  }
  try {
    const facts = computeFacts(message, checked);
    const findings = [...parsed.findings, ...runRules(message, facts, parsed.source)];
    return buildReport(findings, facts, checked, parsed.envelope, message);
  } catch (error) {
    // A rule must never take a receiving system down: the message is reported as not validated.
    const detail = error instanceof Error ? error.message : String(error);
    return buildReport([...parsed.findings, makeFinding(rulesById.get('GOP-INPUT-005')!, { en: `validation failed unexpectedly (${detail}); please report this.`, da: `valideringen fejlede uventet (${detail}); rapportér venligst fejlen.` }, { path: '/', line: 1, column: 1 })], undefined, checked, parsed.envelope, message);
  }
}
