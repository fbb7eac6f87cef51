import { isIsoDate } from './date';

// CPR numbers (GOP-FORMAT-003): DDMMYY + four serial digits, the first of which (the 7th digit) fixes
// the century. No modulus-11 check: CPR numbers issued since 2007 need not satisfy it.

const TEN_DIGITS = /^[0-9]{10}$/;

export type CprCheck = { ok: true; birthDate: string } | { ok: false; reason: 'not-10-digits' | 'invalid-birth-date' };

// The CPR office's century table, keyed by the 7th digit.
function century(seventh: number, yy: number): number {
  if (seventh <= 3) return 1900;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800; // 5–8
}

/** The birth date as `YYYY-MM-DD`, or undefined if not exactly 10 ASCII digits or DDMMYY is no real date. */
export function cprBirthDate(cpr: string): string | undefined {
  if (!TEN_DIGITS.test(cpr)) return undefined;
  const yy = Number(cpr.slice(4, 6));
  const year = century(Number(cpr.slice(6, 7)), yy) + yy;
  const iso = `${year}-${cpr.slice(2, 4)}-${cpr.slice(0, 2)}`;
  return isIsoDate(iso) ? iso : undefined;
}

export function checkCpr(cpr: string): CprCheck {
  if (!TEN_DIGITS.test(cpr)) return { ok: false, reason: 'not-10-digits' };
  const birthDate = cprBirthDate(cpr);
  return birthDate === undefined ? { ok: false, reason: 'invalid-birth-date' } : { ok: true, birthDate };
}

/**
 * For reports and logs: `DDMMYY-XXXX`. Anything that is not 10 digits is masked completely (same
 * length), since we cannot tell which part of it would be the birth date.
 */
export function maskCpr(cpr: string): string {
  return TEN_DIGITS.test(cpr) ? `${cpr.slice(0, 6)}-XXXX` : 'X'.repeat(cpr.length);
}
