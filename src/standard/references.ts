/** Legal and standard references cited by findings, the one place they are written. */
export interface LegalReference {
  /** short citation as users see it */
  label: string;
  /** what it is, in Danish and English */
  da: string;
  en: string;
  url?: string;
}

const BEK = 'Bekendtgørelse om genoptræningsplaner (BEK nr. 1088 af 2014)';

export const REFERENCES = {
  xml: { label: 'XML 1.0', da: 'XML 1.0-specifikationen', en: 'the XML 1.0 specification', url: 'https://www.w3.org/TR/xml/' },
  xmlEncoding: {
    label: 'XML 1.0 §4.3.3',
    da: 'XML 1.0 §4.3.3 (tegnkodning)',
    en: 'XML 1.0 §4.3.3 (character encoding)',
    url: 'https://www.w3.org/TR/xml/#charencoding',
  },
  security: { label: 'security policy', da: 'medcom-gops sikkerhedspolitik for input', en: "medcom-gop's input security policy" },
  ggop: {
    label: 'GGOP',
    da: 'MedCom-standarden Den Gode Genoptræningsplan (GGOP100)',
    en: 'the MedCom standard for the rehabilitation plan (GGOP100)',
  },
  ggopAssumed: {
    label: 'GGOP (assumed cardinality)',
    da: 'GGOP-standarden (antaget kardinalitet)',
    en: 'the GGOP standard (assumed cardinality)',
  },
  vans: { label: 'VANSEnvelope', da: 'MedComs VANS-konvolut', en: "MedCom's VANS envelope" },
  cpr: { label: 'CPR', da: 'CPR-loven og CPR-kontorets nummerregler', en: 'the Danish civil registration system' },
  gs1: { label: 'GS1', da: 'GS1 lokationsnummer (GLN), kontrolciffer', en: 'GS1 location number (GLN) check digit' },
  sksIcf: {
    label: 'SKS, ICF',
    da: 'Sundhedsvæsenets klassifikationssystem (SKS) og ICF',
    en: 'the Danish health classification system (SKS) and ICF',
  },
  bek2_1: { label: 'BEK § 2 stk. 1', da: `${BEK}, § 2, stk. 1 (specialiseringsniveau)`, en: `${BEK}, s. 2(1) (specialisation level)` },
  bek2_2: {
    label: 'BEK § 2 stk. 2',
    da: `${BEK}, § 2, stk. 2 (funktionsevne og genoptræningsbehov ved udskrivning)`,
    en: `${BEK}, s. 2(2) (functional ability and need at discharge)`,
  },
  bek2_3: {
    label: 'BEK § 2 stk. 3',
    da: `${BEK}, § 2, stk. 3 (samlet funktionsevne og behov ved rehabilitering)`,
    en: `${BEK}, s. 2(3) (total ability and need, specialised rehabilitation)`,
  },
  bek2_4: { label: 'BEK § 2 stk. 4', da: `${BEK}, § 2, stk. 4 (kontaktoplysninger)`, en: `${BEK}, s. 2(4) (contact details)` },
  bek1_84: {
    label: 'BEK § 1; Sundhedsloven § 84',
    da: `${BEK}, § 1, og sundhedslovens § 84 (samtykke)`,
    en: `${BEK}, s. 1, and the Health Act s. 84 (consent)`,
  },
  bek3: { label: 'BEK § 3', da: `${BEK}, § 3 (tidsfrist for opstart)`, en: `${BEK}, s. 3 (start deadline)` },
  bek3_140: {
    label: 'BEK § 3; Sundhedsloven § 140 stk. 4',
    da: `${BEK}, § 3, og sundhedslovens § 140, stk. 4 (7-dagesfristen)`,
    en: `${BEK}, s. 3, and the Health Act s. 140(4) (the 7-day rule)`,
  },
  guidance5: {
    label: 'guidance § 5',
    da: 'Vejledning om genoptræning (VEJ nr. 9538 af 2018), pkt. 5',
    en: 'Guidance on rehabilitation (VEJ no. 9538 of 2018), section 5',
  },
  bek2014: { label: 'BEK 2014', da: `${BEK}, i kraft 1. januar 2015`, en: `${BEK}, in force 1 January 2015` },
  sl140_4: {
    label: 'Sundhedsloven § 140 stk. 4',
    da: 'Sundhedslovens § 140, stk. 4 (genoptræningsgarantien: tilbud om opstart inden 7 dage efter udskrivelsen, ellers frit valg af privat leverandør), i kraft 1. juli 2018',
    en: 'the Health Act s. 140(4) (the rehabilitation guarantee: a start offered within 7 days after discharge, or free choice of a private provider), in force 1 July 2018',
  },
  healthReform2027: {
    label: 'sundhedsreformen; L 42 (2025-26)',
    da: 'Aftale om sundhedsreform (november 2024) og L 42 (2025-26) om flytning af opgaver fra kommuner til regioner: rehabilitering på specialiseret niveau overgår til regionerne 1. januar 2027',
    en: 'the health reform agreement (November 2024) and bill L 42 (2025-26) moving tasks from municipalities to regions: specialised (total) rehabilitation passes to the regions on 1 January 2027',
  },
} as const satisfies Record<string, LegalReference>;

export type ReferenceKey = keyof typeof REFERENCES;
