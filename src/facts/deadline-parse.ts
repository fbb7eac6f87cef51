/**
 * The start-deadline reader's second step: the statements of the text. The reader finds the clauses it knows — a
 * deadline, an earliest start, a window, a named start, as soon as possible, none, and dated anchors the text states
 * itself — and reads every other word as comment, unless it could move a date: a number or date outside a clause, a
 * condition, an event that can anchor a later start, an approximation, a range, an alternative or a negation. Those
 * make the text unreadable (`Unreadable`), never a date.
 */
import type { DeadlinePeriod } from './deadline';
import type { Word } from './deadline-lexicon';
import type { Token } from './deadline-tokens';
import { quoted } from '../values/quote';

/**
 * What a time is to the start: the latest start (`deadline`, or strictly before it: `before`), the earliest start
 * (`earliest`, or strictly after it: `after`), or both (`named`: "opstart 25/3", "opstart om 3 uger").
 */
export type Role = 'deadline' | 'before' | 'earliest' | 'after' | 'named';
export type When =
  | { w: 'date'; day: number; month: number; year?: number; weekday?: number; text: string }
  | { w: 'period'; period: DeadlinePeriod; from: 'discharge' | 'plan' | { event: string }; text: string }
  | { w: 'discharge'; text: string }
  | { w: 'week'; week: number; year?: number; day?: number; text: string }
  | { w: 'month'; month: number; year?: number; text: string }
  | { w: 'nextWeek'; day?: number; end?: boolean; text: string }
  | { w: 'today'; text: string }
  | { w: 'tomorrow'; text: string }
  | { w: 'weekday'; day: number; text: string }
  | { w: 'endOf'; month: number; year?: number; text: string }
  | { w: 'endOfWeek'; week: number; year?: number; text: string };
export type Statement = { s: 'time'; role: Role; when: When } | { s: 'asap'; text: string } | { s: 'none'; text: string };

/** A date the text gives itself: the discharge ("Pt. udskrives 5/3") or an event ("opereret 26.02.2019"). */
export type StatedDate = { day: number; month: number; year?: number; text: string };
export interface Parsed {
  statements: Statement[];
  stated: Map<string, StatedDate>; // 'discharge' or an event's name
  /** weekdays written with stated dates ("udskrives torsdag 14/8"): each must be its date's */
  weekdays: { day: number; date: StatedDate }[];
}

export class Unreadable {
  constructor(
    readonly da: string,
    readonly en: string,
    readonly asksLaterStart = false,
  ) {}
}

/** A word of the text in a reason: cut short when the explanation is finished (after any redaction), since the text may be anything. */
export const shown = (text: string) => quoted(text, 30, true);

const wordKind = (token: Token | undefined): Word['kind'] | undefined => (token?.t === 'word' ? token.word?.kind : undefined);
const isFiller = (token: Token | undefined) => token?.t === 'word' && (token.word === undefined || token.word.kind === 'filler');
/** What may stand between an event or the discharge and the date stated for it ("udskrives i morgen d. 5/3"). */
const betweenWordAndDate = (token: Token | undefined) =>
  isFiller(token) || ['weekday', 'today', 'tomorrow', 'soft'].includes(wordKind(token) ?? '');
const textOf = (token: Token | undefined) => (token && 'text' in token ? token.text : '');

/** Reads the statements of a token list; throws Unreadable. */
export function parseStatements(tokens: Token[]): Parsed {
  return new Parser(tokens).run();
}

class Parser {
  private readonly statements: Statement[] = [];
  private readonly stated = new Map<string, StatedDate>();
  /** tokens already read as part of a stated date */
  private readonly consumed = new Set<number>();
  // the clause being read
  private role: Role | undefined;
  private startSeen = false;
  private between = false;
  private asapInClause = false;
  private laterSignal = false; // anything that asks for a later start: unreadable texts say so
  private clauseTimed = false; // the clause has a time or a marker
  private softWord: string | undefined; // "evt.", "måske": unreadable if the clause has a time
  private i = 0;
  /** where each stated date was written, for "7 dage herefter" */
  private readonly statedAt: { at: number; key: string }[] = [];
  /** stated event dates a period counted from: the others are dates outside any clause */
  private readonly usedEvents = new Set<string>();
  /** an event without a date anywhere in the text: the start may depend on it */
  private undatedEvent = false;
  /** the clauses a bracket interrupted */
  private readonly outer: { role: Role | undefined; startSeen: boolean; between: boolean }[] = [];
  /** "efter" + words that name no date, read as a comment: alone in the text, a later start without a date */
  private afterSomething = false;
  /** weekdays written with a stated date, checked when dates are computed */
  readonly weekdays: { day: number; date: StatedDate }[] = [];
  /** tokens read as part of a reason */
  private readonly inReason = new Set<number>();

  constructor(private readonly tokens: Token[]) {}

