/*
 * Text as redaction compares it (src/report/redact.ts): what a person reads, not the code points written.
 *
 *   - NFKC, per character and the combining marks after it: fullwidth digits and letters (０５１２, Ｋｉｒｓｔｅｎ), ligatures
 *     (ﬁ), a no-break, thin or ideographic space (a space), U+2011 (U+2010);
 *   - dropped: soft hyphen U+00AD, zero-width space, non-joiner and joiner U+200B–U+200D, word joiner U+2060 and the
 *     invisible operators after it, U+FEFF, the combining grapheme joiner U+034F, U+180E — where one was dropped is
 *     kept (`joins`), since it may also stand between two words (Kirsten\u200BHøjgaard);
 *   - every dash a hyphen-minus (U+2010–U+2015, U+2212, U+2E3A, U+2E3B, U+FE58, U+FE63), a fraction or division slash a
 *     solidus, NEL a line break;
 *   - with `xml`, a character or entity reference (&#45;, &#x2011;, &amp;) as the character it stands for.
 *
 * Each character of the result knows the characters it came from, so that a span found in the result is masked over
 * what was written (the soft hyphens inside a name included). One pass; a text that needs none of it (ASCII, or Danish
 * letters only) is returned as it is, without a map.
 */

/** A text as redaction compares it, and where each of its characters came from. */
export interface PersonalText {
  readonly text: string;
  /** The range of the original text that the range [start, end) of `text` (end > start) was made from. */
  original(start: number, end: number): { start: number; end: number };
  /** Positions in `text` where an invisible character was dropped, in order. */
  readonly joins: readonly number[];
}

const INVISIBLE = new Set([0x00ad, 0x034f, 0x180e, 0x200b, 0x200c, 0x200d, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xfeff]);
const DASHES = /[\u2010-\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63]/g;
const SLASHES = /[\u2044\u2215]/g;
const MARK = /^\p{M}$/u;
const mapSigns = (s: string) =>
  s
    .replace(DASHES, '-')
    .replace(SLASHES, '/')
    .replace(/\u0085/g, '\n');

/** Per BMP character: 0 not yet known, else 1 | STABLE (left as it is) | IS_MARK | HIDDEN. */
const FLAGS = new Uint8Array(0x10000);
const KNOWN = 1;
const STABLE = 2;
const IS_MARK = 4;
const HIDDEN = 8;
function flagsOf(code: number): number {
  let f = FLAGS[code]!;
  if (f === 0) f = FLAGS[code] = classify(code);
  return f;
}
function classify(code: number): number {
  if (INVISIBLE.has(code)) return KNOWN | HIDDEN;
  if (code >= 0xd800 && code <= 0xdfff) return KNOWN | STABLE; // a lone surrogate: nothing to normalise
  const ch = String.fromCodePoint(code);
  if (MARK.test(ch)) return KNOWN | IS_MARK;
  return ch.normalize('NFKC') === ch && mapSigns(ch) === ch ? KNOWN | STABLE : KNOWN;
}
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** A supplementary code point at `i` (a valid surrogate pair): its flags, classified each time (they are rare); else 0. */
const pairAt = (text: string, i: number) =>
  isHigh(text.charCodeAt(i)) && i + 1 < text.length && isLow(text.charCodeAt(i + 1)) ? classify(text.codePointAt(i)!) : 0;
/** Whether a combining mark starts at `i`. */
function markAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x300) return false;
  return ((pairAt(text, i) || flagsOf(c)) & IS_MARK) !== 0;
}
/** A BMP character as it reads (NFKC, signs mapped), worked out once per character. */
const READ = new Map<number, string>();
function readOf(code: number): string {
  let read = READ.get(code);
  if (read === undefined) READ.set(code, (read = mapSigns(String.fromCharCode(code).normalize('NFKC'))));
  return read;
}
const NOT_ASCII = /[^\x00-\x7F]/;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));/y;
/** The character an XML reference at `i` stands for, and its length; undefined if there is none. */
function referenceAt(text: string, i: number): { char: string; length: number } | undefined {
  REFERENCE.lastIndex = i;
  const m = REFERENCE.exec(text);
  if (!m) return undefined;
  const code = m[1] !== undefined ? Number(m[1]) : m[2] !== undefined ? parseInt(m[2], 16) : -1;
  if (code === -1) return { char: NAMED[m[3]!]!, length: m[0].length };
  return code > 0 && code <= 0x10ffff ? { char: String.fromCodePoint(code), length: m[0].length } : undefined;
}

