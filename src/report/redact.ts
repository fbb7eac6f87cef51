/*
 * Redaction (`redact: true`, `gop … --redact`). Findings and facts are masked by construction (src/report/mask.ts):
 * every value from the message in them is a placeholder. The value masking here is for the texts a person still reads:
 * the plan itself (`gop parse --redact`, redactParseResult; `gop view --redact`, renderGopHtml(…, { redact: true })) and
 * the envelope's facts. It masks the values it knows and the values it can tell by their shape; the README cites this.
 *
 * WHERE. Every text of the model — free text, rich content (a value may run across its markup and Breaks), text
 * directly inside an element, unknown attributes, kept-aside XML —, every property of a partial model whatever its name
 * (name, type, path …), and every text of the VANS envelope, Document/Name included. Left as they are, being structure:
 * where and what a kept-aside element was (its path, reason, namespace, name, namespaces, inline) and the type of a
 * rich-text node. In the model, a personal field itself is masked whole (a CPR number to DDMMYY-XXXX).
 *
 * WHAT, known values. Every value of every person the message names in a personal field (the schema marks them,
 * src/model/schema.ts; one property name is one kind of personal data wherever it stands) — PersonGivenName,
 * PersonSurnameName, StreetName, EmailAddressIdentifier, NoTelephoneReason, CivilRegistrationNumber,
 * TelephoneSubscriberIdentifier —, wherever the field stands: the patient and the CoAddress, relatives, the sender's
 * SignedBy and CoWriter, a journal excerpt's signer, the health care team, ContactCounty, ContactMunicipality and every
 * other party; and inside every kept-aside element, read from its XML (a repeated PersonGivenName, a second Patient, an
 * unknown element with such fields). Also the GP practice's name (GPCCReceiver, and a copy or result receiver with
 * IdentifierCode ydernummer: practices are named after doctors), in the model or kept aside.
 *   - a name: whole, each of its words alone, and each word as a genitive (Kirstens);
 *   - a street address: whole, and its street name alone, whatever follows it (Rosenvænget of "Rosenvænget 7, 2. tv.");
 *   - an e-mail address, NoTelephoneReason, the GP practice: whole;
 *   - a CPR or phone number: by its digits, however they are grouped, with or without +45 or 0045 before a phone number.
 * WHAT, by shape, whoever it belongs to: a 10-digit number whose first six digits are a date, as whole groups
 * (DDMMYYXXXX, DDMMYY-XXXX, DD MM YY XX XX); an e-mail address (a local part of letters, digits and the signs RFC 5322
 * allows — ! # $ % & ' * + - / = ? ^ _ ` { | } ~ . —, or quoted "…"; a domain ending in 2+ letters); a Danish phone
 * number (8 digits, the first 2–9, one separator throughout, with or without +45 or 0045).
 * A CPR number becomes DDMMYY-XXXX, everything else ***.
 *
 * SPELLINGS. A text is compared as a person reads it (src/values/personal-text.ts): ignoring case; after NFKC
 * (fullwidth digits and letters, ligatures, no-break and thin spaces); without soft hyphens and zero-width characters
 * (U+00AD, U+200B–U+200D, U+2060, U+FEFF), whether they stand inside a value (Kir\u00ADsten) or between two of its
 * words (Kirsten\u200BHøjgaard); every dash a hyphen (U+2010, U+2011 non-breaking hyphen, U+2012–U+2015, U+2212);
 * in kept-aside XML, character and entity references read. Between the digit groups of a number: white space (line
 * breaks, U+2028 included) and at most one - . / _ or dash; between the words of a value, any white space. A mask covers
 * the characters as written, the invisible ones inside the value included.
 *
 * NOT MASKED, by design: digits inside a longer run of digits (a 13-digit EAN), dates (2019-03-05, 05.03.2019,
 * 20190305) and ranges of years (2019-2020), which are no phone numbers.
 *
 * WHAT IT CANNOT KNOW. A value no personal field of the message holds and that has no shape: a name never written in a
 * name field (a third person in free text, "naboen Jens Hansen"; a relative named only in a journal note; the GP's
 * doctor by name), a nickname, a misspelling or a transliteration of a known name (Kirstin; Hoejgaard for Højgaard), a
 * known name inside a longer word (Kirstenhus), a street named only in free text, a known GP practice or address
 * written in part (only whole, or the street name alone); a phone number that is not shaped as a Danish one (a foreign
 * number, mixed separators) and a CPR number whose first six digits are no date (a substitute CPR number) or that is
 * grouped across its date (0512 471830), unless a field holds them; a value glued to other letters by invisible
 * characters in more than MAX_PARTS pieces, or split by markup inside kept-aside XML (Kir<b/>sten); identifying facts
 * that are no values (a rare diagnosis, an age, a workplace, the date of an event). It masks only the texts it is
 * given: the source map and the input bytes are not redacted (redactParseResult leaves the source map out).
 *
 * COST. The personal values are collected once per message (the kept-aside XML read once) into one Aho–Corasick
 * automaton over word tokens and one table of digit strings. Each text is then normalised in one pass (none for a text
 * that needs none) and read in one pass over its tokens: each word through the automaton (and, where invisible
 * characters were dropped inside it, its pieces), its digits into numbers, an e-mail address around each "@" (looking
 * back and on from it, never past another "@"). Linear in the texts and the values.
 */
