import { computeFacts, type Facts } from '../facts/facts';
import { localDate } from '../values/local-date';
import {
  addFinding,
  makeFinding,
  PendingFindings,
  type Finding,
  type FindingCollector,
  type MessageData,
  type Severity,
} from '../findings/finding';
import { MESSAGE_SPEC } from '../model/schema';
import { xmlPathOf, type ModelPath } from '../model/locate';
import type { DeepPartial } from '../model/partial';
import type { GopMessage } from '../model/schema';
import { describeError } from '../input/readable';
import { guardOptions, readWithIds, type MessageSource, type ParseResult, type ReadResult } from '../read/parse';
import { originalIdsOfMessage, type OriginalIds } from '../read/original';
import {
  checkCheckOptions,
  checkValidateOptions,
  type CheckedValidateOptions,
  type CheckOptions,
  type SeveritySetting,
  type ValidateGopOptions,
  type ValidateOptions,
} from './options';
import { checkShape, type Shaped } from '../model/shape';
import { rules, rulesById, RULESET_VERSION, type RuleContext } from '../rules/index';
import { indexValues } from '../rules/values';
import { PROBLEM_RULE, problemFinding, structureProblems, type ModelProblem } from '../model/structure';
import { INPUT_008, tooManyData } from '../read/diagnostics/input-008-too-many-findings';
import { INPUT_009 } from '../read/diagnostics/input-009-internal-error';
import type { Counts, Report } from './report';
import { maskOriginal } from './mask';
import { createRedactor, redactEnvelope, redactFacts, redactFindings } from './redact';

// The options and their zod schemas are in ../options (one per function; types derived from them).
export type { CheckOptions, SeveritySetting, ValidateGopOptions, ValidateOptions };

const LAYER_ORDER = { input: 0, structure: 1, format: 2, code: 3, law: 4 } as const;
const layerOf = (ruleId: string) => LAYER_ORDER[rulesById.get(ruleId)?.layer ?? 'law'];

/** A finding offered to a report: its place in the report's order, and how to make it once it is kept. */
interface Entry {
  line: number;
  column: number;
  layer: number;
  seq: number;
  severity: Severity;
  make: () => Finding;
}

/** The report's order: line, column, layer, then as produced; without a line (0) first. */
const compare = (a: Entry, b: Entry) => a.line - b.line || a.column - b.column || a.layer - b.layer || a.seq - b.seq;
const before = (a: Entry, b: Entry) => compare(a, b) < 0;

/**
 * The findings of one report as they are produced. Severity settings come first ('off' takes no place); then the
 * first `max` in the report's order are kept, in a heap whose top is the last of them, and any other is only counted.
 * A finding's texts are rendered (makeFinding) only when it is still kept at the end, so the many left out of a
 * hostile message cost a comparison each, and memory stays at `max` entries.
 */
class FindingSink implements FindingCollector {
  readonly counts: Counts = { fatal: 0, error: 0, warning: 0, info: 0 };
  readonly omitted: Counts = { fatal: 0, error: 0, warning: 0, info: 0 };
  private readonly heap: Entry[] = [];
  private seq = 0;

  constructor(
    private readonly max: number,
    private readonly settings: Record<string, SeveritySetting> | undefined,
  ) {}

  /** A finding of rule `ruleId` at `at` (line and column), made by `make` only if it is still kept at the end. */
  add(ruleId: string, severity: Severity, at: { line?: number; column?: number } | undefined, make: () => Finding): void {
    const setting = this.settings?.[ruleId];
    if (setting && severity !== 'fatal') {
      if (setting === 'off') return;
      severity = setting;
    }
    this.counts[severity]++;
    const line = at?.line ?? 0;
    const entry: Entry = { line, column: line ? (at?.column ?? 0) : 0, layer: layerOf(ruleId), seq: this.seq++, severity, make };
    const heap = this.heap;
    if (heap.length < this.max) {
      heap.push(entry);
      this.up(heap.length - 1);
    } else if (before(entry, heap[0]!)) {
      this.omitted[heap[0]!.severity]++;
      heap[0] = entry;
      this.down(0);
    } else {
      this.omitted[severity]++;
    }
  }

  get cut(): boolean {
    return this.omitted.fatal + this.omitted.error + this.omitted.warning + this.omitted.info > 0;
  }

  /** The kept findings in the report's order, made, redacted when asked, with their severity as set; GOP-INPUT-008 last when some were left out. */
  findings(redact: ((findings: Finding[]) => Finding[]) | undefined): Finding[] {
    const kept = [...this.heap].sort(compare);
    let made = kept.map((entry) => entry.make());
    if (redact) made = redact(made);
    const out = made.map((finding, i) => (finding.severity === kept[i]!.severity ? finding : { ...finding, severity: kept[i]!.severity }));
    const setting = this.settings?.[INPUT_008.id];
    if (this.cut && setting !== 'off') {
      const severity = setting ?? INPUT_008.severity;
      out.push(makeFinding(INPUT_008, 'tooMany', tooManyData(kept.length, this.omitted), { path: '/' }, severity));
      this.counts[severity]++;
    }
    return out;
  }

