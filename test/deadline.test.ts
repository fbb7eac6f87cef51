import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DeadlineKind, interpretDeadline } from '../src/facts/deadline';

const D = '2015-03-05'; // discharge date used by most rows, a Thursday

// [text, discharge date, expected kind, expected date]; every date computed by hand.
const ROWS: [string | undefined, string | undefined, DeadlineKind, string | undefined][] = [
  // absolute dates in the forms hospitals write
  ['senest 12.03.2015', D, 'absolute', '2015-03-12'],
  ['12.03.2015', D, 'absolute', '2015-03-12'],
  ['12.3.2015', D, 'absolute', '2015-03-12'],
  ['12/3-2015', D, 'absolute', '2015-03-12'],
  ['12/03/2015', D, 'absolute', '2015-03-12'],
  ['12-03-2015', D, 'absolute', '2015-03-12'],
  ['2015-03-12', D, 'absolute', '2015-03-12'],
  ['12. marts 2015', D, 'absolute', '2015-03-12'],
  ['12 marts 2015', D, 'absolute', '2015-03-12'],
  ['12 mar. 2015', D, 'absolute', '2015-03-12'],
  ['12. mar 2015', D, 'absolute', '2015-03-12'],
  ['12.03.15', D, 'absolute', '2015-03-12'],
  ['Senest d. 12.03.2015', D, 'absolute', '2015-03-12'],
  ['  SENEST DEN 12. MARTS 2015  ', D, 'absolute', '2015-03-12'],
  ['opstart senest 1. april 2015', D, 'absolute', '2015-04-01'],
  ['inden 1/4-2015', D, 'absolute', '2015-03-31'], // before 1 April: the day before
  ['start 29.02.2016', D, 'absolute', '2016-02-29'], // leap day
  ['5. sept. 2015', D, 'absolute', '2015-09-05'],
  ['3. okt 2015', D, 'absolute', '2015-10-03'],
  ['24. Dec 2018', undefined, 'absolute', '2018-12-24'], // no discharge date needed
  ['12.03.2015 (12. marts 2015)', D, 'absolute', '2015-03-12'], // the same date twice
  ['Opstart: 2015-03-20', D, 'absolute', '2015-03-20'],
  // relative periods counted from the discharge date
  ['inden for 7 dage', D, 'relative', '2015-03-12'],
  ['indenfor 7 dage', D, 'relative', '2015-03-12'],
  ['inden 7 dage', D, 'relative', '2015-03-12'],
  ['INDEN FOR 7 DAGE', D, 'relative', '2015-03-12'],
  ['senest 14 dage efter udskrivning', D, 'relative', '2015-03-19'],
  ['indenfor 2 uger efter udskrivelse', D, 'relative', '2015-03-19'],
  ['inden for en uge', D, 'relative', '2015-03-12'],
  ['1 uge', D, 'relative', '2015-03-12'],
  ['to uger', D, 'relative', '2015-03-19'],
  ['tre uger', D, 'relative', '2015-03-26'],
  ['seks uger efter udskrivelsen', D, 'relative', '2015-04-16'],
  ['inden for fjorten dage', D, 'relative', '2015-03-19'],
  ['3 mdr.', D, 'relative', '2015-06-05'],
  ['1 måned', D, 'relative', '2015-04-05'],
  ['inden for én måned', D, 'relative', '2015-04-05'],
  ['5 hverdage', D, 'relative', '2015-03-12'], // Fri 6, Mon 9 .. Thu 12
  ['inden for 5 arbejdsdage', D, 'relative', '2015-03-12'],
  ['ti hverdage', D, 'relative', '2015-03-19'],
  ['5 hverdage', '2018-12-28', 'relative', '2019-01-07'], // 31 Dec counts, 1 Jan is a holiday
  ['inden for 7 dage', '2018-12-28', 'relative', '2019-01-04'], // calendar days cross the year
  ['inden for 2 uger', '2024-12-20', 'relative', '2025-01-03'],
  ['1 måned', '2015-01-31', 'relative', '2015-02-28'], // clamped to the end of February
  ['1 måned', '2016-01-31', 'relative', '2016-02-29'],
  ['3 hverdage', '2015-04-01', 'relative', '2015-04-09'], // skærtorsdag .. 2. påskedag skipped
  ['2 hverdage', '2023-05-03', 'relative', '2023-05-08'], // store bededag 2023 skipped
  ['inden for 7 dage', undefined, 'relative', undefined], // no discharge date: no date
  // as soon as possible: no date (an integrator must not read asap as due on the discharge day)
  ['hurtigst muligt', D, 'asap', undefined],
  ['Snarest muligt', D, 'asap', undefined],
  ['snarest', D, 'asap', undefined],
  ['Straks', D, 'asap', undefined],
  ['umiddelbart efter udskrivelse', D, 'asap', undefined],
  ['ASAP', D, 'asap', undefined],
  ['hurtigst muligt efter udskrivning', D, 'asap', undefined],
  ['hurtigst muligt', undefined, 'asap', undefined],
  // no deadline
  ['ingen', D, 'none', undefined],
  ['Ingen tidsfrist', D, 'none', undefined],
  ['ikke relevant', D, 'none', undefined],
  ['Ikke aktuelt.', D, 'none', undefined],
  ['-', D, 'none', undefined],
  ['nej', D, 'none', undefined],
  ['', D, 'none', undefined],
  ['   \n\t ', D, 'none', undefined],
  [undefined, D, 'none', undefined],
  // cannot be read
  ['Fri tekst', D, 'unreadable', undefined],
  ['efter aftale', D, 'unreadable', undefined],
  ['når patienten er klar', D, 'unreadable', undefined],
  ['31.02.2015', D, 'unreadable', undefined], // not in the calendar
  ['29.02.2015', D, 'unreadable', undefined], // 2015 is no leap year
  ['32. marts 2015', D, 'unreadable', undefined],
  ['12.13.2015', D, 'unreadable', undefined],
  ['uge 12', D, 'absolute', '2015-03-22'], // ISO week 12 of 2015 ends on Sunday 22 March
  ['12.03.2015 eller 19.03.2015', D, 'unreadable', undefined], // two different dates
  ['senest 20.03.2015, dog tidligst 10.03.2015', D, 'absolute', '2015-03-20'], // a window: earliest 10 March
  ['tidligst 12.03.2015', D, 'none', undefined], // an earliest start, no deadline
  ['12/3', D, 'absolute', '2015-03-12'], // no year: the next 12 March on or after discharge
  ['efter 7 dage', D, 'none', undefined], // a start after 7 days: an earliest start, no deadline
  ['inden for 7 år', D, 'unreadable', undefined],
];

