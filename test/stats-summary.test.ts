import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FactsSchema } from '../src/facts/facts';
import { GopOptionsError } from '../src/options/index';
import { parseGop } from '../src/read/parse';
import type { GopMessage } from '../src/model/schema';
import type { Report } from '../src/report/report';
import { checkGop } from '../src/report/validate';
import { PlanSummarySchema, summaryJsonSchema, type PlanSummary, type StartRecord } from '../src/stats/schema';
import { createSummary, summarizePlans } from '../src/stats/summary';
import { buildGop } from '../src/write/build';
import { FIXTURES_DIR } from './helpers';

/*
 * The follow-up numbers on a generated set of plans whose answers are known: the plans are built with buildGop from
 * chosen levels, discharge dates, deadlines, senders and letter ids, the starts chosen per plan, and every expected
 * count is worked out here from those choices (plain loops over the chosen parameters, not the code under test).
 */

// ---------------------------------------------------------------------------------------------------------------
// Dates, done here on their own.

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const dayDiff = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
const dmy = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const periodOf = (iso: string | undefined, by: 'month' | 'quarter' | 'year') =>
  iso === undefined
    ? 'unknown'
    : by === 'year'
      ? iso.slice(0, 4)
      : by === 'quarter'
        ? `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`
        : iso.slice(0, 7);

// ---------------------------------------------------------------------------------------------------------------
// The plans.

type Level = 'almen' | 'specialiseret' | 'rehabilitering' | 'bogus';
type DeadlineChoice = 'absolute' | 'relative' | 'asap' | 'none' | 'later' | 'unreadable';
interface PlanChoice {
  level: Level;
  discharge?: string;
  authorised: string;
  deadline: DeadlineChoice;
  senderEan: string;
  letterId: string;
}

const SENDERS = [
  { ean: '5790002658419', name: 'Aarhus Universitetshospital' },
  { ean: '5790001354145', name: 'Odense Universitetshospital' },
  { ean: '5790000121441', name: 'Sygehus Lillebælt' },
];
const nameOf = (ean: string) => SENDERS.find((s) => s.ean === ean)!.name;

const base = (() => {
  const read = parseGop(readFileSync(`${FIXTURES_DIR}valid/almen-hoftefraktur.xml`));
  if (!read.ok) throw new Error('almen-hoftefraktur.xml does not read');
  return read.message;
})();

/** The deadline text for a choice, and what it means for the guarantee: the later start it asks for, or unreadable. */
function deadlineText(choice: DeadlineChoice, discharge: string | undefined): string | undefined {
  const from = discharge ?? '2024-05-15';
  switch (choice) {
    case 'absolute':
      return `senest ${dmy(addDays(from, 7))}`;
    case 'relative':
      return 'inden for 14 dage';
    case 'asap':
      return 'hurtigst muligt';
    case 'none':
      return undefined;
    case 'later':
      return `tidligst ${dmy(addDays(from, 10))}`;
    case 'unreadable':
      return 'når gipsen er fjernet';
  }
}

function planXml(p: PlanChoice): string {
  const m = structuredClone(base) as GopMessage;
  const plan = m.rehabilitationPlan;
  plan.typeOfRehabilitationPlan = p.level === 'bogus' ? 'almen' : p.level;
  plan.letter.identifier = p.letterId;
  plan.letter.authorisation.date = p.authorised;
  plan.sender.eanIdentifier = p.senderEan;
  plan.sender.organisationName = nameOf(p.senderEan);
  const contact = plan.currentHospitalContact as { expectedEnd?: { date: string; time?: string } };
  if (p.discharge) contact.expectedEnd = { date: p.discharge, time: '11:00' };
  else delete contact.expectedEnd;
  const deadline = deadlineText(p.deadline, p.discharge);
  if (deadline === undefined) delete (plan as { rehabilitationDeadline?: string }).rehabilitationDeadline;
  else plan.rehabilitationDeadline = deadline;
  const xml = buildGop(m);
  // A level outside the code list is no plan buildGop writes: put into the text, as a sender might.
  return p.level === 'bogus' ? xml.replace('>almen</', '>tværfaglig</') : xml;
}

