/*
 * Redaction (`redact: true`, `gop … --redact`): one step over everything that leaves the library — findings, facts,
 * the envelope's facts, and a parsed model — applied to texts before their quoted values are cut (src/values/quote.ts).
 *
 * What is masked in a text:
 *   - the personal values of the message, in any spelling: CPR numbers and phone numbers compared by their digits
 *     (spaces, hyphens, dots and line breaks between them do not matter; +45/0045 before a phone number neither),
 *     names, street addresses, e-mail addresses, NoTelephoneReason and the GP practice's name compared word by word,
 *     ignoring case and white space (a line break or U+2028 is white space); each word of a person's name also alone
 *     and as a genitive (Kirstens);
 *   - patterns, whoever they belong to: a 10-digit number whose first six digits are a date (DDMMYYXXXX,
 *     DDMMYY-XXXX, DDMMYY XXXX, …), an e-mail address, a Danish phone number (8 digits, the first 2–9, grouped by
 *     spaces, hyphens or dots — one kind throughout —, with or without +45/0045).
 * CPR numbers keep their birth date (DDMMYY-XXXX); everything else becomes ***.
 *
 * Numbers are only ever compared as whole digit groups: nothing inside a longer run of digits (a 13-digit EAN) is
 * masked, and dates (2019-03-05, 05.03.2019, 20190305) are not taken for phone numbers.
 *
 * Cost: one scan of each text for each of three kinds of match (digit groups; words, by an Aho–Corasick automaton over
 * word tokens built once per message; e-mail addresses around each "@"), so linear in the texts and the values.
 */
import { writtenExplanations, type Facts } from '../facts/facts';
import { redactedTexts, type Finding } from '../findings/finding';
import type { DeepPartial } from '../model/partial';
import type { GopMessage } from '../model/schema';
import type { VansEnvelopeInfo } from '../read/vans';
import { maskCpr } from '../values/cpr';
import { daysInMonth } from '../values/date';
import { isFormattedText } from '../model/formatted';
import { finishPair } from '../values/quote';

const MASK = '***';

/** Properties that hold personal data: names, street addresses, phone numbers, e-mail addresses. */
const NAMES = ['personGivenName', 'personSurnameName'];
const WHOLE = ['streetName', 'emailAddressIdentifier', 'noTelephoneReason'];
const NUMBERS = ['civilRegistrationNumber', 'telephoneSubscriberIdentifier'];
/** In a model, these are masked whole (a CPR number to DDMMYY-XXXX). */
const PERSONAL_PROPERTIES = new Set([...NAMES, ...WHOLE, ...NUMBERS]);

export interface Redactor {
  /** The text with every personal value and pattern masked. */
  text(text: string): string;
  /** What text() masks: the spans, in order, not overlapping. */
  spans(text: string): Span[];
}

// ---------------------------------------------------------------------------------------------------------------
// characters

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;
const isWordChar = (ch: string | undefined) => ch !== undefined && WORD_CHAR.test(ch);
/**
 * Per BMP character: 0 not yet known, 1 word (letter, digit, mark), 2 white space — what JavaScript's \s matches, and
 * ⏎ (a line break in a one-line finding text) —, 3 anything else.
 */
const CLASS = new Uint8Array(0x10000);
const WORD = /^[\p{L}\p{N}\p{M}]$/u;
const WHITE = /^[\s\u23CE]$/u;
for (let c = 0; c < 0x80; c++) {
  const ch = String.fromCharCode(c);
  CLASS[c] = WORD.test(ch) ? 1 : WHITE.test(ch) ? 2 : 3;
}
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    return WORD.test(ch) ? 1 : 3;
  }
  let k = CLASS[c]!;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    CLASS[c] = k = WORD.test(ch) ? 1 : WHITE.test(ch) ? 2 : 3;
  }
  return k;
}
const width = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
};

/** The marks of src/values/quote.ts (and the private-use range around them): never part of a value to match. */
const MARKS = /[\uE000-\uE7FF]/g;

