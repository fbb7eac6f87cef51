// EAN location numbers / GLN (GOP-FORMAT-004): 13 digits, the last a GS1 mod-10 check digit.

const TWELVE_DIGITS = /^[0-9]{12}$/;
const THIRTEEN_DIGITS = /^[0-9]{13}$/;

export type GlnCheck = { ok: true } | { ok: false; reason: 'not-13-digits' | 'check-digit'; expected?: number };

/**
 * The GS1 check digit for the first 12 digits of a GTIN-13/GLN: weights 1,3,1,3,… from the left (that is,
 * 3 on the digit next to the check digit, as GS1 defines it from the right). NaN unless exactly 12 digits.
 */
export function gs1CheckDigit(first12: string): number {
  if (!TWELVE_DIGITS.test(first12)) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (first12.charCodeAt(i) - 48) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

export function isValidGln(s: string): GlnCheck {
  if (!THIRTEEN_DIGITS.test(s)) return { ok: false, reason: 'not-13-digits' };
  const expected = gs1CheckDigit(s.slice(0, 12));
  return expected === s.charCodeAt(12) - 48 ? { ok: true } : { ok: false, reason: 'check-digit', expected };
}
