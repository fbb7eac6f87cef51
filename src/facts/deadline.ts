import { addMonths } from 'date-fns/addMonths';
import { z } from 'zod';
import { addDaysIso, calendarDate, formatIsoDate, isIsoDate, longDate, parseIsoDate } from '../values/date';
import { addDanishWorkingDays } from './holidays';
import { finishPair, quoted } from '../values/quote';
import { ARTICLE_ONE, correctTypo, LEXICON, PHRASES, type Word } from './deadline-lexicon';

const DEADLINE_KINDS = ['absolute', 'relative', 'asap', 'none', 'unreadable'] as const;
const DeadlineKindSchema = z
  .enum(DEADLINE_KINDS)
  .describe(
    'what the latest start is read as: a date, a period after discharge, as soon as possible, no deadline (also when the text asks only for a later start), or unreadable (never guessed)',
  );
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

const DeadlinePeriodSchema = z.object({
  amount: z.number().int().nonnegative(),
  unit: z.enum(['day', 'week', 'month', 'workingDay', 'hour']),
});
export type DeadlinePeriod = z.infer<typeof DeadlinePeriodSchema>;

const DeadlineClauseSchema = z
  .object({
    type: z.enum(['deadline', 'earliestStart', 'asap', 'none']),
    date: z.string().optional().describe('the date it names or computes, YYYY-MM-DD'),
    period: DeadlinePeriodSchema.optional(),
    words: z.string().describe('the words it was read from, as normalised'),
  })
  .describe('one statement of the text, as read');
type DeadlineClause = z.infer<typeof DeadlineClauseSchema>;

/** The whole reading of a start deadline: what interpretDeadline returns and checkGop puts into facts.deadline. */
export const DeadlineInterpretationSchema = z.object({
  kind: DeadlineKindSchema,
  date: z.string().optional().describe('the latest start, YYYY-MM-DD, when it could be computed (never for asap)'),
  earliestStart: z.string().optional().describe('the earliest start the text asks for, YYYY-MM-DD, when it could be computed'),
  asksLaterStart: z.boolean().describe('the text asks for a start later than discharge, whether or not its date could be computed'),
  period: DeadlinePeriodSchema.optional().describe('the period of a relative deadline'),
  clauses: z.array(DeadlineClauseSchema),
  explanation: z.object({ da: z.string(), en: z.string() }).describe('how it was read, one sentence each, quoting the text'),
});
export type DeadlineInterpretation = z.infer<typeof DeadlineInterpretationSchema>;

export interface DeadlineOptions {
  /** the discharge date (CurrentHospitalContact/ExpectedEnd), YYYY-MM-DD as written: periods count from it */
  dischargeDate?: string;
  /** the plan's authorisation date, YYYY-MM-DD: a weekday alone, "i dag" and "næste uge" count from it */
  planDate?: string;
}

// ---------------------------------------------------------------------------------------------
// Tokens. One pass over the normalised text; dates are recognised where a number starts, by sticky patterns with
// bounded quantifiers, so nothing backtracks over the text. Past MAX_TOKENS the text is no deadline statement.

const MAX_TOKENS = 400;

type Token =
  | { t: 'word'; text: string; word: Word | undefined }
  | { t: 'number'; value: number; text: string }
  | { t: 'date'; day: number; month: number; year?: number; text: string }
  | { t: 'range'; text: string }
  | { t: 'stop' } // a clause ends: . , ; ( ) and the like
  | { t: 'other'; text: string };

const ISO_DATE = /(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])/y;
const NUMERIC_DATE = /(\d{1,2}) ?([./]) ?(\d{1,2})(?: ?[./-] ?(\d{4}|\d{2})(?![\d]))?(?![\d])/y;
const DASHED_DATE = /(\d{1,2})-(\d{1,2})-(\d{4}|\d{2})(?![\d])/y;
const NAMED_DATE = /(\d{1,2})\.? ?([a-zæøå]{3,9})\.?(?: ?(\d{4}|\d{2})(?![\d]))?/y;
const RANGE = /\d{1,3} ?(?:-|til) ?\d{1,3}(?![\d./])/y;

const isLetter = (c: string) => /[\p{L}]/u.test(c);
const isDigit = (c: string) => c >= '0' && c <= '9';