// ---------------------------------------------------------------------------------------------------------------
// numbers: digit groups

interface Group {
  start: number;
  end: number;
  digits: string;
}
/** What separates two digit groups of one number: white space and at most one hyphen, en dash or dot. */
interface Gap {
  spaced: boolean;
  kind: string;
}
type Span = { start: number; end: number; mask: string };

/** The gap from `i` if digits follow it within a few characters (white space, at most one - – or .), else undefined. */
function gapAt(text: string, i: number): { gap: Gap; next: number } | undefined {
  let j = i;
  let spaced = false;
  let kind = '';
  while (j < text.length && j - i < 5) {
    const ch = text[j]!;
    if (classAt(text, j) === 2) spaced = true;
    else if ((ch === '-' || ch === '.' || ch === '\u2013') && !kind) kind = ch === '\u2013' ? '-' : ch;
    else break;
    j++;
  }
  if (j === i || j >= text.length || !isDigit(text.charCodeAt(j))) return undefined;
  return { gap: { spaced, kind: kind || ' ' }, next: j };
}

const isDayOf = (year: number, month: number, day: number) => month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
/** DDMMYY is a date in some century (29 February in a year divisible by 4: 2000 was a leap year). */
const isCprDate = (d: string) => isDayOf(2000 + Number(d.slice(4, 6)), Number(d.slice(2, 4)), Number(d.slice(0, 2)));
const isFullDate = (year: number, month: number, day: number) => year >= 1850 && year <= 2150 && isDayOf(year, month, day);

interface DigitRules {
  known: Map<string, string>;
  /** the digit counts a window may have to be a known value (with +45, 0045 or 00 before it) */
  lengths: Set<number>;
}

function knownMask(known: Map<string, string>, digits: string, plus: boolean): string | undefined {
  return (
    known.get(digits) ??
    (plus && digits.startsWith('45') ? known.get(digits.slice(2)) : undefined) ??
    (digits.startsWith('0045') ? known.get(digits.slice(4)) : undefined) ??
    (digits.startsWith('00') ? known.get(digits.slice(2)) : undefined)
  );
}

/** The spans to mask in one number (digit groups joined by gaps). */
function numberSpans(text: string, groups: Group[], gaps: Gap[], rules: DigitRules, out: Span[]): void {
  const n = groups.length;
  // A pattern (not a known value) stands alone: at the ends of the number or next to white space, not inside
  // 05.03.2019 or 10.00-12.00; and not glued to a word (ID4050...).
  const startsFree = (i: number) => (i === 0 ? !isWordChar(text[groupStart(i) - 1]) : gaps[i - 1]!.spaced);
  const endsFree = (j: number) => (j === n - 1 ? !isWordChar(text[groups[j]!.end]) : gaps[j]!.spaced);
  const groupStart = (i: number) => groups[i]!.start - (text[groups[i]!.start - 1] === '+' ? 1 : 0);
  let i = 0;
  while (i < n) {
    const plus = text[groups[i]!.start - 1] === '+';
    let digits = '';
    let best: { j: number; mask: string } | undefined;
    const free = startsFree(i);
    for (let j = i; j < n && digits.length + groups[j]!.digits.length <= 17; j++) {
      digits += groups[j]!.digits;
      const l = digits.length;
      const mask =
        (rules.lengths.has(l) ? knownMask(rules.known, digits, plus) : undefined) ??
        ((l === 8 || l === 10 || l === 12) && free && endsFree(j) ? patternMask(groups, gaps, i, j, digits, plus) : undefined);
      if (mask) best = { j, mask };
    }
    if (best) {
      out.push({ start: groupStart(i), end: groups[best.j]!.end, mask: best.mask });
      i = best.j + 1;
    } else i++;
  }
}

