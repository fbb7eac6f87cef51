// The date that binds, per plan (issue 25): the municipality's quality standard as data, its dates, and startBy — the
// earliest of the plan's own deadline, the § 140 stk. 4 guarantee and the standard. Every expected date below is worked
// out by hand from the law and the Danish calendar (the holiday table of src/facts/holidays.ts: Easter 2023 9 April,
// 2024 31 March, 2025 20 April; store bededag only up to 2023; juleaftensdag, nytårsaftensdag, 1 May and grundlovsdag
// are working days), never from this code's output.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkGop, GopOptionsError, type Report } from '../src/index';
import {
  bindingStart,
  offWeekend,
  periodEnd,
  type QualityStandard,
  QualityStandardSchema,
  standardDates,
} from '../src/facts/quality-standard';
import { formatResults } from '../src/format/index';
import { renderGopHtml } from '../src/view/index';
import { factRows, FACT_LABELS } from '../web/facts';
import { gopInProcess } from './cli-harness';
import { withDeadline } from './helpers';

type Level = 'almen' | 'specialiseret' | 'rehabilitering' | 'nonsense';

interface Plan {
  level?: Level;
  /** the discharge date; '' for none (an empty date) */
  discharge?: string;
  deadline?: string | null;
  /** the authorisation date (default: the discharge date, else 2019-03-07) */
  authorised?: string;
}

const DISCHARGE = '<ExpectedEnd>\n                <Date>2019-03-07</Date>';

/** almen-hoftefraktur.xml with another level, discharge, deadline and authorisation date. */
function plan({ level = 'almen', discharge = '2019-03-07', deadline = null, authorised }: Plan): string {
  const xml = withDeadline(deadline, { authorised: authorised ?? (discharge || '2019-03-07') });
  if (!xml.includes(DISCHARGE)) throw new Error('almen-hoftefraktur.xml has changed');
  return xml
    .replace(DISCHARGE, DISCHARGE.replace('2019-03-07', discharge))
    .replace('<TypeOfRehabilitationPlan>almen</TypeOfRehabilitationPlan>', `<TypeOfRehabilitationPlan>${level}</TypeOfRehabilitationPlan>`);
}

const std = (within: number, unit: 'days' | 'workingDays', extra: Partial<QualityStandard> = {}): QualityStandard => ({
  name: `${within} ${unit}`,
  start: { within, unit, from: 'discharge' },
  ...extra,
});
const NO_WEEKEND = { weekendStarts: false } as const;

const factsOf = (p: Plan, standard?: QualityStandard) => checkGop(plan(p), standard ? { standard } : {}).facts!;

// ---------------------------------------------------------------------------------------------------------------
// The table: a plan, a standard, and what binds.

interface Row {
  why: string;
  plan: Plan;
  standard?: QualityStandard;
  /** the standard's start date (undefined: none certain) */
  standardStartBy?: string;
  startBy?: string;
  because?: 'deadline' | 'guarantee' | 'standard';
}

