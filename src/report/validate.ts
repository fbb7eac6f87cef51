import { computeFacts, factOptionsOf, factsOfShaped, type Facts } from '../facts/facts';
import { localDate } from '../values/local-date';
import { addFinding, makeFinding, PendingFindings, type Finding, type MessageData } from '../findings/finding';
import { MESSAGE_SPEC } from '../model/schema';
import { xmlPathOf, type ModelPath } from '../model/locate';
import type { DeepPartial } from '../model/partial';
import type { GopMessage } from '../model/schema';
import { describeError } from '../input/readable';
import { guardOptions, readWithIds, type MessageSource, type ParseResult, type ReadResult } from '../read/parse';
import { originalIdsOfMessage, type OriginalIds } from '../read/original';
import { checkCheckOptions, type CheckedOptions, type CheckOptions, type SeveritySetting } from './options';
import { checkShape, type Shaped } from '../model/shape';
import { rules, RULESET_VERSION, type RuleContext } from '../rules/index';
import { indexValues } from '../rules/values';
import { PROBLEM_RULE, problemFinding, structureProblems, type ModelProblem } from '../model/structure';
import { tooMany } from '../read/diagnostics/input-008-too-many-findings';
import { FindingSink } from '../findings/sink';
import { INPUT_009 } from '../read/diagnostics/input-009-internal-error';
import type { Report } from './report';
import { maskOriginal } from './mask';
import { createRedactor, redactEnvelope, redactFacts, redactFindings } from './redact';

// The options and their zod schema are in ./options (types derived from it).
export type { CheckOptions, SeveritySetting };

/** When nothing could be read, the findings that say why are not the user's to switch off: no settings then. */
const sinkFor = (options: CheckedOptions, readable: boolean) =>
  new FindingSink(options.maxFindings, tooMany, readable ? options.severity : undefined);

/** Runs every rule with a check function over a (possibly incomplete) message. */
function runRules(message: DeepPartial<GopMessage>, facts: Facts, source: MessageSource | undefined, sink: FindingSink): void {
  let index: ReturnType<typeof indexValues> | undefined; // built once, by the first rule that asks
  let rule = rules[0]!; // the rule checking now: one context for all of them, not two closures per rule per message
  const context: RuleContext<unknown> = {
    message,
    facts,
    values: (prop) => (index ??= indexValues(message)).get(prop) ?? [],
    report: (path: ModelPath, messageId: string, data?: MessageData) => {
      // Located now (the report's order needs the line), rendered only if kept.
      const at = source?.locate(path);
      const by = rule;
      sink.add(by.id, by.severity, at, () =>
        makeFinding(by, messageId, data ?? {}, { path: xmlPathOf(path, 'Emessage', MESSAGE_SPEC), ...at }),
      );
    },
  };
  for (const each of rules) {
    const check = each.check;
    if (!check) continue;
    rule = each;
    check(context);
  }
}

function buildReport(
  sink: FindingSink,
  facts: Facts | undefined,
  options: CheckedOptions,
  envelope?: Report['envelope'],
  message?: DeepPartial<GopMessage>,
  original?: OriginalIds,
): Report {
  let redact: ((findings: Finding[]) => Finding[]) | undefined;
  if (options.redact) {
    // One redaction step over everything the report carries, from the texts as written (before quoted values are cut).
    const redactor = createRedactor(message);
    redact = (findings) => redactFindings(findings, redactor);
    facts = facts && redactFacts(facts, redactor);
    envelope = envelope && redactEnvelope(envelope, redactor);
    // Ids and EANs in the form the standard gives them stay; anything else a sender put there is a placeholder.
    original = original && maskOriginal(original);
  }
  const findings = sink.findings(redact);
  const counts = sink.counts;
  // Decided on every finding, those left out past maxFindings too.
  const report: Report = {
    valid: message !== undefined && counts.fatal === 0 && counts.error === 0,
    findings,
    counts,
    rulesetVersion: RULESET_VERSION,
  };
  if (sink.cut) report.omitted = { ...sink.omitted };
  if (facts) report.facts = facts;
  const referenceDate = localDate(options.referenceDate, options.timeZone);
  if (referenceDate) report.referenceDate = referenceDate;
  if (envelope) report.envelope = envelope;
  if (original) report.original = original;
  if (options.redact) report.redacted = true;
  return report;
}

/**
 * The reader's structure rules, applied to an object: a plan built in code gets the findings its XML would, and a value
 * of the wrong type or a cycle its GOP-STRUCT-005 (one finding: a mandatory value of the wrong type is not also missing).
 */
function structureFindings(shaped: Shaped, source: MessageSource | undefined, sink: FindingSink): void {
  const add = (problem: ModelProblem) => {
    const at = source?.locate(problem.path);
    const rule = PROBLEM_RULE[problem.kind];
    sink.add(rule.id, rule.severity, at, () => problemFinding(problem, { path: xmlPathOf(problem.path, 'Emessage', MESSAGE_SPEC), ...at }));
  };
  const refused = new Set<string>(); // the paths of values refused for their type, as keys
  const key = (path: ModelPath, length = path.length) => path.slice(0, length).join('\u0000');
  for (const problem of shaped.problems) {
    if (problem.kind === 'unknownProperty') continue; // below, with the reader's own
    refused.add(key(problem.path));
    add(problem);
  }
  // At or below a refused value nothing more is said: a prefix look-up per level, not a scan of every refusal.
  const under = (path: ModelPath) => refused.size > 0 && path.some((_, i) => refused.has(key(path, i + 1)));
  for (const problem of shaped.problems) if (problem.kind === 'unknownProperty') add(problem);
  for (const problem of structureProblems(shaped.message)) if (!under(problem.path)) add(problem);
}

