import { addDays } from 'date-fns/addDays';
import { calendarDate, dayNumber, formatIsoDate, isIsoDate, isoOfDayNumber, parseIsoDate } from '../values/date';

export interface DanishHoliday {
  date: string;
  nameDa: string;
  nameEn: string;
}

// Dates are UTC calendar dates (see values/date): the process time zone can never move a day.
const dateOf = (year: number, month0: number, day: number): Date => calendarDate(year, month0 + 1, day)!;
const iso = formatIsoDate;

/** Easter Sunday by the anonymous Gregorian computus (Meeus/Jones/Butcher). */
function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dateOf(year, month - 1, day);
}

// Offsets from Easter Sunday; store bededag is handled apart because it was abolished from 2024.
const EASTER_HOLIDAYS: readonly [number, string, string][] = [
  [-3, 'Skærtorsdag', 'Maundy Thursday'],
  [-2, 'Langfredag', 'Good Friday'],
  [0, 'Påskedag', 'Easter Sunday'],
  [1, '2. påskedag', 'Easter Monday'],
  [39, 'Kristi himmelfartsdag', 'Ascension Day'],
  [49, 'Pinsedag', 'Whit Sunday'],
  [50, '2. pinsedag', 'Whit Monday'],
];
const LAST_YEAR_WITH_STORE_BEDEDAG = 2023;

// Grundlovsdag (5 Jun), juleaftensdag and nytårsaftensdag are customary days off, not official helligdage.
function computeHolidays(year: number): DanishHoliday[] {
  const easter = easterSunday(year);
  const fromEaster = (offset: number, nameDa: string, nameEn: string): DanishHoliday => ({
    date: iso(addDays(easter, offset)),
    nameDa,
    nameEn,
  });
  const list: DanishHoliday[] = [
    { date: iso(dateOf(year, 0, 1)), nameDa: 'Nytårsdag', nameEn: "New Year's Day" },
    ...EASTER_HOLIDAYS.map(([offset, da, en]) => fromEaster(offset, da, en)),
    { date: iso(dateOf(year, 11, 25)), nameDa: 'Juledag', nameEn: 'Christmas Day' },
    { date: iso(dateOf(year, 11, 26)), nameDa: '2. juledag', nameEn: 'Boxing Day' },
  ];
  if (year <= LAST_YEAR_WITH_STORE_BEDEDAG) {
    list.push(fromEaster(26, 'Store bededag', 'General Prayer Day'));
  }
  return list.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

const cache = new Map<number, { list: readonly DanishHoliday[]; dates: ReadonlySet<string>; days?: ReadonlySet<number> }>();

function holidaysOf(year: number) {
  let entry = cache.get(year);
  if (!entry) {
    const list = computeHolidays(year);
    entry = { list, dates: new Set(list.map((h) => h.date)) };
    cache.set(year, entry);
  }
  return entry;
}

/**
 * Danish public holidays (helligdage) of a year, sorted by date. Today's rules are applied to every
 * year, except that store bededag only exists up to and including 2023.
 */
export function danishPublicHolidays(year: number): DanishHoliday[] {
  if (!Number.isInteger(year) || year < 1 || year > 9999) {
    throw new RangeError(`year must be an integer from 1 to 9999, got ${year}`);
  }
  return holidaysOf(year).list.map((h) => ({ ...h }));
}

/** True when `date` (YYYY-MM-DD) is a Danish public holiday; false for anything that is not a date. */
export function isDanishPublicHoliday(date: string): boolean {
  const d = parseIsoDate(date);
  return d !== undefined && holidaysOf(d.getFullYear()).dates.has(date);
}

function isWorkingDate(d: Date): boolean {
  const weekday = d.getDay();
  return weekday !== 0 && weekday !== 6 && !holidaysOf(d.getFullYear()).dates.has(iso(d));
}

/** Monday to Friday and not a public holiday; false for anything that is not a date. */
export function isDanishWorkingDay(date: string): boolean {
  const d = parseIsoDate(date);
  return d !== undefined && isWorkingDate(d);
}

/** The holidays of a year as day numbers (src/values/date.ts dayNumber), made when first counted over. */
function holidayDaysOf(year: number): ReadonlySet<number> {
  const entry = holidaysOf(year);
  if (!entry.days) entry.days = new Set(entry.list.map((h) => dayNumber(h.date)));
  return entry.days;
}

/**
 * The date `n` Danish working days after `date`: counting starts the day after `date`,
 * and n = 0 returns `date` itself (even when that is not a working day).
 */
export function addDanishWorkingDays(date: string, n: number): string {
  if (!isIsoDate(date)) throw new RangeError(`not a YYYY-MM-DD calendar date: ${date}`);
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  // Counted on day numbers (a deadline in working days is read for many plans); near the year 9999 by Dates.
  const start = String(date); // as parseIsoDate read a JavaScript caller's non-string
  let year = Number(start.slice(0, 4));
  if (year > 9998) return addWorkingDaysByDate(start, n);
  let day = dayNumber(start);
  let nextYear = dayNumber(`${year + 1}-01-01`);
  let holidays = holidayDaysOf(year);
  for (let left = n; left > 0; ) {
    day++;
    if (day >= nextYear) {
      year++;
      if (year > 9998) return addWorkingDaysByDate(start, n);
      nextYear = dayNumber(`${year + 1}-01-01`);
      holidays = holidayDaysOf(year);
    }
    const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 is Sunday as in getDay
    if (weekday !== 0 && weekday !== 6 && !holidays.has(day)) left--;
  }
  return isoOfDayNumber(day);
}

/** The same by date-fns days: what the years past 9999 are counted with. */
function addWorkingDaysByDate(date: string, n: number): string {
  let d: Date = parseIsoDate(date)!;
  for (let left = n; left > 0; ) {
    d = addDays(d, 1);
    if (isWorkingDate(d)) left--;
  }
  return iso(d);
}
