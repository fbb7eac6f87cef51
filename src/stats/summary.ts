import type { Facts } from '../facts/facts';
import { detached } from '../values/detached';
import { GopOptionsError } from '../options/index';
import type { Report } from '../report/report';
import { checkGop } from '../report/validate';
import { LEVELS, type Level } from '../standard/codelists';
import { daysBetween, isIsoDate } from '../values/date';
import type { QualityStandard } from '../facts/quality-standard';
import {
  checkSummaryOptions,
  type CheckedSummaryOptions,
  type PeriodUnit,
  type PlanSummary,
  type StartRecord,
  type SummaryOptions,
} from './schema';

/** What summarizePlans and createSummary take: a plan's bytes or text (read by checkGop), or a report checkGop made. */
export type SummaryInput = Uint8Array | string | Report;

/** How many entries a summary holds now (see createSummary): counters, not bytes. */
export interface RetainedEntries {
  /** one key per distinct plan identity (sender EAN, Letter/Identifier), for de-duplication */
  planKeys: number;
  /** distinct numbers of days in the days-to-start histogram */
  days: number;
  periods: number;
  senders: number;
  /** plans held back until the end: at most one per letter identifier of a start row without senderEan */
  heldPlans: number;
}

export interface Summary {
  /** Counts one input. Never throws on the input: what is not a readable plan counts as unreadable. */
  add(input: SummaryInput): void;
  /** The summary of everything added so far; add may go on after it. */
  result(): PlanSummary;
  /** What the summary holds (for tests and the bench): it grows with distinct plans and days, never with inputs otherwise. */
  retained(): RetainedEntries;
}

type UnknownReason = keyof PlanSummary['guarantee']['unknownReasons'];
/** A plan's standing against the guarantee or the standard, before its start is known. */
type Track =
  | { state: 'none' } // does not apply
  | { state: 'notDetermined' } // cannot tell whether it applies (guarantee only)
  | { state: 'unknown'; reason: UnknownReason }
  | { state: 'date'; by: string; from?: string };

/** What a start row says of a plan, as far as it can be told. */
type StartOf =
  | { state: 'none' } // no row (or none given)
  | { state: 'row'; started?: string; decidedLevel?: StartRecord['decidedLevel'] }
  | { state: 'unknown'; reason: 'ambiguousStart' | 'conflictingStarts' | 'noIdentity' };

/** The little of a plan that outlives add(): what is needed once its start is known. */
interface Pending {
  period: string;
  guarantee: Track;
  standard: Track | undefined;
  keyedRows: readonly number[];
}

/** Row states (per start row, one byte): unmatched until a plan takes it. */
const ROW_MATCHED = 1;
const ROW_AMBIGUOUS = 2;
const ROW_CONFLICTING = 3;

interface Follow {
  applies: number;
  startedWithin: number;
  startedLate: number;
  notStarted: number;
  unknown: number;
  unknownReasons: Record<UnknownReason, number>;
  notDetermined: number;
}
const newFollow = (): Follow => ({
  applies: 0,
  startedWithin: 0,
  startedLate: 0,
  notStarted: 0,
  unknown: 0,
  unknownReasons: { dateNotCertain: 0, ambiguousStart: 0, conflictingStarts: 0, noIdentity: 0, notComputed: 0 },
  notDetermined: 0,
});
const copyFollow = (f: Follow): Follow => ({ ...f, unknownReasons: { ...f.unknownReasons } });

type PeriodCounts = Omit<PlanSummary['periods'][number], 'period'>;
const copyPeriod = (p: PeriodCounts): PeriodCounts => ({ plans: p.plans, levels: { ...p.levels }, decided: { ...p.decided } });

/** The counts that start rows still held back may change: copied for result(), so that add can go on. */
interface Outcome {
  periods: Map<string, PeriodCounts>;
  guarantee: Follow;
  standard: Follow;
  days: Map<number, number>;
  rowState: Uint8Array;
}

const validDay = (value: string | undefined): string | undefined => (value !== undefined && isIsoDate(value) ? value : undefined);