  run(): Parsed {
    this.findStatedDates();
    this.undatedEvent = this.tokens.some((t) => t.t === 'word' && t.word?.kind === 'event' && !this.stated.has(t.word.event));
    for (this.i = 0; this.i < this.tokens.length; this.i++) {
      if (this.consumed.has(this.i)) continue;
      this.step(this.tokens[this.i]!);
    }
    this.endClause();
    for (const { at, key } of this.statedAt) {
      const date = this.stated.get(key)!;
      const used = this.statedAt.some((s) => s.at === at && (s.key === 'discharge' || this.usedEvents.has(s.key)));
      if (!used && !this.inReason.has(at))
        throw this.fail(
          `datoen ${shown(date.text)} står uden for en frist og kan flytte opstarten`,
          `the date ${shown(date.text)} stands outside any deadline and may move the start`,
        );
    }
    const laterAsked = this.statements.some((s) => s.s === 'time' && (s.role === 'earliest' || s.role === 'after' || s.role === 'named'));
    if ((this.laterSignal && !laterAsked) || (this.afterSomething && this.statements.length === 0))
      throw this.fail(
        'teksten beder om en senere opstart, men siger ikke hvornår',
        'the text asks for a later start but does not say when',
        true,
      );
    return { statements: this.statements, stated: this.stated, weekdays: this.weekdays };
  }

  private fail(da: string, en: string, later = this.laterSignal || this.undatedEvent): Unreadable {
    return new Unreadable(da, en, later);
  }

  /** A word that makes the time uncertain: unreadable, asking a later start unless it qualifies a latest start. */
  private uncertain(da: string, en: string): Unreadable {
    const role = this.role;
    const later =
      this.laterSignal ||
      role === 'earliest' ||
      role === 'after' ||
      role === 'named' ||
      (role === undefined && !this.deadlineMarkerAhead());
    return new Unreadable(da, en, later);
  }

  /** A deadline marker later in the clause ("ca. 14 dage, senest …" is about a latest start). */
  private deadlineMarkerAhead(): boolean {
    return this.inClause((t) => wordKind(t) === 'deadline', false);
  }

  /** Whether a token of the clause around here (between stops; ahead only, unless `behind`) is `wanted`. */
  private inClause(wanted: (token: Token) => boolean, behind: boolean): boolean {
    for (let k = this.i + 1; k < this.tokens.length && this.tokens[k]!.t !== 'stop'; k++) if (wanted(this.tokens[k]!)) return true;
    if (behind) for (let k = this.i - 1; k >= 0 && this.tokens[k]!.t !== 'stop'; k--) if (wanted(this.tokens[k]!)) return true;
    return false;
  }

  /** The first index from k on that is not a filler word. */
  private afterFillers(k: number): number {
    while (wordKind(this.tokens[k]) === 'filler') k++;
    return k;
  }

  private resetClause(): void {
    this.endClause();
    this.role = undefined;
    this.startSeen = false;
    this.between = false;
    this.asapInClause = false;
    this.clauseTimed = false;
    this.softWord = undefined;
  }

  /** A word such as "evt." or "ikke" in a clause that also has a time makes the time uncertain. */
  private endClause(): void {
    if (this.softWord !== undefined && this.clauseTimed)
      throw this.uncertain(`"${shown(this.softWord)}" gør tidspunktet usikkert`, `"${shown(this.softWord)}" makes the time uncertain`);
  }

  private emit(when: When, own?: Role): void {
    let role: Role = own ?? this.role ?? (this.startSeen ? 'named' : 'deadline');
    if (this.between) role = this.statements.some((s) => s.s === 'time') ? 'deadline' : 'earliest';
    if (role === 'after' && when.w === 'period') role = 'earliest'; // "efter 14 dage": the day reached
    this.statements.push({ s: 'time', role, when });
    this.role = undefined;
    this.clauseTimed = true;
  }

  /** The next token that is not a filler or a comment, from index k on. */
  private nextMeaningful(k: number): { token: Token | undefined; at: number } {
    while (k < this.tokens.length && isFiller(this.tokens[k])) k++;
    return { token: this.tokens[k], at: k };
  }

  /**
   * Dates the text states itself: the discharge ("udskrives 5/3", "udskrivelse d. 05.03.2019") and events
   * ("opereret 26.02.2019"). They are read before the statements, which may count from them.
   */
  private findStatedDates(): void {
    this.tokens.forEach((token, k) => {
      if (token.t !== 'word' || token.word === undefined) return;
      const kind = token.word.kind;
      if (kind !== 'anchor' && kind !== 'discharged' && kind !== 'event') return;
      let at = k + 1;
      while (
        at < this.tokens.length &&
        (betweenWordAndDate(this.tokens[at]) || (this.tokens[at]?.t === 'stop' && (this.tokens[at] as { c: string }).c === ':'))
      )
        at++;
      const next = this.tokens[at];
      if (next?.t !== 'date' || this.consumed.has(at)) return;
      // "Udskrives torsdag 14/8": the weekday must be the date's
      for (let w = k + 1; w < at; w++) {
        const t = this.tokens[w];
        if (t?.t === 'word' && t.word?.kind === 'weekday') this.weekdays.push({ day: t.word.day, date: next });
      }
      for (let between = k + 1; between < at; between++) this.consumed.add(between); // "udskrives i morgen d. 5/3"
      // "Gips fjernet 04.03.2019": each event named before the date shares it
      const keys = new Set<string>();
      for (let back = at - 1; back >= 0; back--) {
        const t = this.tokens[back]!;
        if (t.t !== 'word') break;
        if (t.word?.kind === 'event') keys.add(t.word.event);
        else if (t.word?.kind === 'anchor' || t.word?.kind === 'discharged') keys.add('discharge');
        else if (!betweenWordAndDate(t)) break;
      }
      for (const key of keys) this.state(key, next);
      this.statedAt.push(...[...keys].map((key) => ({ at, key })));
      this.consumed.add(at);
    });
  }

