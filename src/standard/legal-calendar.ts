/**
 * The legal calendar: the dates from which a rule of law applies, the one place they are written (rules.md, "The
 * legal calendar"). A later change is one line here. Each entry says which date of the plan decides whether it
 * applies (the authorisation or the discharge) and links to its reference in ./references.
 */
import type { ReferenceKey } from './references';

export type LegalChangeKey = 'order2015' | 'guarantee' | 'regionRehabilitering';

export interface LegalChange {
  key: LegalChangeKey;
  /** the first day it applies, YYYY-MM-DD */
  from: string;
  /** the date of the plan that is compared with `from`: when it was authorised, or when the patient is discharged */
  decidedBy: 'authorisation' | 'discharge';
  /** what changes from that day */
  governs: { da: string; en: string };
  reference: ReferenceKey;
}

export const LEGAL_CALENDAR = [
  {
    key: 'order2015',
    from: '2015-01-01',
    decidedBy: 'authorisation',
    governs: {
      da: 'bekendtgørelsens tre specialiseringsniveauer og indholdskrav (planer godkendt før: den gamle ordning)',
      en: "the executive order's three levels and content rules (plans authorised before: the old regime)",
    },
    reference: 'bek2014',
  },
  {
    key: 'guarantee',
    from: '2018-07-01',
    decidedBy: 'discharge',
    governs: {
      da: 'genoptræningsgarantien: tilbud om opstart inden 7 dage efter udskrivelsen, ellers frit valg af privat leverandør (almen genoptræning og rehabilitering på specialiseret niveau)',
      en: 'the rehabilitation guarantee: a start offered within 7 days after discharge, or free choice of a private provider (almen and rehabilitering)',
    },
    reference: 'sl140_4',
  },
  {
    key: 'regionRehabilitering',
    from: '2027-01-01',
    decidedBy: 'discharge',
    governs: {
      da: 'rehabilitering på specialiseret niveau: regionen, ikke kommunen, har ansvaret',
      en: 'specialised (total) rehabilitation: the region, not the municipality, is responsible',
    },
    reference: 'healthReform2027',
  },
] as const satisfies readonly LegalChange[];

/** § 140 stk. 4: calendar days after discharge (or the later start the plan asks for); the discharge day is day 0. */
export const GUARANTEE_DAYS = 7;

const BY_KEY: ReadonlyMap<LegalChangeKey, LegalChange> = new Map(LEGAL_CALENDAR.map((change) => [change.key, change]));

/** The calendar entry of `key`. */
export function legalChange(key: LegalChangeKey): LegalChange {
  return BY_KEY.get(key)!;
}

/** The first day `key` applies, YYYY-MM-DD. */
export function inForceFrom(key: LegalChangeKey): string {
  return legalChange(key).from;
}

/**
 * Whether `key` applies to a plan whose deciding date (see `decidedBy`) is `date`: YYYY-MM-DD, or a longer stamp
 * starting with one (YYYY-MM-DDThh:mm). The first day counts: in force on `from` itself.
 */
export function inForce(key: LegalChangeKey, date: string): boolean {
  return date.slice(0, 10) >= legalChange(key).from;
}
