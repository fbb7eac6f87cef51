// The facts rows of the browser page (web/facts.ts) and its words for dates, days and counts, without a browser:
// test/web.test.ts shows them in Chromium where it is installed. What the deadline was read as is told apart:
// unreadable is never "no deadline" (issue 21). One date form per language, counts and days in words (issue 23).
import { describe, expect, it } from 'vitest';
import { checkGop } from '../src/index';
import { dateText, datesInText } from '../src/view/sections';
import { countsText, daysText, FACT_LABELS, factRows, keyFactsText, numberText } from '../web/facts';
import { withDeadline } from './helpers';

// almen-hoftefraktur.xml with other deadlines: discharged 2019-03-07, the guarantee from discharge 2019-03-14
const rowsOf = (deadline: string | null, lang: 'da' | 'en' = 'da', authorised?: string) => {
  const facts = checkGop(withDeadline(deadline, { authorised }), { referenceDate: '2019-03-10' }).facts!;
  return Object.fromEntries(factRows(facts, lang).map(([key, value]) => [FACT_LABELS[lang][key], value]));
};
const NO_DEADLINE = /ingen frist|no deadline/;

describe('the browser page: the facts rows', () => {
  it('an unreadable deadline: "could not be read: read the text", the reading, and the guarantee date not certain', () => {
    for (const deadline of ['efter kontrol i ambulatoriet', 'ca. 14 dage']) {
      const da = rowsOf(deadline);
      expect(da['Opstart senest'], deadline).toBe('fristen kan ikke læses: læs teksten');
      expect(da['Tidsfrist (som læst)'], deadline).toContain('kan ikke læses sikkert');
      expect(da['Tilbud om opstart senest'], deadline).toBe('ikke sikker (14. marts 2019 kun hvis planen ikke beder om en senere opstart)');
      expect(Object.values(da).join(' '), deadline).not.toMatch(NO_DEADLINE);
      const en = rowsOf(deadline, 'en');
      expect(en['Must start by']).toBe('the deadline could not be read: read the text');
      expect(en['Deadline (as read)']).toContain('cannot be read safely');
      expect(en['Start to be offered by']).toBe('not certain (14 March 2019 only if the plan asks for no later start)');
      expect(Object.values(en).join(' ')).not.toMatch(NO_DEADLINE);
    }
  });

  it('"no deadline" only where the plan has none; as soon as possible and an earliest start only said so', () => {
    for (const deadline of [null, 'ingen']) {
      expect(rowsOf(deadline)['Opstart senest'], String(deadline)).toBe('ingen frist i planen');
      expect(rowsOf(deadline)['Tilbud om opstart senest']).toBe('14. marts 2019');
      expect(rowsOf(deadline, 'en')['Must start by']).toBe('no deadline in the plan');
    }
    expect(rowsOf(null)['Tidsfrist (som læst)']).toBeUndefined(); // nothing written, nothing read
    expect(rowsOf('hurtigst muligt', 'en')['Must start by']).toBe('as soon as possible');
    expect(rowsOf('tidligst 19.03.2019', 'en')).toMatchObject({
      'Earliest start': '19 March 2019',
      'Must start by': 'no latest start (only an earliest start)',
      'Start to be offered by': '26 March 2019',
    });
    expect(rowsOf('senest 14.03.2019')['Opstart senest']).toBe('14. marts 2019 — 4 dage til fristen');
  });

  it('a later start without a date: no latest start, read the text; the guarantee date not certain', () => {
    const en = rowsOf('tidligst i næste uge', 'en', '2019-02-30');
    expect(en['Must start by']).toBe('no latest start; a later start is asked for, but its date could not be read: read the text');
    expect(en['Start to be offered by']).toBe('not certain (14 March 2019 only if the plan asks for no later start)');
    expect(Object.values(en).join(' ')).not.toMatch(NO_DEADLINE);
  });
});