const NO_JOINS: readonly number[] = [];
const identity = (text: string): PersonalText => ({ text, joins: NO_JOINS, original: (start, end) => ({ start, end }) });

/** The normalised text as it is built, and for each of its characters the range of the original it came from. */
class Built {
  /** the text built, in parts (joined once: a flat string, quick to read) */
  readonly parts: string[] = [];
  length = 0;
  starts = new Int32Array(256);
  ends = new Int32Array(256);

  private room(more: number): void {
    if (this.length + more <= this.starts.length) return;
    let size = this.starts.length * 2;
    while (size < this.length + more) size *= 2;
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    starts.set(this.starts.subarray(0, this.length));
    ends.set(this.ends.subarray(0, this.length));
    this.starts = starts;
    this.ends = ends;
  }

  /** The original's characters from `from` to `to`, as they are. */
  copy(original: string, from: number, to: number): void {
    if (to <= from) return;
    this.room(to - from);
    this.parts.push(original.slice(from, to));
    for (let k = from; k < to; k++) {
      this.starts[this.length] = k;
      this.ends[this.length++] = k + 1;
    }
  }

  /** `value` for the original's characters from `from` to `to`. */
  put(value: string, from: number, to: number): void {
    this.room(value.length);
    this.parts.push(value);
    for (let k = 0; k < value.length; k++) {
      this.starts[this.length] = from;
      this.ends[this.length++] = to;
    }
  }
}

/** `text` as redaction compares it; with `xml`, references read as their characters. */
export function normalisePersonalText(text: string, xml = false): PersonalText {
  if (!NOT_ASCII.test(text) && !(xml && text.includes('&'))) return identity(text);
  const n = text.length;
  // Built only from the first change on: before it, the result is the text itself.
  let built: Built | undefined;
  const joins: number[] = [];
  let run = 0; // start of the characters copied as they are, not yet built
  /** From `from` to `to` the text becomes `value`. */
  const replace = (from: number, to: number, value: string) => {
    built ??= new Built();
    built.copy(text, run, from);
    if (value === '') joins.push(built.length);
    else built.put(value, from, to);
    run = to;
  };
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 0x80 && c !== 0x26) {
      // ASCII stays as it is, unless a combining mark follows it
      if (i + 1 >= n || !markAt(text, i + 1)) {
        i++;
        continue;
      }
    } else if (c === 0x26 && xml) {
      const reference = referenceAt(text, i);
      if (reference) {
        const end = i + reference.length;
        if (INVISIBLE.has(reference.char.codePointAt(0)!)) {
          replace(i, end, '');
        } else replace(i, end, mapSigns(reference.char.normalize('NFKC')));
        i = end;
        continue;
      }
    }
    const pair = pairAt(text, i);
    const width = pair ? 2 : 1;
    const flags = pair || flagsOf(c);
    if (flags & HIDDEN) {
      replace(i, i + width, '');
      i += width;
      continue;
    }
    // the character and the combining marks after it, normalised together (A + ring above is Å)
    let end = i + width;
    while (end < n && markAt(text, end)) end += pairAt(text, end) ? 2 : 1;
    if (end === i + width) {
      if (!(flags & STABLE)) replace(i, end, width === 1 ? readOf(c) : mapSigns(text.slice(i, end).normalize('NFKC')));
      i = end;
      continue;
    }
    const written = text.slice(i, end);
    const read = mapSigns(written.normalize('NFKC'));
    if (read !== written) replace(i, end, read);
    i = end;
  }
  if (!built) return identity(text);
  built.copy(text, run, n);
  const { starts, ends, length } = built;
  return {
    text: built.parts.join(''),
    joins,
    original: (start, end) => ({
      start: start < length ? starts[start]! : n,
      end: end > start ? ends[end - 1]! : start < length ? starts[start]! : n,
    }),
  };
}
