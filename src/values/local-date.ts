import { isIsoDate } from './date';

const DEFAULT_TIME_ZONE = 'Europe/Copenhagen';

/** The calendar date of `reference` in `timeZone`: what "today" is in Denmark when a system passes an instant. */
export function localDate(reference: string | Date | undefined, timeZone = DEFAULT_TIME_ZONE): string | undefined {
  if (reference === undefined) return undefined;
  if (typeof reference === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(reference)) return isIsoDate(reference) ? reference : undefined;
  // A date-time without an offset is already wall-clock time in `timeZone`: its date is the date.
  const wallClock = typeof reference === 'string' ? /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.exec(reference) : null;
  if (wallClock) return isIsoDate(wallClock[1]!) ? wallClock[1] : undefined;
  const instant = typeof reference === 'string' ? new Date(reference) : reference;
  if (Number.isNaN(instant.getTime())) return undefined;
  if (timeZone === DEFAULT_TIME_ZONE) {
    const date = danishDate(instant);
    if (date !== undefined) return date;
  }
  const format = dateFormatIn(timeZone);
  return format ? format.format(instant) : undefined; // an unknown time zone: no reference date rather than a wrong one
}

const HOUR = 3_600_000;

/**
 * The date in Denmark without Intl where the answer does not depend on summer time: the first DateTimeFormat loads
 * ICU's time zone data, more than a whole `gop validate` of a small plan takes otherwise. Danish time has been UTC+1
 * or UTC+2 (summer time) since 1980, so the date is the UTC date before 22:00 UTC and the next day from 23:00 UTC;
 * the hour between, and other years, are Intl's.
 */
function danishDate(instant: Date): string | undefined {
  const year = instant.getUTCFullYear();
  if (year < 1980 || year > 9998) return undefined;
  const sinceMidnight = instant.getTime() - Date.UTC(year, instant.getUTCMonth(), instant.getUTCDate());
  if (sinceMidnight >= 22 * HOUR && sinceMidnight < 23 * HOUR) return undefined;
  return new Date(instant.getTime() + (sinceMidnight < 22 * HOUR ? 0 : 2 * HOUR)).toISOString().slice(0, 10);
}

/**
 * Whether `timeZone` is one Intl knows (an IANA name such as Europe/Copenhagen, or UTC); cached per name, no clock read.
 * The default is known without asking (see danishDate).
 */
export function isTimeZone(timeZone: string): boolean {
  return timeZone === DEFAULT_TIME_ZONE || dateFormatIn(timeZone) !== undefined;
}

const dateFormats = new Map<string, Intl.DateTimeFormat | undefined>();
/** Building a DateTimeFormat costs more than checking a whole message: one per time zone. */
function dateFormatIn(timeZone: string): Intl.DateTimeFormat | undefined {
  if (!dateFormats.has(timeZone)) {
    let format: Intl.DateTimeFormat | undefined;
    try {
      format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }); // en-CA: YYYY-MM-DD
    } catch {
      format = undefined;
    }
    dateFormats.set(timeZone, format);
  }
  return dateFormats.get(timeZone);
}