const ROWS: Row[] = [
  // --- working days around holidays, almen without a deadline: guarantee = discharge + 7
  {
    why: '10 working days from Friday 1 March 2024',
    plan: { discharge: '2024-03-01' },
    standard: std(10, 'workingDays'),
    standardStartBy: '2024-03-15',
    startBy: '2024-03-08',
    because: 'guarantee',
  },
  {
    why: 'Easter 2024: 5 working days from Tue 26 March skip 28, 29 March and 1 April',
    plan: { discharge: '2024-03-26' },
    standard: std(5, 'workingDays'),
    standardStartBy: '2024-04-05',
    startBy: '2024-04-02',
    because: 'guarantee',
  },
  {
    why: 'Easter 2024: 3 working days from Wed 27 March',
    plan: { discharge: '2024-03-27' },
    standard: std(3, 'workingDays'),
    standardStartBy: '2024-04-04',
    startBy: '2024-04-03',
    because: 'guarantee',
  },
  {
    why: 'Easter 2024: 1 working day from Wed 27 March is Tue 2 April',
    plan: { discharge: '2024-03-27' },
    standard: std(1, 'workingDays'),
    standardStartBy: '2024-04-02',
    startBy: '2024-04-02',
    because: 'standard',
  },
  {
    why: 'Easter 2024: 2 working days from skærtorsdag',
    plan: { discharge: '2024-03-28' },
    standard: std(2, 'workingDays'),
    standardStartBy: '2024-04-03',
    startBy: '2024-04-03',
    because: 'standard',
  },
  {
    why: '0 working days is the discharge day itself',
    plan: { discharge: '2024-03-27' },
    standard: std(0, 'workingDays'),
    standardStartBy: '2024-03-27',
    startBy: '2024-03-27',
    because: 'standard',
  },
  {
    why: 'Kr. himmelfart 2024 (Thu 9 May): 2 working days from Wed 8 May',
    plan: { discharge: '2024-05-08' },
    standard: std(2, 'workingDays'),
    standardStartBy: '2024-05-13',
    startBy: '2024-05-13',
    because: 'standard',
  },
  {
    why: 'Kr. himmelfart 2024: the Friday after is a working day',
    plan: { discharge: '2024-05-08' },
    standard: std(1, 'workingDays'),
    standardStartBy: '2024-05-10',
    startBy: '2024-05-10',
    because: 'standard',
  },
  {
    why: 'Pinse 2024: 1 working day from Fri 17 May skips 2. pinsedag',
    plan: { discharge: '2024-05-17' },
    standard: std(1, 'workingDays'),
    standardStartBy: '2024-05-21',
    startBy: '2024-05-21',
    because: 'standard',
  },
  {
    why: 'Pinse 2024: 5 working days from Fri 17 May',
    plan: { discharge: '2024-05-17' },
    standard: std(5, 'workingDays'),
    standardStartBy: '2024-05-27',
    startBy: '2024-05-24',
    because: 'guarantee',
  },
  {
    why: 'Christmas 2024: 3 working days from Mon 23 December (juleaftensdag counts)',
    plan: { discharge: '2024-12-23' },
    standard: std(3, 'workingDays'),
    standardStartBy: '2024-12-30',
    startBy: '2024-12-30',
    because: 'guarantee',
  },
  {
    why: 'Christmas 2024 into 2025: 5 working days skip 1 January',
    plan: { discharge: '2024-12-23' },
    standard: std(5, 'workingDays'),
    standardStartBy: '2025-01-02',
    startBy: '2024-12-30',
    because: 'guarantee',
  },
  {
    why: 'Christmas 2024: 2 working days from juleaftensdag',
    plan: { discharge: '2024-12-24' },
    standard: std(2, 'workingDays'),
    standardStartBy: '2024-12-30',
    startBy: '2024-12-30',
    because: 'standard',
  },
  {
    why: 'store bededag 2023 (Fri 5 May) is no working day',
    plan: { discharge: '2023-05-04' },
    standard: std(1, 'workingDays'),
    standardStartBy: '2023-05-08',
    startBy: '2023-05-08',
    because: 'standard',
  },
  {
    why: 'no store bededag in 2024: Fri 26 April is a working day',
    plan: { discharge: '2024-04-25' },
    standard: std(1, 'workingDays'),
    standardStartBy: '2024-04-26',
    startBy: '2024-04-26',
    because: 'standard',
  },
  {
    why: 'Easter 2025 and 1 May: 10 working days from Wed 16 April',
    plan: { discharge: '2025-04-16' },
    standard: std(10, 'workingDays'),
    standardStartBy: '2025-05-05',
    startBy: '2025-04-23',
    because: 'guarantee',
  },
  {
    why: 'grundlovsdag counts, 2. pinsedag 2025 does not',
    plan: { discharge: '2025-06-04' },
    standard: std(3, 'workingDays'),
    standardStartBy: '2025-06-10',
    startBy: '2025-06-10',
    because: 'standard',
  },
  {
    why: 'Kr. himmelfart 2025 (Thu 29 May)',
    plan: { discharge: '2025-05-28' },
    standard: std(2, 'workingDays'),
    standardStartBy: '2025-06-02',
    startBy: '2025-06-02',
    because: 'standard',
  },
  // --- calendar days, weekends and weekendStarts: false
  {
    why: '7 days from a Friday is a Friday: equal to the guarantee, which comes first',
    plan: { discharge: '2024-03-01' },
    standard: std(7, 'days'),
    standardStartBy: '2024-03-08',
    startBy: '2024-03-08',
    because: 'guarantee',
  },
  {
    why: 'a Saturday start moves back to Friday',
    plan: { discharge: '2024-03-02' },
    standard: std(7, 'days', NO_WEEKEND),
    standardStartBy: '2024-03-08',
    startBy: '2024-03-08',
    because: 'standard',
  },
  {
    why: 'a Sunday start moves back to Friday',
    plan: { discharge: '2024-03-03' },
    standard: std(7, 'days', NO_WEEKEND),
    standardStartBy: '2024-03-08',
    startBy: '2024-03-08',
    because: 'standard',
  },
  {
    why: 'weekend starts allowed: Saturday stays',
    plan: { discharge: '2024-03-02' },
    standard: std(7, 'days'),
    standardStartBy: '2024-03-09',
    startBy: '2024-03-09',
    because: 'guarantee',
  },
  {
    why: '5 days from Monday is Saturday: Friday',
    plan: { discharge: '2024-03-04' },
    standard: std(5, 'days', NO_WEEKEND),
    standardStartBy: '2024-03-08',
    startBy: '2024-03-08',
    because: 'standard',
  },
  {
    why: '6 days from Monday is Sunday: Friday',
    plan: { discharge: '2024-03-04' },
    standard: std(6, 'days', NO_WEEKEND),
    standardStartBy: '2024-03-08',
    startBy: '2024-03-08',
    because: 'standard',
  },
  {
    why: '4 days from Monday is Friday: not moved',
    plan: { discharge: '2024-03-04' },
    standard: std(4, 'days', NO_WEEKEND),
    standardStartBy: '2024-03-08',
    startBy: '2024-03-08',
    because: 'standard',
  },
  {
    why: 'the Friday before, even langfredag, as the standard says',
    plan: { discharge: '2024-03-23' },
    standard: std(7, 'days', NO_WEEKEND),
    standardStartBy: '2024-03-29',
    startBy: '2024-03-29',
    because: 'standard',
  },
  {
    why: '1 day from a Friday is Saturday: back to the Friday counted from',
    plan: { discharge: '2024-03-01' },
    standard: std(1, 'days', NO_WEEKEND),
    standardStartBy: '2024-03-01',
    startBy: '2024-03-01',
    because: 'standard',
  },
  {
    why: '0 days from a Saturday, no weekend starts: no date meets it',
    plan: { discharge: '2024-03-02' },
    standard: std(0, 'days', NO_WEEKEND),
  },
  // --- the plan's own deadline
  {
    why: 'deadline before the guarantee',
    plan: { discharge: '2024-03-01', deadline: 'senest 05.03.2024' },
    standard: std(10, 'workingDays'),
    standardStartBy: '2024-03-15',
    startBy: '2024-03-05',
    because: 'deadline',
  },
  {
    why: 'deadline on the guarantee date: the deadline comes first',
    plan: { discharge: '2024-03-01', deadline: 'senest 08.03.2024' },
    standard: std(10, 'workingDays'),
    standardStartBy: '2024-03-15',
    startBy: '2024-03-08',
    because: 'deadline',
  },
  {
    why: 'deadline after the guarantee',
    plan: { discharge: '2024-03-01', deadline: 'senest 20.03.2024' },
    standard: std(10, 'workingDays'),
    standardStartBy: '2024-03-15',
    startBy: '2024-03-08',
    because: 'guarantee',
  },
  {
    why: 'the standard earliest of all three',
    plan: { discharge: '2024-03-01', deadline: 'senest 20.03.2024' },
    standard: std(3, 'workingDays'),
    standardStartBy: '2024-03-06',
    startBy: '2024-03-06',
    because: 'standard',
  },
  {
    why: 'deadline and standard on one day: the deadline',
    plan: { discharge: '2024-03-01', deadline: 'senest 06.03.2024' },
    standard: std(3, 'workingDays'),
    standardStartBy: '2024-03-06',
    startBy: '2024-03-06',
    because: 'deadline',
  },
  {
    why: 'a relative deadline, 3 days after discharge',
    plan: { discharge: '2024-03-01', deadline: 'inden 3 dage' },
    standard: std(10, 'workingDays'),
    standardStartBy: '2024-03-15',
    startBy: '2024-03-04',
    because: 'deadline',
  },
  {
    why: 'a deadline later than the guarantee, no standard',
    plan: { discharge: '2024-03-01', deadline: 'inden 14 dage' },
    startBy: '2024-03-08',
    because: 'guarantee',
  },
  // --- a later start asked for: the guarantee and the standard count from it
  {
    why: 'from a later start: 5 working days from Mon 11 March, as the guarantee',
    plan: { discharge: '2024-03-01', deadline: 'tidligst 11.03.2024' },
    standard: std(5, 'workingDays'),
    standardStartBy: '2024-03-18',
    startBy: '2024-03-18',
    because: 'guarantee',
  },
  {
    why: 'from a later start: 3 working days',
    plan: { discharge: '2024-03-01', deadline: 'tidligst 11.03.2024' },
    standard: std(3, 'workingDays'),
    standardStartBy: '2024-03-14',
    startBy: '2024-03-14',
    because: 'standard',
  },
  {
    why: 'from a later start over Easter 2024',
    plan: { discharge: '2024-03-01', deadline: 'tidligst 26.03.2024' },
    standard: std(5, 'workingDays'),
    standardStartBy: '2024-04-05',
    startBy: '2024-04-02',
    because: 'guarantee',
  },
  {
    why: 'from a later start: 1 working day',
    plan: { discharge: '2024-03-01', deadline: 'tidligst 26.03.2024' },
    standard: std(1, 'workingDays'),
    standardStartBy: '2024-03-27',
    startBy: '2024-03-27',
    because: 'standard',
  },
  {
    why: 'a later start and a deadline',
    plan: { discharge: '2024-03-01', deadline: 'tidligst 11.03.2024, senest 15.03.2024' },
    standard: std(10, 'workingDays'),
    standardStartBy: '2024-03-25',
    startBy: '2024-03-15',
    because: 'deadline',
  },
  // --- who provides
  { why: 'specialiseret without deadline or standard: nothing binds', plan: { level: 'specialiseret', discharge: '2024-03-01' } },
  {
    why: 'specialiseret with a deadline: the standard does not apply',
    plan: { level: 'specialiseret', discharge: '2024-03-01', deadline: 'senest 20.03.2024' },
    standard: std(3, 'workingDays'),
    startBy: '2024-03-20',
    because: 'deadline',
  },
  {
    why: 'specialiseret without deadline, with a standard: nothing binds',
    plan: { level: 'specialiseret', discharge: '2024-03-01' },
    standard: std(3, 'workingDays'),
  },
  {
    why: 'specialiseret, as soon as possible: no date',
    plan: { level: 'specialiseret', discharge: '2024-03-01', deadline: 'hurtigst muligt' },
  },
  {
    why: 'rehabilitering in 2024: the municipality, the standard applies',
    plan: { level: 'rehabilitering', discharge: '2024-03-01' },
    standard: std(3, 'workingDays'),
    standardStartBy: '2024-03-06',
    startBy: '2024-03-06',
    because: 'standard',
  },
  {
    why: 'rehabilitering from 2027: the region; the guarantee still binds',
    plan: { level: 'rehabilitering', discharge: '2027-01-04' },
    standard: std(3, 'workingDays'),
    startBy: '2027-01-11',
    because: 'guarantee',
  },
  {
    why: 'discharged before 1 July 2018: no guarantee, the standard binds',
    plan: { discharge: '2018-06-20' },
    standard: std(5, 'workingDays'),
    standardStartBy: '2018-06-27',
    startBy: '2018-06-27',
    because: 'standard',
  },
  { why: 'discharged before 1 July 2018, no standard: nothing binds', plan: { discharge: '2018-06-20' } },
  // --- not certain: no date
  {
    why: 'an unreadable deadline',
    plan: { discharge: '2024-03-01', deadline: 'efter kontrol i ambulatoriet' },
    standard: std(10, 'workingDays'),
  },
  {
    why: 'a later start without a date',
    plan: { discharge: '2019-03-07', deadline: 'tidligst i næste uge', authorised: '2019-02-30' },
    standard: std(3, 'workingDays'),
  },
  { why: 'no discharge date', plan: { discharge: '', authorised: '2024-03-01' }, standard: std(3, 'workingDays') },
  { why: 'a relative deadline without a discharge date', plan: { discharge: '', deadline: 'inden 14 dage', authorised: '2024-03-01' } },
  {
    why: 'no valid level: whether the guarantee applies cannot be told',
    plan: { level: 'nonsense', discharge: '2024-03-01', deadline: 'senest 20.03.2024' },
  },
  {
    why: 'specialiseret with an unreadable deadline',
    plan: { level: 'specialiseret', discharge: '2024-03-01', deadline: 'efter kontrol i ambulatoriet' },
  },
];

