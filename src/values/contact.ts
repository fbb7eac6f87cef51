// Plausibility checks for contact details (GOP-FORMAT-005, warnings only). Every check is anchored and
// either has one way to match each character or is done without a regex, so it stays linear in the input.

// Ordinary Danish postcodes start with 1–9 (1000 København K … 9990 Skagen, Greenland 39xx). The few
// below 1000 are special codes of PostNord and large receivers; 0001–0554 etc. do not exist.
const SPECIAL_POSTCODES: ReadonlySet<string> = new Set([
  '0555',
  '0800',
  '0877',
  '0892',
  '0893',
  '0894',
  '0897',
  '0899',
  '0900',
  '0910',
  '0917',
  '0960',
  '0999',
]);

/** Exactly 4 ASCII digits: 1000–9999, or one of the special 0xxx codes. */
export function isDanishPostcode(s: string): boolean {
  return /^[1-9][0-9]{3}$/.test(s) || SPECIAL_POSTCODES.has(s);
}

// Digits with at most one space or hyphen between any two of them; no separator at either end.
const GROUPED_DIGITS = /^[0-9](?:[ -]?[0-9])*$/;
const MAX_PHONE_LENGTH = 40; // far above any real number written out; cheap guard against huge input

function digitCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

/**
 * A Danish 8-digit number (`88888888`, `88 88 88 88`, `8888-8888`), optionally prefixed `+45` or `0045`
 * (with or without one space), or an international `+CC…` number of 7–15 digits in all (E.164), with
 * single spaces (or hyphens) between groups. A number that starts `+45`/`0045` must be a Danish one.
 */
export function isPlausiblePhone(s: string): boolean {
  if (s.length > MAX_PHONE_LENGTH) return false;
  const dk = /^(?:\+45|0045)/.exec(s);
  if (dk || !s.startsWith('+')) {
    const body = dk ? s.slice(dk[0].length).replace(/^ /, '') : s;
    return GROUPED_DIGITS.test(body) && digitCount(body) === 8;
  }
  const body = s.slice(1);
  if (!GROUPED_DIGITS.test(body) || body.startsWith('0')) return false; // no country code starts with 0
  const n = digitCount(body);
  return n >= 7 && n <= 15;
}

/**
 * Exactly one `@`, a non-empty local part, a domain of at least two non-empty dot-separated labels, and
 * no whitespace anywhere. Done without one big regex: the usual /^[^\s@]+@[^\s@]+\.[^\s@]+$/ backtracks
 * quadratically on a long run of dots.
 */
export function isPlausibleEmail(s: string): boolean {
  if (/\s/.test(s)) return false;
  const at = s.indexOf('@');
  if (at <= 0 || s.indexOf('@', at + 1) !== -1) return false;
  const labels = s.slice(at + 1).split('.');
  return labels.length >= 2 && labels.every((label) => label.length > 0);
}