function year(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

function tokenise(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  const length = text.length;
  let i = 0;
  const sticky = (re: RegExp) => {
    re.lastIndex = i;
    return re.exec(text);
  };
  while (i < length) {
    if (tokens.length > MAX_TOKENS) return undefined;
    const c = text[i]!;
    if (c === ' ') {
      i++;
      continue;
    }
    if (isDigit(c)) {
      let m = sticky(ISO_DATE);
      if (m) {
        tokens.push({ t: 'date', year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), text: m[0] });
        i += m[0].length;
        continue;
      }
      m = sticky(DASHED_DATE);
      if (m) {
        tokens.push({ t: 'date', day: Number(m[1]), month: Number(m[2]), year: year(m[3]), text: m[0] });
        i += m[0].length;
        continue;
      }
      m = sticky(NUMERIC_DATE);
      if (m) {
        tokens.push({ t: 'date', day: Number(m[1]), month: Number(m[3]), year: year(m[4]), text: m[0].trimEnd() });
        i += m[0].length;
        continue;
      }
      m = sticky(NAMED_DATE);
      const month = m ? (LEXICON.get(m[2]!) ?? LEXICON.get(`${m[2]}.`)) : undefined;
      if (m && month?.kind === 'month') {
        tokens.push({ t: 'date', day: Number(m[1]), month: month.month, year: year(m[3]), text: m[0] });
        i += m[0].length;
        continue;
      }
      m = sticky(RANGE);
      if (m) {
        tokens.push({ t: 'range', text: m[0] });
        i += m[0].length;
        continue;
      }
      let end = i;
      while (end < length && isDigit(text[end]!)) end++;
      const digits = text.slice(i, end);
      // "uge 13." and "10." close a sentence; a dot inside a number ("1.5") is no number we read
      if (text[end] === '.' && isDigit(text[end + 1] ?? '')) {
        tokens.push({ t: 'other', text: text.slice(i, end + 2) });
        i = end + 2;
        continue;
      }
      tokens.push(digits.length <= 4 ? { t: 'number', value: Number(digits), text: digits } : { t: 'other', text: digits });
      i = end;
      continue;
    }
    if (isLetter(c)) {
      let end = i;
      while (end < length && isLetter(text[end]!)) end++;
      let word = text.slice(i, end);
      // an abbreviation keeps its dot ("pt.", "hvd."); otherwise the dot ends the sentence
      if (text[end] === '.' && LEXICON.has(`${word}.`)) {
        word += '.';
        end++;
      }
      tokens.push({ t: 'word', text: word, word: lookUp(word) });
      i = end;
      continue;
    }
    if ('.,;()!:'.includes(c) || c === '\n') {
      // ":" after a label ("Frist: 5 dage") ends nothing; the others end a clause
      if (c !== ':') tokens.push({ t: 'stop' });
      i++;
      continue;
    }
    if (c === '-' || c === '–' || c === '—' || c === '/' || c === '+' || c === '&') {
      tokens.push(c === '&' ? { t: 'word', text: 'og', word: LEXICON.get('og') } : { t: 'other', text: c });
      i++;
      continue;
    }
    tokens.push({ t: 'other', text: c });
    i++;
  }
  return tokens;
}

function lookUp(word: string): Word | undefined {
  const known = LEXICON.get(word) ?? (word.endsWith('.') ? LEXICON.get(word.slice(0, -1)) : undefined);
  if (known) return known;
  if (ARTICLE_ONE.has(word)) return { kind: 'number', value: 1 };
  const corrected = correctTypo(word);
  return corrected === undefined ? undefined : LEXICON.get(corrected);
}

/** Multi-word phrases ("ikke senere end", "inden for", "i dag") become one word before parsing. */
function joinPhrases(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let joined = false;
    for (const [phrase, word] of PHRASES_SPLIT) {
      if (
        phrase.every((w, k) => {
          const token = tokens[i + k];
          return token?.t === 'word' && (token.text === w || token.text === `${w}.`);
        })
      ) {
        out.push({ t: 'word', text: phrase.join(' '), word });
        i += phrase.length - 1;
        joined = true;
        break;
      }
    }
    if (!joined) out.push(tokens[i]!);
  }
  return out;
}
const PHRASES_SPLIT: [string[], Word][] = PHRASES.map(([phrase, word]) => [phrase.split(' '), word] as [string[], Word]).sort(
  (a, b) => b[0].length - a[0].length,
);

// ---------------------------------------------------------------------------------------------
// Statements: each time expression with the marker before it.

type Role = 'deadline' | 'before' | 'earliest';
type When =
  | { w: 'date'; day: number; month: number; year?: number; weekday?: number; text: string }
  | { w: 'period'; period: DeadlinePeriod; text: string }
  | { w: 'discharge'; text: string }
  | { w: 'week'; week: number; text: string }
  | { w: 'nextWeek'; text: string }
  | { w: 'today'; text: string }
  | { w: 'weekday'; day: number; text: string }
  | { w: 'endOf'; month: number; year?: number; text: string };