describe('startBy: the earliest date that binds, by the table', () => {
  it(`has the rows the design asks for (${ROWS.length})`, () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(40);
    for (const because of ['deadline', 'guarantee', 'standard'] as const) expect(ROWS.some((r) => r.because === because)).toBe(true);
  });

  it.each(ROWS)('$why', ({ plan: p, standard, standardStartBy, startBy, because }) => {
    const facts = factsOf(p, standard);
    expect(facts.standard?.startBy).toBe(standardStartBy);
    expect(facts.startBy.date).toBe(startBy);
    expect(facts.startBy.because).toBe(because);
    if (!standard) expect(facts.standard).toBeUndefined();
    // the date is never before the day counted from, and the explanation names it in both languages
    if (startBy) {
      expect(facts.startBy.explanation.da).toContain(startBy);
      expect(facts.startBy.explanation.en).toContain(startBy);
    }
  });
});

describe('the standard for one plan', () => {
  it('applies only where the municipality provides; a region-provided rehabilitering plan: applies false', () => {
    const region = factsOf({ level: 'rehabilitering', discharge: '2027-01-04' }, std(3, 'workingDays'));
    expect(region.provider).toBe('region');
    expect(region.standard).toMatchObject({ applies: false });
    expect(region.standard!.startBy).toBeUndefined();
    expect(region.standard!.explanation.en).toContain('the region provides');
    expect(region.standard!.explanation.da).toContain('regionen leverer');
    expect(factsOf({ level: 'specialiseret', discharge: '2024-03-01' }, std(3, 'days')).standard).toMatchObject({ applies: false });
    expect(factsOf({ discharge: '2024-03-01' }, std(3, 'days')).standard).toMatchObject({ applies: true, startBy: '2024-03-04' });
  });

  it('contact dates: counted the same way, never moved off a weekend', () => {
    // Monday 4 March 2024: start 7 days = Monday 11 March; contact 5 days = Saturday 9 March, not moved
    const facts = factsOf(
      { discharge: '2024-03-04' },
      std(7, 'days', { ...NO_WEEKEND, contact: { within: 5, unit: 'days', from: 'discharge' } }),
    );
    expect(facts.standard).toMatchObject({ startBy: '2024-03-11', contactBy: '2024-03-09' });
    expect(facts.startBy).toMatchObject({ date: '2024-03-11', because: 'guarantee' });
    // contact in working days over Easter 2024: 2 working days from Wed 27 March = Wed 3 April
    const easter = factsOf(
      { discharge: '2024-03-27' },
      std(10, 'workingDays', { contact: { within: 2, unit: 'workingDays', from: 'discharge' } }),
    );
    expect(easter.standard!.contactBy).toBe('2024-04-03');
  });

  it('says where it counts from and why it moved, in both languages', () => {
    const moved = factsOf({ discharge: '2024-03-02' }, { ...std(7, 'days', NO_WEEKEND), name: 'Ishøj' }).standard!;
    expect(moved.explanation.en).toContain('"Ishøj"');
    expect(moved.explanation.en).toContain('moved back from Saturday 2024-03-09 to the Friday before');
    expect(moved.explanation.da).toContain('flyttet fra lørdag 2024-03-09 til fredagen før');
    const later = factsOf({ discharge: '2024-03-01', deadline: 'tidligst 11.03.2024' }, std(3, 'workingDays')).standard!;
    expect(later.explanation.en).toContain('after the later start the plan asks for (no earlier than 2024-03-11)');
    expect(later.explanation.da).toContain('efter den senere opstart, planen beder om (tidligst 2024-03-11)');
  });

  it('the pure date functions: periodEnd, offWeekend, standardDates', () => {
    expect(periodEnd('2024-03-27', { within: 1, unit: 'workingDays', from: 'discharge' })).toBe('2024-04-02');
    expect(periodEnd('2024-02-28', { within: 2, unit: 'days', from: 'discharge' })).toBe('2024-03-01'); // leap year
    expect(offWeekend('2024-03-09')).toBe('2024-03-08');
    expect(offWeekend('2024-03-10')).toBe('2024-03-08');
    expect(offWeekend('2024-03-11')).toBe('2024-03-11');
    expect(standardDates('2024-03-02', std(0, 'days', NO_WEEKEND))).toEqual({ counted: '2024-03-02', moved: 'impossible' });
  });
});