import type { Facts } from '../facts/facts';
import type { Finding } from '../findings/finding';
import { maskFacts, maskFindings } from './mask';
import { MASKED } from '../texts/redaction';
import type { DeepPartial } from '../model/partial';
import type { PersonalData } from '../model/element-facts';
import { MESSAGE_FACTS, type GopMessage } from '../model/schema';
import type { VansEnvelopeInfo } from '../read/vans';
import { maskCpr } from '../values/cpr';
import { daysInMonth } from '../values/date';
import { isFormattedText } from '../model/formatted';
import { normalisePersonalText } from '../values/personal-text';

const MASK = '***';

/** The key under which personalTexts collects the GP practice's name (and every practice named by a ydernummer). */
const GP_NAME = 'gp';
/** What personalTexts collects values as: the kind of personal data, or the GP practice's name. */
type Learned = PersonalData | typeof GP_NAME;

interface RedactOptions {
  /** the text is XML as written (a kept-aside element): a character or entity reference is read as its character */
  xml?: boolean;
}

export interface Redactor {
  /** The text with every personal value and pattern masked. */
  text(text: string, options?: RedactOptions): string;
  /** What text() masks: the spans of the text as written, in order, not overlapping. */
  spans(text: string, options?: RedactOptions): Span[];
}

// ---------------------------------------------------------------------------------------------------------------
// characters (of a text as src/values/personal-text.ts normalises it)

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
/** A value as the texts are compared: normalised (src/values/personal-text.ts), without marks. */
const readValue = (value: string) => normalisePersonalText(value.replace(MARKS, '')).text;

// ---------------------------------------------------------------------------------------------------------------
// numbers: digit groups

interface Group {
  start: number;
  end: number;
  digits: string;
}
/** What separates two digit groups of one number: white space and at most one sign (- . / _; every dash is a -). */
interface Gap {
  spaced: boolean;
  kind: string;
}
type Span = { start: number; end: number; mask: string };

/** The signs that may stand between two digit groups of one number (after normalisation every dash is a hyphen-minus). */
const isGroupSign = (c: number) => c === 0x2d || c === 0x2e || c === 0x2f || c === 0x5f;

const isDayOf = (year: number, month: number, day: number) => month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
/** DDMMYY is a date in some century (29 February in a year divisible by 4: 2000 was a leap year). */
const isCprDate = (d: string) => isDayOf(2000 + Number(d.slice(4, 6)), Number(d.slice(2, 4)), Number(d.slice(0, 2)));
const isYear = (year: number) => year >= 1850 && year <= 2150;
const isFullDate = (year: number, month: number, day: number) => isYear(year) && isDayOf(year, month, day);

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
    // DDMMYY as whole groups (0512471830, 051247-1830, 051247/1830, 05 12 47 18 30), not 05.03.2019 10
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
  // One separator throughout (40 50 60 70, 40-50-60-70, 40/50/60/70, 4050 6070), not 20.00-22.00.
  const kinds = new Set(gaps.slice(first, j).map((g) => g.kind));
  if (kinds.size > 1) return undefined;
  if (!prefix && isDateShaped(national, lengths)) return undefined;
  return MASK;
}