  private state(key: string, date: Extract<Token, { t: 'date' }>): void {
    const earlier = this.stated.get(key);
    if (earlier && (earlier.day !== date.day || earlier.month !== date.month || earlier.year !== date.year))
      throw this.fail(
        `teksten giver to forskellige datoer for samme begivenhed (${shown(earlier.text)}, ${shown(date.text)})`,
        `the text gives two dates for one event (${shown(earlier.text)}, ${shown(date.text)})`,
      );
    this.stated.set(key, { day: date.day, month: date.month, year: date.year, text: date.text });
  }

  private step(token: Token): void {
    switch (token.t) {
      case 'stop':
        this.stop(token.c);
        return;
      case 'range':
        throw this.uncertain(
          `et interval ("${shown(token.text)}") giver ingen bestemt dato`,
          `a range ("${shown(token.text)}") gives no single date`,
        );
      case 'vague':
        throw this.uncertain(`"${shown(token.text)}" gør tidspunktet ubestemt`, `"${shown(token.text)}" makes the time indefinite`);
      case 'plus':
        // "udskrivelsen + 7 dage" is read at the anchor; elsewhere "+" joins two statements
        this.stop();
        return;
      case 'date':
        this.date(token);
        return;
      case 'number':
        this.number(token.value, token.text);
        return;
      case 'word':
        this.word(token);
        return;
    }
  }

  /**
   * Any stop ends the clause; "senest 12/3 / 19/3" is then two statements, which must agree when combined. A remark in
   * brackets is a clause of its own, after which the clause around it goes on ("Opstart (pt. er informeret) d. 6/11").
   */
  private stop(c?: string): void {
    if (c === ':') return; // "Frist: 5 dage": a label
    if (c === '(') {
      this.endClause();
      this.outer.push({ role: this.role, startSeen: this.startSeen, between: this.between });
      this.resetClause();
      return;
    }
    this.resetClause();
    if (c === ')') {
      const outer = this.outer.pop();
      if (outer) ({ role: this.role, startSeen: this.startSeen, between: this.between } = outer);
    }
  }

  private date(token: Extract<Token, { t: 'date' }>): void {
    const when: When = { w: 'date', day: token.day, month: token.month, year: token.year, weekday: this.weekdayAround(), text: token.text };
    // a window: "12.03-19.03.2019", "fra 12/3 til 19/3", "i perioden 12/3 - 19/3"
    const link = this.tokens[this.i + 1];
    const at = this.afterFillers(this.i + 2); // "til den 14. april"
    const second = this.tokens[at];
    const isLink = (link?.t === 'stop' && link.c === '-') || wordKind(link) === 'to' || (link?.t === 'word' && link.text === 'to');
    if (isLink && second?.t === 'date') {
      if (this.role === 'deadline' || this.role === 'before')
        throw this.fail('en frist med to datoer kan ikke læses', 'a deadline with two dates cannot be read');
      const role = this.role === 'after' ? 'after' : 'earliest';
      this.emit(when, role);
      this.emit({ w: 'date', day: second.day, month: second.month, year: second.year, text: second.text }, 'deadline');
      this.i = at;
      return;
    }
    if (wordKind(link) === 'to') throw this.fail(`"til" står uden en dato efter`, `"til" (until) has no date after it`);
    this.emit(when);
  }

  /** A weekday written right before a date ("fredag d. 22/3") or after it ("12.03.2019 - tirsdag"): the two must agree. */
  private weekdayAround(): number | undefined {
    for (let k = this.i - 1; k >= 0; k--) {
      const token = this.tokens[k]!;
      if (token.t !== 'word') break;
      if (token.word?.kind === 'weekday') return token.word.day;
      if (token.word?.kind !== 'filler') break;
    }
    let k = this.i + 1;
    if (this.tokens[k]?.t === 'stop' && (this.tokens[k] as { c: string }).c !== '.') k++;
    const after = this.tokens[k];
    if (after?.t === 'word' && after.word?.kind === 'weekday') {
      this.consumed.add(k);
      return after.word.day;
    }
    return undefined;
  }