function periodOf(date: string | undefined, by: PeriodUnit): string {
  if (date === undefined) return 'unknown';
  const year = date.slice(0, 4);
  if (by === 'year') return year;
  if (by === 'quarter') return `${year}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
  return date.slice(0, 7);
}

/** A report as checkGop makes it: enough of its shape to read (a value that is not one is unreadable, not thrown at). */
function isReport(input: unknown): input is Report {
  if (typeof input !== 'object' || input === null) return false;
  const report = input as Partial<Report>;
  return Array.isArray(report.findings) && typeof report.counts === 'object' && report.counts !== null;
}

function guaranteeTrack(facts: Facts): Track {
  const { guarantee } = facts;
  if (!guarantee.applies) {
    // facts.guarantee.applies is false also where it cannot be told (see guaranteeOf): kept apart, not counted as "does not apply".
    const dated = facts.dischargeDate !== undefined || validDay(facts.authorisedAt?.slice(0, 10)) !== undefined;
    const undetermined = facts.level === undefined || (facts.level !== 'specialiseret' && !dated);
    return undetermined ? { state: 'notDetermined' } : { state: 'none' };
  }
  const by = validDay(facts.guaranteedStartBy);
  if (by === undefined) return { state: 'unknown', reason: 'dateNotCertain' };
  const from = validDay(
    guarantee.from === 'laterStart' ? facts.earliestStart : guarantee.from === 'discharge' ? facts.dischargeDate : undefined,
  );
  return from === undefined ? { state: 'date', by } : { state: 'date', by, from };
}

function standardTrack(facts: Facts, name: string): Track {
  // Whether the municipality provides: the level decides, but rehabilitering only with a date (see facts.provider).
  const dated = facts.dischargeDate !== undefined || validDay(facts.authorisedAt?.slice(0, 10)) !== undefined;
  if (facts.level === undefined || (facts.level === 'rehabilitering' && !dated)) return { state: 'notDetermined' };
  const standard = facts.standard;
  if (standard === undefined || standard.name !== name) {
    // A report made without this standard: whether it applies is the provider's (the shared design), its date unknown.
    return facts.provider === 'municipality' ? { state: 'unknown', reason: 'notComputed' } : { state: 'none' };
  }
  if (!standard.applies) return { state: 'none' };
  const by = validDay(standard.startBy);
  return by === undefined ? { state: 'unknown', reason: 'dateNotCertain' } : { state: 'date', by };
}

/** Counts one plan's standing, now that its start is known as far as it can be. */
function countTrack(follow: Follow, track: Track, start: StartOf): void {
  if (track.state === 'notDetermined') follow.notDetermined++;
  if (track.state === 'none' || track.state === 'notDetermined') return;
  follow.applies++;
  if (track.state === 'unknown') {
    follow.unknown++;
    follow.unknownReasons[track.reason]++;
  } else if (start.state === 'unknown') {
    follow.unknown++;
    follow.unknownReasons[start.reason]++;
  } else if (start.state === 'none' || start.started === undefined) {
    follow.notStarted++;
  } else if (start.started <= track.by) {
    follow.startedWithin++;
  } else {
    follow.startedLate++;
  }
}

/** The one start of rows matching one plan: they must agree on what they say, else it cannot be told. */
function startOfRows(rows: readonly number[], starts: readonly StartRecord[], outcome: Outcome): StartOf {
  if (rows.length === 0) return { state: 'none' };
  const first = starts[rows[0]!]!;
  const agree = rows.every((i) => starts[i]!.started === first.started && starts[i]!.decidedLevel === first.decidedLevel);
  for (const i of rows) outcome.rowState[i] = agree ? ROW_MATCHED : ROW_CONFLICTING;
  return agree
    ? { state: 'row', started: first.started, decidedLevel: first.decidedLevel }
    : { state: 'unknown', reason: 'conflictingStarts' };
}

/** Applies a plan's start to the counts that depend on it. */
function settle(plan: Pending, start: StartOf, outcome: Outcome): void {
  countTrack(outcome.guarantee, plan.guarantee, start);
  if (plan.standard) countTrack(outcome.standard, plan.standard, start);
  if (start.state !== 'row') return;
  if (start.decidedLevel) outcome.periods.get(plan.period)!.decided[start.decidedLevel]++;
  const g = plan.guarantee;
  if (start.started !== undefined && g.state === 'date' && g.from !== undefined) {
    const days = daysBetween(g.from, start.started);
    outcome.days.set(days, (outcome.days.get(days) ?? 0) + 1);
  }
}

/** Nearest rank: the value at rank ⌈p·n⌉ (1-based) of the days in order, read off the histogram. */
function nearestRank(days: ReadonlyMap<number, number>, sorted: readonly number[], n: number, p: number): number | undefined {
  if (n === 0) return undefined;
  const rank = Math.max(1, Math.ceil(p * n));
  let seen = 0;
  for (const d of sorted) {
    seen += days.get(d)!;
    if (seen >= rank) return d;
  }
  return undefined;
}

const KEY_SEPARATOR = '\u0000';

/** Everything a summary holds between inputs (see createSummary for what grows with what). */
interface State {
  by: PeriodUnit;
  starts: readonly StartRecord[];
  standardName: string | undefined;
  checkOptions: { standard?: QualityStandard; referenceDate?: string | Date; timeZone?: string };
  /** start rows by (senderEan, letterIdentifier) */
  keyed: Map<string, number[]>;
  /** start rows without senderEan by letterIdentifier, with how many plans have it and the one held back */
  loose: Map<string, { rows: number[]; plans: number; held?: Pending }>;
  seen: Set<string>;
  counts: { plans: number; keyless: number; unreadable: number; duplicates: number; held: number };
  senders: Map<string, { name?: string; plans: number }>; // '' = no readable sender EAN
  deadlines: PlanSummary['deadlines'];
  outcome: Outcome;
}

function newState(checked: CheckedSummaryOptions): State {
  const starts: readonly StartRecord[] = checked.starts ?? [];
  const state: State = {
    by: checked.by ?? 'month',
    starts,
    standardName: checked.standard?.name,
    checkOptions: {
      ...(checked.standard ? { standard: checked.standard } : {}),
      ...(checked.referenceDate !== undefined ? { referenceDate: checked.referenceDate } : {}),
      ...(checked.timeZone !== undefined ? { timeZone: checked.timeZone } : {}),
    },
    keyed: new Map(),
    loose: new Map(),
    seen: new Set(),
    counts: { plans: 0, keyless: 0, unreadable: 0, duplicates: 0, held: 0 },
    senders: new Map(),
    deadlines: { absolute: 0, relative: 0, asap: 0, none: 0, unreadable: 0 },
    outcome: {
      periods: new Map(),
      guarantee: newFollow(),
      standard: newFollow(),
      days: new Map(),
      rowState: new Uint8Array(starts.length),
    },
  };
  // The start rows, indexed once.
  starts.forEach((row, i) => {
    if (row.senderEan === undefined) {
      const group = state.loose.get(row.letterIdentifier) ?? { rows: [], plans: 0 };
      group.rows.push(i);
      state.loose.set(row.letterIdentifier, group);
    } else {
      const key = `${row.senderEan}${KEY_SEPARATOR}${row.letterIdentifier}`;
      const rows = state.keyed.get(key) ?? [];
      rows.push(i);
      state.keyed.set(key, rows);
    }
  });
  return state;
}

function reportOf(input: unknown, state: State): Report | undefined {
  try {
    if (typeof input === 'string' || input instanceof Uint8Array) return checkGop(input, state.checkOptions);
    return isReport(input) ? input : undefined;
  } catch (error) {
    if (error instanceof GopOptionsError) throw error; // our options were checked: never swallowed if it happens
    return undefined;
  }
}

/** The plan's counts that need no start: period and level, sender, deadline kind. */
function countPlan(state: State, report: Report, facts: Facts, senderEan: string | undefined): string {
  const level = (LEVELS as readonly string[]).includes(facts.level ?? '') ? (facts.level as Level) : 'unknown';
  const period = periodOf(validDay(facts.dischargeDate) ?? validDay(facts.authorisedAt?.slice(0, 10)), state.by);
  const counts = state.outcome.periods.get(period) ?? {
    plans: 0,
    levels: { almen: 0, specialiseret: 0, rehabilitering: 0, unknown: 0 },
    decided: { basal: 0, avanceret: 0 },
  };
  counts.plans++;
  counts.levels[level]++;
  state.outcome.periods.set(period, counts);

  const ean = [senderEan, facts.sender?.ean].find((e) => e !== undefined && /^\d{13}$/.test(e)) ?? '';
  const sender = state.senders.get(ean) ?? { plans: 0 };
  sender.plans++;
  const name = facts.sender?.name?.trim();
  if (sender.name === undefined && name && report.redacted !== true && ean !== '') sender.name = detached(name);
  if (sender.plans === 1) state.senders.set(detached(ean), sender);

  if (facts.deadline.kind in state.deadlines) state.deadlines[facts.deadline.kind]++;
  return period;
}

/** Joins a plan with an identity to its start rows: now, or (a row without senderEan has its letter id) at the end. */
function joinPlan(state: State, plan: Pending, senderEan: string, letterId: string): void {
  const { outcome, starts } = state;
  plan.keyedRows = state.keyed.get(`${senderEan}${KEY_SEPARATOR}${letterId}`) ?? [];
  const group = state.loose.get(letterId);
  if (!group) {
    settle(plan, startOfRows(plan.keyedRows, starts, outcome), outcome);
    return;
  }
  // Whether the row without senderEan is this plan's is known only once every plan is in.
  group.plans++;
  if (group.plans === 1) {
    group.held = plan;
    state.counts.held++;
    return;
  }
  const ambiguous: StartOf = { state: 'unknown', reason: 'ambiguousStart' };
  if (group.held) {
    for (const i of group.held.keyedRows) outcome.rowState[i] = ROW_MATCHED;
    settle(group.held, ambiguous, outcome);
    group.held = undefined;
    state.counts.held--;
  }
  for (const i of plan.keyedRows) outcome.rowState[i] = ROW_MATCHED;
  settle(plan, ambiguous, outcome);
}

function addInput(state: State, input: SummaryInput): void {
  const report = reportOf(input, state);
  const facts = report?.facts;
  const { counts } = state;
  if (!report || !facts || report.counts.fatal > 0) {
    counts.unreadable++;
    return;
  }
  const senderEan = report.original?.senderEan;
  const letterId = report.original?.letters[0]?.identifier;
  const keyless = report.redacted === true || senderEan === undefined || letterId === undefined;
  if (!keyless) {
    const key = `${senderEan}${KEY_SEPARATOR}${letterId}`;
    if (state.seen.has(key)) {
      counts.duplicates++;
      return;
    }
    state.seen.add(detached(key));
  } else counts.keyless++;
  counts.plans++;
  const plan: Pending = {
    period: countPlan(state, report, facts, senderEan),
    guarantee: guaranteeTrack(facts),
    standard: state.standardName === undefined ? undefined : standardTrack(facts, state.standardName),
    keyedRows: [],
  };
  if (keyless) {
    // Not joined: with starts given, whether it started cannot be told.
    settle(plan, state.starts.length > 0 ? { state: 'unknown', reason: 'noIdentity' } : { state: 'none' }, state.outcome);
  } else joinPlan(state, plan, senderEan, letterId);
}

/** The outcome with the held-back plans settled, on a copy: add may go on after result(). */
function finalOutcome(state: State): Outcome {
  const { outcome } = state;
  const final: Outcome = {
    periods: new Map([...outcome.periods].map(([k, v]) => [k, copyPeriod(v)])),
    guarantee: copyFollow(outcome.guarantee),
    standard: copyFollow(outcome.standard),
    days: new Map(outcome.days),
    rowState: outcome.rowState.slice(),
  };
  for (const group of state.loose.values()) {
    if (group.plans >= 2) for (const i of group.rows) final.rowState[i] = ROW_AMBIGUOUS;
    else if (group.held) settle(group.held, startOfRows([...group.held.keyedRows, ...group.rows], state.starts, final), final);
  }
  return final;
}

function summaryOf(state: State): PlanSummary {
  const final = finalOutcome(state);
  const rowCounts = { rows: state.starts.length, matched: 0, unmatched: 0, ambiguous: 0, conflicting: 0 };
  for (const row of final.rowState) {
    if (row === ROW_MATCHED) rowCounts.matched++;
    else if (row === ROW_AMBIGUOUS) rowCounts.ambiguous++;
    else if (row === ROW_CONFLICTING) rowCounts.conflicting++;
    else rowCounts.unmatched++;
  }
  const sortedDays = [...final.days.keys()].sort((a, b) => a - b);
  const n = sortedDays.reduce((sum, d) => sum + final.days.get(d)!, 0);
  const median = nearestRank(final.days, sortedDays, n, 0.5);
  const p90 = nearestRank(final.days, sortedDays, n, 0.9);
  const periodKeys = [...final.periods.keys()].sort((a, b) => (a === 'unknown' ? 1 : b === 'unknown' ? -1 : a < b ? -1 : a > b ? 1 : 0));
  const senders = [...state.senders].sort(([ea, a], [eb, b]) => b.plans - a.plans || (ea === '' ? 1 : eb === '' ? -1 : ea < eb ? -1 : 1));
  const { plans, keyless, unreadable, duplicates } = state.counts;
  return {
    plans,
    keyless,
    unreadable,
    duplicates,
    by: state.by,
    periods: periodKeys.map((period) => ({ period, ...final.periods.get(period)! })),
    senders: senders.map(([ean, s]) => ({
      ...(ean === '' ? {} : { ean }),
      ...(s.name === undefined ? {} : { name: s.name }),
      plans: s.plans,
    })),
    deadlines: { ...state.deadlines },
    guarantee: final.guarantee,
    ...(state.standardName === undefined ? {} : { standard: { name: state.standardName, ...final.standard } }),
    daysToStart: {
      plans: n,
      ...(median === undefined ? {} : { median }),
      ...(p90 === undefined ? {} : { p90 }),
      histogram: sortedDays.map((days) => ({ days, plans: final.days.get(days)! })),
    },
    starts: rowCounts,
  };
}

/**
 * A summary that counts plans one at a time, synchronously: `add` each plan (bytes, text or a checkGop report), then
 * `result()`. Bytes and text are read with checkGop(input, { standard, referenceDate, timeZone }).
 *
 * Memory: what it keeps does not grow with the number of inputs except by one key per distinct plan identity
 * (sender EAN + Letter/Identifier, a short string, for de-duplication) — duplicates, unreadable inputs and keyless plans
 * add nothing. Everything else is fixed counters or grows with the values, not the plans: the days-to-start histogram
 * (Map day → count, one entry per distinct number of days), the periods (Map period → counts, one per period), the
 * senders (one per distinct sender EAN) and per start row (the caller's input) its state, plus at most one held-back
 * plan per letter identifier of a start row without senderEan (it cannot be joined until all plans are in). No report
 * is kept. `retained()` says how many entries it holds.
 *
 * Throws GopOptionsError for options it cannot use; never on an input.
 */
export function createSummary(options?: SummaryOptions | null): Summary {
  const state = newState(checkSummaryOptions(options));
  return {
    add: (input) => addInput(state, input),
    result: () => summaryOf(state),
    retained: () => ({
      planKeys: state.seen.size,
      days: state.outcome.days.size,
      periods: state.outcome.periods.size,
      senders: state.senders.size,
      heldPlans: state.counts.held,
    }),
  };
}

const isIterable = (value: unknown): value is Iterable<unknown> | AsyncIterable<unknown> =>
  typeof value === 'object' &&
  value !== null &&
  (typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function' ||
    typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function');

/**
 * The follow-up numbers over many plans: createSummary over every input, one at a time (an async iterable is read as
 * it comes: a folder of plans need not be in memory). Memory as createSummary says. Rejects with GopOptionsError for
 * options it cannot use, or inputs that are not iterable; never for an input that is not a plan (it is unreadable).
 */
export async function summarizePlans(
  inputs: Iterable<SummaryInput> | AsyncIterable<SummaryInput>,
  options?: SummaryOptions | null,
): Promise<PlanSummary> {
  const summary = createSummary(options);
  if (!isIterable(inputs)) {
    throw new GopOptionsError('summarizePlans', [{ path: 'inputs', message: 'must be an iterable or async iterable of plans or reports' }]);
  }
  for await (const input of inputs) summary.add(input);
  return summary.result();
}