/** CPR-shaped or phone-shaped digits from group i to j, by their grouping: the mask, or undefined. */
function patternMask(groups: Group[], gaps: Gap[], i: number, j: number, digits: string, plus: boolean): string | undefined {
  const lengths = groups.slice(i, j + 1).map((g) => g.digits.length);
  if (digits.length === 10 && isCprDate(digits)) {
    // DDMMYY as whole groups (0512471830, 051247-1830, 05 12 47 18 30), not 05.03.2019 10
    let sum = 0;
    const ends = lengths.map((l) => (sum += l));
    if (i === j || ends.includes(6)) return `${digits.slice(0, 6)}-XXXX`;
  }
  let national = digits;
  let first = i;
  const prefix = digits.length === 10 && plus && digits.startsWith('45') ? 2 : digits.length === 12 && digits.startsWith('0045') ? 4 : 0;
  if (prefix) {
    if (lengths[0] === prefix) first = i + 1;
    else if (i !== j) return undefined;
    national = digits.slice(prefix);
  }
  if (national.length !== 8 || national < '2') return undefined;
  // One separator throughout (40 50 60 70, 40-50-60-70, 4050 6070), not 20.00-22.00.
  const kinds = new Set(gaps.slice(first, j).map((g) => g.kind));
  if (kinds.size > 1) return undefined;
  if (!prefix && isDateShaped(national, lengths)) return undefined;
  return MASK;
}

/** 8 digits that read as a date: DD MM YYYY, YYYY MM DD, or DDMMYYYY / YYYYMMDD in one group. */
function isDateShaped(d: string, lengths: number[]): boolean {
  const dmy = () => isFullDate(Number(d.slice(4)), Number(d.slice(2, 4)), Number(d.slice(0, 2)));
  const ymd = () => isFullDate(Number(d.slice(0, 4)), Number(d.slice(4, 6)), Number(d.slice(6)));
  const shape = lengths.join(',');
  if (shape === '2,2,4') return dmy();
  if (shape === '4,2,2') return ymd();
  if (shape === '8') return dmy() || ymd();
  return false;
}

