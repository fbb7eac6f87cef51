// The facts rows of the browser page (web/facts.ts), without a browser: test/web.test.ts shows them in Chromium where
// it is installed. What the deadline was read as is told apart: unreadable is never "no deadline" (issue 21).
import { describe, expect, it } from 'vitest';
import { checkGop } from '../src/index';
import { FACT_LABELS, factRows } from '../web/facts';
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
      expect(da['Tilbud om opstart senest'], deadline).toBe('ikke sikker (14.03.2019 kun hvis planen ikke beder om en senere opstart)');
      expect(Object.values(da).join(' '), deadline).not.toMatch(NO_DEADLINE);
      const en = rowsOf(deadline, 'en');
      expect(en['Must start by']).toBe('the deadline could not be read: read the text');
      expect(en['Deadline (as read)']).toContain('cannot be read safely');
      expect(en['Start to be offered by']).toBe('not certain (2019-03-14 only if the plan asks for no later start)');
      expect(Object.values(en).join(' ')).not.toMatch(NO_DEADLINE);
    }
  });

  it('"no deadline" only where the plan has none; as soon as possible and an earliest start only said so', () => {
    for (const deadline of [null, 'ingen']) {
      expect(rowsOf(deadline)['Opstart senest'], String(deadline)).toBe('ingen frist i planen');
      expect(rowsOf(deadline)['Tilbud om opstart senest']).toBe('14.03.2019');
      expect(rowsOf(deadline, 'en')['Must start by']).toBe('no deadline in the plan');
    }
    expect(rowsOf(null)['Tidsfrist (som læst)']).toBeUndefined(); // nothing written, nothing read
    expect(rowsOf('hurtigst muligt', 'en')['Must start by']).toBe('as soon as possible');
    expect(rowsOf('tidligst 19.03.2019', 'en')).toMatchObject({
      'Earliest start': '2019-03-19',
      'Must start by': 'no latest start (only an earliest start)',
      'Start to be offered by': '2019-03-26',
    });
    expect(rowsOf('senest 14.03.2019')['Opstart senest']).toBe('14.03.2019');
  });

  it('a later start without a date: no latest start, read the text; the guarantee date not certain', () => {
    const en = rowsOf('tidligst i næste uge', 'en', '2019-02-30');
    expect(en['Must start by']).toBe('no latest start; a later start is asked for, but its date could not be read: read the text');
    expect(en['Start to be offered by']).toBe('not certain (2019-03-14 only if the plan asks for no later start)');
    expect(Object.values(en).join(' ')).not.toMatch(NO_DEADLINE);
  });
});
