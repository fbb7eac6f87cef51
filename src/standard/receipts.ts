import { CODE_LISTS } from './codelists';

/*
 * MedCom receipts (XCTL, the 2005/08/07 schemas): ../../../shared/spec/receipts.md, "The three receipts". The one
 * place their codes are written.
 */

/** RefuseCode: the closed list of the 2005/08/07 schemas. */
export const REFUSE_CODES = [
  'ikke_specificeret',
  'ukendt_lokationsnummer',
  'problem_med_modtagerID',
  'problem_med_version',
  'syntaksfejl',
] as const;
export type RefuseCode = (typeof REFUSE_CODES)[number];

export const RECEIPT_KINDS = ['positive', 'negative', 'negativeVans'] as const;
export type ReceiptKind = (typeof RECEIPT_KINDS)[number];

/** Per receipt: its element inside Emessage, its fixed Letter/VersionCode and the usual Letter/StatisticalCode. */
export const RECEIPTS = {
  positive: { element: 'PositiveReceipt', versionCode: 'XC0330Q', statisticalCode: 'XCTL03' },
  negative: { element: 'NegativeReceipt', versionCode: 'XC0230Q', statisticalCode: 'XCTL02' },
  /** refused by the network (VANS) layer: read, never written by us */
  negativeVans: { element: 'NegativeVansReceipt', versionCode: 'XC0130Q', statisticalCode: 'XCTL01' },
} as const satisfies Record<ReceiptKind, { element: string; versionCode: string; statisticalCode: string }>;

/** A receipt is never itself acknowledged. */
export const RECEIPT_ACKNOWLEDGEMENT_CODE = 'minuspositivkvitt';

/** The G-GOP version a receiver of this library supports (Letter/VersionCode): GGOP100, from the code lists. */
export const GGOP_VERSION_CODE: string = CODE_LISTS.VersionCode[0];

/** Lengths of the receipt's values (2005/08/07 schemas). */
export const RECEIPT_LIMITS = {
  /** Envelope/Identifier, Letter/Identifier, OriginalEnvelopeIdentifier, OriginalLetterIdentifier */
  identifier: { min: 1, max: 14 },
  statisticalCode: { min: 1, max: 8 },
  originalVersionCode: { min: 1, max: 7 },
  /** OriginalLetter per OriginalEmessage */
  originalLetters: 99,
} as const;
