import type { RuleMeta, Severity } from './finding';

/**
 * The rules the reader enforces while turning bytes into a model (layers input and structure).
 * They have no check function of their own: the reader stages detect them. The catalogue lists them with the rest.
 */
/** Details in both languages; a parser's own English message goes into both. */
export type Detail = { en: string; da: string };

export const INPUT_001: RuleMeta<Detail> = {
  id: 'GOP-INPUT-001', layer: 'input', severity: 'fatal', reference: 'xml',
  title: { da: 'Ikke velformet XML', en: 'Not well-formed XML' },
  messages: {
    en: ({ en }) => `The document is not well-formed XML: ${en}`,
    da: ({ da }) => `Dokumentet er ikke velformet XML: ${da}`,
  },
};

export const INPUT_002: RuleMeta<{ construct: string }> = {
  id: 'GOP-INPUT-002', layer: 'input', severity: 'fatal', reference: 'security',
  title: { da: 'DOCTYPE eller entitetserklæring', en: 'DOCTYPE or entity declaration' },
  messages: {
    en: ({ construct }) => `The document contains ${construct}; MedCom messages never do, and it is rejected unread as a possible entity-expansion or external-entity attack.`,
    da: ({ construct }) => `Dokumentet indeholder ${construct}; det gør MedCom-meddelelser aldrig, og det afvises ulæst som et muligt angreb (entitetsudvidelse eller eksterne entiteter).`,
  },
};

export const INPUT_003: RuleMeta<Detail> = {
  id: 'GOP-INPUT-003', layer: 'input', severity: 'fatal', reference: 'xmlEncoding',
  title: { da: 'Tegnkodning ikke understøttet eller ugyldige bytes', en: 'Unsupported encoding or invalid bytes' },
  messages: {
    en: ({ en }) => `The bytes cannot be read as text: ${en}`,
    da: ({ da }) => `Bytes kan ikke læses som tekst: ${da}`,
  },
};

export const INPUT_004: RuleMeta<Detail> = {
  id: 'GOP-INPUT-004', layer: 'input', severity: 'fatal', reference: 'security',
  title: { da: 'Input over størrelses- eller dybdegrænsen', en: 'Input over the size or nesting limit' },
  messages: {
    en: ({ en }) => `The input is rejected unread: ${en}.`,
    da: ({ da }) => `Input afvises ulæst: ${da}.`,
  },
};

export const INPUT_005: RuleMeta<Detail> = {
  id: 'GOP-INPUT-005', layer: 'input', severity: 'fatal', reference: 'ggop',
  title: { da: 'Ikke en genoptræningsplan (G-GOP)', en: 'Not a rehabilitation plan (G-GOP)' },
  messages: {
    en: ({ en }) => `This is not a G-GOP message: ${en}`,
    da: ({ da }) => `Dette er ikke en genoptræningsplan (G-GOP): ${da}`,
  },
};

export const INPUT_006: RuleMeta<Detail> = {
  id: 'GOP-INPUT-006', layer: 'input', severity: 'error', reference: 'vans',
  title: { da: 'Fejl i VANS-konvolutten', en: 'Defective VANSEnvelope' },
  messages: {
    en: ({ en }) => `VANSEnvelope: ${en}`,
    da: ({ da }) => `VANS-konvolut: ${da}`,
  },
};

export const INPUT_007: RuleMeta<{ name: string }> = {
  id: 'GOP-INPUT-007', layer: 'input', severity: 'fatal', reference: 'security',
  title: { da: 'Reserveret navn (prototype-forurening)', en: 'Reserved name (prototype pollution)' },
  messages: {
    en: ({ name }) => `The document uses the name "${name}", which is reserved by the security policy (it is used to attack JavaScript prototypes); it is rejected.`,
    da: ({ name }) => `Dokumentet bruger navnet "${name}", som er reserveret af sikkerhedspolitikken (det bruges til angreb på JavaScript-prototyper); det afvises.`,
  },
};

/** How many findings of each severity a report or parse result left out past its cap. */
export type Omitted = Record<Severity, number>;

