/**
 * XML 1.0 (fifth edition) names, §2.3: NameStartChar and NameChar, with a table for ASCII (nearly every name in a
 * message) and the productions' ranges for the rest, supplementary planes included.
 */

const NOT = 0;
const CHAR = 1; // NameChar only
const START = 2; // NameStartChar (and so NameChar)

const ASCII = new Uint8Array(128);
for (let c = 0x41; c <= 0x5a; c++) ASCII[c] = START; // A-Z
for (let c = 0x61; c <= 0x7a; c++) ASCII[c] = START; // a-z
ASCII[0x5f] = START; // _
ASCII[0x3a] = START; // :
for (let c = 0x30; c <= 0x39; c++) ASCII[c] = CHAR; // 0-9
ASCII[0x2d] = CHAR; // -
ASCII[0x2e] = CHAR; // .

function isStartBmp(c: number): boolean {
  return (
    (c >= 0xc0 && c <= 0xd6) ||
    (c >= 0xd8 && c <= 0xf6) ||
    (c >= 0xf8 && c <= 0x2ff) ||
    (c >= 0x370 && c <= 0x37d) ||
    (c >= 0x37f && c <= 0x1fff) ||
    c === 0x200c ||
    c === 0x200d ||
    (c >= 0x2070 && c <= 0x218f) ||
    (c >= 0x2c00 && c <= 0x2fef) ||
    (c >= 0x3001 && c <= 0xd7ff) ||
    (c >= 0xf900 && c <= 0xfdcf) ||
    (c >= 0xfdf0 && c <= 0xfffd)
  );
}

/** Length in UTF-16 units (1 or 2) of the non-ASCII name character at `i`, or 0 when there is none there. */
function nonAscii(text: string, i: number, start: boolean): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    // [#x10000-#xEFFFF]: high surrogates D800-DB7F with any low surrogate
    const low = text.charCodeAt(i + 1);
    return c <= 0xdb7f && low >= 0xdc00 && low <= 0xdfff ? 2 : 0;
  }
  if (isStartBmp(c)) return 1;
  if (start) return 0;
  return c === 0xb7 || (c >= 0x300 && c <= 0x36f) || c === 0x203f || c === 0x2040 ? 1 : 0;
}

/** Where the last name read by `nameEnd` has its first colon (-1 for none), and how many it has: QNames need both. */
export const lastName = { colon: -1, colons: 0 };

/** Offset just past the Name starting at `i`, or `i` itself when no NameStartChar stands there. */
export function nameEnd(text: string, i: number): number {
  const length = text.length;
  lastName.colon = -1;
  lastName.colons = 0;
  if (i >= length) return i;
  let c = text.charCodeAt(i);
  if (c < 0x80) {
    if (ASCII[c] !== START) return i;
    if (c === 0x3a) {
      lastName.colon = i;
      lastName.colons = 1;
    }
    i++;
  } else {
    const n = nonAscii(text, i, true);
    if (n === 0) return i;
    i += n;
  }
  while (i < length) {
    c = text.charCodeAt(i);
    if (c < 0x80) {
      if (ASCII[c] === NOT) break;
      if (c === 0x3a && lastName.colons++ === 0) lastName.colon = i;
      i++;
    } else {
      const n = nonAscii(text, i, false);
      if (n === 0) break;
      i += n;
    }
  }
  return i;
}

/** Whether the name (or part of one) starts with a NameStartChar other than ':' (the NCName start). */
export function startsNcName(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return ASCII[c] === START && c !== 0x3a;
  return nonAscii(text, i, true) > 0;
}

/** Whether a NameChar stands at `i` (so a name read up to `i` would go on). */
export function isNameCharAt(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const c = text.charCodeAt(i);
  return c < 0x80 ? ASCII[c] !== NOT : nonAscii(text, i, false) > 0;
}

/** Whether the whole string is one NCName (a Name without a colon): a namespace prefix or a local name. */
export function isNcName(text: string): boolean {
  return text.length > 0 && startsNcName(text, 0) && nameEnd(text, 0) === text.length && lastName.colons === 0;
}

/** Names the reader refuses and the writers will not write: they are used to attack JavaScript prototypes. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** A QName and its parts. */
export interface QNameParts {
  readonly qname: string;
  /** '' for none */
  readonly prefix: string;
  readonly local: string;
}

/**
 * The QName from `start` to `end` in `text` (read by nameEnd and checked as a QName, its colon at `colon` or -1), as
 * flat, internalized strings: a slice of the text would keep the whole text alive and compare slowly, and an
 * internalized name compares with the names the model looks for by identity. For names kept to be met again.
 */
export function qnameParts(text: string, start: number, end: number, colon: number): QNameParts {
  const qname = interned(text.slice(start, end));
  return colon < 0
    ? { qname, prefix: '', local: qname }
    : { qname, prefix: interned(qname.slice(0, colon - start)), local: interned(qname.slice(colon - start + 1)) };
}

/**
 * The string as a property key: internalized, and so flat and compared with other internalized strings (literals) by
 * identity. A string that is an array index stays as it is (a Name never is one: it does not start with a digit).
 */
export function interned(value: string): string {
  const key = Object.keys({ [value]: 0 })[0];
  return key === value ? key : value;
}

/** Whether `name` stands in the text at `start` (`length` is the length there). */
export function sameAs(name: string, text: string, start: number, length: number): boolean {
  if (name.length !== length) return false;
  for (let k = 0; k < length; k++) if (name.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}