type Statement = { s: 'time'; role: Role; when: When } | { s: 'asap'; text: string } | { s: 'none'; text: string };

class Unreadable {
  constructor(
    readonly da: string,
    readonly en: string,
    readonly asksLaterStart = false,
  ) {}
}

/** A word of the text in a reason: cut short when the explanation is finished (after any redaction), since the text may be anything. */
const shown = (text: string) => quoted(text, 30, true);

const wordIs = (token: Token | undefined, kind: Word['kind']): boolean => token?.t === 'word' && token.word?.kind === kind;

function parse(tokens: Token[]): Statement[] {
  const statements: Statement[] = [];
  let role: Role | undefined;
  let earliestMarked = false; // any earliest-start marker seen: a later start is asked for
  let afterSeen = false; // "efter"/"fra" directly before a time: an earliest start
  let between = false;
  let asapInClause = false; // "umiddelbart efter udskrivelsen" is asap, not a date
  const fail = (da: string, en: string) => new Unreadable(da, en, earliestMarked);
  const emit = (when: When, own?: Role) => {
    let r: Role = own ?? role ?? (afterSeen ? 'earliest' : 'deadline');
    if (between) {
      r = statements.some((s) => s.s === 'time') ? 'deadline' : 'earliest';
    }
    if (r === 'earliest') earliestMarked = true;
    statements.push({ s: 'time', role: r, when });
    role = undefined;
    afterSeen = false;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.t === 'stop') {
      role = undefined;
      afterSeen = false;
      between = false;
      asapInClause = false;
      continue;
    }
    if (token.t === 'range')
      throw fail(`et interval ("${shown(token.text)}") giver ingen bestemt dato`, `a range ("${shown(token.text)}") gives no single date`);
    if (token.t === 'other') throw fail(`"${shown(token.text)}" kan ikke læses`, `"${shown(token.text)}" cannot be read`);
    if (token.t === 'date') {
      emit({ w: 'date', day: token.day, month: token.month, year: token.year, weekday: weekdayBefore(tokens, i), text: token.text });
      continue;
    }
    if (token.t === 'number') {
      const next = tokens[i + 1];
      // "1 uge" is a period; "uge 13" a week number (read at "uge")
      const singularWeek = next?.t === 'word' && next.word?.kind === 'week' && tokens[i + 2]?.t !== 'number';
      if (next?.t === 'word' && (next.word?.kind === 'unit' || singularWeek)) {
        const unit = next.word?.kind === 'unit' ? next.word.unit : 'week';
        let text = `${token.text} ${next.text}`;
        i++;
        // "10 dage efter udskrivelsen", "10 dage fra udskrivelsesdatoen"; another anchor ("efter operationen") is vague
        const link = tokens[i + 1];
        if (link?.t === 'word' && (link.word?.kind === 'after' || link.word?.kind === 'from')) {
          const anchor = tokens[i + 2];
          if (anchor?.t === 'word' && anchor.word?.kind === 'anchor') {
            text += ` ${link.text} ${anchor.text}`;
            i += 2;
          } else
            throw fail(
              `"${link.text} ${anchor && 'text' in anchor ? anchor.text : ''}" er ikke udskrivelsen, som fristen regnes fra`,
              `"${link.text} ${anchor && 'text' in anchor ? anchor.text : ''}" is not the discharge, which the deadline counts from`,
            );
        }
        emit({ w: 'period', period: { amount: token.value, unit }, text });
        continue;
      }
      if (wordIs(tokens[i - 1], 'week')) continue; // read with "uge"
      throw fail(`tallet ${shown(token.text)} står uden enhed`, `the number ${shown(token.text)} has no unit`);
    }
    const word = token.word;
    if (!word) throw fail(`ordet "${shown(token.text)}" kendes ikke`, `the word "${shown(token.text)}" is not known`);
    switch (word.kind) {
      case 'filler':
        break;
      case 'separator':
        role = undefined;
        afterSeen = false;
        break;
      case 'reason':
        // the rest of the clause says why
        while (i + 1 < tokens.length && tokens[i + 1]!.t !== 'stop') i++;
        break;
      case 'vague':
        throw fail(`"${token.text}" gør tidspunktet ubestemt`, `"${token.text}" makes the time indefinite`);
      case 'deadline':
        role = word.before ? 'before' : 'deadline';
        break;
      case 'earliest':
        role = 'earliest';
        earliestMarked = true;
        break;
      case 'not': {
        const next = tokens.slice(i + 1).find((t) => !(t.t === 'word' && t.word?.kind === 'filler'));
        // "må ikke påbegyndes før 1/4": an earliest start
        if (next?.t === 'word' && next.word?.kind === 'deadline' && next.word.before) {
          role = 'earliest';
          earliestMarked = true;
          i = tokens.indexOf(next, i);
          break;
        }
        throw fail(
          `"ikke" ændrer betydningen på en måde, der ikke kan læses sikkert`,
          `"ikke" (not) changes the meaning in a way that cannot be read safely`,
        );
      }
      case 'no': {
        // "ingen", "ingen frist." alone: no deadline; "ingen" before anything else cannot be read
        let k = i + 1;
        while (k < tokens.length && tokens[k]!.t === 'word' && (tokens[k] as { word?: Word }).word?.kind === 'filler') k++;
        if (k < tokens.length && tokens[k]!.t !== 'stop')
          throw fail(`"ingen" står i en sammenhæng, der ikke kan læses`, `"ingen" (no) stands where it cannot be read`);
        statements.push({ s: 'none', text: token.text });
        i = k - 1;
        break;
      }
      case 'between':
        between = true;
        break;
      case 'after':
      case 'from': {
        const next = tokens[i + 1];
        if (next?.t === 'word' && next.word?.kind === 'anchor' && asapInClause) {
          i++;
          break;
        } // "hurtigst muligt efter udskrivelsen"
        if (next?.t === 'word' && next.word?.kind === 'anchor') {
          // "fra/efter udskrivelsen" alone: the discharge itself
          emit({ w: 'discharge', text: `${token.text} ${next.text}` }, role ?? (word.kind === 'from' ? 'earliest' : undefined));
          i++;
        } else afterSeen = true;
        break;
      }
      case 'in':
        role ??= 'deadline';
        break;
      case 'at': {
        const next = tokens[i + 1];
        if (next?.t === 'word' && next.word?.kind === 'anchor') {
          if (!asapInClause) emit({ w: 'discharge', text: `${token.text} ${next.text}` });
          i++;
          break;
        }
        throw fail(
          `"${token.text}" knytter fristen til en begivenhed, der ikke er i planen`,
          `"${token.text}" ties the deadline to an event that is not in the plan`,
        );
      }
      case 'anchor':
        // "udskrivelsen + …" or a bare anchor after a marker: "senest udskrivelsesdagen"
        emit({ w: 'discharge', text: token.text });
        break;
      case 'week': {
        const next = tokens[i + 1];
        if (next?.t === 'number' && next.value >= 1 && next.value <= 53) {
          emit({ w: 'week', week: next.value, text: `${token.text} ${next.text}` });
          i++;
          break;
        }
        if (wordIs(tokens[i - 1], 'next')) break; // read with "næste"
        if (tokens[i - 1]?.t === 'number') break; // "1 uge": read as a period
        throw fail(`"${token.text}" står uden ugenummer`, `"${token.text}" has no week number`);
      }
      case 'unit': {
        // "en uge" is read with its number; "uger" alone is vague
        throw fail(`"${token.text}" står uden et antal`, `"${token.text}" has no number`);
      }
      case 'next': {
        const next = tokens[i + 1];
        if (next?.t === 'word' && next.word?.kind === 'week') {
          emit({ w: 'nextWeek', text: `${token.text} ${next.text}` });
          i++;
          break;
        }
        throw fail(`"${token.text}" kan ikke læses her`, `"${token.text}" cannot be read here`);
      }
      case 'today':
        emit({ w: 'today', text: token.text });
        break;
      case 'weekday': {
        const next = tokens.slice(i + 1).find((t) => !(t.t === 'word' && t.word?.kind === 'filler'));
        if (next?.t === 'date') break; // read with the date, which it must agree with
        emit({ w: 'weekday', day: word.day, text: token.text });
        break;
      }
      case 'endOf': {
        const of = tokens[i + 1];
        const month = tokens[i + 2];
        if (of?.t === 'word' && of.text === 'af' && month?.t === 'word' && month.word?.kind === 'month') {
          const y = tokens[i + 3];
          const yearGiven = y?.t === 'number' && y.value >= 2000 ? y.value : undefined;
          emit({
            w: 'endOf',
            month: month.word.month,
            year: yearGiven,
            text: `${token.text} af ${month.text}${yearGiven ? ` ${yearGiven}` : ''}`,
          });
          i += yearGiven ? 3 : 2;
          break;
        }
        throw fail(`"${token.text}" står uden en måned`, `"${token.text}" has no month`);
      }
      case 'month':
        throw fail(`måneden "${token.text}" står uden dag`, `the month "${token.text}" has no day`);
      case 'asap':
        asapInClause = true;
        if (!statements.some((s) => s.s === 'asap')) statements.push({ s: 'asap', text: token.text });
        break;
      case 'none':
        statements.push({ s: 'none', text: token.text });
        break;
      case 'number': // a number word: "ti dage", "en uge"
        {
          const next = tokens[i + 1];
          if (next?.t === 'word' && (next.word?.kind === 'unit' || (next.word?.kind === 'week' && tokens[i + 2]?.t !== 'number'))) {
            tokens[i] = { t: 'number', value: word.value, text: token.text };
            i--;
            break;
          }
          if (ARTICLE_ONE.has(token.text)) break; // the article: "en frist"
          throw fail(`tallet "${token.text}" står uden enhed`, `the number "${token.text}" has no unit`);
        }
    }
  }
  if (earliestMarked && statements.every((s) => s.s !== 'time' || s.role !== 'earliest')) {
    throw fail('teksten beder om en senere opstart, men siger ikke hvornår', 'the text asks for a later start but does not say when');
  }
  return statements;
}