const SEVERITY_WORDS: Record<Severity, { en: [string, string]; da: [string, string] }> = {
  fatal: { en: ['fatal', 'fatal'], da: ['fatalt', 'fatale'] },
  error: { en: ['error', 'errors'], da: ['fejl', 'fejl'] },
  warning: { en: ['warning', 'warnings'], da: ['advarsel', 'advarsler'] },
  info: { en: ['info', 'infos'], da: ['oplysning', 'oplysninger'] },
};
const omittedList = (omitted: Omitted, language: 'en' | 'da') =>
  (Object.keys(SEVERITY_WORDS) as Severity[]).filter((s) => omitted[s] > 0).map((s) => `${omitted[s]} ${SEVERITY_WORDS[s][language][omitted[s] === 1 ? 0 : 1]}`).join(', ');
const omittedTotal = (omitted: Omitted) => omitted.fatal + omitted.error + omitted.warning + omitted.info;

/**
 * The cap on findings (maxFindings): about the report, not the message, so 'info' — it changes neither `valid` nor a
 * --max-warnings count, which already count every finding left out.
 */
export const INPUT_008: RuleMeta<{ shown: number; omitted: Omitted }> = {
  id: 'GOP-INPUT-008', layer: 'input', severity: 'info', reference: 'security',
  title: { da: 'For mange fund', en: 'Too many findings' },
  messages: {
    en: ({ shown, omitted }) => `Only the first ${shown} findings are listed; ${omittedTotal(omitted)} more are left out (${omittedList(omitted, 'en')}). They count in counts and valid; raise maxFindings to list them.`,
    da: ({ shown, omitted }) => `Kun de første ${shown} fund er vist; ${omittedTotal(omitted)} flere er udeladt (${omittedList(omitted, 'da')}). De tælles med i counts og valid; hæv maxFindings for at se dem.`,
  },
};

export const STRUCT_001: RuleMeta<{ element: string; parent: string }> = {
  id: 'GOP-STRUCT-001', layer: 'structure', severity: 'error', reference: 'ggopAssumed',
  title: { da: 'Obligatorisk element mangler', en: 'Mandatory element missing' },
  messages: {
    en: ({ element, parent }) => `${parent} lacks the mandatory element ${element}.`,
    da: ({ element, parent }) => `${parent} mangler det obligatoriske element ${element}.`,
  },
};

export const STRUCT_002: RuleMeta<{ element: string; max: number }> = {
  id: 'GOP-STRUCT-002', layer: 'structure', severity: 'error', reference: 'ggop',
  title: { da: 'Element gentaget for mange gange', en: 'Element repeated too often' },
  messages: {
    en: ({ element, max }) => `${element} may occur at most ${max === 1 ? 'once' : `${max} times`}; this occurrence is kept aside (extraElements), not read into the plan.`,
    da: ({ element, max }) => `${element} må højst forekomme ${max === 1 ? 'én gang' : `${max} gange`}; denne forekomst er gemt til side (extraElements) og ikke læst ind i planen.`,
  },
};

export const STRUCT_003: RuleMeta<Detail> = {
  id: 'GOP-STRUCT-003', layer: 'structure', severity: 'warning', reference: 'ggop',
  title: { da: 'Ukendt element', en: 'Unknown element' },
  messages: { en: ({ en }) => en, da: ({ da }) => da },
};

export const STRUCT_004: RuleMeta<{ element: string }> = {
  id: 'GOP-STRUCT-004', layer: 'structure', severity: 'error', reference: 'ggopAssumed',
  title: { da: 'Obligatorisk element er tomt', en: 'Mandatory element is empty' },
  messages: {
    en: ({ element }) => `The mandatory element ${element} is present but empty.`,
    da: ({ element }) => `Det obligatoriske element ${element} findes, men er tomt.`,
  },
};

/** A value of a message object built in code whose type its element cannot have (the reader never makes one). */
export const STRUCT_005: RuleMeta<{ element: string; en: string; da: string }> = {
  id: 'GOP-STRUCT-005', layer: 'structure', severity: 'error', reference: 'ggop',
  title: { da: 'Værdi af forkert type', en: 'Value of the wrong type' },
  messages: {
    en: ({ element, en }) => `${element} ${en}; it is left out of every other check.`,
    da: ({ element, da }) => `${element} ${da}; værdien indgår ikke i de øvrige kontroller.`,
  },
};

export const READER_RULES = [INPUT_001, INPUT_002, INPUT_003, INPUT_004, INPUT_005, INPUT_006, INPUT_007, INPUT_008, STRUCT_001, STRUCT_002, STRUCT_003, STRUCT_004, STRUCT_005] as const;