/** What checkGop checks: bytes or text to read, a parseGop result, or a message object built in code. */
export type CheckInput = string | Uint8Array | ArrayBuffer | ArrayBufferView | ParseResult | GopMessage | DeepPartial<GopMessage>;

/** A parse result, as opposed to a message object: its `ok` and `findings` (no element of a plan is named so). */
const isParseResult = (input: object): input is ParseResult =>
  typeof (input as { ok?: unknown }).ok === 'boolean' && Array.isArray((input as { findings?: unknown }).findings);

/**
 * A message object or a parse result is a plain object, as code builds one and parseGop returns one; anything else
 * that is not text or bytes (a Date, a Map, an array, a Proxy that cannot be looked at) is read, and is GOP-INPUT-003.
 */
function isPlainObject(input: unknown): input is object {
  if (typeof input !== 'object' || input === null) return false;
  try {
    const prototype = Object.getPrototypeOf(input);
    return (prototype === Object.prototype || prototype === null) && !Array.isArray(input);
  } catch {
    return false;
  }
}

/**
 * Checks a G-GOP plan against the rule catalogue: one report, whatever the plan is given as.
 * - text, or bytes as parseGop takes them (a Uint8Array, any ArrayBufferView, an ArrayBuffer): read, then checked;
 * - a parseGop result: its findings, model and source, without reading the bytes again;
 * - a message object (built in code, or a parse result's model): the structure rules on the object itself, then every
 *   rule; findings carry paths, and lines only with `source`.
 *
 * Never throws on its input: anything else is a GOP-INPUT-003 finding, a message object that cannot be used (a getter
 * that throws) GOP-INPUT-009; options it cannot use throw GopOptionsError.
 */
export function checkGop(input: CheckInput, options?: CheckOptions | null): Report {
  const checked = guardOptions(checkCheckOptions, options, 'checkGop'); // GopOptionsError: the caller's mistake, not the message's
  if (isPlainObject(input)) {
    let parsed = false;
    try {
      parsed = isParseResult(input);
    } catch {} // a getter that throws: a message object that cannot be used (GOP-INPUT-009, below)
    return parsed ? reportOfParsed(input as ParseResult, checked) : reportOfModel(input as DeepPartial<GopMessage>, checked);
  }
  // The reader's findings come whole (parseGop's own cap is for its callers) but unrendered: whether the severity
  // settings apply to them is known once the message is read, and then they meet the report's one cap with the rules'.
  const { result: parsed, findings: read, original } = readWithIds(input, checked, () => new PendingFindings());
  return reportOfRead(parsed, read, original, checked, true);
}

/** A message object: the structure rules on the object, then every rule. */
function reportOfModel(message: DeepPartial<GopMessage>, checked: CheckedOptions): Report {
  try {
    // Rules get a copy without wrongly typed values, cycles and unknown properties: they cannot throw on them.
    const shaped = checkShape(message);
    const clean = shaped.message as DeepPartial<GopMessage>;
    const facts = factsOfShaped(clean, factOptionsOf(checked)); // checkShape's copy is plain data of the right shape
    const sink = sinkFor(checked, true);
    structureFindings(shaped, checked.source, sink);
    runRules(clean, facts, checked.source, sink);
    return buildReport(sink, facts, checked, undefined, clean, originalIdsOfMessage(clean));
  } catch (error) {
    // A getter that throws, a Proxy, a bug of ours: the message is reported as not validated, never thrown at the caller.
    const detail = describeError(error);
    const sink = sinkFor(checked, false);
    addFinding(sink, makeFinding(INPUT_009, 'validation', { detail }, { path: '/' }));
    return buildReport(sink, undefined, checked);
  }
}

/**
 * A parse result: the report its bytes would get, without reading them again. What cannot be used (a parse result
 * built or changed in code may be anything) is reported as not validated (GOP-INPUT-009).
 */
function reportOfParsed(parsed: ParseResult, checked: CheckedOptions): Report {
  try {
    const read = new PendingFindings();
    for (const finding of parsed.findings) addFinding(read, finding);
    const message = parsed.ok ? parsed.message : parsed.partial;
    return reportOfRead(parsed, read, message && originalIdsOfMessage(message), checked, false);
  } catch (error) {
    const detail = describeError(error);
    const sink = sinkFor(checked, false);
    addFinding(sink, makeFinding(INPUT_009, 'validation', { detail }, { path: '/', line: 1, column: 1 }));
    return buildReport(sink, undefined, checked);
  }
}

/** `ownModel`: the model is the reader's own, read just now (plain data of the right shape), not a caller's parse result. */
function reportOfRead(
  parsed: ReadResult,
  read: PendingFindings,
  original: OriginalIds | undefined,
  checked: CheckedOptions,
  ownModel: boolean,
): Report {
  const message = parsed.ok ? parsed.message : parsed.partial;
  const readerSink = () => {
    const sink = sinkFor(checked, message !== undefined);
    read.replay(sink);
    return sink;
  };
  if (!message || read.fatal) {
    return buildReport(readerSink(), undefined, checked, parsed.envelope, message, original);
  }
  try {
    const facts = ownModel ? factsOfShaped(message, factOptionsOf(checked)) : computeFacts(message, checked);
    const sink = readerSink();
    runRules(message, facts, parsed.source, sink);
    return buildReport(sink, facts, checked, parsed.envelope, message, original);
  } catch (error) {
    // A rule must never take a receiving system down: the message is reported as not validated.
    const detail = error instanceof Error ? error.message : String(error);
    const sink = readerSink();
    addFinding(sink, makeFinding(INPUT_009, 'validation', { detail }, { path: '/', line: 1, column: 1 }));
    return buildReport(sink, undefined, checked, parsed.envelope, message, original);
  }
}

/** The ids with each value through the redactor (a no-op for ids and EANs). */