/** Every number in the text (digit groups joined by small gaps), and its spans to mask. */
function digitSpans(text: string, rules: DigitRules, out: Span[]): void {
  let i = 0;
  const length = text.length;
  while (i < length) {
    if (!isDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    // First its extent and digit count: nothing under 6 digits is a CPR number, a phone number or a known value.
    const first = i;
    let count = 0;
    for (;;) {
      while (i < length && isDigit(text.charCodeAt(i))) {
        i++;
        count++;
      }
      const gap = gapAt(text, i);
      if (!gap) break;
      i = gap.next;
    }
    if (count < 6) continue;
    const groups: Group[] = [];
    const gaps: Gap[] = [];
    for (let j = first; ; ) {
      const start = j;
      while (j < i && isDigit(text.charCodeAt(j))) j++;
      groups.push({ start, end: j, digits: text.slice(start, j) });
      if (j >= i) break;
      const gap = gapAt(text, j)!;
      gaps.push(gap.gap);
      j = gap.next;
    }
    numberSpans(text, groups, gaps, rules, out);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// words: an Aho–Corasick automaton over word tokens

/**
 * Words (letters, digits and marks; lower-cased, NFC) and single other characters, in order, to `each`; white space
 * separates. One pass, nothing collected.
 */
function eachToken(text: string, each: (word: string, start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const k = classAt(text, i);
    if (k === 2) {
      i++;
      continue;
    }
    const start = i;
    if (k === 3) {
      i += width(text, i);
      each(text.slice(start, i), start, i);
      continue;
    }
    let plain = true; // ASCII without capitals: nothing to normalise
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        if (CLASS[c] !== 1) break;
        if (c <= 0x5a && c >= 0x41) plain = false;
        i++;
      } else if (classAt(text, i) === 1) {
        plain = false;
        i += width(text, i);
      } else break;
    }
    const word = text.slice(start, i);
    each(plain ? word : word.normalize('NFC').toLowerCase(), start, i);
  }
}

function words(text: string): string[] {
  const out: string[] = [];
  eachToken(text, (word) => out.push(word));
  return out;
}

/** Aho–Corasick over word tokens: every value found in one pass over a text's words, whatever the number of values. */
class WordMatcher {
  /** transitions of each state (undefined for a state without any: most are the ends of values) */
  private readonly next: (Map<string, number> | undefined)[] = [new Map()];
  private readonly fail: number[] = [0];
  /** length in tokens of the longest value ending at the state (itself or by its failure links), 0 for none */
  private readonly longest: number[] = [0];
  private built = false;

  get size(): number {
    return this.next.length - 1;
  }

  /** A value to find: its words in order (white space between them does not matter). */
  add(value: string): void {
    this.addWords(words(value.replace(MARKS, '')));
  }

  addWords(list: readonly string[]): void {
    if (list.length === 0 || (list.length === 1 && list[0]!.length < 2 && [...list[0]!].length < 2)) return;
    let state = 0;
    for (const word of list) {
      const from = (this.next[state] ??= new Map());
      let to = from.get(word);
      if (to === undefined) {
        to = this.next.length;
        this.next.push(undefined);
        this.fail.push(0);
        this.longest.push(0);
        from.set(word, to);
      }
      state = to;
    }
    this.longest[state] = list.length;
  }

  private step(state: number, word: string): number {
    for (;;) {
      const to = this.next[state]?.get(word);
      if (to !== undefined) return to;
      if (state === 0) return 0;
      state = this.fail[state]!;
    }
  }

  private build(): void {
    const queue: number[] = [...this.next[0]!.values()];
    for (let q = 0; q < queue.length; q++) {
      const state = queue[q]!;
      const children = this.next[state];
      if (!children) continue;
      for (const [word, to] of children) {
        this.fail[to] = this.step(this.fail[state]!, word);
        if (this.longest[to] === 0) this.longest[to] = this.longest[this.fail[to]!]!;
        queue.push(to);
      }
    }
    this.built = true;
  }

  spans(text: string, out: Span[]): void {
    if (this.size === 0) return;
    if (!this.built) this.build();
    const starts: number[] = []; // of the tokens so far: a value of n tokens ending here starts n - 1 tokens back
    let state = 0;
    eachToken(text, (word, start, end) => {
      starts.push(start);
      state = this.step(state, word);
      const n = this.longest[state]!;
      if (n > 0) out.push({ start: starts[starts.length - n]!, end, mask: MASK });
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// e-mail addresses

const LOCAL_CHAR = /[\p{L}\p{N}\p{M}._%+'-]/u;
const DOMAIN_CHAR = /[\p{L}\p{N}\p{M}.-]/u;
const TOP_LEVEL = /\.\p{L}{2,}$/u;

function emailSpans(text: string, out: Span[]): void {
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && LOCAL_CHAR.test(text[start - 1]!)) start--;
    let end = at + 1;
    while (end < text.length && DOMAIN_CHAR.test(text[end]!)) end++;
    while (end > at + 1 && (text[end - 1] === '.' || text[end - 1] === '-')) end--;
    if (start < at && TOP_LEVEL.test(text.slice(at + 1, end))) out.push({ start, end, mask: MASK });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// the redactor

/** Overlapping spans become one (masked ***, unless it was one span), in text order. */
function mergeSpans(spans: Span[]): Span[] {
  if (spans.length < 2) return spans;
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (let k = 0; k < spans.length; ) {
    let { start, end, mask } = spans[k]!;
    k++;
    while (k < spans.length && spans[k]!.start < end) {
      if (spans[k]!.end > end || spans[k]!.start > start) mask = MASK;
      end = Math.max(end, spans[k]!.end);
      k++;
    }
    out.push({ start, end, mask });
  }
  return out;
}

function applySpans(text: string, spans: Span[]): string {
  let out = '';
  let at = 0;
  for (const { start, end, mask } of spans) {
    out += text.slice(at, start) + mask;
    at = end;
  }
  return at === 0 ? text : out + text.slice(at);
}

/** The digits of a phone or CPR value, and the Danish number without +45/0045. */
function digitKeys(value: string): string[] {
  const keys: string[] = [];
  const add = (digits: string, plus: boolean) => {
    if (digits.length < 6) return;
    keys.push(digits);
    if (digits.length === 10 && plus && digits.startsWith('45')) keys.push(digits.slice(2));
    if (digits.length === 12 && digits.startsWith('0045')) keys.push(digits.slice(4));
  };
  if (/^[\s\d+().\-–/]*$/.test(value)) add(value.replace(/\D/g, ''), value.trim().startsWith('+'));
  else for (const m of value.matchAll(/\+?\d+(?:[\s.\-–]{1,3}\d+)*/g)) add(m[0].replace(/\D/g, ''), m[0].startsWith('+'));
  return keys;
}

/** The GP (whatever identifies it) and every practice named by a ydernummer: both are usually named after doctors. */
function gpParties(message: DeepPartial<GopMessage> | undefined) {
  const plan = message?.rehabilitationPlan;
  if (!plan || typeof plan !== 'object') return [];
  const list = (value: unknown) => (Array.isArray(value) ? value : []) as DeepPartial<NonNullable<typeof plan.ccReceiver>[number]>[];
  const practices = [...list(plan.ccReceiver), ...list(plan.finalResult?.resultReceiver)].filter(
    (p) => p && p.identifierCode === 'ydernummer',
  );
  return [plan.gpccReceiver?.ccReceiver, ...practices].filter((p): p is NonNullable<typeof p> => !!p && typeof p === 'object');
}

const WANTED = new Set([...NAMES, ...WHOLE, ...NUMBERS]);
/** The message's personal values by property, each distinct one once (a thousand relatives may share a surname). */
function personalTexts(message: unknown): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const walk = (node: unknown) => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const key of Object.keys(node)) {
      if (key === 'extraElements' || key === 'content') continue; // kept-aside content and rich text name no one
      const value = (node as Record<string, unknown>)[key];
      if (typeof value === 'string') {
        if (WANTED.has(key) && value.trim() !== '') {
          let set = found.get(key);
          if (!set) found.set(key, (set = new Set()));
          set.add(value);
        }
      } else if (value && typeof value === 'object') walk(value);
    }
  };
  walk(message);
  return found;
}

/** The redactor of one message: its personal values, and the patterns. Without a message, the patterns only. */
export function createRedactor(message?: DeepPartial<GopMessage>): Redactor {
  const known = new Map<string, string>();
  const matcher = new WordMatcher();
  const found = personalTexts(message);
  const values = (prop: string) => found.get(prop) ?? [];
  for (const prop of NUMBERS) {
    for (const value of values(prop)) {
      const keys = digitKeys(value);
      for (const key of keys)
        if (!known.has(key)) known.set(key, prop === 'civilRegistrationNumber' && key.length === 10 ? maskCpr(key) : MASK);
      if (keys.length === 0) matcher.add(value); // too short to compare by digits: as written
    }
  }
  for (const prop of NAMES) {
    for (const value of values(prop)) {
      // the whole name, each word alone too, and as a genitive (Kirstens)
      const list = words(value.replace(MARKS, ''));
      matcher.addWords(list);
      for (const word of list) {
        if (!isWordChar(word)) continue;
        matcher.addWords([word]);
        if (!/[sxz]$/.test(word)) matcher.addWords([`${word}s`]);
      }
    }
  }
  for (const prop of WHOLE) for (const value of values(prop)) matcher.add(value);
  for (const party of gpParties(message)) if (typeof party.organisationName === 'string') matcher.add(party.organisationName);
  const lengths = new Set<number>();
  for (const key of known.keys()) for (const extra of [0, 2, 4]) lengths.add(key.length + extra);
  const rules: DigitRules = { known, lengths };
  const spans = (text: string): Span[] => {
    if (typeof text !== 'string' || text === '') return [];
    const found: Span[] = [];
    digitSpans(text, rules, found);
    matcher.spans(text, found);
    if (text.includes('@')) emailSpans(text, found);
    return mergeSpans(found);
  };
  return { spans, text: (text) => (typeof text === 'string' ? applySpans(text, spans(text)) : text) };
}

// ---------------------------------------------------------------------------------------------------------------
// what leaves the library

export function redactFindings(findings: Finding[], redactor: Redactor): Finding[] {
  const text = (t: string) => redactor.text(t);
  return findings.map((f) => ({ ...f, ...redactedTexts(f, text) }));
}

/** The facts with every text redacted (explanations before their quotes are cut), the patient's CPR as DDMMYY-XXXX. */
export function redactFacts(facts: Facts, redactor: Redactor): Facts {
  const text = (t: string) => redactor.text(t);
  const maybe = (t: string | undefined) => (t === undefined ? t : text(t));
  const written = writtenExplanations(facts);
  type PartyFact = NonNullable<Facts['receivers']['gp']>;
  const party = (p: PartyFact, gp: boolean): PartyFact => {
    const out = { ...p };
    if (out.name !== undefined) out.name = gp ? MASK : text(out.name);
    if (out.identifier !== undefined) out.identifier = text(out.identifier);
    return out;
  };
  const receivers = { ...facts.receivers, copies: facts.receivers.copies.map((c) => party(c, c.identifierCode === 'ydernummer')) };
  if (receivers.municipality) receivers.municipality = party(receivers.municipality, false);
  if (receivers.gp) receivers.gp = party(receivers.gp, true);
  const patient = { ...facts.patient };
  if (patient.cpr !== undefined) patient.cpr = maskCprValue(patient.cpr);
  if (patient.givenName !== undefined) patient.givenName = MASK;
  if (patient.surname !== undefined) patient.surname = MASK;
  const out: Facts = {
    ...facts,
    deadline: {
      ...facts.deadline,
      clauses: facts.deadline.clauses.map((c) => ({ ...c, words: text(c.words) })),
      explanation: finishPair(written.deadline, text),
    },
    guarantee: { ...facts.guarantee, explanation: finishPair(written.guarantee, text) },
    receivers,
    patient,
  };
  if (facts.deadlineText !== undefined) out.deadlineText = maybe(facts.deadlineText);
  if (facts.consent !== undefined) out.consent = maybe(facts.consent);
  return out;
}

/** A CPR value: DDMMYY-XXXX when it is 10 digits (however written), else masked whole. */
function maskCprValue(value: string): string {
  const digits = value.replace(/[\s.-]/g, '');
  return /^\d{10}$/.test(digits) ? maskCpr(digits) : maskCpr(value);
}

/**
 * Every text of a value (object, array, string), redacted; `mask` decides per property what is masked whole. The
 * structure of a model is left as it is: the type of a rich-text node, and where and what a kept-aside element was
 * (its `xml` is redacted).
 */
const STRUCTURAL = new Set(['type', 'path', 'reason', 'namespace', 'name', 'namespaces', 'inline']);
function redactTree(value: unknown, redactor: Redactor, mask: (key: string, value: string, parent: object) => string | undefined): unknown {
  const walk = (node: unknown, key: string, parent: object | undefined): unknown => {
    if (parent && STRUCTURAL.has(key)) return node;
    if (typeof node === 'string') return (parent && mask(key, node, parent)) ?? redactor.text(node);
    if (Array.isArray(node)) return node.map((item) => walk(item, key, parent));
    if (node === null || typeof node !== 'object') return node;
    if (isFormattedText(node)) return { ...node, text: redactor.text(node.text), content: redactContent(node.content, redactor) };
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) out[k] = walk(v, k, node);
    return out;
  };
  return walk(value, '', undefined);
}

type Rich = { type: string; value?: unknown; content?: unknown };

/**
 * Rich content, redacted as the text it makes: a value may run over several text nodes (Kir<Bold>sten</Bold>, a phone
 * number over a Break). The text nodes are read in order (a Break as a line break), masked together, and each span's
 * mask goes where it starts; what it covers in later nodes is dropped.
 */
function redactContent(content: Rich[], redactor: Redactor): Rich[] {
  const nodes: { node: Rich; start: number; end: number }[] = [];
  let full = '';
  const read = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const node of list as Rich[]) {
      if (!node || typeof node !== 'object') continue;
      if (node.type === 'break') full += '\n';
      else if (typeof node.value === 'string') {
        nodes.push({ node, start: full.length, end: full.length + node.value.length });
        full += node.value;
      } else read(node.content);
    }
  };
  read(content);
  const spans = redactor.spans(full);
  const values = new Map<Rich, string>();
  let k = 0;
  for (const { node, start, end } of nodes) {
    let value = '';
    let at = start;
    while (k < spans.length && spans[k]!.end <= start) k++;
    for (let s = k; s < spans.length && spans[s]!.start < end; s++) {
      const span = spans[s]!;
      if (span.start > at) value += full.slice(at, span.start);
      if (span.start >= start) value += span.mask;
      at = Math.min(end, Math.max(at, span.end));
    }
    values.set(node, value + full.slice(at, end));
  }
  const copy = (list: unknown): unknown =>
    Array.isArray(list)
      ? list.map((node: Rich) => {
          if (!node || typeof node !== 'object') return node;
          if (values.has(node)) return { ...node, value: values.get(node) };
          return node.content === undefined ? { ...node } : { ...node, content: copy(node.content) };
        })
      : list;
  return copy(content) as Rich[];
}