/** What the guarantee is for a choice: does not apply, date not certain, or a date and the day it counts from. */
function guaranteeOf(
  p: PlanChoice,
): { state: 'none' } | { state: 'undetermined' } | { state: 'uncertain' } | { state: 'date'; by: string; from: string } {
  if (p.level === 'bogus') return { state: 'undetermined' };
  if (p.level === 'specialiseret') return { state: 'none' };
  // every plan here is from 2024 or 2025: after 2018-07-01
  if (p.discharge === undefined || p.deadline === 'unreadable') return { state: 'uncertain' };
  const from = p.deadline === 'later' ? addDays(p.discharge, 10) : p.discharge;
  return { state: 'date', by: addDays(from, 7), from };
}

const DEADLINES: DeadlineChoice[] = ['absolute', 'relative', 'asap', 'none', 'later', 'unreadable'];
const LEVELS: Level[] = ['almen', 'almen', 'rehabilitering', 'specialiseret'];

/** 72 plans over 14 months, three senders; ids with leading zeros; two plans share a letter id. */
const CHOICES: PlanChoice[] = Array.from({ length: 72 }, (_, i) => {
  const discharge = addDays('2024-01-05', i * 6);
  return {
    level: LEVELS[i % LEVELS.length]!,
    discharge,
    authorised: discharge,
    deadline: DEADLINES[i % DEADLINES.length]!,
    senderEan: SENDERS[i % 3]!.ean,
    letterId: `000${1000 + i}`,
  };
});
// the same letter id as plan 0, another sender: a row without senderEan for it is ambiguous
CHOICES.push({
  level: 'almen',
  discharge: '2024-02-01',
  authorised: '2024-02-01',
  deadline: 'none',
  senderEan: SENDERS[1]!.ean,
  letterId: '0001000',
});
// no discharge date: period by authorisation, guarantee date not certain
CHOICES.push({ level: 'almen', authorised: '2024-05-15', deadline: 'none', senderEan: SENDERS[2]!.ean, letterId: 'NODISCHARGE' });
// no valid level: whether the guarantee applies cannot be told
CHOICES.push({
  level: 'bogus',
  discharge: '2024-06-03',
  authorised: '2024-06-03',
  deadline: 'none',
  senderEan: SENDERS[0]!.ean,
  letterId: 'BOGUS-1',
});

// ---------------------------------------------------------------------------------------------------------------
// The starts, chosen per plan.

const STARTS: StartRecord[] = [];
CHOICES.forEach((p, i) => {
  const g = guaranteeOf(p);
  const from = g.state === 'date' ? g.from : (p.discharge ?? p.authorised);
  const keyed = { letterIdentifier: p.letterId, senderEan: p.senderEan };
  switch (i % 7) {
    case 0:
      STARTS.push({ ...keyed, started: addDays(from, 3), decidedLevel: 'basal' });
      break;
    case 1:
      STARTS.push({ ...keyed, started: addDays(from, 12), decidedLevel: 'avanceret', offeredStart: addDays(from, 6) });
      break;
    case 2:
      STARTS.push({ ...keyed, offeredStart: addDays(from, 5) }); // not started
      break;
    case 3:
      break; // no row
    case 4:
      STARTS.push({ letterIdentifier: p.letterId, started: addDays(from, 7), decidedLevel: 'basal' }); // letter id alone
      break;
    case 5:
      // two rows that agree: one start
      STARTS.push({ ...keyed, started: addDays(from, i % 3) });
      STARTS.push({ ...keyed, started: addDays(from, i % 3) });
      break;
    case 6:
      STARTS.push({ ...keyed, started: addDays(from, 8) });
      break;
  }
});
// two rows that disagree for plan 10 (10 % 7 = 3: it has no other row)
STARTS.push({ letterIdentifier: CHOICES[10]!.letterId, senderEan: CHOICES[10]!.senderEan, started: '2024-03-10' });
STARTS.push({ letterIdentifier: CHOICES[10]!.letterId, senderEan: CHOICES[10]!.senderEan, started: '2024-03-11' });
// letter id of plan 0 and of the plan with the same letter id, without senderEan: ambiguous
STARTS.push({ letterIdentifier: '0001000', started: '2024-01-09' });
// matches no plan: an unknown letter id, and a known one with the wrong sender
STARTS.push({ letterIdentifier: '9999999', senderEan: SENDERS[0]!.ean, started: '2024-01-09' });
STARTS.push({ letterIdentifier: CHOICES[3]!.letterId, senderEan: '5790000000000', started: '2024-01-09' });

