import { z } from 'zod';
import { addDaysIso, parseIsoDate } from '../values/date';
import { addDanishWorkingDays } from './holidays';

/*
 * A municipality's own quality standard ("opstart inden 10 hverdage efter udskrivelsen") as data, the dates it gives
 * a plan, and the one start date that binds: the earliest of the plan's own deadline, the guarantee of § 140 stk. 4 and
 * the standard. Small pure functions over dates the facts have already settled; nothing here reads the message.
 */

/** Longest period a standard may name: a year is far past any standard, and the working-day count stays short. */
const MAX_WITHIN = 366;

const PeriodSchema = z.strictObject({
  within: z
    .number({ error: 'must be a whole number of days from 0' })
    .int({ error: 'must be a whole number of days from 0' })
    .min(0, { error: 'must be a whole number of days from 0' })
    .max(MAX_WITHIN, { error: `must be at most ${MAX_WITHIN} days` })
    .describe('days after the day the count runs from; 0 is that day itself'),
  unit: z.enum(['days', 'workingDays'], { error: 'must be "days" (calendar days) or "workingDays" (Danish working days)' }),
  from: z.literal('discharge', {
    error: 'must be "discharge" (the discharge date, or the later start the plan asks for, as the guarantee counts)',
  }),
});
export type StandardPeriod = z.infer<typeof PeriodSchema>;

/** A municipality's quality standard for starting rehabilitation (and, optionally, for the first contact). */
export const QualityStandardSchema = z.strictObject({
  name: z.string({ error: 'must be a text' }).min(1, { error: 'must not be empty' }).max(200, { error: 'must be at most 200 characters' }),
  start: PeriodSchema.describe('the start: within so many days of discharge'),
  contact: PeriodSchema.optional().describe('the first contact: within so many days of discharge'),
  weekendStarts: z
    .literal(false, { error: 'must be false (no starts on Saturday or Sunday) or left out' })
    .optional()
    .describe('false: a start date on Saturday or Sunday moves back to the Friday before (contact dates are not moved)'),
});
export type QualityStandard = z.infer<typeof QualityStandardSchema>;

type Words = { da: string; en: string };

/** The schemas of the facts below, made when the facts' schema is (src/facts/facts.ts builds it at its first use). */
export const standardFactSchema = () =>
  z
    .object({
      name: z.string(),
      applies: z.boolean().describe('the municipality provides the rehabilitation (provider is municipality)'),
      startBy: z.string().optional().describe("the standard's latest start, YYYY-MM-DD, when it applies and its date is certain"),
      contactBy: z.string().optional().describe("the standard's latest first contact, YYYY-MM-DD, when it names one"),
      explanation: z.object({ da: z.string(), en: z.string() }),
    })
    .describe("the municipality's quality standard (option `standard`) for this plan");
export type StandardFact = z.infer<ReturnType<typeof standardFactSchema>>;

export const startBySchema = () =>
  z
    .object({
      date: z.string().optional().describe('the earliest start date that binds, YYYY-MM-DD; absent when not certain or when nothing binds'),
      because: z
        .enum(['deadline', 'guarantee', 'standard'])
        .optional()
        .describe("which date binds: the plan's own deadline, § 140 stk. 4, or the quality standard (on equal dates the first)"),
      explanation: z.object({ da: z.string(), en: z.string() }),
    })
    .describe(
      "the earliest date that binds the start: the plan's own latest start, the guarantee date (when it applies), the quality " +
        "standard's date (when given and it applies); given only when every one that applies is certain",
    );
export type StartBy = z.infer<ReturnType<typeof startBySchema>>;

// ---------------------------------------------------------------------------------------------------------------
// Dates

/** The date a period of the standard ends on, counted from `from` (day 0). */
export function periodEnd(from: string, period: StandardPeriod): string {
  return period.unit === 'workingDays' ? addDanishWorkingDays(from, period.within) : addDaysIso(from, period.within);
}

