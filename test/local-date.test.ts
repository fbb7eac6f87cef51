import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTimeZone, localDate } from '../src/values/local-date';

// localDate answers Europe/Copenhagen without Intl where summer time cannot change the date (src/values/local-date.ts):
// it must give Intl's answer for every instant, the hours around midnight in Denmark above all.
const intl = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });
const HOUR = 3_600_000;

describe('localDate in Europe/Copenhagen', () => {
  it("gives Intl's date for any instant from 1900 to 2200", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }), (ms) => {
        expect(localDate(new Date(ms))).toBe(intl.format(new Date(ms)));
      }),
      { numRuns: 5000 },
    );
  });

  it("gives Intl's date around 21:00–24:00 UTC on every day of the summer-time changes and beside them", () => {
    for (let year = 1979; year <= 2040; year++) {
      for (const [month, first] of [
        [2, 20],
        [8, 20],
        [9, 20],
      ] as const) {
        for (let day = first; day <= first + 11; day++) {
          for (let offset = 21 * HOUR - 1; offset <= 24 * HOUR + 1; offset += HOUR / 4) {
            const instant = new Date(Date.UTC(year, month, day) + offset);
            expect(localDate(instant), instant.toISOString()).toBe(intl.format(instant));
          }
        }
      }
    }
  });

  it('reads an instant given as text the same way, and knows the default zone', () => {
    expect(localDate('2019-03-30T22:30:00Z')).toBe('2019-03-30'); // winter time: 23:30 in Copenhagen
    expect(localDate('2019-03-31T22:30:00Z')).toBe('2019-04-01'); // summer time: 00:30 the next day
    expect(localDate('2019-06-01T21:59:59.999Z')).toBe('2019-06-01');
    expect(localDate('2019-12-31T23:00:00Z')).toBe('2020-01-01');
    expect(isTimeZone('Europe/Copenhagen')).toBe(true);
    expect(isTimeZone('Europe/Nowhere')).toBe(false);
  });
});