  private number(value: number, text: string): void {
    const next = this.tokens[this.i + 1];
    const unit = wordKind(next) === 'unit' ? (next as { word: { unit: DeadlinePeriod['unit'] } }).word.unit : undefined;
    const singularWeek = wordKind(next) === 'week' && this.tokens[this.i + 2]?.t !== 'number';
    if (wordKind(next) === 'guarantee' && /^dages/.test(textOf(next))) {
      // "inden for 7-dagesfristen": the period the word names
      this.i++;
      if (this.role === 'deadline' || this.role === 'before')
        this.emit({ w: 'period', period: { amount: value, unit: 'day' }, from: 'discharge', text: `${text}-${textOf(next)}` }, 'deadline');
      return;
    }
    if (unit === undefined && !singularWeek) {
      if (wordKind(this.tokens[this.i - 1]) === 'week') return; // read with "uge"
      const dotted = next?.t === 'stop' && next.c === '.';
      const after = dotted ? this.tokens[this.i + 2] : next;
      // a date whose month the tokens did not join ("12. marst", corrected to marts)
      if (after?.t === 'word' && after.word?.kind === 'month' && value >= 1 && value <= 31) {
        this.i += dotted ? 2 : 1;
        const y = this.tokens[this.i + 1];
        const year = y?.t === 'number' && y.text.length === 4 ? y.value : undefined;
        if (year) this.i++;
        this.emit({ w: 'date', day: value, month: after.word.month, year, text: `${text}. ${after.text}${year ? ` ${year}` : ''}` });
        return;
      }
      // an ordinal before a word ("3. sal", "2. gang") counts nothing
      if (dotted && after?.t === 'word' && value <= 31) return;
      throw this.fail(`tallet ${shown(text)} står uden enhed`, `the number ${shown(text)} has no unit`);
    }
    const period: DeadlinePeriod = { amount: value, unit: unit ?? 'week' };
    let words = `${text} ${textOf(next)}`;
    this.i++;
    // "10 dage efter udskrivelsen", "2 uger fra i dag", "14 dage efter operation (opereret 26/2)"
    const link = this.tokens[this.i + 1];
    const ofWhat = wordKind(this.tokens[this.i + 2]);
    // English "within 7 days of discharge", "of surgery": "of" links like "efter"
    const linkKind = link?.t === 'word' && link.text === 'of' && (ofWhat === 'anchor' || ofWhat === 'event') ? 'after' : wordKind(link);
    if (
      linkKind === 'thereafter' ||
      (linkKind === 'after' && (this.tokens[this.i + 2] === undefined || this.tokens[this.i + 2]!.t === 'stop'))
    ) {
      // "7 dage herefter", "14 dage efter.": from the date the text stated just before
      this.i++;
      this.emit({ w: 'period', period, from: this.statedBefore(words), text: `${words} ${textOf(link)}` });
      return;
    }
    if (linkKind === 'after' || linkKind === 'from') {
      const at = this.afterFillers(this.i + 2);
      const anchor = this.tokens[at];
      const from = this.periodAnchor(at, `${textOf(link)} ${textOf(anchor)}`.trim());
      words += ` ${textOf(link)} ${textOf(anchor)}`;
      this.i = at;
      this.emit({ w: 'period', period, from, text: words });
      return;
    }
    this.emit({ w: 'period', period, from: 'discharge', text: words });
  }

  /** The date stated last before here ("Udskrives 5/3 …, senest 7 dage herefter"); without one the period cannot be read. */
  private statedBefore(words: string): Extract<When, { w: 'period' }>['from'] {
    // the discharge named before ("… 1 uge efter udskr. og senest 3 uger efter") or a date the text stated
    const anchors = this.tokens.flatMap((t, at) =>
      at < this.i && (wordKind(t) === 'anchor' || wordKind(t) === 'discharged') ? [{ at, key: 'discharge' }] : [],
    );
    const last = [...this.statedAt, ...anchors]
      .filter((s) => s.at < this.i)
      .sort((a, b) => a.at - b.at)
      .pop();
    if (last === undefined)
      throw this.fail(`"${shown(words)}" siger ikke, hvad der regnes fra`, `"${shown(words)}" does not say what it counts from`, true);
    if (last.key === 'discharge') return 'discharge';
    this.usedEvents.add(last.key);
    return { event: last.key };
  }

  /** What a period after "efter"/"fra" counts from; anything else than the discharge, today or a dated event cannot be read. */
  private periodAnchor(at: number, words: string): Extract<When, { w: 'period' }>['from'] {
    const anchor = this.tokens[at];
    const kind = wordKind(anchor);
    if (kind === 'anchor' || kind === 'discharged') return 'discharge';
    if (kind === 'today') return 'plan';
    if (anchor?.t === 'date') {
      // "14 dage efter 1/3": counted from the date itself
      const key = `date:${anchor.text}`;
      this.state(key, anchor);
      this.usedEvents.add(key);
      return { event: key };
    }
    if (anchor?.t === 'word' && anchor.word?.kind === 'event' && this.stated.has(anchor.word.event)) {
      this.usedEvents.add(anchor.word.event);
      return { event: anchor.word.event };
    }
    // "4 uger efter faldet d. 20.04.2024": a word the text dates right after it
    const dated = anchor?.t === 'word' && kind !== 'event' ? this.nextMeaningful(at + 1) : undefined;
    if (dated?.token?.t === 'date' && !this.consumed.has(dated.at)) {
      const key = `word:${textOf(anchor)}`;
      this.state(key, dated.token);
      this.statedAt.push({ at: dated.at, key });
      this.consumed.add(dated.at);
      this.usedEvents.add(key);
      return { event: key };
    }
    throw this.fail(
      `"${shown(words)}" er ikke udskrivelsen eller en dato, som tidspunktet kan regnes fra`,
      `"${shown(words)}" is not the discharge or a date the time can be counted from`,
      true,
    );
  }