export function redactEnvelope(envelope: VansEnvelopeInfo, redactor: Redactor): VansEnvelopeInfo {
  return redactTree(envelope, redactor, () => undefined) as VansEnvelopeInfo;
}

/**
 * A message (or partial one) with its personal values masked whole — CPR numbers to DDMMYY-XXXX; names, street
 * addresses, phone numbers, e-mail addresses, NoTelephoneReason and the GP practice's name to *** — and every other
 * text (free text, rich content, kept-aside XML) redacted like a finding's.
 */
function redactMessage<T extends DeepPartial<GopMessage>>(message: T, redactor: Redactor = createRedactor(message)): T {
  const gp = new Set<object>(gpParties(message));
  return redactTree(message, redactor, (key, value, parent) => {
    if (value === '') return value;
    if (key === 'civilRegistrationNumber') return maskCprValue(value);
    if (PERSONAL_PROPERTIES.has(key)) return MASK;
    if (key === 'organisationName' && gp.has(parent)) return MASK;
    return undefined;
  }) as T;
}

/** What parseGop returns, redacted: the model, the findings and the envelope's facts (the source map is left out). */
export function redactParseResult<
  R extends { findings: Finding[]; message?: unknown; partial?: unknown; envelope?: VansEnvelopeInfo; source?: unknown },
>(result: R): Omit<R, 'source'> & { redacted: true } {
  const model = (result.message ?? result.partial) as DeepPartial<GopMessage> | undefined;
  const redactor = createRedactor(model);
  const { source: _source, ...rest } = result;
  const out: Record<string, unknown> = { ...rest, redacted: true, findings: redactFindings(result.findings, redactor) };
  if (result.message !== undefined) out.message = redactMessage(result.message as DeepPartial<GopMessage>, redactor);
  if (result.partial !== undefined) out.partial = redactMessage(result.partial as DeepPartial<GopMessage>, redactor);
  if (result.envelope !== undefined) out.envelope = redactEnvelope(result.envelope, redactor);
  return out as Omit<R, 'source'> & { redacted: true };
}
