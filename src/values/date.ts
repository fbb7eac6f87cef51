import { addMilliseconds } from 'date-fns';
import { millisecondsInDay } from 'date-fns/constants';

// Calendar helpers for GOP-FORMAT-001/002. Everything works on the digits of the string or on UTC
// instants, never on local time, so neither the clock nor the process time zone can change a result.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month of the proleptic Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function splitIsoDate(s: string): [number, number, number] | undefined {
  const m = ISO_DATE.exec(s);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return [year, month, day];
}

/** Exactly `YYYY-MM-DD`, year 1000–9999, and a date that exists in the Gregorian calendar. */
export function isIsoDate(s: string): boolean {
  return splitIsoDate(s) !== undefined;
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
 * `date` plus `n` calendar days (n may be negative). Returns '' when `date` is not a valid ISO date,
 * `n` is not an integer, or the result falls outside the years 1000–9999 (so a non-empty result always
 * passes isIsoDate).
 *
 * Works on UTC midnight with addMilliseconds: UTC has no DST, so a day is always exactly 24 h there.
 * date-fns' addDays/format use local time, which shifts a day around DST changes and cannot even
 * represent days some zones skipped (Pacific/Apia has no 2011-12-30).
 */
export function addDaysIso(date: string, n: number): string {
  const parts = splitIsoDate(date);
  if (!parts || !Number.isSafeInteger(n)) return '';
  const [year, month, day] = parts;
  const result = addMilliseconds(Date.UTC(year, month - 1, day), n * millisecondsInDay);
  const y = result.getUTCFullYear();
  if (Number.isNaN(y) || y < 1000 || y > 9999) return '';
  const pad = (v: number) => String(v).padStart(2, '0');
  return `${y}-${pad(result.getUTCMonth() + 1)}-${pad(result.getUTCDate())}`;
}