  private word(token: Extract<Token, { t: 'word' }>): void {
    const word = token.word;
    if (word === undefined) return; // a comment
    switch (word.kind) {
      case 'filler':
      case 'deadlineNoun':
        return;
      case 'reason':
        this.reason();
        return;
      case 'soft':
        this.softWord ??= token.text;
        return;
      case 'misspelt':
        throw this.fail(
          `ordet "${shown(token.text)}" kendes ikke og ligner et ord, der kan flytte datoen`,
          `the word "${shown(token.text)}" is not known and resembles a word that can move the date`,
        );
      case 'thereafter':
        throw this.uncertain(`"${shown(token.text)}" siger ikke, hvornår`, `"${shown(token.text)}" does not say when`);
      case 'separator':
        this.role = undefined;
        return;
      case 'start':
        this.startSeen = true;
        return;
      case 'vague':
        throw this.uncertain(`"${shown(token.text)}" gør tidspunktet ubestemt`, `"${shown(token.text)}" makes the time indefinite`);
      case 'condition':
        throw this.fail(
          `"${shown(token.text)}" gør opstarten betinget af noget, der ikke er en dato`,
          `"${shown(token.text)}" makes the start depend on something that is not a date`,
          word.later || this.laterSignal || this.undatedEvent,
        );
      case 'event':
        this.event(token, word.event);
        return;
      case 'deadline':
        this.role = word.before ? 'before' : 'deadline';
        this.clauseTimed = true;
        return;
      case 'earliest':
        this.role = 'earliest';
        this.laterSignal = true;
        this.clauseTimed = true;
        return;
      case 'in':
        this.role ??= 'named';
        return;
      case 'during':
        this.role ??= 'named';
        return;
      case 'between':
        this.between = true;
        return;
      case 'to':
        // outside a window of dates: "henvist til kommunen" is a comment, but "på ferie til 1/4" moves the start
        if (this.timeFollows())
          throw this.fail(
            `"${shown(token.text)}" før et tidspunkt kan flytte opstarten`,
            `"${shown(token.text)}" before a time may move the start`,
            true,
          );
        return;
      case 'preference':
        this.preference();
        return;
      case 'guarantee':
        if (this.role === 'deadline' || this.role === 'before')
          this.emit({ w: 'period', period: { amount: 7, unit: 'day' }, from: 'discharge', text: token.text }, 'deadline');
        return;
      default:
        this.marker(token, word);
        return;
    }
  }

  private marker(token: Extract<Token, { t: 'word' }>, word: Word): void {
    switch (word.kind) {
      case 'not':
        this.not(token);
        return;
      case 'no':
        this.no(token);
        return;
      case 'after':
      case 'from':
      case 'at':
        this.afterOrFrom(token, word.kind);
        return;
      case 'anchor':
      case 'discharged':
        this.anchor(token);
        return;
      case 'week':
        this.week(token);
        return;
      case 'unit':
        throw this.uncertain(`"${shown(token.text)}" står uden et antal`, `"${shown(token.text)}" has no number`);
      case 'next':
        this.nextWeek(token);
        return;
      case 'today':
        this.emit({ w: 'today', text: token.text });
        return;
      case 'tomorrow':
        this.emit({ w: 'tomorrow', text: token.text });
        return;
      case 'weekday':
        this.weekday(token, word.day);
        return;
      case 'endOf':
        this.endOf(token, word.direct === true);
        return;
      case 'month': {
        // "senest i april": the month as a whole, its last day for a deadline
        const y = this.tokens[this.i + 1];
        const year = y?.t === 'number' && y.value >= 2000 && y.text.length === 4 ? y.value : undefined;
        if (year) this.i++;
        this.emit({ w: 'month', month: word.month, year, text: `${token.text}${year ? ` ${year}` : ''}` });
        return;
      }
      case 'asap':
        this.asapInClause = true;
        if (!this.statements.some((s) => s.s === 'asap')) this.statements.push({ s: 'asap', text: token.text });
        return;
      case 'none':
        this.statements.push({ s: 'none', text: token.text });
        return;
      case 'number':
        this.numberWord(token, word.value);
        return;
    }
  }