/** 8 digits that read as a date (DD MM YYYY, YYYY MM DD, DDMMYYYY / YYYYMMDD in one group) or as years (2019-2020). */
function isDateShaped(d: string, lengths: number[]): boolean {
  const dmy = () => isFullDate(Number(d.slice(4)), Number(d.slice(2, 4)), Number(d.slice(0, 2)));
  const ymd = () => isFullDate(Number(d.slice(0, 4)), Number(d.slice(4, 6)), Number(d.slice(6)));
  const shape = lengths.join(',');
  if (shape === '2,2,4') return dmy();
  if (shape === '4,2,2') return ymd();
  if (shape === '8') return dmy() || ymd();
  if (shape === '4,4') return isYear(Number(d.slice(0, 4))) && isYear(Number(d.slice(4)));
  return false;
}

/**
 * The numbers of a text as the scan meets its tokens: digit groups joined by small gaps (at most five characters of
 * white space and at most one - . / _) into numbers, each closed number's spans to mask. Nothing under 6 digits is a
 * CPR number, a phone number or a known value.
 */
class NumberReader {
  private groups: Group[] = [];
  private gaps: Gap[] = [];
  private digits = 0;
  /** the sign seen since the last group ('' for none) */
  private sign = '';

  constructor(
    private readonly text: string,
    private readonly rules: DigitRules,
    private readonly out: Span[],
  ) {}

  /** A word from start to end: its runs of digits (letters end a number: in ID4050 the digits start one). */
  word(start: number, end: number): void {
    const text = this.text;
    for (let k = start; k < end; ) {
      if (!isDigit(text.charCodeAt(k))) {
        this.close();
        while (++k < end && !isDigit(text.charCodeAt(k)));
        continue;
      }
      let e = k + 1;
      while (e < end && isDigit(text.charCodeAt(e))) e++;
      this.group(k, e);
      k = e;
    }
  }

  /** Any other character at `at`: one - . / _ may stand between two groups, anything else ends the number. */
  other(at: number): void {
    const last = this.groups[this.groups.length - 1];
    if (!last) return;
    if (this.sign === '' && isGroupSign(this.text.charCodeAt(at)) && at - last.end < 5) this.sign = this.text[at]!;
    else this.close();
  }

  private group(start: number, end: number): void {
    const last = this.groups[this.groups.length - 1];
    if (last && (start === last.end || start - last.end > 5)) this.close();
    else if (last) this.gaps.push({ spaced: start - last.end > (this.sign ? 1 : 0), kind: this.sign || ' ' });
    this.groups.push({ start, end, digits: this.text.slice(start, end) });
    this.digits += end - start;
    this.sign = '';
  }

  close(): void {
    if (this.groups.length === 0) return;
    if (this.digits >= 6) numberSpans(this.text, this.groups, this.gaps, this.rules, this.out);
    this.groups = [];
    this.gaps = [];
    this.digits = 0;
    this.sign = '';
  }
}

// ---------------------------------------------------------------------------------------------------------------
// words: an Aho–Corasick automaton over word tokens

/**
 * Words (letters, digits and marks; lower-cased, NFC) and single other characters, in order, to `each`; white space
 * separates. One pass, nothing collected.
 */
