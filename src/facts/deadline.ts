import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { addWeeks } from 'date-fns/addWeeks';
import { format } from 'date-fns/format';
import { calendarDate, formatIsoDate, parseIsoDate } from '../values/date';
import { da } from 'date-fns/locale/da'; // one locale, not all of them: start-up time
import { addDanishWorkingDays } from './holidays';

export type DeadlineKind = 'absolute' | 'relative' | 'asap' | 'none' | 'unreadable';
export interface DeadlinePeriod {
  amount: number;
  unit: 'day' | 'week' | 'month' | 'workingDay';
}
export interface DeadlineInterpretation {
  kind: DeadlineKind;
  date?: string; // YYYY-MM-DD when it could be computed
  period?: DeadlinePeriod; // for relative deadlines
  explanation: { da: string; en: string }; // how it was interpreted, one sentence each, mentions the matched text
}

// ---------------------------------------------------------------------------------------------
// Dates: YYYY-MM-DD in and out, UTC calendar dates inside (values/date), so the process time zone never shifts a day.

const fromIso = parseIsoDate;
const toIso = formatIsoDate;
const toDanish = (d: Date): string => format(d, 'd. MMMM yyyy', { locale: da });

// ---------------------------------------------------------------------------------------------
// Text normalisation. Every pattern below works on the normalised text: lower case, NFC, single
// spaces, no list punctuation. All patterns are either anchored with fixed alternatives or scan with
// bounded quantifiers, so matching stays linear however long or odd the input is.

function normalise(text: string): string {
  const flat = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[,;:!?()[\]"'«»]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return withoutTrailingDots(flat);
}

// A loop, not /\.+$/: that regex is quadratic on a long run of dots followed by something else.
function withoutTrailingDots(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '.') end--;
  return text.slice(0, end).trim();
}

/** The text as written, for explanations: whitespace collapsed and cut short if long. */
function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `"${flat.length > 60 ? `${flat.slice(0, 57)}...` : flat}"`;
}

// ---------------------------------------------------------------------------------------------
// Phrases that say "no deadline" and "as soon as possible".

const NONE_PHRASES = new Set([
  'ingen',
  'ingen tidsfrist',
  'ingen frist',
  'ikke relevant',
  'ikke aktuelt',
  '-',
  '–',
  '—',
  'nej',
]);

const DISCHARGE = '(?:udskrivelse|udskrivelsen|udskrivning|udskrivningen|udskrivelsesdato|udskrivelsesdatoen)';
const START = '(?:(?:opstart|start|genoptræning) )?';

const ASAP = new RegExp(
  `^${START}(?:(?:hurtigst muligt|snarest muligt|snarest|straks|asap)(?: (?:efter|ved) ${DISCHARGE})?` +
    `|umiddelbart (?:efter|ved) ${DISCHARGE})$`,
);

// ---------------------------------------------------------------------------------------------
// Absolute dates.

const MONTHS: Readonly<Record<string, number>> = {
  januar: 1, jan: 1, februar: 2, feb: 2, marts: 3, mar: 3, april: 4, apr: 4, maj: 5, juni: 6, jun: 6,
  juli: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, oktober: 10, okt: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};
const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');

// (?<![\d./-]) and (?![\d]|[./-]\d) keep a date from being cut out of a longer run of numbers.
const BEFORE = '(?<![\\d./-])';
const AFTER = '(?!\\d|[./-]\\d)';
const YEAR = '(\\d{4}|\\d{2})';
type Ymd = [year: string, month: string, day: string];
const DATE_PATTERNS: readonly { re: RegExp; ymd: (a: string, b: string, c: string) => Ymd }[] = [
  // 2015-03-12
  { re: new RegExp(`${BEFORE}(\\d{4})-(\\d{1,2})-(\\d{1,2})${AFTER}`, 'g'), ymd: (y, m, d) => [y, m, d] },
  // 12. marts 2015, 12 mar. 2015, 12.mar.15
  {
    re: new RegExp(`${BEFORE}(\\d{1,2})\\.? ?(${MONTH_NAMES})(?![a-zæøå])\\.? ?${YEAR}${AFTER}`, 'g'),
    ymd: (d, name, y) => [y, String(MONTHS[name]), d],
  },
  // 12.03.2015, 12.3.2015, 12/3-2015, 12/03/2015, 12-03-2015, 12.03.15
  {
    re: new RegExp(`${BEFORE}(\\d{1,2}) ?[./-] ?(\\d{1,2}) ?[./-] ?${YEAR}${AFTER}`, 'g'),
    ymd: (d, m, y) => [y, m, d],
  },
];