  /** An event ("kontrol", "operationen"): stated with its date it is an anchor; otherwise it can move the start. */
  private event(token: Extract<Token, { t: 'word' }>, event: string): void {
    if (this.stated.has(event)) return;
    // "Borgeren er opereret for hoftefraktur, og …": in a clause with no time, marker or condition, an event is history
    if (!this.clauseCanMoveADate()) return;
    throw this.fail(
      `"${shown(token.text)}" knytter opstarten til en begivenhed uden dato`,
      `"${shown(token.text)}" ties the start to an event without a date`,
      true,
    );
  }

  /**
   * "pga. …", "da …", "jf. …": the rest of the clause says why, not when — even a date or an event in it. A marker or a
   * start word ends the reason ("Pga. smerter opstart senest 12/3").
   */
  private reason(): void {
    for (let k = this.i + 1; k < this.tokens.length; k++) {
      const t = this.tokens[k]!;
      const kind = wordKind(t);
      // a reason runs to the end of its sentence or bracket ("jf. DSKS-guideline 2019", "bortrejst 20/12-1/1")
      const ends = t.t === 'stop' && t.c !== '-' && t.c !== '/';
      // a marker ends it when a time follows ("Pga. smerter senest 12/3"), not inside it ("for at nå … inden kontrollen")
      const marker = (kind === 'deadline' || kind === 'earliest') && this.timeAt(k + 1);
      if (ends || marker || kind === 'start' || kind === 'asap') {
        this.i = k - 1;
        return;
      }
      this.inReason.add(k);
    }
    this.i = this.tokens.length;
  }

  /** "helst 7", "gerne før": after a time already read, a wish that does not move it; the rest of the clause is skipped. */
  private preference(): void {
    if (!this.statements.some((s) => s.s === 'time')) return;
    while (this.i + 1 < this.tokens.length && this.tokens[this.i + 1]!.t !== 'stop') this.i++;
  }

  private not(token: Extract<Token, { t: 'word' }>): void {
    const { token: next, at } = this.nextMeaningful(this.i + 1);
    // "må ikke påbegyndes før 1/4": an earliest start
    const skipStart = wordKind(next) === 'start' ? this.nextMeaningful(at + 1) : { token: next, at };
    if (skipStart.token?.t === 'word' && skipStart.token.word?.kind === 'deadline' && skipStart.token.word.before) {
      this.role = 'earliest';
      this.laterSignal = true;
      this.i = skipStart.at;
      return;
    }
    this.softWord ??= token.text; // "kan ikke selv transportere sig": a comment unless the clause has a time
  }

  /**
   * "ingen", "intet": no deadline when its clause names a deadline ("ingen (sundheds)faglig begrundelse for en frist") or
   * nothing else ("Intet."); in a clause with a time it cannot be read; elsewhere ("har ingen pårørende") a comment.
   */
  private no(token: Extract<Token, { t: 'word' }>): void {
    let k = this.i + 1;
    let namesDeadline = false;
    let onlyFillers = true;
    for (; k < this.tokens.length; k++) {
      const t = this.tokens[k]!;
      if (t.t === 'stop') {
        if (t.c === '(' || t.c === ')' || t.c === ':') continue;
        break;
      }
      const kind = wordKind(t);
      if (kind === 'reason') break; // "Ingen frist pga. planlagt operation 1/9": the reason is read as one
      if (kind === 'deadlineNoun' || kind === 'asap' || kind === 'none') namesDeadline = true;
      else if (t.t === 'word' && (kind === undefined || kind === 'guarantee' || kind === 'to' || kind === 'start' || kind === 'soft'))
        onlyFillers = false;
      else if (!(t.t === 'word' && (kind === 'filler' || ((t.text === 'en' || t.text === 'et') && kind === 'number')))) {
        if (kind === 'event')
          throw this.fail(
            `"${shown(token.text)}" står i en sammenhæng, der ikke kan læses`,
            `"${shown(token.text)}" (no) stands where it cannot be read`,
            true,
          );
        throw this.fail(
          `"${shown(token.text)}" står i en sammenhæng, der ikke kan læses`,
          `"${shown(token.text)}" (no) stands where it cannot be read`,
        );
      }
    }
    if (namesDeadline || onlyFillers) this.statements.push({ s: 'none', text: token.text });
    this.i = k - 1;
  }