describe('interpretDeadline', () => {
  it('has a table of at least 45 rows', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(45);
    expect(ROWS.filter((r) => r[2] === 'unreadable').length).toBeGreaterThanOrEqual(8);
  });

  it.each(ROWS)('%j (discharged %s) → %s %s', (text, discharge, kind, date) => {
    const result = interpretDeadline(text, discharge);
    expect(result.kind).toBe(kind);
    expect(result.date).toBe(date);
    expect(result.explanation.da).not.toBe('');
    expect(result.explanation.en).not.toBe('');
  });

  it('returns the period of a relative deadline', () => {
    expect(interpretDeadline('indenfor 2 uger efter udskrivelse', D).period).toEqual({ amount: 2, unit: 'week' });
    expect(interpretDeadline('3 mdr.', D).period).toEqual({ amount: 3, unit: 'month' });
    expect(interpretDeadline('inden for 5 arbejdsdage').period).toEqual({ amount: 5, unit: 'workingDay' });
    expect(interpretDeadline('fjorten dage').period).toEqual({ amount: 14, unit: 'day' });
  });

  it('says when the discharge date is missing or invalid', () => {
    const missing = interpretDeadline('inden for 7 dage');
    expect(missing).toMatchObject({ kind: 'relative', period: { amount: 7, unit: 'day' } });
    expect(missing.date).toBeUndefined();
    expect(missing.explanation.en).toContain('discharge date is missing');
    expect(missing.explanation.da).toContain('udskrivelsesdatoen mangler');
    const invalid = interpretDeadline('inden for 7 dage', '2015-02-31');
    expect(invalid.date).toBeUndefined();
    expect(invalid.explanation.en).toContain('not a valid date');
  });

  it('mentions the text it read in both languages', () => {
    for (const text of ['senest 12.03.2015', 'inden for 7 dage', 'hurtigst muligt', 'ingen', 'Fri tekst']) {
      const { explanation } = interpretDeadline(text, D);
      expect(explanation.da).toContain(`"${text}"`);
      expect(explanation.en).toContain(`"${text}"`);
    }
    expect(interpretDeadline('12. marts 2015').explanation.da).toContain('12. marts 2015');
    expect(interpretDeadline('31.02.2015').explanation.en).toContain('not a date in the calendar');
  });

  it('does not depend on the process time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/Sao_Paulo', 'Europe/Copenhagen']) {
        process.env.TZ = tz;
        expect(interpretDeadline('12.03.2015').date).toBe('2015-03-12');
        expect(interpretDeadline('inden for 7 dage', '2015-03-26').date).toBe('2015-04-02'); // across DST
        expect(interpretDeadline('5 hverdage', '2018-12-28').date).toBe('2019-01-07');
        expect(interpretDeadline('1 måned', '2016-01-31').date).toBe('2016-02-29');
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it.each([
    ['letters', 'a'.repeat(100_000)],
    ['digits', '1'.repeat(100_000)],
    ['dotted digits', '1.'.repeat(50_000)],
    ['repeated prefix', 'inden for '.repeat(10_000)],
    ['repeated dates', '12.03.2015 '.repeat(9_091)],
    ['spaces around a date', `senest${' '.repeat(99_980)}12.03.2015`],
    ['month names', '12 mar '.repeat(14_286)],
    ['dots then a letter', `${'.'.repeat(99_999)}x`],
    ['dots', '.'.repeat(100_000)],
    ['separators', '1/'.repeat(50_000)],
  ])('answers a 100,000-character input with a short explanation (%s)', (_, text) => {
    expect(text.length).toBeGreaterThanOrEqual(99_990);
    const result = interpretDeadline(text, D); // no timing asserted: npm run bench measures; the reader is one pass
    expect(result.explanation.en.length).toBeLessThan(300);
  });

  it('reads a date surrounded by long whitespace', () => {
    expect(interpretDeadline(`senest${' '.repeat(99_980)}12.03.2015`).date).toBe('2015-03-12');
  });

  it('never throws and always answers with a known kind', () => {
    const kinds = new Set(['absolute', 'relative', 'asap', 'none', 'unreadable']);
    const pieces = fc.constantFrom('senest', 'inden for', '12', '.', '/', '-', '03', '2015', 'marts', 'dage', ' ', 'to');
    const text = fc.oneof(
      fc.string(),
      fc.array(pieces).map((p) => p.join('')),
    );
    const discharge = fc.option(fc.oneof(fc.string(), fc.constant('2015-03-05')), { nil: undefined });
    fc.assert(
      fc.property(text, discharge, (t, d) => {
        const result = interpretDeadline(t, d);
        expect(kinds.has(result.kind)).toBe(true);
        if (result.date !== undefined) expect(result.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
      { numRuns: 500 },
    );
  });
});

/*
 * The legal readings the README and GOP-LAW-008 state, one row each, and the texts that could fool a reader that
 * treats unknown words as comments into a wrong date. Discharge Tuesday 2019-03-05, plan Monday 2019-03-04.
 */
describe('the legal readings (README "The start deadline")', () => {
  const opts = { dischargeDate: '2019-03-05', planDate: '2019-03-04' };
  const read = (text: string, o: { dischargeDate?: string; planDate?: string } = opts) => {
    const r = interpretDeadline(text, o);
    return { kind: r.kind, date: r.date, earliestStart: r.earliestStart, asksLaterStart: r.asksLaterStart };
  };

  it('a named start is both the earliest and the latest start', () => {
    expect(read('Opstart 25.03.2019')).toEqual({ kind: 'absolute', date: '2019-03-25', earliestStart: '2019-03-25', asksLaterStart: true });
    expect(read('opstart uge 12')).toEqual({ kind: 'absolute', date: '2019-03-24', earliestStart: '2019-03-18', asksLaterStart: true });
    expect(read('Opstart om 3 uger')).toMatchObject({ kind: 'relative', date: '2019-03-26', earliestStart: '2019-03-26' });
  });

  it('before and after a date are both strict; periods are counted inclusive both ways', () => {
    expect(read('inden 20/3')).toMatchObject({ date: '2019-03-19' });
    expect(read('efter 18/3')).toMatchObject({ earliestStart: '2019-03-19' });
    expect(read('inden uge 12')).toMatchObject({ date: '2019-03-17' });
    expect(read('efter uge 12')).toMatchObject({ earliestStart: '2019-03-25' });
    expect(read('inden 7 dage')).toMatchObject({ date: '2019-03-12' });
    expect(read('efter 7 dage')).toMatchObject({ earliestStart: '2019-03-12' });
  });

  it('a date or week without a year is the nearest to the plan date, and one before discharge stays there', () => {
    expect(read('senest 4/3')).toMatchObject({ kind: 'absolute', date: '2019-03-04' });
    expect(read('senest uge 9')).toMatchObject({ kind: 'absolute', date: '2019-03-03' });
    expect(read('senest 6/1', { dischargeDate: '2019-12-20', planDate: '2019-12-19' })).toMatchObject({ date: '2020-01-06' });
  });

  it('a weekday, "i morgen" and "næste uge" count from the plan date, and never land before discharge', () => {
    expect(read('senest fredag')).toMatchObject({ date: '2019-03-08' });
    expect(read('senest i morgen', { dischargeDate: '2019-03-05', planDate: '2019-03-05' })).toMatchObject({ date: '2019-03-06' });
    expect(read('senest næste uge')).toMatchObject({ date: '2019-03-17' });
    expect(read('senest mandag', { dischargeDate: '2019-03-05', planDate: '2019-03-01' })).toMatchObject({
      kind: 'unreadable',
      date: undefined,
    });
  });

  it('"efter udskrivelse", "ved udskrivelse" and "i forlængelse af udskrivelsen" are as soon as possible', () => {
    for (const text of ['efter udskrivelse', 'Opstart ved udskrivelsen', 'i forlængelse af udskrivelsen', 'fra udskrivelsen'])
      expect(read(text)).toEqual({ kind: 'asap', date: undefined, earliestStart: undefined, asksLaterStart: false });
    expect(read('senest ved udskrivelsen')).toMatchObject({ kind: 'absolute', date: '2019-03-05' });
  });

  it('a deadline with a preference is the deadline', () => {
    expect(read('inden for 14 dage (helst 7)')).toMatchObject({ kind: 'relative', date: '2019-03-19' });
  });
});

describe('never a wrong date: what an unknown word could change', () => {
  const opts = { dischargeDate: '2019-03-05', planDate: '2019-03-04' };
  it.each([
    ['allertidligst 1/4', 'a marker inside a compound'],
    ['sneets 12.03.2019', 'a marker two edits away'],
    ['mindst 14 dage efter udskrivelsen', 'at least'],
    ['over 14 dage', 'more than'],
    ['pt. på ferie til 1/4', '"til" before a date'],
    ['udsat til 1/4', 'postponed'],
    ['14 dage post-op', 'counted from the operation'],
    ['senest 12/3 ± 2 dage', 'plus or minus'],
    ['senest 12/3, evt. 19/3', 'perhaps, in the clause of a date'],
    ['Senest 12/3, pt. skal dog først til kontrol 10/3', 'a date outside any deadline'],
    ['senest 12/3 (pt. udskrives 6/3)', 'a discharge date that is not the plan’s'],
    ['Opstart når pt. er hjemme, senest 12/3', 'a condition'],
    ['Opstart afhænger af svar på biopsi', 'depends on'],
    ['senest 12/3 - kontrol 18.03.2019', 'a dated event no period counts from'],
  ])('%s (%s): unreadable, no date', (text) => {
    const r = interpretDeadline(text, opts);
    expect(r.kind).toBe('unreadable');
    expect(r.date).toBeUndefined();
    expect(r.earliestStart).toBeUndefined();
  });

  it.each([
    ['startdato 1/4', '2019-04-01', '2019-04-01'],
    ['tidligste opstart 1/4', undefined, '2019-04-01'],
    ['senest 12. marst', '2019-03-12', undefined],
    ['Pt. bor alene og har ingen pårørende i nærheden. Opstart senest d. 11/3.', '2019-03-11', undefined],
    ['Pga. smerter i hoften - opstart senest 12/3', '2019-03-12', undefined],
    ['Senest 12/3. Pt. kan ikke selv transportere sig.', '2019-03-12', undefined],
  ])('%s: a comment changes nothing', (text, date, earliestStart) => {
    const r = interpretDeadline(text, opts);
    expect({ date: r.date, earliestStart: r.earliestStart }).toEqual({ date, earliestStart });
  });
});