/** Saturday or Sunday → the Friday before; any other day as it is. */
export function offWeekend(date: string): string {
  const weekday = parseIsoDate(date)?.getDay();
  return weekday === 6 ? addDaysIso(date, -1) : weekday === 0 ? addDaysIso(date, -2) : date;
}

/**
 * The standard's start and contact dates counted from `from`. A start that may not fall on a weekend moves back to the
 * Friday before; when that Friday is before the day counted from (within 0 or 1 of a weekend day) no date meets the
 * standard, and `start` is absent with `moved` saying so.
 */
export function standardDates(
  from: string,
  standard: QualityStandard,
): { start?: string; counted: string; moved?: 'friday' | 'impossible'; contact?: string } {
  const counted = periodEnd(from, standard.start);
  const contact = standard.contact && periodEnd(from, standard.contact);
  const out: { start?: string; counted: string; moved?: 'friday' | 'impossible'; contact?: string } = { counted };
  if (contact) out.contact = contact;
  if (standard.weekendStarts === false) {
    const friday = offWeekend(counted);
    if (friday < from) return { ...out, moved: 'impossible' };
    if (friday !== counted) return { ...out, start: friday, moved: 'friday' };
  }
  return { ...out, start: counted };
}

// ---------------------------------------------------------------------------------------------------------------
// The fact `standard`

/** Where a count "from discharge" runs from, as the guarantee counts: settled, or not and why. */
export type CountFrom =
  | { date: string; from: 'discharge' | 'laterStart'; earliest?: string }
  | { why: 'noDischarge' | 'unreadable' | 'laterStartUndated' };

const WEEKDAY: Record<number, Words> = { 6: { da: 'lørdag', en: 'Saturday' }, 0: { da: 'søndag', en: 'Sunday' } };

const periodWords = (period: StandardPeriod): Words =>
  period.unit === 'workingDays'
    ? {
        da: `${period.within} ${period.within === 1 ? 'hverdag' : 'hverdage'}`,
        en: `${period.within} working ${period.within === 1 ? 'day' : 'days'}`,
      }
    : {
        da: `${period.within} ${period.within === 1 ? 'kalenderdag' : 'kalenderdage'}`,
        en: `${period.within} calendar ${period.within === 1 ? 'day' : 'days'}`,
      };

const fromWords = (count: Extract<CountFrom, { date: string }>): Words =>
  count.from === 'laterStart'
    ? {
        da: `den senere opstart, planen beder om (tidligst ${count.date})`,
        en: `the later start the plan asks for (no earlier than ${count.date})`,
      }
    : { da: `udskrivelsen ${count.date}`, en: `discharge on ${count.date}` };

/** Why a count "from discharge" has no day to run from, as the middle of a sentence. */
export const UNCERTAIN_FROM: Readonly<Record<Extract<CountFrom, { why: string }>['why'], Words>> = {
  noDischarge: { da: 'planen har ingen gyldig udskrivelsesdato at regne fra', en: 'the plan has no valid discharge date to count from' },
  unreadable: {
    da: 'tidsfristen kan ikke læses sikkert, så det vides ikke, om planen beder om en senere opstart, som der så regnes fra; læs teksten',
    en: 'the deadline could not be read, so it is not known whether the plan asks for a later start, which the count would then run from; read the text',
  },
  laterStartUndated: {
    da: 'planen beder om en senere opstart, som der regnes fra, men datoen for den kan ikke læses',
    en: 'the plan asks for a later start, which the count runs from, but its date cannot be read',
  },
};

/** Why the standard does not apply, or cannot be told to: from who provides the rehabilitation. */
export type StandardProvider = 'municipality' | 'hospital' | 'region' | { unknown: Words };

