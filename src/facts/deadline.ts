import { addMonths } from 'date-fns/addMonths';
import { z } from 'zod';
import { addDaysIso, calendarIso, daysBetween, formatIsoDate, isIsoDate, longDate, parseIsoDate } from '../values/date';
import { addDanishWorkingDays } from './holidays';
import { finishPair, quoted } from '../values/quote';
import { joinPhrases, normalise, tokenise } from './deadline-tokens';
import { parseStatements, shown, type Role, type StatedDate, type Statement, Unreadable, type When } from './deadline-parse';

const DEADLINE_KINDS = ['absolute', 'relative', 'asap', 'none', 'unreadable'] as const;
const DeadlineKindSchema = z
  .enum(DEADLINE_KINDS)
  .describe(
    'what the latest start is read as: a date, a period after discharge, as soon as possible, no deadline (also when the text asks only for a later start), or unreadable (never guessed)',
  );
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

const DeadlinePeriodSchema = z.object({
  amount: z.number().int().nonnegative(),
  unit: z.enum(['day', 'week', 'month', 'workingDay', 'hour']),
});
export type DeadlinePeriod = z.infer<typeof DeadlinePeriodSchema>;

const DeadlineClauseSchema = z
  .object({
    type: z.enum(['deadline', 'earliestStart', 'asap', 'none']),
    date: z.string().optional().describe('the date it names or computes, YYYY-MM-DD'),
    period: DeadlinePeriodSchema.optional(),
    words: z.string().describe('the words it was read from, as normalised'),
  })
  .describe('one statement of the text, as read');
type DeadlineClause = z.infer<typeof DeadlineClauseSchema>;

/** The whole reading of a start deadline: what interpretDeadline returns and checkGop puts into facts.deadline. */
export const DeadlineInterpretationSchema = z.object({
  kind: DeadlineKindSchema,
  date: z.string().optional().describe('the latest start, YYYY-MM-DD, when it could be computed (never for asap)'),
  earliestStart: z.string().optional().describe('the earliest start the text asks for, YYYY-MM-DD, when it could be computed'),
  asksLaterStart: z.boolean().describe('the text asks for a start later than discharge, whether or not its date could be computed'),
  period: DeadlinePeriodSchema.optional().describe('the period of a relative deadline'),
  clauses: z.array(DeadlineClauseSchema),
  explanation: z.object({ da: z.string(), en: z.string() }).describe('how it was read, one sentence each, quoting the text'),
});
export type DeadlineInterpretation = z.infer<typeof DeadlineInterpretationSchema>;

export interface DeadlineOptions {
  /** the discharge date (CurrentHospitalContact/ExpectedEnd), YYYY-MM-DD as written: periods count from it */
  dischargeDate?: string;
  /** the plan's authorisation date, YYYY-MM-DD: a weekday alone, "i dag" and "næste uge" count from it */
  planDate?: string;
}

// ---------------------------------------------------------------------------------------------
// Dates from statements.

interface Context {
  discharge?: string;
  dischargeText?: string;
  plan?: string;
  /** events the text dates itself ("opereret 26.02.2019") */
  events: Map<string, StatedDate>;
}

