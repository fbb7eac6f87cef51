import { describe, expect, it } from 'vitest';
import { addDanishWorkingDays, danishPublicHolidays, isDanishPublicHoliday, isDanishWorkingDay } from '../src/facts/holidays';

const easterOf = (year: number) => danishPublicHolidays(year).find((h) => h.nameDa === 'Påskedag')?.date;

describe('danishPublicHolidays', () => {
  it.each([
    [2015, '2015-04-05'],
    [2018, '2018-04-01'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2038, '2038-04-25'], // latest possible Easter
    [2019, '2019-04-21'],
    [2000, '2000-04-23'],
    [1818, '1818-03-22'], // earliest possible Easter
    [2285, '2285-03-22'],
  ])('Easter Sunday %i is %s', (year, date) => {
    expect(easterOf(year)).toBe(date);
  });

  it('lists all eleven holidays of 2023, store bededag included, sorted', () => {
    expect(danishPublicHolidays(2023).map((h) => [h.date, h.nameDa])).toEqual([
      ['2023-01-01', 'Nytårsdag'],
      ['2023-04-06', 'Skærtorsdag'],
      ['2023-04-07', 'Langfredag'],
      ['2023-04-09', 'Påskedag'],
      ['2023-04-10', '2. påskedag'],
      ['2023-05-05', 'Store bededag'],
      ['2023-05-18', 'Kristi himmelfartsdag'],
      ['2023-05-28', 'Pinsedag'],
      ['2023-05-29', '2. pinsedag'],
      ['2023-12-25', 'Juledag'],
      ['2023-12-26', '2. juledag'],
    ]);
  });

  it('has no store bededag from 2024 on', () => {
    const dates = danishPublicHolidays(2024).map((h) => h.date);
    expect(dates).toEqual([
      '2024-01-01',
      '2024-03-28',
      '2024-03-29',
      '2024-03-31',
      '2024-04-01',
      '2024-05-09',
      '2024-05-19',
      '2024-05-20',
      '2024-12-25',
      '2024-12-26',
    ]);
    expect(danishPublicHolidays(2024).some((h) => h.nameDa === 'Store bededag')).toBe(false);
    expect(isDanishPublicHoliday('2023-05-05')).toBe(true);
    expect(isDanishPublicHoliday('2024-04-26')).toBe(false);
  });

  it('gives English names and returns copies the caller may change', () => {
    const first = danishPublicHolidays(2025)[0]!;
    expect(first).toEqual({ date: '2025-01-01', nameDa: 'Nytårsdag', nameEn: "New Year's Day" });
    first.date = 'changed';
    expect(danishPublicHolidays(2025)[0]!.date).toBe('2025-01-01');
  });

  it('rejects a year that is not an integer', () => {
    expect(() => danishPublicHolidays(2015.5)).toThrow(RangeError);
  });
});

describe('isDanishPublicHoliday / isDanishWorkingDay', () => {
  it('does not count grundlovsdag, juleaftensdag or nytårsaftensdag as holidays', () => {
    for (const d of ['2024-06-05', '2024-12-24', '2024-12-31']) {
      expect(isDanishPublicHoliday(d)).toBe(false);
      expect(isDanishWorkingDay(d)).toBe(true);
    }
  });

  it.each([
    ['2025-04-17', false], // skærtorsdag
    ['2025-04-19', false], // Saturday
    ['2025-04-20', false], // påskedag, a Sunday
    ['2025-04-21', false], // 2. påskedag
    ['2025-04-22', true],
    ['2023-05-05', false], // store bededag 2023
    ['2024-04-26', true], // would have been store bededag
    ['2015-03-05', true],
  ])('%s is a working day: %s', (date, expected) => {
    expect(isDanishWorkingDay(date)).toBe(expected);
  });

  it('answers false for things that are not dates', () => {
    for (const d of ['2015-02-31', 'foo', '', '2015-1-1']) {
      expect(isDanishPublicHoliday(d)).toBe(false);
      expect(isDanishWorkingDay(d)).toBe(false);
    }
  });
});

describe('addDanishWorkingDays', () => {
  it.each([
    ['2025-04-16', 1, '2025-04-22'], // skærtorsdag .. 2. påskedag skipped
    ['2025-04-16', 3, '2025-04-24'],
    ['2015-04-01', 1, '2015-04-07'],
    ['2015-04-01', 3, '2015-04-09'],
    ['2024-12-23', 1, '2024-12-24'], // juleaftensdag is a working day
    ['2024-12-23', 2, '2024-12-27'], // 25 and 26 Dec skipped
    ['2024-12-23', 4, '2024-12-31'],
    ['2024-12-23', 5, '2025-01-02'], // 1 Jan skipped
    ['2018-12-28', 5, '2019-01-07'], // 31 Dec counts, 1 Jan does not
    ['2023-05-04', 1, '2023-05-08'], // store bededag 2023 skipped
    ['2024-04-25', 1, '2024-04-26'], // no store bededag in 2024
    ['2015-03-05', 5, '2015-03-12'],
    ['2015-03-07', 1, '2015-03-09'], // from a Saturday
  ])('%s + %i working days = %s', (date, n, expected) => {
    expect(addDanishWorkingDays(date, n)).toBe(expected);
  });

  it('returns the date itself for n = 0, even on a holiday', () => {
    expect(addDanishWorkingDays('2015-03-05', 0)).toBe('2015-03-05');
    expect(addDanishWorkingDays('2025-04-18', 0)).toBe('2025-04-18');
  });

  it('rejects a negative or fractional n and a non-date', () => {
    expect(() => addDanishWorkingDays('2015-03-05', -1)).toThrow(RangeError);
    expect(() => addDanishWorkingDays('2015-03-05', 1.5)).toThrow(RangeError);
    expect(() => addDanishWorkingDays('2015-02-31', 1)).toThrow(RangeError);
  });
});