/** The standard's fact for one plan: whether it applies (the municipality provides), and its dates when certain. */
export function standardFact(standard: QualityStandard, provider: StandardProvider, count: CountFrom): StandardFact {
  const name = `"${standard.name}"`;
  const fact = (applies: boolean, explanation: Words, dates: { startBy?: string; contactBy?: string } = {}): StandardFact => ({
    name: standard.name,
    applies,
    ...dates,
    explanation,
  });
  if (typeof provider === 'object') {
    return fact(false, {
      da: `Det kan ikke afgøres, om kvalitetsstandarden ${name} gælder: det vides ikke, om kommunen leverer genoptræningen (${provider.unknown.da}).`,
      en: `It cannot be told whether the quality standard ${name} applies: it is not known whether the municipality provides the rehabilitation (${provider.unknown.en}).`,
    });
  }
  if (provider === 'hospital') {
    return fact(false, {
      da: `Kvalitetsstandarden ${name} gælder ikke: genoptræning på specialiseret niveau foregår på sygehuset.`,
      en: `The quality standard ${name} does not apply: specialised rehabilitation takes place at the hospital.`,
    });
  }
  if (provider === 'region') {
    return fact(false, {
      da: `Kvalitetsstandarden ${name} gælder ikke: regionen leverer denne rehabilitering, ikke kommunen.`,
      en: `The quality standard ${name} does not apply: the region provides this rehabilitation, not the municipality.`,
    });
  }
  if ('why' in count) {
    const why = UNCERTAIN_FROM[count.why];
    return fact(true, {
      da: `Kvalitetsstandarden ${name} gælder, men dens dato kan ikke beregnes: ${why.da}.`,
      en: `The quality standard ${name} applies, but its date cannot be computed: ${why.en}.`,
    });
  }
  const dates = standardDates(count.date, standard);
  const after = fromWords(count);
  const start = periodWords(standard.start);
  const contact =
    standard.contact && dates.contact
      ? {
          da: `; første kontakt senest ${dates.contact} (${periodWords(standard.contact).da} efter ${after.da})`,
          en: `; first contact by ${dates.contact} (${periodWords(standard.contact).en} after ${after.en})`,
        }
      : { da: '', en: '' };
  const contactBy = dates.contact ? { contactBy: dates.contact } : {};
  if (dates.start === undefined) {
    const day = WEEKDAY[parseIsoDate(dates.counted)!.getDay()]!;
    return fact(
      true,
      {
        da: `Kvalitetsstandarden ${name} gælder, men ingen dato opfylder den: ${start.da} efter ${after.da} er ${day.da} ${dates.counted}, standarden tillader ikke opstart i weekenden, og fredagen før ligger før den dag, der regnes fra${contact.da}.`,
        en: `The quality standard ${name} applies, but no date meets it: ${start.en} after ${after.en} is ${day.en} ${dates.counted}, the standard allows no weekend starts, and the Friday before is before the day it counts from${contact.en}.`,
      },
      contactBy,
    );
  }
  const moved =
    dates.moved === 'friday'
      ? {
          da: `, flyttet fra ${WEEKDAY[parseIsoDate(dates.counted)!.getDay()]!.da} ${dates.counted} til fredagen før, da standarden ikke tillader opstart i weekenden`,
          en: `, moved back from ${WEEKDAY[parseIsoDate(dates.counted)!.getDay()]!.en} ${dates.counted} to the Friday before, as the standard allows no weekend starts`,
        }
      : { da: '', en: '' };
  return fact(
    true,
    {
      da: `Kommunens kvalitetsstandard ${name}: opstart senest ${dates.start} (${start.da} efter ${after.da}${moved.da})${contact.da}.`,
      en: `The municipality's quality standard ${name}: start by ${dates.start} (${start.en} after ${after.en}${moved.en})${contact.en}.`,
    },
    { startBy: dates.start, ...contactBy },
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The fact `startBy`

/** One date that may bind the start: a date, nothing (it does not apply), or not certain and why. */
export type Candidate = { date: string } | { none: true } | { unknown: Words };

const BECAUSE = ['deadline', 'guarantee', 'standard'] as const;
type Because = (typeof BECAUSE)[number];

const LABEL: Record<Because, (standard?: string) => Words> = {
  deadline: () => ({
    da: 'planens egen frist for opstart (en klinisk vurdering)',
    en: "the plan's own start deadline (a clinical assessment)",
  }),
  guarantee: () => ({
    da: 'genoptræningsgarantien (sundhedsloven § 140, stk. 4)',
    en: 'the rehabilitation guarantee (Health Act s. 140(4))',
  }),
  standard: (name) => ({ da: `kvalitetsstandarden "${name}"`, en: `the quality standard "${name}"` }),
};

export interface StartByInput {
  deadline: Candidate;
  guarantee: Candidate;
  /** absent when no standard is given */
  standard?: { name: string; candidate: Candidate };
  /** the plan asks for a start as soon as possible: no date, said when nothing else binds */
  asap?: boolean;
}

/**
 * The earliest date that binds, given only when every candidate that applies is certain; on equal dates the first of
 * deadline, guarantee, standard. When none applies, that is certain too, and said.
 */
export function bindingStart({ deadline, guarantee, standard, asap }: StartByInput): StartBy {
  const candidates: [Because, Candidate][] = [
    ['deadline', deadline],
    ['guarantee', guarantee],
  ];
  if (standard) candidates.push(['standard', standard.candidate]);
  const label = (because: Because) => LABEL[because](standard?.name);
  const dated: { because: Because; date: string }[] = [];
  const unknown: Words[] = [];
  // the earliest, and on equal dates the first in the order above (a stable pass)
  let first: (typeof dated)[number] | undefined;
  for (const [because, c] of candidates) {
    if ('date' in c) {
      const d = { because, date: c.date };
      dated.push(d);
      if (first === undefined || d.date < first.date) first = d;
    }
    if ('unknown' in c) unknown.push(c.unknown);
  }
  if (unknown.length > 0) {
    const bound = first
      ? {
          da: ` Den dato, der binder, ligger ikke senere end ${first.date} (${label(first.because).da}).`,
          en: ` The date that binds is no later than ${first.date} (${label(first.because).en}).`,
        }
      : { da: '', en: '' };
    return {
      explanation: {
        da: `Der kan ikke gives en bindende dato for opstart: ${unknown.map((w) => w.da).join('; ')}.${bound.da}`,
        en: `No binding start date can be given: ${unknown.map((w) => w.en).join('; ')}.${bound.en}`,
      },
    };
  }
  if (!first) {
    const plan = asap
      ? {
          da: 'planen beder om opstart hurtigst muligt, hvilket ingen dato giver',
          en: 'the plan asks for a start as soon as possible, which gives no date',
        }
      : { da: 'planen angiver ingen seneste opstart', en: 'the plan gives no latest start' };
    const std = standard
      ? {
          da: `, og kvalitetsstandarden "${standard.name}" gælder ikke`,
          en: `, and the quality standard "${standard.name}" does not apply`,
        }
      : { da: ', og der er ikke givet nogen kvalitetsstandard', en: ', and no quality standard is given' };
    return {
      explanation: {
        da: `Ingen dato binder opstarten: ${plan.da}, genoptræningsgarantien gælder ikke${std.da}.`,
        en: `No date binds the start: ${plan.en}, the rehabilitation guarantee does not apply${std.en}.`,
      },
    };
  }
  const others = dated.filter((d) => d !== first);
  const also =
    others.length > 0
      ? {
          da: ` Også bindende: ${others.map((d) => `${label(d.because).da} ${d.date}`).join('; ')}.`,
          en: ` Also binding: ${others.map((d) => `${label(d.because).en} ${d.date}`).join('; ')}.`,
        }
      : { da: '', en: '' };
  return {
    date: first.date,
    because: first.because,
    explanation: {
      da: `Opstart senest ${first.date}, fordi ${label(first.because).da} er den tidligste dato, der binder.${also.da}`,
      en: `Start by ${first.date}, because ${label(first.because).en} is the earliest date that binds.${also.en}`,
    },
  };
}