interface FoundDate {
  written: string;
  date: Date | undefined; // undefined: looks like a date but is not in the calendar
}

/**
 * Cuts every date-looking piece out of the text; returns the distinct ones and what is left around
 * them. Two distinct ones already make the text unreadable, so later ones are cut but not parsed.
 */
function extractDates(text: string): { found: FoundDate[]; rest: string } {
  const found = new Map<string, FoundDate>();
  let rest = text;
  for (const { re, ymd } of DATE_PATTERNS) {
    rest = rest.replace(re, (written: string, a: string, b: string, c: string) => {
      const [y, m, d] = ymd(a, b, c);
      const year = y.length === 2 ? 2000 + Number(y) : Number(y); // 12.03.15 → 2015
      const key = `${year}-${Number(m)}-${Number(d)}`;
      if (found.size < 2 && !found.has(key)) {
        found.set(key, { written, date: calendarDate(year, Number(m), Number(d)) });
      }
      return ' ';
    });
  }
  return { found: [...found.values()], rest };
}

// Words that may stand around an absolute date without changing what it means.
const DATE_FILLERS = new Set([
  'senest', 'inden', 'indenfor', 'for', 'opstart', 'start', 'genoptræning', 'd', 'd.', 'den', 'dato',
  'frist', 'tidsfrist', '-', '–',
]);

// ---------------------------------------------------------------------------------------------
// Relative periods.

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  en: 1, et: 1, én: 1, ét: 1, to: 2, tre: 3, fire: 4, fem: 5, seks: 6, syv: 7, otte: 8, ni: 9, ti: 10,
  elleve: 11, tolv: 12, fjorten: 14,
};
const UNITS: readonly [RegExp, DeadlinePeriod['unit']][] = [
  [/^(?:dag|dage|kalenderdag|kalenderdage|døgn)$/, 'day'],
  [/^(?:uge|uger)$/, 'week'],
  [/^(?:måned|måneder|mdr\.?|mnd\.?|md\.?)$/, 'month'],
  [/^(?:hverdag|hverdage|arbejdsdag|arbejdsdage)$/, 'workingDay'],
];
const RELATIVE = new RegExp(
  `^${START}(?:(?:senest|inden for|indenfor|inden) )?${START}` +
    `(\\d{1,3}|${Object.keys(NUMBER_WORDS).join('|')}) (\\S+)(?: (?:efter|fra) ${DISCHARGE})?$`,
);

function matchPeriod(text: string): DeadlinePeriod | undefined {
  const m = RELATIVE.exec(text);
  if (!m) return undefined;
  const unit = UNITS.find(([re]) => re.test(m[2]!))?.[1];
  if (!unit) return undefined;
  const amount = /^\d/.test(m[1]!) ? Number(m[1]) : NUMBER_WORDS[m[1]!]!;
  return { amount, unit };
}

function addPeriod(start: Date, { amount, unit }: DeadlinePeriod): string {
  switch (unit) {
    case 'day':
      return toIso(addDays(start, amount));
    case 'week':
      return toIso(addWeeks(start, amount));
    case 'month':
      return toIso(addMonths(start, amount)); // 31 Jan + 1 month → last day of February
    case 'workingDay':
      return addDanishWorkingDays(toIso(start), amount);
  }
}

const UNIT_WORDS: Readonly<Record<DeadlinePeriod['unit'], [string, string, string, string]>> = {
  day: ['kalenderdag', 'kalenderdage', 'calendar day', 'calendar days'],
  week: ['uge', 'uger', 'week', 'weeks'],
  month: ['måned', 'måneder', 'month', 'months'],
  workingDay: ['hverdag', 'hverdage', 'working day', 'working days'],
};

// ---------------------------------------------------------------------------------------------
// Interpretation.

const result = (kind: DeadlineKind, da: string, en: string, extra: Partial<DeadlineInterpretation> = {}) =>
  ({ kind, ...extra, explanation: { da, en } }) as DeadlineInterpretation;