  private up(i: number) {
    const heap = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[parent]!, heap[i]!)) break;
      [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
      i = parent;
    }
  }

  private down(i: number) {
    const heap = this.heap;
    for (;;) {
      const left = 2 * i + 1;
      let last = i;
      if (left < heap.length && before(heap[last]!, heap[left]!)) last = left;
      if (left + 1 < heap.length && before(heap[last]!, heap[left + 1]!)) last = left + 1;
      if (last === i) return;
      [heap[last], heap[i]] = [heap[i]!, heap[last]!];
      i = last;
    }
  }
}

/** When nothing could be read, the findings that say why are not the user's to switch off: no settings then. */
const sinkFor = (options: CheckedValidateOptions, readable: boolean) =>
  new FindingSink(options.maxFindings, readable ? options.severity : undefined);

/** Runs every rule with a check function over a (possibly incomplete) message. */
function runRules(message: DeepPartial<GopMessage>, facts: Facts, source: MessageSource | undefined, sink: FindingSink): void {
  let index: ReturnType<typeof indexValues> | undefined; // built once, by the first rule that asks
  for (const rule of rules) {
    const check = rule.check;
    if (!check) continue;
    const context: RuleContext<unknown> = {
      message,
      facts,
      values: (prop) => (index ??= indexValues(message)).get(prop) ?? [],
      report: (path: ModelPath, messageId: string, data?: MessageData) => {
        // Located now (the report's order needs the line), rendered only if kept.
        const at = source?.locate(path);
        sink.add(rule.id, rule.severity, at, () =>
          makeFinding(rule, messageId, data ?? {}, { path: xmlPathOf(path, 'Emessage', MESSAGE_SPEC), ...at }),
        );
      },
    };
    check(context);
  }
}

function buildReport(
  sink: FindingSink,
  facts: Facts | undefined,
  options: CheckedValidateOptions,
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

/**
 * Validates a message object (built in code or read by parseGop): the structure rules on the object itself, then every
 * rule. Without a source, findings carry paths but no lines.
 */
export function validateGop(message: GopMessage | DeepPartial<GopMessage>, options?: ValidateGopOptions | null): Report {
  const checked = guardOptions(checkValidateOptions, options, 'validateGop'); // GopOptionsError: the caller's mistake, not the message's
  try {
    // Rules get a copy without wrongly typed values, cycles and unknown properties: they cannot throw on them.
    const shaped = checkShape(message);
    const clean = shaped.message as DeepPartial<GopMessage>;
    const facts = computeFacts(clean, checked);
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
 * Reads and validates in one call: text, or bytes as parseGop takes them (a Uint8Array, any ArrayBufferView, an
 * ArrayBuffer). Never throws, whatever the input (anything else is a GOP-INPUT-003 finding); options it cannot use
 * throw GopOptionsError.
 */
export function checkGop(input: string | Uint8Array | ArrayBuffer | ArrayBufferView, options?: CheckOptions | null): Report {
  const checked = guardOptions(checkCheckOptions, options, 'checkGop');
  // The reader's findings come whole (parseGop's own cap is for its callers) but unrendered: whether the severity
  // settings apply to them is known once the message is read, and then they meet the report's one cap with the rules'.
  const { result: parsed, findings: read, original } = readWithIds(input, checked, () => new PendingFindings());
  return reportOfRead(parsed, read, original, checked);
}

/**
 * The report checkGop gives, for a message parseGop has already read (its findings, model and source): the same rules,
 * severity settings and one cap, without reading the bytes again. Never throws on what it is given (a parse result
 * built or changed in code may be anything): what cannot be used is reported as not validated (GOP-INPUT-009).
 */
export function checkParsed(parsed: ParseResult, options?: CheckOptions | null): Report {
  const checked = guardOptions(checkCheckOptions, options, 'checkGop');
  try {
    const read = new PendingFindings();
    for (const finding of parsed.findings) addFinding(read, finding);
    const message = parsed.ok ? parsed.message : parsed.partial;
    return reportOfRead(parsed, read, message && originalIdsOfMessage(message), checked);
  } catch (error) {
    const detail = describeError(error);
    const sink = sinkFor(checked, false);
    addFinding(sink, makeFinding(INPUT_009, 'validation', { detail }, { path: '/', line: 1, column: 1 }));
    return buildReport(sink, undefined, checked);
  }
}

function reportOfRead(
  parsed: ReadResult,
  read: PendingFindings,
  original: OriginalIds | undefined,
  checked: CheckedValidateOptions,
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
    const facts = computeFacts(message, checked);
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