  /** "efter"/"fra"/"ved" + the discharge says when, not by when; + a time marks an earliest start; + an event a condition. */
  private afterOrFrom(token: Extract<Token, { t: 'word' }>, kind: 'after' | 'from' | 'at'): void {
    const { token: next, at } = this.nextMeaningful(this.i + 1);
    const nextKind = wordKind(next);
    if (nextKind === 'anchor' || nextKind === 'discharged') {
      // "efter hjemkomst fra ferie" is another homecoming than the discharge
      const from = this.tokens[at + 1];
      const place = textOf(this.tokens[at + 2]);
      if (wordKind(from) === 'from' && /^(ferie|rejse|sommerhus|udland|aflastning)/.test(place))
        throw this.fail(
          `"${shown(`${textOf(next)} fra ${place}`)}" er ikke udskrivelsen`,
          `"${shown(`${textOf(next)} fra ${place}`)}" is not the discharge`,
          true,
        );
      this.i = at;
      if (this.role === 'deadline' || this.role === 'before') {
        this.emit({ w: 'discharge', text: `${token.text} ${textOf(next)}` });
        return;
      }
      if (!this.asapInClause && !this.statements.some((s) => s.s === 'asap'))
        this.statements.push({ s: 'asap', text: `${token.text} ${textOf(next)}` });
      this.asapInClause = true;
      return;
    }
    const isTime =
      next?.t === 'date' ||
      next?.t === 'number' ||
      (next?.t === 'word' && ['week', 'weekday', 'today', 'tomorrow', 'next', 'number', 'endOf', 'month'].includes(nextKind ?? ''));
    if (kind === 'at') {
      if (isTime) this.role ??= 'named';
      return; // "ved behov" and the like are caught by their own words
    }
    if (isTime) {
      if (this.role === undefined || this.role === 'named') this.role = kind === 'after' ? 'after' : 'earliest';
      this.laterSignal = true;
      return;
    }
    // "Genoptræning efter hoftealloplastik": without a start word in its clause, what follows names the rehabilitation
    const object = this.tokens[this.afterFillers(this.i + 1)];
    if (kind === 'after' && object?.t === 'word' && object.word === undefined && !this.startInClause()) {
      this.afterSomething = true;
      return;
    }
    if (kind === 'after')
      throw this.fail(
        `"${shown(`${token.text} ${textOf(next)}`.trim())}" knytter opstarten til noget, der ikke er en dato`,
        `"${shown(`${token.text} ${textOf(next)}`.trim())}" ties the start to something that is not a date`,
        true,
      );
    // "fra" before anything else ("henvist fra ortopædkirurgisk afdeling") is a comment
  }

  /** The discharge named on its own: "senest udskrivelsesdagen" or "udskrivelsen + 7 dage". */
  private anchor(token: Extract<Token, { t: 'word' }>): void {
    const plus = this.tokens[this.i + 1];
    const amount = this.tokens[this.i + 2];
    if (plus?.t === 'plus' && amount?.t === 'number') {
      this.i += 1; // the number reads its unit and counts from the discharge
      return;
    }
    if (this.role === 'deadline' || this.role === 'before' || this.role === 'earliest') this.emit({ w: 'discharge', text: token.text });
    return;
    // a discharge mentioned in passing ("udskrives til eget hjem") is a comment
  }

  private week(token: Extract<Token, { t: 'word' }>): void {
    const next = this.tokens[this.i + 1];
    if (next?.t === 'number' && next.value >= 1 && next.value <= 53) {
      const previous = this.tokens[this.i - 1];
      if (this.role === undefined && previous?.t === 'word' && previous.text === 'i') this.role = 'named'; // "i uge 11"
      this.i++;
      const year = this.weekYear();
      const when: When = { w: 'week', week: next.value, year, text: `${token.text} ${next.text}${year ? ` ${year}` : ''}` };
      // a window of weeks: "fra uge 3 til uge 4", "uge 12-14" is a range
      const link = this.tokens[this.i + 1];
      const second = this.tokens[this.i + 3];
      if (
        (wordKind(link) === 'to' || (link?.t === 'stop' && link.c === '-')) &&
        wordKind(this.tokens[this.i + 2]) === 'week' &&
        second?.t === 'number'
      ) {
        if (this.role === 'deadline' || this.role === 'before')
          throw this.fail('en frist med to uger kan ikke læses', 'a deadline with two weeks cannot be read');
        this.emit(when, this.role === 'after' ? 'after' : 'earliest');
        this.emit({ w: 'week', week: second.value, year, text: `uge ${second.text}` }, 'deadline');
        this.i += 3;
        return;
      }
      this.emit(when);
      return;
    }
    if (wordKind(this.tokens[this.i - 1]) === 'next') return; // read with "næste"
    if (this.tokens[this.i - 1]?.t === 'number') return; // "1 uge": read as a period
    throw this.uncertain(`"${shown(token.text)}" står uden ugenummer`, `"${shown(token.text)}" has no week number`);
  }

  /** "uge 11, 2019", "uge 11 2019": the year of a week number. */
  private weekYear(): number | undefined {
    let k = this.i + 1;
    if (this.tokens[k]?.t === 'stop' && (this.tokens[k] as { c: string }).c === ',') k++;
    const y = this.tokens[k];
    if (y?.t === 'number' && y.value >= 2000 && y.value <= 2100 && y.text.length === 4) {
      this.i = k;
      return y.value;
    }
    return undefined;
  }

  /** Whether the clause around here (between stops) has a time, a marker, a start word or a condition. */
  private clauseCanMoveADate(): boolean {
    const moves = (t: Token) => {
      if (t.t === 'date' || t.t === 'number' || t.t === 'range' || t.t === 'vague' || t.t === 'plus') return true;
      const kind = wordKind(t);
      return (
        kind !== undefined &&
        !['filler', 'event', 'soft', 'not', 'no', 'reason', 'separator', 'deadlineNoun', 'anchor', 'discharged'].includes(kind)
      );
    };
    return this.inClause(moves, true);
  }