/** A weekday written before a date with only fillers between ("fredag den 22.03.2019"). */
function weekdayBefore(tokens: Token[], i: number): number | undefined {
  for (let k = i - 1; k >= 0; k--) {
    const token = tokens[k]!;
    if (token.t !== 'word') return undefined;
    if (token.word?.kind === 'weekday') return token.word.day;
    if (token.word?.kind !== 'filler') return undefined;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Dates from statements.

interface Context {
  discharge?: string;
  dischargeText?: string;
  plan?: string;
}

const isoWeekday = (iso: string) => ((new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

/** Monday of ISO week `week` of ISO year `isoYear`. */
function isoWeekMonday(isoYear: number, week: number): string {
  const jan4 = `${isoYear}-01-04`;
  const monday1 = addDaysIso(jan4, 1 - isoWeekday(jan4));
  return addDaysIso(monday1, (week - 1) * 7);
}
const weeksInIsoYear = (isoYear: number) => (isoWeekday(`${isoYear}-01-01`) === 4 || isoWeekday(`${isoYear}-12-31`) === 4 ? 53 : 52);

function addPeriod(start: string, { amount, unit }: DeadlinePeriod): string {
  switch (unit) {
    case 'day':
      return addDaysIso(start, amount);
    case 'week':
      return addDaysIso(start, amount * 7);
    case 'hour':
      return addDaysIso(start, Math.ceil(amount / 24));
    case 'month':
      return formatIsoDate(addMonths(parseIsoDate(start)!, amount)); // 31 Jan + 1 month → the end of February
    case 'workingDay':
      return addDanishWorkingDays(start, amount);
  }
}

interface Reading {
  date?: string;
  relative?: DeadlinePeriod;
  why?: { da: string; en: string };
}

/** The date a statement names: for a deadline its last day, for an earliest start its first. */
function dateOf(when: When, role: Role, ctx: Context): Reading {
  const needDischarge = (what: { da: string; en: string }): Reading => ({
    why: {
      da: `${what.da}, men ${missingDischarge(ctx.dischargeText).da}`,
      en: `${what.en}, but ${missingDischarge(ctx.dischargeText).en}`,
    },
  });
  const needPlan: Reading = {
    why: { da: 'det regnes fra planens dato, som mangler', en: "it counts from the plan's date, which is missing" },
  };
  const first = role === 'earliest';
  switch (when.w) {
    case 'date': {
      let y = when.year;
      if (y === undefined) {
        if (!ctx.discharge) return needDischarge({ da: 'datoen har intet årstal', en: 'the date has no year' });
        // the next such date on or after the discharge
        y = Number(ctx.discharge.slice(0, 4));
        for (let k = 0; k < 8; k++, y++) {
          const d = calendarDate(y, when.month, when.day);
          if (d && formatIsoDate(d) >= ctx.discharge) break;
        }
      }
      const d = calendarDate(y, when.month, when.day);
      if (!d) throw new Unreadable(`"${when.text}" er ikke en dato i kalenderen`, `"${when.text}" is not a date in the calendar`);
      const iso = formatIsoDate(d);
      if (when.weekday !== undefined && isoWeekday(iso) !== when.weekday) {
        throw new Unreadable(`ugedagen passer ikke til datoen ${iso}`, `the weekday does not match the date ${iso}`);
      }
      return { date: role === 'before' ? addDaysIso(iso, -1) : iso };
    }
    case 'period':
      if (!ctx.discharge)
        return {
          ...needDischarge({ da: 'perioden regnes fra udskrivelsen', en: 'the period counts from discharge' }),
          relative: when.period,
        };
      return { date: addPeriod(ctx.discharge, when.period), relative: when.period };
    case 'discharge':
      if (!ctx.discharge) return needDischarge({ da: 'tidspunktet er udskrivelsen', en: 'the time is the discharge' });
      return { date: role === 'before' ? addDaysIso(ctx.discharge, -1) : ctx.discharge };
    case 'week': {
      if (!ctx.discharge)
        return needDischarge({ da: 'ugenummeret regnes fra udskrivelsesåret', en: "the week number is read in the discharge's year" });
      // ISO week N whose Sunday is on or after the discharge
      let isoYear = Number(ctx.discharge.slice(0, 4)) - 1;
      let monday = '';
      for (let k = 0; k < 4; k++, isoYear++) {
        if (when.week > weeksInIsoYear(isoYear)) continue;
        monday = isoWeekMonday(isoYear, when.week);
        if (addDaysIso(monday, 6) >= ctx.discharge) break;
      }
      return { date: first ? monday : role === 'before' ? addDaysIso(monday, -1) : addDaysIso(monday, 6) };
    }
    case 'nextWeek': {
      if (!ctx.plan) return needPlan;
      const monday = addDaysIso(ctx.plan, 8 - isoWeekday(ctx.plan));
      return { date: first ? monday : role === 'before' ? addDaysIso(monday, -1) : addDaysIso(monday, 6) };
    }
    case 'today':
      if (!ctx.plan) return needPlan;
      return { date: role === 'before' ? addDaysIso(ctx.plan, -1) : ctx.plan };
    case 'weekday': {
      if (!ctx.plan) return needPlan;
      const ahead = (when.day - isoWeekday(ctx.plan) + 7) % 7 || 7; // strictly after the plan's date
      const day = addDaysIso(ctx.plan, ahead);
      return { date: role === 'before' ? addDaysIso(day, -1) : day };
    }
    case 'endOf': {
      let y = when.year;
      if (y === undefined) {
        if (!ctx.discharge) return needDischarge({ da: 'måneden har intet årstal', en: 'the month has no year' });
        y = Number(ctx.discharge.slice(0, 4));
        if (Number(ctx.discharge.slice(5, 7)) > when.month) y++;
      }
      return { date: lastDayOfMonth(y, when.month) };
    }
  }
}

const lastDayOfMonth = (y: number, month: number): string =>
  addDaysIso(month === 12 ? `${y + 1}-01-01` : `${y}-${String(month + 1).padStart(2, '0')}-01`, -1);

// ---------------------------------------------------------------------------------------------
// Interpretation.

function normalise(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s\u00a0\u2028\u2029]+/g, ' ')
    .trim();
}

/** The text as written, for explanations: whitespace collapsed, and cut short if long when the explanation is finished. */
function quote(text: string): string {
  return `"${quoted(text.replace(/\s+/g, ' ').trim(), 60, true)}"`;
}

/** Why there is no discharge date to count from, mid-sentence: missing, or what was written instead (the facts say it too). */
export function missingDischarge(dischargeText: string | undefined): { da: string; en: string } {
  return dischargeText === undefined || dischargeText.trim() === ''
    ? { da: 'udskrivelsesdatoen mangler', en: 'the discharge date is missing' }
    : {
        da: `udskrivelsesdatoen ${quote(dischargeText)} er ikke en gyldig dato`,
        en: `the discharge date ${quote(dischargeText)} is not a valid date`,
      };
}

const UNIT_WORDS: Readonly<Record<DeadlinePeriod['unit'], [string, string, string, string]>> = {
  day: ['kalenderdag', 'kalenderdage', 'calendar day', 'calendar days'],
  week: ['uge', 'uger', 'week', 'weeks'],
  month: ['måned', 'måneder', 'month', 'months'],
  workingDay: ['hverdag', 'hverdage', 'working day', 'working days'],
  hour: ['time', 'timer', 'hour', 'hours'],
};
function periodWords({ amount, unit }: DeadlinePeriod): { da: string; en: string } {
  const [daOne, daMany, enOne, enMany] = UNIT_WORDS[unit];
  return { da: `${amount} ${amount === 1 ? daOne : daMany}`, en: `${amount} ${amount === 1 ? enOne : enMany}` };
}

/**
 * Interprets a free-text start deadline (RehabilitationDeadline) as a careful case worker reads it: a deadline, an
 * earliest start, both, as soon as possible, none — or unreadable, never guessed. Periods count from `dischargeDate`;
 * a weekday alone, "i dag" and "næste uge" from `planDate`. Never throws. (A string as the second argument is the
 * discharge date, as before.)
 */
export function interpretDeadline(text: string | undefined, options: DeadlineOptions | string = {}): DeadlineInterpretation {
  const reading = readDeadline(text, options);
  return { ...reading, explanation: finishPair(reading.explanation) };
}

/**
 * interpretDeadline with the explanation as written, quoted values whole and marked (src/values/quote.ts): computeFacts
 * keeps it so, so that a redacted report masks the text before it is cut.
 */
export function readDeadline(text: string | undefined, options: DeadlineOptions | string = {}): DeadlineInterpretation {
  const opts = typeof options === 'string' ? { dischargeDate: options } : (options ?? {});
  const raw = typeof text === 'string' ? text : '';
  const dischargeText = typeof opts.dischargeDate === 'string' ? opts.dischargeDate : undefined;
  const discharge = dischargeText !== undefined && isIsoDate(dischargeText.trim()) ? dischargeText.trim() : undefined;
  const plan = typeof opts.planDate === 'string' && isIsoDate(opts.planDate.slice(0, 10)) ? opts.planDate.slice(0, 10) : undefined;
  const q = quote(raw);
  const base = { asksLaterStart: false, clauses: [] as DeadlineClause[] };
  if (raw.trim() === '')
    return { kind: 'none', ...base, explanation: { da: 'Der er ikke angivet nogen tidsfrist.', en: 'No deadline is given.' } };
  const s = normalise(raw);
  if (/^[-–—.]+$/.test(s))
    return {
      kind: 'none',
      ...base,
      clauses: [{ type: 'none', words: s }],
      explanation: { da: `${q} er læst som: ingen tidsfrist.`, en: `${q} was read as: no deadline.` },
    };
  try {
    const tokens = tokenise(s);
    if (!tokens) throw new Unreadable('teksten er for lang til at være en frist', 'the text is too long to be a deadline');
    return combine(parse(joinPhrases(tokens)), { discharge, dischargeText, plan }, q);
  } catch (error) {
    if (!(error instanceof Unreadable)) throw error;
    return {
      kind: 'unreadable',
      asksLaterStart: error.asksLaterStart,
      clauses: [],
      explanation: { da: `${q} kan ikke læses sikkert: ${error.da}.`, en: `${q} cannot be read safely: ${error.en}.` },
    };
  }
}

function combine(statements: Statement[], ctx: Context, q: string): DeadlineInterpretation {
  const clauses: DeadlineClause[] = [];
  const times = statements.filter((st): st is Extract<Statement, { s: 'time' }> => st.s === 'time');
  const asap = statements.some((st) => st.s === 'asap');
  const none = statements.some((st) => st.s === 'none');
  const deadlines = times.filter((t) => t.role !== 'earliest');
  const earliest = times.filter((t) => t.role === 'earliest');
  const asksLaterStart = earliest.length > 0;
  const unreadable = (da: string, en: string): DeadlineInterpretation => ({
    kind: 'unreadable',
    asksLaterStart,
    clauses: [],
    explanation: { da: `${q} kan ikke læses sikkert: ${da}.`, en: `${q} cannot be read safely: ${en}.` },
  });
  if (statements.length === 0)
    return unreadable(
      'teksten nævner hverken en dato, en periode eller en kendt vending',
      'the text names no date, period or known phrase',
    );
  if (none && (times.length > 0 || asap))
    return unreadable('teksten siger både, at der ingen frist er, og giver en frist', 'the text says there is no deadline and gives one');
  if (none)
    return {
      kind: 'none',
      asksLaterStart: false,
      clauses: [{ type: 'none', words: statements.map((st) => ('text' in st ? st.text : '')).join(' ') }],
      explanation: { da: `${q} er læst som: ingen tidsfrist.`, en: `${q} was read as: no deadline.` },
    };
  if (asap && earliest.length > 0)
    return unreadable(
      'teksten beder både om opstart hurtigst muligt og om en senere opstart',
      'the text asks both for a start as soon as possible and for a later start',
    );

  const read = (group: typeof times) => {
    const readings = group.map((t) => ({ t, r: dateOf(t.when, t.role, ctx) }));
    for (const { t, r } of readings)
      clauses.push({
        type: t.role === 'earliest' ? 'earliestStart' : 'deadline',
        ...(r.date ? { date: r.date } : {}),
        ...(r.relative ? { period: r.relative } : {}),
        words: t.when.text,
      });
    const dates = [...new Set(readings.map(({ r }) => r.date).filter((d): d is string => d !== undefined))];
    return { readings, dates };
  };
  const dl = read(deadlines);
  const el = read(earliest);
  if (dl.dates.length > 1)
    return unreadable(
      `teksten giver forskellige seneste datoer (${dl.dates.join(', ')})`,
      `the text gives different latest dates (${dl.dates.join(', ')})`,
    );
  if (el.dates.length > 1)
    return unreadable(
      `teksten giver forskellige tidligste datoer (${el.dates.join(', ')})`,
      `the text gives different earliest dates (${el.dates.join(', ')})`,
    );
  const date = dl.dates[0];
  const earliestStart = el.dates[0];
  if (date && earliestStart && earliestStart > date)
    return unreadable(
      `den tidligste opstart ${earliestStart} ligger efter den seneste ${date}`,
      `the earliest start ${earliestStart} falls after the latest ${date}`,
    );
  const first = dl.readings[0];
  const period = first?.r.relative;
  const kind: DeadlineKind = deadlines.length === 0 ? (asap ? 'asap' : 'none') : period ? 'relative' : 'absolute';
  if (asap) clauses.unshift({ type: 'asap', words: (statements.find((st) => st.s === 'asap') as { text: string }).text });
  const result: DeadlineInterpretation = {
    kind,
    asksLaterStart,
    clauses,
    explanation: explain(q, kind, dl.readings, el.readings, asap, ctx),
  };
  if (date) result.date = date;
  if (earliestStart) result.earliestStart = earliestStart;
  if (period) result.period = period;
  return result;
}

type Read = { t: Extract<Statement, { s: 'time' }>; r: Reading }[];

function explain(q: string, kind: DeadlineKind, deadlines: Read, earliest: Read, asap: boolean, ctx: Context): { da: string; en: string } {
  const parts: { da: string; en: string }[] = [];
  const describe = ({ t, r }: Read[number], latest: boolean) => {
    const lead = latest ? { da: 'opstart senest', en: 'start at the latest' } : { da: 'opstart tidligst', en: 'start no earlier than' };
    const how = r.relative
      ? {
          da: `${periodWords(r.relative).da} efter udskrivelsesdatoen${ctx.discharge ? ` ${ctx.discharge}` : ''}`,
          en: `${periodWords(r.relative).en} after the discharge date${ctx.discharge ? ` ${ctx.discharge}` : ''}`,
        }
      : t.role === 'before'
        ? { da: `dagen før "${t.when.text}"`, en: `the day before "${t.when.text}"` }
        : { da: `"${t.when.text}"`, en: `"${t.when.text}"` };
    if (r.date) return { da: `${lead.da} ${longDate(r.date).da} (${how.da})`, en: `${lead.en} ${r.date} (${how.en})` };
    return { da: `${lead.da} ${how.da}, uden dato: ${r.why?.da ?? ''}`, en: `${lead.en} ${how.en}, without a date: ${r.why?.en ?? ''}` };
  };
  if (asap) parts.push({ da: 'hurtigst muligt', en: 'as soon as possible' });
  if (earliest[0]) parts.push(describe(earliest[0], false));
  if (deadlines[0]) parts.push(describe(deadlines[0], true));
  if (kind === 'asap') {
    return {
      da: `${q} er læst som: hurtigst muligt; det giver ingen dato.`,
      en: `${q} was read as: as soon as possible; that gives no date.`,
    };
  }
  const extra =
    deadlines.length + earliest.length > 2 || deadlines.length > 1
      ? { da: ' (angivelserne stemmer overens)', en: ' (the statements agree)' }
      : { da: '', en: '' };
  const noDeadline =
    kind === 'none' ? { da: '; den angiver ingen seneste frist', en: '; it gives no latest deadline' } : { da: '', en: '' };
  return {
    da: `${q} er læst som ${parts.map((p) => p.da).join(' og ')}${extra.da}${noDeadline.da}.`,
    en: `${q} was read as ${parts.map((p) => p.en).join(' and ')}${extra.en}${noDeadline.en}.`,
  };
}