function eachToken(text: string, each: (word: string, start: number, end: number, isWord: boolean) => void): void {
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
      each(text.slice(start, i), start, i, false);
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
    each(plain ? word : lower(word), start, i, true);
  }
}
const lower = (word: string) => word.normalize('NFC').toLowerCase();

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
    this.addWords(words(readValue(value)));
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
    if (list.length === 1) this.longestWord = Math.max(this.longestWord, list[0]!.length);
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

  /** A matcher over one text: feed it the text's words in order; it says how many words the value ending there has. */
  reader(): { feed(word: string): number } {
    if (!this.built) this.build();
    let state = 0;
    return {
      feed: (word) => {
        state = this.step(state, word);
        return this.longest[state]!;
      },
    };
  }

  /** The length of the longest one-word value. */
  longestWord = 0;

  /** Whether `word` alone is a value. */
  isWord(word: string): boolean {
    const state = this.next[0]!.get(word);
    return state !== undefined && this.longest[state] === 1;
  }
}

/** At most this many parts of one word (split where invisible characters were dropped) are tried together as a value. */
const MAX_PARTS = 8;

/**
 * A word that was written with invisible characters inside (Kirsten\u200BHøjgaard, Kir\u00ADsten): read whole by the
 * automaton; here also each run of up to MAX_PARTS of its parts, compared with the one-word values.
 */