describe('the browser page: one date form, days and counts in words', () => {
  it('dateText: a date and a date with its time, one form per language; anything else as written', () => {
    expect(dateText('2014-12-20', 'da')).toBe('20. december 2014');
    expect(dateText('2014-12-20', 'en')).toBe('20 December 2014');
    expect(dateText('2014-12-20T10:43', 'da')).toBe('20. december 2014 kl. 10:43');
    expect(dateText('2014-12-20T10:43', 'en')).toBe('20 December 2014, 10:43');
    expect(dateText('2009-09-04T09:05', 'da')).toBe('4. september 2009 kl. 09:05');
    for (const asWritten of ['2019-02-30', '2019-02-30T10:43', '2014-12-20T25:00', '20.12.2014', 'i morgen'])
      expect(dateText(asWritten, 'da'), asWritten).toBe(asWritten);
    expect(dateText('  ', 'da')).toBeUndefined();
  });

  it('datesInText: the dates of our sentences written out, quoted values and longer stamps left as written', () => {
    expect(datesInText('Meddelelsen er afsendt (2009-09-04T10:43), før planen blev godkendt (2015-03-04T09:26).', 'da')).toBe(
      'Meddelelsen er afsendt (4. september 2009 kl. 10:43), før planen blev godkendt (4. marts 2015 kl. 09:26).',
    );
    expect(datesInText('The plan was authorised on 2015-03-04, after discharge on 2014-12-20.', 'en')).toBe(
      'The plan was authorised on 4 March 2015, after discharge on 20 December 2014.',
    );
    expect(datesInText('"senest 2019-03-14" is read as start by 2019-03-14 ("2019-03-14").', 'en')).toBe(
      '"senest 2019-03-14" is read as start by 14 March 2019 ("2019-03-14").',
    );
    for (const kept of ['2019-03-08T10:00:00+01:00', '12019-03-14', '2019-03-145', '2019-02-30', 'id 2019-03-14-7'])
      expect(datesInText(kept, 'da'), kept).toBe(kept);
  });

  it('numbers grouped as each language writes them; days to the deadline in words, never a raw negative number', () => {
    expect([0, 7, 999, 1000, 2824, 1234567].map((n) => numberText(n, 'da'))).toEqual(['0', '7', '999', '1.000', '2.824', '1.234.567']);
    expect(numberText(2824, 'en')).toBe('2,824');
    expect(daysText(-2824, 'da')).toBe('fristen var for 2.824 dage siden');
    expect(daysText(-1, 'da')).toBe('fristen var for 1 dag siden');
    expect(daysText(0, 'da')).toBe('fristen er i dag');
    expect(daysText(1, 'da')).toBe('1 dag til fristen');
    expect(daysText(4, 'da')).toBe('4 dage til fristen');
    expect(daysText(-2824, 'en')).toBe('the deadline was 2,824 days ago');
    expect(daysText(-1, 'en')).toBe('the deadline was 1 day ago');
    expect(daysText(0, 'en')).toBe('the deadline is today');
    expect(daysText(1, 'en')).toBe('1 day left until the deadline');
    for (const days of [-2824, -1, 0, 1, 4]) for (const lang of ['da', 'en'] as const) expect(daysText(days, lang)).not.toMatch(/-\d/);
  });

  it('counts in words, singular and plural', () => {
    const counts = (fatal: number, error: number, warning: number, info: number) => ({ fatal, error, warning, info });
    expect(countsText(counts(1, 0, 0, 0), 'da')).toBe('1 fatal fejl');
    expect(countsText(counts(2, 0, 0, 0), 'da')).toBe('2 fatale fejl');
    expect(countsText(counts(0, 5, 1, 0), 'da')).toBe('5 fejl, 1 advarsel');
    expect(countsText(counts(0, 1, 3, 1), 'da')).toBe('1 fejl, 3 advarsler, 1 oplysning');
    expect(countsText(counts(0, 0, 0, 2), 'da')).toBe('2 oplysninger');
    expect(countsText(counts(1, 0, 0, 0), 'en')).toBe('1 fatal error');
    expect(countsText(counts(0, 1, 2, 1), 'en')).toBe('1 error, 2 warnings, 1 note');
    expect(countsText(counts(0, 1234, 0, 0), 'en')).toBe('1,234 errors');
    expect(countsText(counts(0, 0, 0, 0), 'en')).toBe('');
  });

  it('an old plan: every date in one form, the days in words, in the rows and in the key facts line', () => {
    const facts = checkGop(withDeadline('inden 7 dage'), { referenceDate: '2026-11-27' }).facts!;
    expect(facts.daysUntilMustStart).toBeLessThan(-2000);
    for (const lang of ['da', 'en'] as const) {
      const rows = factRows(facts, lang);
      const text = [...rows.map(([, value]) => value), keyFactsText(facts, lang)].join('\n');
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4}|(?<!\w)-\d/); // a CPR number's dash is no minus
      expect(rows.map(([key]) => key)).not.toContain('daysUntilMustStart');
    }
    const da = Object.fromEntries(factRows(facts, 'da').map(([key, value]) => [FACT_LABELS.da[key], value]));
    expect(da['Opstart senest']).toMatch(/^\d{1,2}\. marts 2019 — fristen var for \d\.\d{3} dage siden$/);
    expect(da['Sendt']).toBe('7. marts 2019 kl. 09:41');
    expect(keyFactsText(facts, 'da')).toContain('udskrevet 7. marts 2019');
    const en = Object.fromEntries(factRows(facts, 'en').map(([key, value]) => [FACT_LABELS.en[key], value]));
    expect(en['Must start by']).toMatch(/^\d{1,2} March 2019 — the deadline was \d,\d{3} days ago$/);
    expect(en['Sent']).toBe('7 March 2019, 09:41');
  });
});