describe('uncertain: no date, and why, in both languages', () => {
  it('an unreadable deadline', () => {
    const facts = factsOf({ discharge: '2024-03-01', deadline: 'efter kontrol i ambulatoriet' }, std(10, 'workingDays'));
    expect(facts.startBy.date).toBeUndefined();
    expect(facts.startBy.explanation.en).toMatch(/^No binding start date can be given: the plan's deadline could not be read/);
    expect(facts.startBy.explanation.da).toMatch(
      /^Der kan ikke gives en bindende dato for opstart: planens tidsfrist kan ikke læses sikkert/,
    );
    expect(facts.standard).toMatchObject({ applies: true });
    expect(facts.standard!.startBy).toBeUndefined();
    expect(facts.standard!.explanation.en).toContain('the deadline could not be read');
  });

  it('the guarantee applies with a later start without a date', () => {
    const facts = factsOf({ discharge: '2019-03-07', deadline: 'tidligst i næste uge', authorised: '2019-02-30' });
    expect(facts.startBy.date).toBeUndefined();
    expect(facts.startBy.explanation.en).toContain('the rehabilitation guarantee applies, but its date is not certain');
    expect(facts.startBy.explanation.en).toContain('asks for a later start');
    expect(facts.startBy.explanation.da).toContain('genoptræningsgarantien gælder, men dens dato er ikke sikker');
  });

  it('a later start without a date beside a certain deadline: no date, but no later than the deadline', () => {
    const facts = factsOf({ discharge: '2019-03-07', deadline: 'tidligst mandag, senest 30.03.2019', authorised: '2019-02-30' });
    expect(facts.mustStartBy).toBe('2019-03-30');
    expect(facts.startBy.date).toBeUndefined();
    expect(facts.startBy.explanation.en).toContain('The date that binds is no later than 2019-03-30');
    expect(facts.startBy.explanation.da).toContain('ligger ikke senere end 2019-03-30');
  });

  it('no discharge date', () => {
    const facts = factsOf({ discharge: '', authorised: '2024-03-01' }, std(3, 'workingDays'));
    expect(facts.startBy.date).toBeUndefined();
    expect(facts.startBy.explanation.en).toContain('the plan has no valid discharge date');
    expect(facts.startBy.explanation.da).toContain('planen har ingen gyldig udskrivelsesdato');
    expect(facts.standard!.explanation.en).toContain('its date cannot be computed');
  });

  it('nothing binds is certain, and said so: specialiseret without deadline, no standard', () => {
    const facts = factsOf({ level: 'specialiseret', discharge: '2024-03-01' });
    expect(facts.startBy).toEqual({
      explanation: {
        da: 'Ingen dato binder opstarten: planen angiver ingen seneste opstart, genoptræningsgarantien gælder ikke, og der er ikke givet nogen kvalitetsstandard.',
        en: 'No date binds the start: the plan gives no latest start, the rehabilitation guarantee does not apply, and no quality standard is given.',
      },
    });
    const asap = factsOf({ level: 'specialiseret', discharge: '2024-03-01', deadline: 'hurtigst muligt' });
    expect(asap.startBy.explanation.en).toContain('as soon as possible, which gives no date');
  });

  it('bindingStart: on equal dates the first of deadline, guarantee, standard', () => {
    const d = { date: '2024-03-08' };
    expect(bindingStart({ deadline: { none: true }, guarantee: d, standard: { name: 'S', candidate: d } }).because).toBe('guarantee');
    expect(bindingStart({ deadline: d, guarantee: d, standard: { name: 'S', candidate: d } }).because).toBe('deadline');
    expect(bindingStart({ deadline: { none: true }, guarantee: { none: true }, standard: { name: 'S', candidate: d } }).because).toBe(
      'standard',
    );
  });
});

describe('the option standard', () => {
  const MIN = plan({ discharge: '2024-03-01' });
  const issues = (standard: unknown) => {
    try {
      checkGop(MIN, { standard } as never);
    } catch (error) {
      expect(error).toBeInstanceOf(GopOptionsError);
      return (error as GopOptionsError).issues;
    }
    throw new Error('no GopOptionsError');
  };

  it('a misspelt key: did you mean, naming the field', () => {
    expect(issues({ name: 'S', start: { withn: 3, unit: 'days', from: 'discharge' } })).toEqual(
      expect.arrayContaining([{ path: 'standard.start.withn', message: expect.stringContaining('did you mean within?') }]),
    );
    expect(issues({ nme: 'S', start: { within: 3, unit: 'days', from: 'discharge' } })).toEqual(
      expect.arrayContaining([{ path: 'standard.nme', message: expect.stringContaining('did you mean name?') }]),
    );
  });

  it('bad values: each named by its field', () => {
    const paths = (standard: unknown) => issues(standard).map((i) => i.path);
    expect(paths('ishoj.json')).toEqual(['standard']);
    expect(paths({ name: '', start: { within: 3, unit: 'days', from: 'discharge' } })).toEqual(['standard.name']);
    expect(paths({ name: 'S', start: { within: -1, unit: 'days', from: 'discharge' } })).toEqual(['standard.start.within']);
    expect(paths({ name: 'S', start: { within: 2.5, unit: 'days', from: 'discharge' } })).toEqual(['standard.start.within']);
    expect(paths({ name: 'S', start: { within: 3, unit: 'weeks', from: 'discharge' } })).toEqual(['standard.start.unit']);
    expect(paths({ name: 'S', start: { within: 3, unit: 'days', from: 'admission' } })).toEqual(['standard.start.from']);
    expect(paths({ name: 'S', start: { within: 3, unit: 'days', from: 'discharge' }, weekendStarts: true })).toEqual([
      'standard.weekendStarts',
    ]);
    expect(paths({ name: 'S' })).toEqual(['standard.start']);
    expect(
      paths({
        name: 'S',
        start: { within: 3, unit: 'days', from: 'discharge' },
        contact: { within: 'x', unit: 'days', from: 'discharge' },
      }),
    ).toEqual(['standard.contact.within']);
  });

  it('null and undefined are no standard; a valid one is the schema parsed', () => {
    expect(checkGop(MIN, { standard: null }).facts!.standard).toBeUndefined();
    expect(checkGop(MIN, { standard: undefined }).facts!.standard).toBeUndefined();
    expect(QualityStandardSchema.safeParse(std(10, 'workingDays')).success).toBe(true);
  });

  it('with redact: the sender name is masked, the EAN and the dates stay', () => {
    const r = checkGop(MIN, { redact: true, standard: std(10, 'workingDays') });
    expect(r.facts!.sender.ean).toBe('5790002658419');
    expect(r.facts!.sender.name).not.toContain('Aarhus');
    expect(r.facts!.startBy.date).toBe('2024-03-08');
    expect(checkGop(MIN).facts!.sender).toEqual({ ean: '5790002658419', name: 'Aarhus Universitetshospital' });
  });
});

describe('the outputs show it', () => {
  const standard = { ...std(10, 'workingDays'), name: 'Ishøj 10 hverdage' };
  const report = (): Report => checkGop(plan({ discharge: '2024-03-01', deadline: 'senest 05.03.2024' }), { standard });
  const uncertain = (): Report => checkGop(plan({ discharge: '2024-03-01', deadline: 'efter kontrol i ambulatoriet' }), { standard });

  it('text: one line with the binding date and why, and the standard, in da and en', () => {
    // the line after the key facts line
    const lineAfterFacts = (text: string) => text.split('\n')[text.split('\n').findIndex((l) => l.startsWith('plan.xml: ')) + 1];
    const en = lineAfterFacts(formatResults('text', [{ file: 'plan.xml', report: report() }]));
    expect(en).toBe(
      `  binding start date: 2024-03-05 (because of the plan's deadline); quality standard "Ishøj 10 hverdage": start by 2024-03-15`,
    );
    const da = lineAfterFacts(formatResults('text', [{ file: 'plan.xml', report: report() }], { language: 'da' }));
    expect(da).toBe(
      '  bindende dato for opstart: 2024-03-05 (på grund af planens frist); kvalitetsstandarden "Ishøj 10 hverdage": opstart senest 2024-03-15',
    );
    const none = formatResults('text', [{ file: 'plan.xml', report: uncertain() }]);
    expect(none).toContain("  No binding start date can be given: the plan's deadline could not be read");
    expect(none).toContain('quality standard "Ishøj 10 hverdage": date not certain');
  });

  it('junit and sarif: startBy, startByBecause, standardStartBy beside the deadline properties', () => {
    const junit = formatResults('junit', [{ file: 'plan.xml', report: report() }]);
    expect(junit).toContain('<property name="startBy" value="2024-03-05"/>');
    expect(junit).toContain('<property name="startByBecause" value="deadline"/>');
    expect(junit).toContain('<property name="standardStartBy" value="2024-03-15"/>');
    const withFinding = report();
    const sarif = JSON.parse(formatResults('sarif', [{ file: 'plan.xml', report: withFinding }]));
    const results = sarif.runs[0].results as { properties: Record<string, unknown> }[];
    // a result carries the file's properties: the plan has findings with a 2024 discharge (admitted 2019)
    expect(results.length).toBeGreaterThan(0);
    expect(results[0]!.properties).toMatchObject({ startBy: '2024-03-05', startByBecause: 'deadline', standardStartBy: '2024-03-15' });
    const unsure = formatResults('junit', [{ file: 'plan.xml', report: uncertain() }]);
    expect(unsure).not.toContain('name="startBy"');
  });

  it('the HTML view and the browser page rows', () => {
    const html = renderGopHtml(plan({ discharge: '2024-03-01', deadline: 'senest 05.03.2024' }), { lang: 'en', check: { standard } });
    expect(html).toContain('Binding start date');
    expect(html).toContain('5 March 2024');
    expect(html).toContain('Quality standard');
    expect(html).toContain('start by 2024-03-15');
    const da = renderGopHtml(plan({ discharge: '2024-03-01', deadline: 'efter kontrol i ambulatoriet' }), {
      lang: 'da',
      check: { standard },
    });
    expect(da).toContain('Bindende dato for opstart');
    expect(da).toContain('Der kan ikke gives en bindende dato for opstart');
    const rows = Object.fromEntries(factRows(report().facts!, 'en').map(([k, v]) => [FACT_LABELS.en[k], v]));
    expect(rows['Binding start date']).toBe('5 March 2024');
    expect(rows['Why this date']).toContain("the plan's own start deadline");
    expect(rows['Quality standard']).toContain('15 March 2024');
    expect(rows['Sender']).toBe('Aarhus Universitetshospital, 5790002658419');
  });
});

describe('gop validate --standard FILE.json and the config key standard', () => {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), 'gop-standard-'));
    made.push(dir);
    writeFileSync(join(dir, 'plan.xml'), plan({ discharge: '2024-03-01' }));
    return dir;
  };
  const ISHOJ = JSON.stringify({ name: 'Ishøj', start: { within: 10, unit: 'workingDays', from: 'discharge' } });

  it('reads the standard: its dates in the JSON report and the text line', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'ishoj.json'), `\uFEFF${ISHOJ}`); // as an editor on Windows saves it
    const json = await gopInProcess(['validate', '-f', 'json', '--standard', 'ishoj.json', 'plan.xml'], { cwd: dir });
    expect(json.stderr).toBe('');
    const [file] = JSON.parse(json.stdout) as { facts: Report['facts'] }[];
    expect(file!.facts!.standard).toMatchObject({ name: 'Ishøj', applies: true, startBy: '2024-03-15' });
    expect(file!.facts!.startBy).toMatchObject({ date: '2024-03-08', because: 'guarantee' });
    const text = await gopInProcess(['validate', '--standard', 'ishoj.json', 'plan.xml'], { cwd: dir });
    expect(text.stdout).toContain(
      '  binding start date: 2024-03-08 (because of the rehabilitation guarantee); quality standard "Ishøj": start by 2024-03-15',
    );
  });

  it('the config key: a path relative to the config file', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'settings'));
    writeFileSync(join(dir, 'settings', 'ishoj.json'), ISHOJ);
    writeFileSync(join(dir, 'settings', 'gop.json'), JSON.stringify({ format: 'json', standard: 'ishoj.json' }));
    const run = await gopInProcess(['validate', '--config', 'settings/gop.json', 'plan.xml'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)[0].facts.standard.startBy).toBe('2024-03-15');
  });

  it('a bad file: exit 2, the flag and the file named; a JSON error says where; a bad field by its name', async () => {
    const dir = folder();
    const missing = await gopInProcess(['validate', '--standard', 'nope.json', 'plan.xml'], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--standard nope.json: cannot read the file');
    writeFileSync(join(dir, 'broken.json'), '{\n  "name": "Ishøj",\n  start: 3\n}');
    const broken = await gopInProcess(['validate', '--standard', 'broken.json', 'plan.xml'], { cwd: dir });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/--standard broken\.json: not JSON: .* at line 3, column 3/);
    writeFileSync(join(dir, 'misspelt.json'), JSON.stringify({ name: 'S', start: { withn: 3, unit: 'days', from: 'discharge' } }));
    const misspelt = await gopInProcess(['validate', '--standard', 'misspelt.json', 'plan.xml'], { cwd: dir });
    expect(misspelt.status).toBe(2);
    expect(misspelt.stderr).toContain('--standard start.withn: unknown field (did you mean within?)');
    writeFileSync(join(dir, 'gop.config.json'), JSON.stringify({ standard: 'nope.json' }));
    const fromConfig = await gopInProcess(['validate', 'plan.xml'], { cwd: dir });
    expect(fromConfig.status).toBe(2);
    expect(fromConfig.stderr).toContain('in gop.config.json: key standard nope.json: cannot read the file');
  });
});