function partSpans(text: string, bounds: number[], matcher: WordMatcher, out: Span[]): void {
  const last = bounds.length - 1;
  for (let a = 0; a < last; a++) {
    for (let b = a + 1; b <= Math.min(last, a + MAX_PARTS); b++) {
      // (lower-casing may lengthen a word, never by more than twice: İ is i + a dot)
      if (bounds[b]! - bounds[a]! > 2 * matcher.longestWord) break;
      if (a === 0 && b === last) continue; // the whole word: the automaton's
      if (matcher.isWord(lower(text.slice(bounds[a]!, bounds[b]!)))) out.push({ start: bounds[a]!, end: bounds[b]!, mask: MASK });
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// e-mail addresses

/** A local part's characters: letters, digits, marks and every sign RFC 5322 allows in a dot-atom (! # $ % & ' * + - / = ? ^ _ ` { | } ~ .). */
const LOCAL_CHAR = /[\p{L}\p{N}\p{M}.!#$%&'*+/=?^_`{|}~-]/u;
const DOMAIN_CHAR = /[\p{L}\p{N}\p{M}.-]/u;
const TOP_LEVEL = /\.\p{L}{2,}$/u;
/** RFC 5321: a local part has at most 64 characters (a quoted one, its quotes too). */
const QUOTED_MAX = 66;

/** The address around the "@" at `at`, if it is one: back over the local part (or a quoted one), on over the domain. */
function emailAt(text: string, at: number, out: Span[]): void {
  let start = at;
  if (text[at - 1] === '"') {
    // "kirsten højgaard"@post.dk, "a\"b"@post.dk: back to the opening quote, on one line
    let k = at - 2;
    while (k >= 0 && at - k <= QUOTED_MAX && text[k] !== '\n' && !(text[k] === '"' && text[k - 1] !== '\\')) k--;
    if (k >= 0 && text[k] === '"') start = k;
  }
  // (an attribute's quote is no part of it: mail='k@post.dk')
  if (start === at) while (start > 0 && LOCAL_CHAR.test(text[start - 1]!) && !(text[start - 1] === "'" && text[start - 2] === '=')) start--;
  let end = at + 1;
  while (end < text.length && DOMAIN_CHAR.test(text[end]!)) end++;
  while (end > at + 1 && (text[end - 1] === '.' || text[end - 1] === '-')) end--;
  if (start < at && TOP_LEVEL.test(text.slice(at + 1, end))) out.push({ start, end, mask: MASK });
}

// ---------------------------------------------------------------------------------------------------------------
// one pass over a text

/**
 * Every span to mask in a normalised text, in one pass over its tokens: each word through the automaton (and, where
 * invisible characters were dropped inside it, its parts), its digits into the numbers, each "@" to the e-mail
 * addresses. `joins`: where invisible characters were dropped, in order.
 */
function scan(text: string, joins: readonly number[], matcher: WordMatcher, rules: DigitRules, out: Span[]): void {
  const numbers = new NumberReader(text, rules, out);
  const matching = matcher.size > 0;
  const reader = matching ? matcher.reader() : undefined;
  const starts: number[] = []; // of the tokens so far: a value of n tokens ending here starts n - 1 tokens back
  let join = 0;
  eachToken(text, (word, start, end, isWord) => {
    if (reader) {
      starts.push(start);
      const n = reader.feed(word);
      if (n > 0) out.push({ start: starts[starts.length - n]!, end, mask: MASK });
    }
    if (!isWord) {
      numbers.other(start);
      if (word === '@') emailAt(text, start, out);
      return;
    }
    numbers.word(start, end);
    if (!matching || join >= joins.length) return;
    while (join < joins.length && joins[join]! <= start) join++;
    if (join >= joins.length || joins[join]! >= end) return;
    const bounds = [start];
    while (join < joins.length && joins[join]! < end) bounds.push(joins[join++]!);
    bounds.push(end);
    partSpans(text, bounds, matcher, out);
  });
  numbers.close();
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

/** The digits of a phone or CPR value (normalised: fullwidth digits, any dash), and the Danish number without +45/0045. */
function digitKeys(written: string): string[] {
  const value = readValue(written);
  const keys: string[] = [];
  const add = (digits: string, plus: boolean) => {
    if (digits.length < 6) return;
    keys.push(digits);
    if (digits.length === 10 && plus && digits.startsWith('45')) keys.push(digits.slice(2));
    if (digits.length === 12 && digits.startsWith('0045')) keys.push(digits.slice(4));
  };
  if (/^[\s\d+().\-/_]*$/.test(value)) add(value.replace(/\D/g, ''), value.trim().startsWith('+'));
  else for (const m of value.matchAll(/\+?\d+(?:[\s.\-/_]{1,3}\d+)*/g)) add(m[0].replace(/\D/g, ''), m[0].startsWith('+'));
  return keys;
}

/** A street address's name without its number (Rosenvænget 7, 2. tv. → Rosenvænget; Gl. Kongevej 12 → Gl. Kongevej). */
function streetNameWords(value: string): string[] {
  const list = words(readValue(value));
  const number = list.findIndex((word) => /\d/.test(word));
  const name = number === -1 ? list : list.slice(0, number);
  while (name.length && !isWordChar(name[name.length - 1]![0])) name.pop(); // "Rosenvænget," before the number
  return name;
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

const PARTIES = new Set(['CCReceiver', 'ResultReceiver']);
const TAG_NAME = /^(\/?)(?:[\w.-]+:)?([\w.-]+)/;

/**
 * The personal values of a kept-aside element (a second Patient, a repeated PersonGivenName, an unknown element with
 * names in it), from its XML as written: the text of each element the schema marks personal, the OrganisationName of a
 * GPCCReceiver or of a party with IdentifierCode ydernummer. One pass over the tags; `path` is where it was kept.
 */
function keptValues(xml: string, path: string, add: (kind: Learned, value: string) => void): void {
  type Open = { local: string; text: number; children: boolean; organisation?: string; code?: string };
  const stack: Open[] = path
    .split('/')
    .filter(Boolean)
    .map((step) => ({ local: step.replace(/\[\d+\]$/, '').replace(/^.*:/, ''), text: -1, children: true }));
  const outside = stack.length;
  const inGp = () => stack.some((o) => o.local === 'GPCCReceiver');
  for (let i = xml.indexOf('<'); i >= 0; i = xml.indexOf('<', i)) {
    const close = xml.indexOf('>', i);
    if (close < 0) return;
    const tag = TAG_NAME.exec(xml.slice(i + 1, Math.min(close, i + 200)));
    const start = i;
    i = close + 1;
    if (!tag) continue; // a comment, CDATA, a processing instruction
    const [, closing, local] = tag;
    if (!closing) {
      const parent = stack[stack.length - 1];
      if (parent) parent.children = true;
      if (xml[close - 1] !== '/') stack.push({ local: local!, text: i, children: false });
      continue;
    }
    if (stack.length <= outside) return;
    const open = stack.pop()!;
    const holder = stack[stack.length - 1];
    if (open.children) {
      if (PARTIES.has(open.local) && open.code === 'ydernummer' && open.organisation) add(GP_NAME, open.organisation);
      continue;
    }
    const value = normalisePersonalText(xml.slice(open.text, start).replace(/<!\[CDATA\[|\]\]>/g, ''), true).text.trim();
    if (value === '') continue;
    const kind = MESSAGE_FACTS.personalElements.get(open.local);
    if (kind) add(kind, value);
    else if (open.local === 'OrganisationName') {
      if (inGp()) add(GP_NAME, value);
      else if (holder) holder.organisation = value;
    } else if (open.local === 'IdentifierCode' && holder) holder.code = value;
  }
}

/**
 * The message's personal values by kind, each distinct one once (a thousand relatives may share a surname): from
 * every person of the model — patient, relatives, clinicians, contacts —, the GP practice, and every kept-aside element.
 */
function personalTexts(message: unknown): Map<Learned, Set<string>> {
  const found = new Map<Learned, Set<string>>();
  const personal = MESSAGE_FACTS.personalProperties;
  const add = (kind: Learned, value: string) => {
    if (value.trim() === '') return;
    let set = found.get(kind);
    if (!set) found.set(kind, (set = new Set()));
    set.add(value);
  };
  const walk = (node: unknown) => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const key of Object.keys(node)) {
      if (key === 'content') continue; // rich text names no one in a field
      const value = (node as Record<string, unknown>)[key];
      if (key === 'extraElements') {
        if (Array.isArray(value)) for (const extra of value) if (isKeptXml(extra)) keptValues(extra.xml, extra.path ?? '', add);
        continue;
      }
      if (typeof value === 'string') {
        const kind = personal.get(key);
        if (kind) add(kind, value);
      } else if (value && typeof value === 'object') walk(value);
    }
  };
  walk(message);
  if (message && typeof message === 'object')
    for (const party of gpParties(message as DeepPartial<GopMessage>))
      if (typeof party.organisationName === 'string') add(GP_NAME, party.organisationName);
  return found;
}

/** A kept-aside element written as XML (not an attribute's value or stray text): its `xml` holds elements. */
function isKeptXml(extra: unknown): extra is { xml: string; path?: string } {
  if (!extra || typeof extra !== 'object') return false;
  const { xml, reason, path } = extra as { xml?: unknown; reason?: unknown; path?: unknown };
  return typeof xml === 'string' && (reason === 'unknown' || reason === 'repeated') && (path === undefined || typeof path === 'string');
}

/** The redactor of one message: its personal values, and the patterns. Without a message, the patterns only. */
export function createRedactor(message?: DeepPartial<GopMessage>): Redactor {
  const known = new Map<string, string>();
  const matcher = new WordMatcher();
  const found = personalTexts(message);
  const values = (kind: Learned) => found.get(kind) ?? [];
  // CPR numbers first: a phone number written with the same digits is masked as the CPR number
  for (const kind of ['cpr', 'number'] as const) {
    for (const value of values(kind)) {
      const keys = digitKeys(value);
      for (const key of keys) if (!known.has(key)) known.set(key, kind === 'cpr' && key.length === 10 ? maskCpr(key) : MASK);
      if (keys.length === 0) matcher.add(value); // too short to compare by digits: as written
    }
  }
  for (const value of values('name')) {
    // the whole name, each word alone too, and as a genitive (Kirstens)
    const list = words(readValue(value));
    matcher.addWords(list);
    for (const word of list) {
      if (!isWordChar(word)) continue;
      matcher.addWords([word]);
      if (!/[sxz]$/.test(word)) matcher.addWords([`${word}s`]);
    }
  }
  for (const kind of ['address', 'text'] as const) for (const value of values(kind)) matcher.add(value);
  // a street written without its number
  for (const value of values('address')) matcher.addWords(streetNameWords(value));
  for (const value of values(GP_NAME)) matcher.add(value);
  const lengths = new Set<number>();
  for (const key of known.keys()) for (const extra of [0, 2, 4]) lengths.add(key.length + extra);
  const rules: DigitRules = { known, lengths };
  const spans = (text: string, options?: RedactOptions): Span[] => {
    if (typeof text !== 'string' || text === '') return [];
    const read = normalisePersonalText(text, options?.xml === true);
    const found: Span[] = [];
    scan(read.text, read.joins, matcher, rules, found);
    const merged = mergeSpans(found);
    if (read.text === text) return merged;
    // back to the text as written: a span covers every character its characters were made from
    return mergeSpans(merged.map((s) => ({ ...read.original(s.start, s.end), mask: s.mask })));
  };
  return { spans, text: (text, options) => (typeof text === 'string' ? applySpans(text, spans(text, options)) : text) };
}

// ---------------------------------------------------------------------------------------------------------------
// what leaves the library

/**
 * Findings with redaction: by construction (src/report/mask.ts) — every value from the message a placeholder. The
 * redactor is not needed for them; the parameter stays for the callers that pass one.
 */
export function redactFindings(findings: Finding[], _redactor?: Redactor): Finding[] {
  return maskFindings(findings);
}

/**
 * Facts with redaction: by construction (src/report/mask.ts). The sender is text of the message like the receivers:
 * its name a placeholder, its EAN kept in the form the standard gives it (13 digits). The standard and startBy are the
 * library's words over validated dates and the caller's standard name: nothing of the message to mask.
 */
export function redactFacts(facts: Facts, _redactor?: Redactor): Facts {
  const masked = maskFacts(facts);
  if (facts.sender === undefined) return masked;
  const sender = { ...facts.sender };
  if (sender.name !== undefined) sender.name = MASKED.en(sender.name);
  if (sender.ean !== undefined && !/^\d{13}$/.test(sender.ean)) sender.ean = MASKED.en(sender.ean);
  return { ...masked, sender };
}

/** A CPR value: DDMMYY-XXXX when it is 10 digits (however written: any dash, fullwidth digits), else masked whole. */
function maskCprValue(value: string): string {
  const digits = readValue(value).replace(/[\s.\-/_]/g, '');
  return /^\d{10}$/.test(digits) ? maskCpr(digits) : maskCpr(value);
}

/** The fields of a kept-aside record that say where and what it was: structure, left as they are. */
const KEPT_STRUCTURE = new Set(['path', 'reason', 'namespace', 'name', 'namespaces', 'inline']);

/**
 * Every text of a value (object, array, string), redacted; `mask` decides per property what is masked whole. Only
 * structure is left as it is: where and what a kept-aside element was (its `xml` is redacted, read as XML) and the
 * type of a rich-text node. Any other property is text of the message, whatever its name (name, type, path …).
 */
function redactTree(value: unknown, redactor: Redactor, mask: (key: string, value: string, parent: object) => string | undefined): unknown {
  const walk = (node: unknown, key: string, parent: object | undefined): unknown => {
    if (typeof node === 'string') return (parent && mask(key, node, parent)) ?? redactor.text(node);
    if (Array.isArray(node)) return key === 'extraElements' ? node.map(kept) : node.map((item) => walk(item, key, parent));
    if (node === null || typeof node !== 'object') return node;
    if (isFormattedText(node)) return { ...node, text: redactor.text(node.text), content: redactContent(node.content, redactor) };
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) out[k] = walk(v, k, node);
    return out;
  };
  const kept = (record: unknown): unknown => {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) return walk(record, '', undefined);
    const xml = isKeptXml(record);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record)) {
      if (KEPT_STRUCTURE.has(k)) out[k] = v;
      else if (k === 'xml' && typeof v === 'string') out[k] = redactor.text(v, { xml });
      else out[k] = walk(v, k, record);
    }
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
  const personal = MESSAGE_FACTS.personalProperties;
  return redactTree(message, redactor, (key, value, parent) => {
    if (value === '') return value;
    const kind = personal.get(key);
    if (kind === 'cpr') return maskCprValue(value);
    if (kind) return MASK;
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
