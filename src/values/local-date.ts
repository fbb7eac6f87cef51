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
  const format = dateFormatIn(timeZone);
  return format ? format.format(instant) : undefined; // an unknown time zone: no reference date rather than a wrong one
}

/** Whether `timeZone` is one Intl knows (an IANA name such as Europe/Copenhagen, or UTC); cached per name, no clock read. */
export function isTimeZone(timeZone: string): boolean {
  return dateFormatIn(timeZone) !== undefined;
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
