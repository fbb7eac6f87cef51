/**
 * Code lists of G-GOP 1.0, the one place they are written. Values compare case-sensitively.
 * Lists marked (assumed) are a working set; see ../../../shared/spec/ggop-message.md.
 */
export const LEVELS = ['almen', 'specialiseret', 'rehabilitering'] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_LABELS: Record<Level, { da: string; en: string }> = {
  almen: { da: 'almen genoptræning', en: 'general rehabilitation' },
  specialiseret: { da: 'genoptræning på specialiseret niveau', en: 'specialised rehabilitation' },
  rehabilitering: { da: 'rehabilitering på specialiseret niveau', en: 'specialised (total) rehabilitation' },
};

export const CODE_LISTS = {
  TypeOfRehabilitationPlan: LEVELS,
  AcknowledgementCode: ['pluspositivkvitt', 'minuspositivkvitt'],
  /** first four seen in the public example; the rest (assumed) */
  IdentifierCode: ['sygehusafdelingsnummer', 'kommunenummer', 'ydernummer', 'region', 'lokationsnummer', 'sorkode', 'amt'],
  TelephoneSubscriberCode: ['mobil', 'fastnet', 'arbejde'],
  /** first two seen; the rest (assumed) */
  RelationCode: ['aegtefaelle', 'uspec_paaroerende', 'mor', 'far', 'barn', 'datter', 'soen', 'samlevende', 'soeskende', 'anden'],
  /** `nej` (assumed) */
  ConsentInformed: ['ja', 'nej'],
  DiagnosisTypeCode: ['ICD10kode'],
  IcfTypeCode: ['ICFKode'],
  VersionCode: ['GGOP100'],
  LetterTypeCode: ['GGOP'],
} as const;

export type CodeListName = keyof typeof CODE_LISTS;

export function inCodeList(list: CodeListName, value: string): boolean {
  return (CODE_LISTS[list] as readonly string[]).includes(value);
}