function interpretDates(q: string, found: FoundDate[], rest: string): DeadlineInterpretation {
  const bad = found.find((f) => f.date === undefined);
  if (bad) {
    return result(
      'unreadable',
      `${q} kan ikke læses: "${bad.written}" er ikke en dato i kalenderen.`,
      `${q} cannot be read: "${bad.written}" is not a date in the calendar.`,
    );
  }
  const dates = [...new Set(found.map((f) => toIso(f.date!)))];
  if (dates.length > 1) {
    return result(
      'unreadable',
      `${q} kan ikke læses, fordi teksten nævner flere forskellige datoer (${dates.join(', ')}).`,
      `${q} cannot be read because the text names several different dates (${dates.join(', ')}).`,
    );
  }
  const words = rest.split(' ').filter((w) => w !== '');
  const stray = words.find((w) => !DATE_FILLERS.has(w));
  if (stray !== undefined) {
    return result(
      'unreadable',
      `${q} kan ikke læses sikkert: teksten indeholder en dato, men også "${stray}", som kan ændre dens betydning.`,
      `${q} cannot be read safely: the text holds a date but also "${stray}", which may change its meaning.`,
    );
  }
  const date = found[0]!.date!;
  return result(
    'absolute',
    `${q} er læst som datoen ${toDanish(date)} (${toIso(date)}).`,
    `${q} was read as the date ${toIso(date)}.`,
    { date: toIso(date) },
  );
}

function interpretPeriod(q: string, period: DeadlinePeriod, discharge: Date | undefined, dischargeText?: string) {
  const [daOne, daMany, enOne, enMany] = UNIT_WORDS[period.unit];
  const daPeriod = `${period.amount} ${period.amount === 1 ? daOne : daMany}`;
  const enPeriod = `${period.amount} ${period.amount === 1 ? enOne : enMany}`;
  if (discharge === undefined) {
    const why = missingDischarge(dischargeText);
    return result(
      'relative',
      `${q} er læst som ${daPeriod} efter udskrivelsen, men ${why.da}, så fristen kan ikke beregnes som en dato.`,
      `${q} was read as ${enPeriod} after discharge, but ${why.en}, so no date can be computed.`,
      { period },
    );
  }
  const date = addPeriod(discharge, period);
  return result(
    'relative',
    `${q} er læst som ${daPeriod} efter udskrivelsesdatoen ${toIso(discharge)}, dvs. ${date}.`,
    `${q} was read as ${enPeriod} after the discharge date ${toIso(discharge)}, i.e. ${date}.`,
    { period, date },
  );
}

function missingDischarge(dischargeText: string | undefined): { da: string; en: string } {
  return dischargeText === undefined || dischargeText.trim() === ''
    ? { da: 'udskrivelsesdatoen mangler', en: 'the discharge date is missing' }
    : {
        da: `udskrivelsesdatoen ${quote(dischargeText)} er ikke en gyldig dato`,
        en: `the discharge date ${quote(dischargeText)} is not a valid date`,
      };
}

/**
 * Interprets a free-text start deadline (RehabilitationDeadline). Relative periods and "as soon as
 * possible" are counted from `dischargeDate` (YYYY-MM-DD) when given. Never throws.
 */
export function interpretDeadline(text: string | undefined, dischargeDate?: string): DeadlineInterpretation {
  const raw = typeof text === 'string' ? text : '';
  const discharge = typeof dischargeDate === 'string' ? fromIso(dischargeDate.trim()) : undefined;
  const s = normalise(raw);
  const q = quote(raw);
  if (raw.trim() === '') {
    return result('none', 'Der er ikke angivet nogen tidsfrist.', 'No deadline is given.');
  }
  if (NONE_PHRASES.has(s)) {
    return result('none', `${q} er læst som: ingen tidsfrist.`, `${q} was read as: no deadline.`);
  }
  if (ASAP.test(s)) {
    return discharge === undefined
      ? result(
          'asap',
          `${q} er læst som: hurtigst muligt; ${missingDischarge(dischargeDate).da}, så der er ingen dato.`,
          `${q} was read as: as soon as possible; ${missingDischarge(dischargeDate).en}, so there is no date.`,
        )
      : result(
          'asap',
          `${q} er læst som: hurtigst muligt, dvs. fra udskrivelsesdatoen ${toIso(discharge)}.`,
          `${q} was read as: as soon as possible, i.e. from the discharge date ${toIso(discharge)}.`,
          { date: toIso(discharge) },
        );
  }
  const { found, rest } = extractDates(s);
  if (found.length > 0) return interpretDates(q, found, rest);
  const period = matchPeriod(s);
  if (period) return interpretPeriod(q, period, discharge, dischargeDate);
  return result(
    'unreadable',
    `${q} kan ikke læses som en dato, en periode efter udskrivelsen eller en kendt vending.`,
    `${q} cannot be read as a date, a period after discharge or a known phrase.`,
  );
}
