// The mini UTCDate: the same UTC getters and setters, without the full one's three Intl formatters (made at import,
// ~15 ms of every start) that only its toString and toLocale… methods use, which nothing here calls.
import { UTCDateMini } from '@date-fns/utc/date/mini';

// Calendar helpers for GOP-FORMAT-001/002. Everything works on the digits of the string or on UTC
// instants, never on local time, so neither the clock nor the process time zone can change a result.

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month of the proleptic Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The number of `length` ASCII digits at `at`, or -1 (what `\d{n}` of the pattern matched, without its match array). */
function digitsAt(s: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** `^(\d{4})-(\d{2})-(\d{2})$` read by hand: every date of a plan passes here, several times (facts, rules), and a match allocates. */
function splitIsoDate(given: string): [number, number, number] | undefined {
  const s = typeof given === 'string' ? given : String(given); // as the pattern read a JavaScript caller's non-string
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined;
  const year = digitsAt(s, 0, 4);
  const month = digitsAt(s, 5, 2);
  const day = digitsAt(s, 8, 2);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return [year, month, day];
}

/** Exactly `YYYY-MM-DD`, year 1000–9999, and a date that exists in the Gregorian calendar. */
export function isIsoDate(given: string): boolean {
  const s = typeof given === 'string' ? given : String(given); // as the pattern read a JavaScript caller's non-string
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const year = digitsAt(s, 0, 4);
  const month = digitsAt(s, 5, 2);
  const day = digitsAt(s, 8, 2);
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Exactly `hh:mm` on the 24-hour clock, 00:00–23:59 (no seconds, no 24:00). */
export function isTime(s: string): boolean {
  return TIME.test(s);
}

/** Negative, zero or positive like a sort comparator. Valid ISO dates order correctly as plain strings. */
export function compareIsoDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A calendar date as a date-fns value in UTC. date-fns works on whatever Date it is given; a UTCDate makes it work
 * in UTC, which has no DST and skips no day (Pacific/Apia has no 2011-12-30), so the process time zone never matters.
 */
export function calendarDate(year: number, month: number, day: number): Date | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const date = new UTCDateMini(2000, 0, 1);
  date.setFullYear(year, month - 1, day); // setFullYear: the constructor maps years 0–99 to 19xx
  return date;
}

/**
 * formatIsoDate(calendarDate(year, month, day)) without the Date: `YYYY-MM-DD`, or undefined when there is no such day.
 * Years outside 0–9999 (an ISO string of six digits) go the Date's way.
 */
export function calendarIso(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (year < 0 || year > 9999) return formatIsoDate(calendarDate(year, month, day)!);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** `YYYY-MM-DD` → a UTC calendar date, or undefined when it is not a real date. */
export function parseIsoDate(iso: string): Date | undefined {
  const parts = splitIsoDate(iso);
  return parts && calendarDate(...parts);
}

/** A calendar date (UTC, as calendarDate makes them) → `YYYY-MM-DD`; native, and years are 1000–9999 here. */
export const formatIsoDate = (date: Date): string => date.toISOString().slice(0, 10);

/**
 * Days since 1970-01-01 of a date of the proleptic Gregorian calendar (month 1–12): whole-number arithmetic, no Date
 * object (H. Hinnant's days_from_civil).
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1; // from 1 March
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The inverse of daysFromCivil, as `YYYY-MM-DD` when the year is 1000–9999, else ''. */
function civilFromDays(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153); // months from March
  const day = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1;
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 1000 || year > 9999) return '';
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** Days since 1970-01-01 of a valid `YYYY-MM-DD` (NaN for anything else): for counting days without Date objects. */
export function dayNumber(iso: string): number {
  const parts = splitIsoDate(iso);
  return parts ? daysFromCivil(...parts) : Number.NaN;
}

/** The `YYYY-MM-DD` of a day number (dayNumber's inverse), '' outside the years 1000–9999. */
export const isoOfDayNumber = (days: number): string => (Number.isFinite(days) ? civilFromDays(days) : '');

/** Past this many days either way every result is outside the years 1000–9999 (and the arithmetic stays exact). */
const MAX_DAYS = 4_000_000;

/**
 * `date` plus `n` calendar days (n may be negative). Returns '' when `date` is not a valid ISO date,
 * `n` is not an integer, or the result falls outside the years 1000–9999 (so a non-empty result always
 * passes isIsoDate). Plain arithmetic: the facts add days to dates many times per plan.
 */
export function addDaysIso(date: string, n: number): string {
  const parts = splitIsoDate(date);
  if (!parts || !Number.isSafeInteger(n) || Math.abs(n) > MAX_DAYS) return '';
  return civilFromDays(daysFromCivil(...parts) + n);
}

const DA_MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Whole days from one YYYY-MM-DD to another (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** A YYYY-MM-DD date as Danes and as English readers write it out: "5. marts 2019", "5 March 2019". */
export function longDate(iso: string): { da: string; en: string } {
  // the parts as split('-').map(Number) reads them, without the arrays (the facts write a date out for every plan)
  const first = iso.indexOf('-');
  const second = first < 0 ? -1 : iso.indexOf('-', first + 1);
  if (first !== 4 || second !== 7 || iso.length !== 10) {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    return { da: `${d}. ${DA_MONTHS[m - 1]} ${y}`, en: `${d} ${EN_MONTHS[m - 1]} ${y}` };
  }
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8));
  return { da: `${d}. ${DA_MONTHS[m - 1]} ${y}`, en: `${d} ${EN_MONTHS[m - 1]} ${y}` };
}
