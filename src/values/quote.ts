/*
 * Values quoted in a text (a finding's message, an explanation in the facts) are cut short, since a value may be
 * anything. The cut must come after redaction: a name cut in half ("Høj...") is no longer the name a redactor knows,
 * a phone number cut to seven digits no longer looks like one. So a text is written with each quoted value whole and
 * marked, and only finished — redacted when asked, then cut — when it leaves the library (finishText).
 *
 * The marks are private-use characters: U+E000 (cut plainly) or U+E001 (cut with "..."), one character U+E100 + the
 * length to cut to, the value, U+E002. Nothing but finishText ever sees them.
 */

const PLAIN = '\uE000';
const ELLIPSIS = '\uE001';
const END = '\uE002';
const LENGTH_BASE = 0xe100;
const MAX_LENGTH = 0x6ff;
const MARKS = /[\uE000-\uE002]/g;
const SEGMENT = /([\uE000\uE001])([\uE100-\uE7FF])([^\uE000-\uE002]*)\uE002/g;

/**
 * `value`, to be cut to at most `max` characters when the text is finished (with `ellipsis`, the last three of them
 * are "..." when it is cut). A mark character inside the value is replaced, so that a value cannot end its own quote.
 * Every quoted value is a value from the message: with redaction it leaves the library only as a placeholder.
 */
export function quoted(value: string, max: number, ellipsis = false): string {
  const length = Math.max(0, Math.min(MAX_LENGTH, Math.floor(max)));
  // a value already marked whole (a finding's data) is quoted again with this length, not garbled
  const whole = WHOLE.exec(value);
  const inner = whole ? whole[1]! : value;
  return `${ellipsis ? ELLIPSIS : PLAIN}${String.fromCharCode(LENGTH_BASE + length)}${inner.replace(MARKS, '\uFFFD')}${END}`;
}
const WHOLE = /^[\uE000\uE001][\uE100-\uE7FF]([^\uE000-\uE002]*)\uE002$/;

/** A value from the message, whole: marked so that redaction replaces it (fromMessage('') is ''). */
export const fromMessage = (value: string): string => (value === '' ? '' : quoted(value, MAX_LENGTH));

/** Whether a text still holds quoted values to cut. */
export const hasQuotes = (text: string): boolean => text.includes(END);

/** The text as it leaves the library: `redact` (if given) over the whole text first, then every quoted value cut. */
export function finishText(text: string, redact?: (text: string) => string): string {
  const out = redact ? redact(text) : text;
  if (!hasQuotes(out)) return out;
  return cutQuotes(out) ?? out.replace(SEGMENT, (_, kind: string, length: string, value: string) => cutValue(kind, length, value));
}

/** One quoted value as it leaves the library: cut to its length, with "..." when it was quoted so. */
function cutValue(kind: string, length: string, value: string): string {
  const max = length.charCodeAt(0) - LENGTH_BASE;
  if (value.length <= max || max === MAX_LENGTH) return value;
  return kind === ELLIPSIS ? `${value.slice(0, Math.max(0, max - 3))}...` : value.slice(0, max);
}

/**
 * finishText's cut in one scan of the text (every finding's and explanation's text passes here; a replace with a
 * callback per value costs more than the text): undefined at anything but well-formed marks, so that the pattern decides.
 */
function cutQuotes(text: string): string | undefined {
  let out = '';
  let from = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xe000 || c > 0xe002) continue;
    const cut = text.charCodeAt(i + 1);
    if (c === 0xe002 || !(cut >= LENGTH_BASE && cut <= 0xe7ff)) return undefined;
    let end = i + 2;
    for (let k = text.charCodeAt(end); end < length && (k < 0xe000 || k > 0xe002); k = text.charCodeAt(++end));
    if (text.charCodeAt(end) !== 0xe002) return undefined;
    out += text.slice(from, i) + cutValue(text[i]!, text[i + 1]!, text.slice(i + 2, end));
    from = end + 1;
    i = end;
  }
  return out + text.slice(from);
}

/**
 * The text as it leaves the library with redaction: every quoted value — every value from the message — replaced by
 * `placeholder` (given its length), whatever it holds. Nothing is searched for: what was marked is hidden.
 */
export function finishMasked(text: string, placeholder: (value: string) => string): string {
  if (!hasQuotes(text)) return text;
  return text.replace(SEGMENT, (_, _kind: string, _length: string, value: string) => placeholder(value));
}

/** Both languages of a text pair, finished. */
export function finishPair(pair: { da: string; en: string }, redact?: (text: string) => string): { da: string; en: string } {
  return { da: finishText(pair.da, redact), en: finishText(pair.en, redact) };
}