  /** Whether the clause has a start word, before or after here. */
  private startInClause(): boolean {
    return this.startSeen || this.inClause((t) => wordKind(t) === 'start', false);
  }

  /** Whether the next meaningful token is a time. */
  private timeFollows(): boolean {
    return this.timeAt(this.i + 1);
  }

  /** Whether the first meaningful token from index k on is a time. */
  private timeAt(k: number): boolean {
    const { token } = this.nextMeaningful(k);
    const kind = wordKind(token);
    return (
      token?.t === 'date' ||
      token?.t === 'number' ||
      ['week', 'weekday', 'today', 'tomorrow', 'next', 'month', 'endOf'].includes(kind ?? '')
    );
  }

  private nextWeek(token: Extract<Token, { t: 'word' }>): void {
    const next = this.tokens[this.i + 1];
    // "inden for de næste 14 dage": the number reads its own period
    if (next?.t === 'number' || wordKind(next) === 'number') return;
    if (wordKind(next) === 'week') {
      this.emit({ w: 'nextWeek', text: `${token.text} ${textOf(next)}` });
      this.i++;
      return;
    }
    throw this.uncertain(`"${shown(token.text)}" kan ikke læses her`, `"${shown(token.text)}" cannot be read here`);
  }

  private weekday(token: Extract<Token, { t: 'word' }>, day: number): void {
    const { token: next, at } = this.nextMeaningful(this.i + 1);
    if (next?.t === 'date') return; // read with the date, which it must agree with
    // "mandag uge 12", "mandag i uge 12"
    const number = this.tokens[at + 1];
    if (wordKind(next) === 'week' && number?.t === 'number') {
      this.i = at + 1;
      const year = this.weekYear();
      this.emit({ w: 'week', week: number.value, year, day, text: `${token.text} ${textOf(next)} ${number.text}` });
      return;
    }
    // "mandag i næste uge", "mandag næste uge"
    if (wordKind(next) === 'next' && wordKind(this.tokens[at + 1]) === 'week') {
      this.i = at + 1;
      this.emit({ w: 'nextWeek', day, text: `${token.text} ${textOf(next)} ${textOf(this.tokens[at + 1])}` });
      return;
    }
    this.emit({ w: 'weekday', day, text: token.text });
  }

  private endOf(token: Extract<Token, { t: 'word' }>, direct: boolean): void {
    let k = this.i + 1;
    if (!direct) {
      const of = this.tokens[k];
      if (!(of?.t === 'word' && (of.text === 'af' || of.text === 'of'))) {
        throw this.uncertain(`"${shown(token.text)}" står uden en måned`, `"${shown(token.text)}" has no month`);
      }
      k++;
    }
    if (this.role === undefined && this.startSeen)
      throw this.fail(
        `en opstart "${shown(token.text)}" giver ingen bestemt dato`,
        `a start "${shown(token.text)}" gives no single date`,
        true,
      );
    const target = this.tokens[k];
    if (target?.t === 'word' && target.word?.kind === 'month') {
      const y = this.tokens[k + 1];
      const year = y?.t === 'number' && y.value >= 2000 && y.text.length === 4 ? y.value : undefined;
      this.i = year ? k + 1 : k;
      this.emit(
        { w: 'endOf', month: target.word.month, year, text: `${token.text} ${textOf(target)}${year ? ` ${year}` : ''}` },
        this.role === 'before' ? 'deadline' : undefined,
      );
      return;
    }
    if (wordKind(target) === 'next' && wordKind(this.tokens[k + 1]) === 'week') {
      this.i = k + 1;
      this.emit({ w: 'nextWeek', end: true, text: `${token.text} ${textOf(target)} uge` }, this.role === 'before' ? 'deadline' : undefined);
      return;
    }
    const number = this.tokens[k + 1];
    if (wordKind(target) === 'week' && number?.t === 'number') {
      this.i = k + 1;
      const year = this.weekYear();
      this.emit(
        { w: 'endOfWeek', week: number.value, year, text: `${token.text} uge ${number.text}` },
        this.role === 'before' ? 'deadline' : undefined,
      );
      return;
    }
    throw this.uncertain(`"${shown(token.text)}" står uden en måned`, `"${shown(token.text)}" has no month`);
  }

  /** A number word: "ti dage", "en uge"; "en" and "et" are also articles. */
  private numberWord(token: Extract<Token, { t: 'word' }>, value: number): void {
    const next = this.tokens[this.i + 1];
    if (wordKind(next) === 'unit' || (wordKind(next) === 'week' && this.tokens[this.i + 2]?.t !== 'number')) {
      this.number(value, token.text);
      return;
    }
    if (token.text === 'en' || token.text === 'et') return; // the article: "en frist"
    throw this.fail(`tallet "${shown(token.text)}" står uden enhed`, `the number "${shown(token.text)}" has no unit`);
  }
}