const isoWeekday = (iso: string) => ((new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

/** Monday of ISO week `week` of ISO year `isoYear`. */
function isoWeekMonday(isoYear: number, week: number): string {
  const jan4 = `${isoYear}-01-04`;
  const monday1 = addDaysIso(jan4, 1 - isoWeekday(jan4));
  return addDaysIso(monday1, (week - 1) * 7);
}
const weeksInIsoYear = (isoYear: number) => (isoWeekday(`${isoYear}-01-01`) === 4 || isoWeekday(`${isoYear}-12-31`) === 4 ? 53 : 52);

function addPeriod(start: string, { amount, unit }: DeadlinePeriod): string {
  switch (unit) {
    case 'day':
      return addDaysIso(start, amount);
    case 'week':
      return addDaysIso(start, amount * 7);
    case 'hour':
      return addDaysIso(start, Math.ceil(amount / 24));
    case 'month':
      return formatIsoDate(addMonths(parseIsoDate(start)!, amount)); // 31 Jan + 1 month → the end of February
    case 'workingDay':
      return addDanishWorkingDays(start, amount);
  }
}

interface Reading {
  date?: string;
  relative?: DeadlinePeriod;
  why?: { da: string; en: string };
}

/** The days a time covers: one day, or a week (Monday to Sunday), or a month's last day. */
interface Span {
  first: string;
  last: string;
}

/**
 * The date a statement gives for its role: a deadline its last day (`before`: the day before its first), an earliest
 * start its first day (`after`: the day after its last). Periods count from their anchor, and are inclusive both ways.
 */
function dateOf(when: When, role: Role, ctx: Context): Reading {
  const span = spanOf(when, ctx);
  if ('why' in span) return span;
  const { first, last } = span.span;
  // periods are counted, and the day reached is the boundary both ways: "inden 7 dage" = "inden for 7 dage"
  if (when.w === 'period') role = role === 'before' ? 'deadline' : role === 'after' ? 'earliest' : role;
  const date = role === 'before' ? addDaysIso(first, -1) : role === 'after' ? addDaysIso(last, 1) : role === 'earliest' ? first : last;
  return when.w === 'period' && when.from === 'discharge' ? { date, relative: when.period } : { date };
}

type SpanResult = { span: Span } | { why: { da: string; en: string }; relative?: DeadlinePeriod };

function spanOf(when: When, ctx: Context): SpanResult {
  const needDischarge = (what: { da: string; en: string }): { why: { da: string; en: string } } => ({
    why: {
      da: `${what.da}, men ${missingDischarge(ctx.dischargeText).da}`,
      en: `${what.en}, but ${missingDischarge(ctx.dischargeText).en}`,
    },
  });
  const needPlan = { why: { da: 'det regnes fra planens dato, som mangler', en: "it counts from the plan's date, which is missing" } };
  const day = (d: string): SpanResult => ({ span: { first: d, last: d } });
  const fromPlan = (d: string): SpanResult => {
    // a weekday, "i morgen" or "næste uge" counted from the plan's date may not land before the patient left
    if (ctx.discharge && d < ctx.discharge)
      throw new Unreadable(
        `"${shown(when.text)}" regnet fra planens dato ${ctx.plan} bliver ${d}, før udskrivelsen ${ctx.discharge}`,
        `"${shown(when.text)}" counted from the plan's date ${ctx.plan} gives ${d}, before the discharge on ${ctx.discharge}`,
      );
    return day(d);
  };
  const near = ctx.plan ?? ctx.discharge;
  switch (when.w) {
    case 'date': {
      const iso = calendarDay(when, near, when.text);
      if (iso === undefined) return needDischarge({ da: 'datoen har intet årstal', en: 'the date has no year' });
      if (when.weekday !== undefined && isoWeekday(iso) !== when.weekday) {
        throw new Unreadable(`ugedagen passer ikke til datoen ${iso}`, `the weekday does not match the date ${iso}`);
      }
      return day(iso);
    }
    case 'period': {
      if (when.from === 'plan') return ctx.plan ? fromPlan(addPeriod(ctx.plan, when.period)) : needPlan;
      if (when.from === 'discharge') {
        if (!ctx.discharge)
          return {
            ...needDischarge({ da: 'perioden regnes fra udskrivelsen', en: 'the period counts from discharge' }),
            relative: when.period,
          };
        return day(addPeriod(ctx.discharge, when.period));
      }
      const stated = ctx.events.get(when.from.event)!;
      const start = calendarDay(stated, near, stated.text);
      if (start === undefined) return needDischarge({ da: 'begivenhedens dato har intet årstal', en: "the event's date has no year" });
      return day(addPeriod(start, when.period));
    }
    case 'discharge':
      if (!ctx.discharge) return needDischarge({ da: 'tidspunktet er udskrivelsen', en: 'the time is the discharge' });
      return day(ctx.discharge);
    case 'week':
    case 'endOfWeek': {
      const monday = weekMonday(when.week, when.year, near);
      if (monday === undefined)
        return needDischarge({
          da: 'ugenummeret regnes fra planens eller udskrivelsens år',
          en: "the week number is read in the plan's or the discharge's year",
        });
      const sunday = addDaysIso(monday, 6);
      if (when.w === 'week' && when.day !== undefined) return day(addDaysIso(monday, when.day - 1));
      return when.w === 'week' ? { span: { first: monday, last: sunday } } : day(sunday);
    }
    case 'nextWeek': {
      if (!ctx.plan) return needPlan;
      const monday = addDaysIso(ctx.plan, 8 - isoWeekday(ctx.plan));
      if (when.day !== undefined) return fromPlan(addDaysIso(monday, when.day - 1));
      const sunday = addDaysIso(monday, 6);
      fromPlan(sunday);
      return when.end ? day(sunday) : { span: { first: monday, last: sunday } };
    }
    case 'today':
      return ctx.plan ? fromPlan(ctx.plan) : needPlan;
    case 'tomorrow':
      return ctx.plan ? fromPlan(addDaysIso(ctx.plan, 1)) : needPlan;
    case 'weekday': {
      if (!ctx.plan) return needPlan;
      const ahead = (when.day - isoWeekday(ctx.plan) + 7) % 7 || 7; // strictly after the plan's date
      return fromPlan(addDaysIso(ctx.plan, ahead));
    }
    case 'endOf':
    case 'month': {
      const y = when.year ?? nearestMonthYear(when.month, near);
      if (y === undefined) return needDischarge({ da: 'måneden har intet årstal', en: 'the month has no year' });
      const last = lastDayOfMonth(y, when.month);
      return when.w === 'endOf' ? day(last) : { span: { first: `${last.slice(0, 8)}01`, last } };
    }
  }
}

/** A day and month in the year written, or without one the nearest such date to `near` (the plan's date). */
function calendarDay(date: { day: number; month: number; year?: number }, near: string | undefined, text: string): string | undefined {
  const y = date.year;
  if (y === undefined) {
    if (!near) return undefined;
    const base = Number(near.slice(0, 4));
    let best: string | undefined;
    for (const candidate of [base - 1, base, base + 1]) {
      const iso = calendarIso(candidate, date.month, date.day);
      if (iso === undefined) continue;
      if (best === undefined || Math.abs(daysBetween(near, iso)) < Math.abs(daysBetween(near, best))) best = iso;
    }
    if (best === undefined)
      throw new Unreadable(`"${shown(text)}" er ikke en dato i kalenderen`, `"${shown(text)}" is not a date in the calendar`);
    return best;
  }
  const d = calendarIso(y, date.month, date.day);
  if (d === undefined)
    throw new Unreadable(`"${shown(text)}" er ikke en dato i kalenderen`, `"${shown(text)}" is not a date in the calendar`);
  return d;
}

/** Monday of ISO week `week` in the year written, or without one the nearest such week to `near`. */
function weekMonday(week: number, isoYear: number | undefined, near: string | undefined): string | undefined {
  if (isoYear !== undefined) {
    if (week > weeksInIsoYear(isoYear))
      throw new Unreadable(`uge ${week} findes ikke i ${isoYear}`, `week ${week} does not exist in ${isoYear}`);
    return isoWeekMonday(isoYear, week);
  }
  if (!near) return undefined;
  const base = Number(near.slice(0, 4));
  let best: string | undefined;
  for (const candidate of [base - 1, base, base + 1]) {
    if (week > weeksInIsoYear(candidate)) continue;
    const monday = isoWeekMonday(candidate, week);
    const distance = Math.abs(daysBetween(near, addDaysIso(monday, 3)));
    if (best === undefined || distance < Math.abs(daysBetween(near, addDaysIso(best, 3)))) best = monday;
  }
  return best;
}

/** The year of the nearest month `month` to `near`. */
function nearestMonthYear(month: number, near: string | undefined): number | undefined {
  if (!near) return undefined;
  const base = Number(near.slice(0, 4));
  const at = base * 12 + Number(near.slice(5, 7)) - 1;
  let best = base;
  for (const candidate of [base - 1, base, base + 1]) {
    if (Math.abs(candidate * 12 + month - 1 - at) < Math.abs(best * 12 + month - 1 - at)) best = candidate;
  }
  return best;
}

const lastDayOfMonth = (y: number, month: number): string =>
  addDaysIso(month === 12 ? `${y + 1}-01-01` : `${y}-${String(month + 1).padStart(2, '0')}-01`, -1);

// ---------------------------------------------------------------------------------------------
// Interpretation.

/** The text as written, for explanations: whitespace collapsed, and cut short if long when the explanation is finished. */
function quote(text: string): string {
  return `"${quoted(text.replace(/\s+/g, ' ').trim(), 60, true)}"`;
}

/** Why there is no discharge date to count from, mid-sentence: missing, or what was written instead (the facts say it too). */
export function missingDischarge(dischargeText: string | undefined): { da: string; en: string } {
  return dischargeText === undefined || dischargeText.trim() === ''
    ? { da: 'udskrivelsesdatoen mangler', en: 'the discharge date is missing' }
    : {
        da: `udskrivelsesdatoen ${quote(dischargeText)} er ikke en gyldig dato`,
        en: `the discharge date ${quote(dischargeText)} is not a valid date`,
      };
}

const UNIT_WORDS: Readonly<Record<DeadlinePeriod['unit'], [string, string, string, string]>> = {
  day: ['kalenderdag', 'kalenderdage', 'calendar day', 'calendar days'],
  week: ['uge', 'uger', 'week', 'weeks'],
  month: ['måned', 'måneder', 'month', 'months'],
  workingDay: ['hverdag', 'hverdage', 'working day', 'working days'],
  hour: ['time', 'timer', 'hour', 'hours'],
};
function periodWords({ amount, unit }: DeadlinePeriod): { da: string; en: string } {
  const [daOne, daMany, enOne, enMany] = UNIT_WORDS[unit];
  return { da: `${amount} ${amount === 1 ? daOne : daMany}`, en: `${amount} ${amount === 1 ? enOne : enMany}` };
}

/**
 * Interprets a free-text start deadline (RehabilitationDeadline) as a careful case worker reads it: a deadline, an
 * earliest start, both, as soon as possible, none — or unreadable, never guessed. Periods count from `dischargeDate`;
 * a weekday alone, "i dag" and "næste uge" from `planDate`. Never throws. (A string as the second argument is the
 * discharge date, as before.)
 */
export function interpretDeadline(text: string | undefined, options: DeadlineOptions | string = {}): DeadlineInterpretation {
  const reading = readDeadline(text, options);
  return { ...reading, explanation: finishPair(reading.explanation) };
}

/** The two dates of the options, read once; options that cannot be read (a revoked Proxy, a throwing getter) are none. */
function readOptions(options: unknown): { dischargeText?: string; planText?: string } {
  try {
    if (typeof options === 'string') return { dischargeText: options };
    if (options === null || typeof options !== 'object') return {};
    const { dischargeDate, planDate } = options as DeadlineOptions;
    const read: { dischargeText?: string; planText?: string } = {};
    if (typeof dischargeDate === 'string') read.dischargeText = dischargeDate;
    if (typeof planDate === 'string') read.planText = planDate;
    return read;
  } catch {
    return {};
  }
}

/**
 * interpretDeadline with the explanation as written, quoted values whole and marked (src/values/quote.ts): computeFacts
 * keeps it so, so that a redacted report masks the text before it is cut.
 */
export function readDeadline(text: string | undefined, options: DeadlineOptions | string = {}): DeadlineInterpretation {
  const { dischargeText, planText } = readOptions(options);
  const raw = typeof text === 'string' ? text : '';
  const discharge = dischargeText !== undefined && isIsoDate(dischargeText.trim()) ? dischargeText.trim() : undefined;
  const plan = planText !== undefined && isIsoDate(planText.slice(0, 10)) ? planText.slice(0, 10) : undefined;
  const q = quote(raw);
  const base = { asksLaterStart: false, clauses: [] as DeadlineClause[] };
  if (raw.trim() === '')
    return { kind: 'none', ...base, explanation: { da: 'Der er ikke angivet nogen tidsfrist.', en: 'No deadline is given.' } };
  const s = normalise(raw);
  if (/^[-.\s]+$/.test(s))
    return {
      kind: 'none',
      ...base,
      clauses: [{ type: 'none', words: s }],
      explanation: { da: `${q} er læst som: ingen tidsfrist.`, en: `${q} was read as: no deadline.` },
    };
  try {
    const tokens = tokenise(s);
    if (!tokens) throw new Unreadable('teksten er for lang til at være en frist', 'the text is too long to be a deadline');
    const { statements, stated, weekdays } = parseStatements(joinPhrases(tokens));
    for (const { day, date } of weekdays) {
      const iso = calendarDay(date, plan ?? discharge, date.text);
      if (iso !== undefined && isoWeekday(iso) !== day)
        throw new Unreadable(`ugedagen passer ikke til datoen ${iso}`, `the weekday does not match the date ${iso}`);
    }
    return combine(statements, withStatedDischarge({ discharge, dischargeText, plan, events: stated }, stated.get('discharge')), q);
  } catch (error) {
    if (!(error instanceof Unreadable)) throw error;
    return {
      kind: 'unreadable',
      asksLaterStart: error.asksLaterStart,
      clauses: [],
      explanation: { da: `${q} kan ikke læses sikkert: ${error.da}.`, en: `${q} cannot be read safely: ${error.en}.` },
    };
  }
}

/** The discharge date the text states itself must be the plan's; without one in the plan, the text's is counted from. */
function withStatedDischarge(ctx: Context, stated: StatedDate | undefined): Context {
  if (stated === undefined) return ctx;
  const date = calendarDay(stated, ctx.plan ?? ctx.discharge, stated.text);
  if (date === undefined) return ctx;
  if (ctx.discharge === undefined) return { ...ctx, discharge: date };
  if (date !== ctx.discharge)
    throw new Unreadable(
      `teksten giver udskrivelsen som ${date}, planen som ${ctx.discharge}`,
      `the text gives the discharge as ${date}, the plan as ${ctx.discharge}`,
    );
  return ctx;
}

function combine(statements: Statement[], ctx: Context, q: string): DeadlineInterpretation {
  const clauses: DeadlineClause[] = [];
  const times = statements.filter((st): st is Extract<Statement, { s: 'time' }> => st.s === 'time');
  const asap = statements.some((st) => st.s === 'asap');
  const none = statements.some((st) => st.s === 'none');
  // a named start ("opstart 25/3") is both the earliest and the latest start
  const deadlines = times.filter((t) => t.role === 'deadline' || t.role === 'before' || t.role === 'named');
  const earliest = times.filter((t) => t.role === 'earliest' || t.role === 'after' || t.role === 'named');
  const asksLaterStart = earliest.length > 0;
  const unreadable = (da: string, en: string): DeadlineInterpretation => ({
    kind: 'unreadable',
    asksLaterStart,
    clauses: [],
    explanation: { da: `${q} kan ikke læses sikkert: ${da}.`, en: `${q} cannot be read safely: ${en}.` },
  });
  if (statements.length === 0)
    return unreadable(
      'teksten nævner hverken en dato, en periode eller en kendt vending',
      'the text names no date, period or known phrase',
    );
  if (none && (times.length > 0 || asap))
    return unreadable('teksten siger både, at der ingen frist er, og giver en frist', 'the text says there is no deadline and gives one');
  if (none)
    return {
      kind: 'none',
      asksLaterStart: false,
      clauses: [{ type: 'none', words: statements.map((st) => ('text' in st ? st.text : '')).join(' ') }],
      explanation: { da: `${q} er læst som: ingen tidsfrist.`, en: `${q} was read as: no deadline.` },
    };
  if (asap && earliest.length > 0)
    return unreadable(
      'teksten beder både om opstart hurtigst muligt og om en senere opstart',
      'the text asks both for a start as soon as possible and for a later start',
    );

  const read = (group: typeof times, latest: boolean) => {
    const readings = group.map((t) => ({ t, r: dateOf(t.when, t.role === 'named' ? (latest ? 'deadline' : 'earliest') : t.role, ctx) }));
    for (const { r, t } of readings)
      clauses.push({
        type: latest ? 'deadline' : 'earliestStart',
        ...(r.date ? { date: r.date } : {}),
        ...(r.relative ? { period: r.relative } : {}),
        words: t.when.text,
      });
    const dates: string[] = []; // each date once, in the order read
    for (const { r } of readings) if (r.date !== undefined && !dates.includes(r.date)) dates.push(r.date);
    return { readings, dates };
  };
  const dl = read(deadlines, true);
  const el = read(earliest, false);
  if (dl.dates.length > 1)
    return unreadable(
      `teksten giver forskellige seneste datoer (${dl.dates.join(', ')})`,
      `the text gives different latest dates (${dl.dates.join(', ')})`,
    );
  if (el.dates.length > 1)
    return unreadable(
      `teksten giver forskellige tidligste datoer (${el.dates.join(', ')})`,
      `the text gives different earliest dates (${el.dates.join(', ')})`,
    );
  const date = dl.dates[0];
  const earliestStart = el.dates[0];
  if (date && earliestStart && earliestStart > date)
    return unreadable(
      `den tidligste opstart ${earliestStart} ligger efter den seneste ${date}`,
      `the earliest start ${earliestStart} falls after the latest ${date}`,
    );
  const first = dl.readings[0];
  const period = first?.r.relative;
  const kind: DeadlineKind = deadlines.length === 0 ? (asap ? 'asap' : 'none') : period ? 'relative' : 'absolute';
  if (asap) clauses.unshift({ type: 'asap', words: (statements.find((st) => st.s === 'asap') as { text: string }).text });
  const result: DeadlineInterpretation = {
    kind,
    asksLaterStart,
    clauses,
    explanation: explain(q, kind, dl.readings, el.readings, asap, ctx),
  };
  if (date) result.date = date;
  if (earliestStart) result.earliestStart = earliestStart;
  if (period) result.period = period;
  return result;
}

type Read = { t: Extract<Statement, { s: 'time' }>; r: Reading }[];

function explain(q: string, kind: DeadlineKind, deadlines: Read, earliest: Read, asap: boolean, ctx: Context): { da: string; en: string } {
  const parts: { da: string; en: string }[] = [];
  const describe = ({ t, r }: Read[number], latest: boolean) => {
    const lead = latest ? { da: 'opstart senest', en: 'start at the latest' } : { da: 'opstart tidligst', en: 'start no earlier than' };
    const how = r.relative
      ? {
          da: `${periodWords(r.relative).da} efter udskrivelsesdatoen${ctx.discharge ? ` ${ctx.discharge}` : ''}`,
          en: `${periodWords(r.relative).en} after the discharge date${ctx.discharge ? ` ${ctx.discharge}` : ''}`,
        }
      : t.role === 'before' && t.when.w !== 'period'
        ? { da: `dagen før "${shown(t.when.text)}"`, en: `the day before "${shown(t.when.text)}"` }
        : { da: `"${shown(t.when.text)}"`, en: `"${shown(t.when.text)}"` };
    if (r.date) return { da: `${lead.da} ${longDate(r.date).da} (${how.da})`, en: `${lead.en} ${r.date} (${how.en})` };
    return { da: `${lead.da} ${how.da}, uden dato: ${r.why?.da ?? ''}`, en: `${lead.en} ${how.en}, without a date: ${r.why?.en ?? ''}` };
  };
  if (asap) parts.push({ da: 'hurtigst muligt', en: 'as soon as possible' });
  if (earliest[0]) parts.push(describe(earliest[0], false));
  if (deadlines[0]) parts.push(describe(deadlines[0], true));
  if (kind === 'asap') {
    return {
      da: `${q} er læst som: hurtigst muligt; det giver ingen dato.`,
      en: `${q} was read as: as soon as possible; that gives no date.`,
    };
  }
  const extra =
    deadlines.length + earliest.length > 2 || deadlines.length > 1
      ? { da: ' (angivelserne stemmer overens)', en: ' (the statements agree)' }
      : { da: '', en: '' };
  const noDeadline =
    kind === 'none' ? { da: '; den angiver ingen seneste frist', en: '; it gives no latest deadline' } : { da: '', en: '' };
  return {
    da: `${q} er læst som ${parts.map((p) => p.da).join(' og ')}${extra.da}${noDeadline.da}.`,
    en: `${q} was read as ${parts.map((p) => p.en).join(' and ')}${extra.en}${noDeadline.en}.`,
  };
}