// ---------------------------------------------------------------------------------------------------------------
// The answers, from the choices.

/** A plan as counted: its choice, and whether it can be joined (a redacted report cannot). */
interface Counted {
  choice: PlanChoice;
  keyless: boolean;
}

function expectedSummary(
  counted: readonly Counted[],
  extra: { unreadable: number; duplicates: number },
  starts: readonly StartRecord[],
  by: 'month' | 'quarter' | 'year',
  standardDays?: number,
): PlanSummary {
  const joinable = counted.filter((c) => !c.keyless).map((c) => c.choice);
  const rowsOf = (row: StartRecord) =>
    joinable.filter((p) => p.letterId === row.letterIdentifier && (row.senderEan === undefined || row.senderEan === p.senderEan));
  // plans a row without senderEan makes ambiguous
  const ambiguousPlans = new Set<PlanChoice>();
  for (const row of starts) if (row.senderEan === undefined && rowsOf(row).length >= 2) for (const p of rowsOf(row)) ambiguousPlans.add(p);
  type Start =
    | { state: 'none' }
    | { state: 'unknown'; reason: 'ambiguousStart' | 'conflictingStarts' | 'noIdentity' }
    | { state: 'row'; row: StartRecord };
  const startOf = (c: Counted): Start => {
    if (c.keyless) return starts.length > 0 ? { state: 'unknown', reason: 'noIdentity' } : { state: 'none' };
    if (ambiguousPlans.has(c.choice)) return { state: 'unknown', reason: 'ambiguousStart' };
    const mine = starts.filter((row) => rowsOf(row).length === 1 && rowsOf(row)[0] === c.choice);
    if (mine.length === 0) return { state: 'none' };
    const agree = mine.every((r) => r.started === mine[0]!.started && r.decidedLevel === mine[0]!.decidedLevel);
    return agree ? { state: 'row', row: mine[0]! } : { state: 'unknown', reason: 'conflictingStarts' };
  };
  const rowState = (row: StartRecord) => {
    const plans = rowsOf(row);
    if (plans.length === 0) return 'unmatched';
    if (plans.length >= 2) return 'ambiguous';
    const start = startOf({ choice: plans[0]!, keyless: false });
    return start.state === 'unknown' && start.reason === 'conflictingStarts' ? 'conflicting' : 'matched';
  };

  const follow = () => ({
    applies: 0,
    startedWithin: 0,
    startedLate: 0,
    notStarted: 0,
    unknown: 0,
    unknownReasons: { dateNotCertain: 0, ambiguousStart: 0, conflictingStarts: 0, noIdentity: 0, notComputed: 0 },
    notDetermined: 0,
  });
  const guarantee = follow();
  const standard = follow();
  const count = (f: ReturnType<typeof follow>, by: string | undefined, start: Start) => {
    f.applies++;
    if (by === undefined) {
      f.unknown++;
      f.unknownReasons.dateNotCertain++;
    } else if (start.state === 'unknown') {
      f.unknown++;
      f.unknownReasons[start.reason]++;
    } else if (start.state === 'none' || start.row.started === undefined) f.notStarted++;
    else if (start.row.started <= by) f.startedWithin++;
    else f.startedLate++;
  };
  const periods = new Map<string, PlanSummary['periods'][number]>();
  const senders = new Map<string, number>();
  const deadlines = { absolute: 0, relative: 0, asap: 0, none: 0, unreadable: 0 };
  const days: number[] = [];
  for (const c of counted) {
    const p = c.choice;
    const key = periodOf(p.discharge ?? p.authorised, by);
    const period = periods.get(key) ?? {
      period: key,
      plans: 0,
      levels: { almen: 0, specialiseret: 0, rehabilitering: 0, unknown: 0 },
      decided: { basal: 0, avanceret: 0 },
    };
    period.plans++;
    period.levels[p.level === 'bogus' ? 'unknown' : p.level]++;
    periods.set(key, period);
    senders.set(p.senderEan, (senders.get(p.senderEan) ?? 0) + 1);
    deadlines[p.deadline === 'later' ? 'none' : p.deadline]++;
    const start = startOf(c);
    if (start.state === 'row' && start.row.decidedLevel) period.decided[start.row.decidedLevel]++;
    const g = guaranteeOf(p);
    if (g.state === 'undetermined') guarantee.notDetermined++;
    if (g.state === 'uncertain' || g.state === 'date') count(guarantee, g.state === 'date' ? g.by : undefined, start);
    if (g.state === 'date' && start.state === 'row' && start.row.started !== undefined) days.push(dayDiff(g.from, start.row.started));
    // the standard (calendar days, no weekend rule) applies where the municipality provides: almen and rehabilitering in 2024–25
    if (standardDays !== undefined && g.state === 'undetermined') standard.notDetermined++;
    if (standardDays !== undefined && (g.state === 'uncertain' || g.state === 'date')) {
      count(standard, g.state === 'date' ? addDays(g.from, standardDays) : undefined, start);
    }
  }
  days.sort((a, b) => a - b);
  const rank = (q: number) => days[Math.ceil(q * days.length) - 1];
  const histogram = [...new Set(days)].map((d) => ({ days: d, plans: days.filter((x) => x === d).length }));
  const rows = { rows: starts.length, matched: 0, unmatched: 0, ambiguous: 0, conflicting: 0 };
  for (const row of starts) rows[rowState(row)]++;
  const withNames = 'sender' in FactsSchema.shape; // facts.sender (issue #25's other part) gives the names
  return {
    plans: counted.length,
    keyless: counted.filter((c) => c.keyless).length,
    unreadable: extra.unreadable,
    duplicates: extra.duplicates,
    by,
    periods: [...periods.values()].sort((a, b) => (a.period < b.period ? -1 : 1)),
    senders: [...senders]
      .sort(([ea, a], [eb, b]) => b - a || (ea < eb ? -1 : 1))
      .map(([ean, plans]) => ({ ean, ...(withNames ? { name: nameOf(ean) } : {}), plans })),
    deadlines,
    guarantee,
    ...(standardDays !== undefined ? { standard: { name: 'Kvalitetsstandard', ...standard } } : {}),
    daysToStart: {
      plans: days.length,
      ...(days.length > 0 ? { median: rank(0.5)!, p90: rank(0.9)! } : {}),
      histogram,
    },
    starts: rows,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The inputs: bytes, text and reports; duplicates, unreadable inputs and a redacted report among them.

const encoder = new TextEncoder();
const XML = CHOICES.map(planXml);
const REDACTED_OF = 4; // plan 5 once more, redacted: keyless, counted again
function inputs(): { list: (Uint8Array | string | Report)[]; counted: Counted[]; unreadable: number; duplicates: number } {
  const list: (Uint8Array | string | Report)[] = [];
  XML.forEach((xml, i) => list.push(i % 3 === 0 ? encoder.encode(xml) : i % 3 === 1 ? xml : checkGop(xml)));
  // duplicates: the same plan again, and another plan with the same sender and letter id as plan 7
  list.push(XML[2]!, encoder.encode(XML[4]!), planXml({ ...CHOICES[7]!, level: 'specialiseret', deadline: 'asap' }));
  // unreadable: not XML, cut off, bytes of nothing, an object that is no report
  list.push('not a plan', XML[1]!.slice(0, 400), new Uint8Array([0xff, 0xfe, 0x00]), { hello: 1 } as unknown as Report);
  list.push(checkGop(XML[REDACTED_OF]!, { redact: true }));
  const counted = CHOICES.map((choice) => ({ choice, keyless: false }));
  counted.push({ choice: CHOICES[REDACTED_OF]!, keyless: true });
  return { list, counted, unreadable: 4, duplicates: 3 };
}

describe('summarizePlans on a generated set with known answers', () => {
  const { list, counted, unreadable, duplicates } = inputs();

  for (const by of ['month', 'quarter', 'year'] as const) {
    it(`counts every field right, by ${by}`, async () => {
      const summary = await summarizePlans(list, { starts: STARTS, by });
      expect(PlanSummarySchema.parse(summary)).toEqual(summary);
      expect(summary).toEqual(expectedSummary(counted, { unreadable, duplicates }, STARTS, by));
    });
  }

  it('has the counts the choices were made for (a few by hand)', async () => {
    const summary = await summarizePlans(list, { starts: STARTS });
    expect(summary.plans).toBe(76); // 75 distinct plans and the redacted copy
    expect(summary.keyless).toBe(1);
    expect(summary.unreadable).toBe(4);
    expect(summary.duplicates).toBe(3);
    expect(summary.starts.ambiguous).toBe(1);
    expect(summary.starts.conflicting).toBe(2);
    expect(summary.starts.unmatched).toBe(2);
    expect(summary.guarantee.notDetermined).toBe(1);
    expect(summary.guarantee.unknownReasons.ambiguousStart).toBe(2); // plan 0 and the plan with its letter id
    expect(summary.guarantee.unknownReasons.noIdentity).toBe(1); // the redacted report
    expect(summary.periods.find((p) => p.period === '2024-05')!.plans).toBeGreaterThanOrEqual(1); // the plan without discharge
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(sum(summary.periods.map((p) => p.plans))).toBe(summary.plans);
    expect(sum(summary.senders.map((s) => s.plans))).toBe(summary.plans);
    expect(sum(Object.values(summary.deadlines))).toBe(summary.plans);
    const g = summary.guarantee;
    expect(g.startedWithin + g.startedLate + g.notStarted + g.unknown).toBe(g.applies);
    expect(sum(Object.values(g.unknownReasons))).toBe(g.unknown);
    const s = summary.starts;
    expect(s.matched + s.unmatched + s.ambiguous + s.conflicting).toBe(s.rows);
  });

  it('gives the same answer from sync and async iterables and from createSummary, in any order of rows', async () => {
    const expected = await summarizePlans(list, { starts: STARTS });
    async function* stream() {
      for (const input of list) yield input;
    }
    expect(await summarizePlans(stream(), { starts: STARTS })).toEqual(expected);
    const summary = createSummary({ starts: [...STARTS].reverse() });
    for (const input of list) summary.add(input);
    expect(summary.result()).toEqual(expected);
    expect(summary.result()).toEqual(expected); // result() leaves the summary as it was
  });

  it('counts every plan as not started without starts, and no start row', async () => {
    const summary = await summarizePlans(list);
    expect(summary).toEqual(expectedSummary(counted, { unreadable, duplicates }, [], 'month'));
    expect(summary.daysToStart).toEqual({ plans: 0, histogram: [] });
  });

  it('counts the standard over the plans the municipality provides', async () => {
    const standard = { name: 'Kvalitetsstandard', start: { within: 10, unit: 'days' as const, from: 'discharge' as const } };
    const fresh = [...XML, checkGop(XML[REDACTED_OF]!, { redact: true, standard } as never)];
    const summary = await summarizePlans(fresh, { starts: STARTS, standard });
    const all = CHOICES.map((choice) => ({ choice, keyless: false }));
    all.push({ choice: CHOICES[REDACTED_OF]!, keyless: true });
    expect(summary).toEqual(expectedSummary(all, { unreadable: 0, duplicates: 0 }, STARTS, 'month', 10));
  });
});

describe('a held-back row without senderEan', () => {
  const [a, b] = [CHOICES[0]!, CHOICES[72]!]; // the two plans with letter id 0001000
  const row: StartRecord = { letterIdentifier: '0001000', started: addDays(a.discharge!, 2), decidedLevel: 'avanceret' };

  it('joins the one plan with its letter id, whenever the plan comes', async () => {
    const summary = await summarizePlans([XML[0]!], { starts: [row] });
    expect(summary.starts).toEqual({ rows: 1, matched: 1, unmatched: 0, ambiguous: 0, conflicting: 0 });
    expect(summary.guarantee.startedWithin).toBe(1);
    expect(summary.periods[0]!.decided).toEqual({ basal: 0, avanceret: 1 });
    expect(summary.daysToStart).toEqual({ plans: 1, median: 2, p90: 2, histogram: [{ days: 2, plans: 1 }] });
  });

  it('joins none when a second plan has it, even one added after result()', () => {
    const summary = createSummary({ starts: [row] });
    summary.add(XML[0]!);
    expect(summary.result().starts.matched).toBe(1);
    summary.add(XML[72]!);
    const result = summary.result();
    expect(result.starts).toEqual({ rows: 1, matched: 0, unmatched: 0, ambiguous: 1, conflicting: 0 });
    expect(result.guarantee.unknownReasons.ambiguousStart).toBe(2);
    expect(result.guarantee.startedWithin).toBe(0);
    expect(result.periods.every((p) => p.decided.avanceret === 0)).toBe(true);
    expect(result.daysToStart.plans).toBe(0);
    expect([a.senderEan, b.senderEan]).toEqual([SENDERS[0]!.ean, SENDERS[1]!.ean]);
  });
});

describe('memory: one key per distinct plan, counters otherwise', () => {
  it('holds at most 10,000 keys and one histogram entry per number of days after 10,000 plans and 5,000 duplicates', () => {
    const template = checkGop(XML[0]!);
    const summary = createSummary({ starts: [{ letterIdentifier: 'P1', senderEan: SENDERS[0]!.ean, started: '2024-01-10' }] });
    const n = 10_000;
    for (let i = 0; i < n; i++) {
      const discharge = addDays('2024-01-01', i % 366);
      const facts = { ...template.facts!, dischargeDate: discharge, guaranteedStartBy: addDays(discharge, 7) };
      summary.add({ ...template, facts, original: { ...template.original!, letters: [{ identifier: `P${i}` }] } });
      if (i % 2 === 0) summary.add({ ...template, facts, original: { ...template.original!, letters: [{ identifier: `P${i}` }] } });
    }
    const retained = summary.retained();
    expect(retained.planKeys).toBe(n); // the duplicates added none
    expect(retained.days).toBeLessThanOrEqual(1); // one plan started: one number of days
    expect(retained.periods).toBeLessThanOrEqual(13); // 366 days of 2024 and one of 2025: months
    expect(retained.senders).toBe(1);
    expect(retained.heldPlans).toBe(0);
    const result = summary.result();
    expect(result.plans).toBe(n);
    expect(result.duplicates).toBe(n / 2);
  });
});

describe('options', () => {
  it('throws GopOptionsError for options it cannot use, naming each', () => {
    expect(() => createSummary({ by: 'week' } as never)).toThrow(GopOptionsError);
    expect(() => createSummary({ starts: [{ letterIdentifier: '' }] })).toThrow(GopOptionsError);
    expect(() => createSummary({ starts: [{ letterIdentifier: '1', started: '2024-02-30' }] })).toThrow(/started/);
    expect(() => createSummary({ strats: [] } as never)).toThrow(/starts/);
  });

  it('rejects inputs that are not iterable, and counts what is not a plan as unreadable', async () => {
    await expect(summarizePlans(42 as never)).rejects.toThrow(GopOptionsError);
    const summary = await summarizePlans([null, 42, new ArrayBuffer(3), [], {}] as never);
    expect(summary.unreadable).toBe(5);
    expect(summary.plans).toBe(0);
  });
});

describe('schemas/summary.schema.json', () => {
  it('is up to date with the zod schema (if not: run `npm run schemas`)', () => {
    const expected = `${JSON.stringify(summaryJsonSchema(), null, 2)}\n`;
    const actual = readFileSync(new URL('../schemas/summary.schema.json', import.meta.url), 'utf8');
    expect(actual === expected, 'schemas/summary.schema.json is stale: run `npm run schemas`').toBe(true);
  });

  it('describes every field', () => {
    const undescribed: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (typeof node !== 'object' || node === null) return;
      const properties = (node as { properties?: Record<string, { description?: string }> }).properties;
      for (const [key, child] of Object.entries(properties ?? {})) {
        if (!child.description) undescribed.push(`${path}.${key}`);
        walk(child, `${path}.${key}`);
      }
      const items = (node as { items?: unknown }).items;
      if (items) walk(items, `${path}[]`);
    };
    walk(summaryJsonSchema(), '');
    expect(undescribed).toEqual([]);
  });
});
