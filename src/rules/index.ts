import { READER_RULES } from '../findings/reader-rules';
import type { Rule } from './rule';
import codeLists from './catalogue/code-lists';
import formatCodes from './catalogue/format-codes';
import formatContact from './catalogue/format-contact';
import formatCpr from './catalogue/format-cpr';
import formatDate from './catalogue/format-date';
import formatEan from './catalogue/format-ean';
import formatTime from './catalogue/format-time';
import lawAbility from './catalogue/law-ability';
import lawAuthorisedLate from './catalogue/law-authorised-late';
import lawChronology from './catalogue/law-chronology';
import lawConsent from './catalogue/law-consent';
import lawContacts from './catalogue/law-contacts';
import lawDeadlineBeforeDischarge from './catalogue/law-deadline-before-discharge';
import lawDeadlineUnreadable from './catalogue/law-deadline-unreadable';
import lawGp from './catalogue/law-gp';
import lawLevel from './catalogue/law-level';
import lawNeed from './catalogue/law-need';
import lawNoDischarge from './catalogue/law-no-discharge';
import lawOldRegime from './catalogue/law-old-regime';
import lawTotal from './catalogue/law-total';

/** Bumped whenever a rule is added, removed or changes what it finds. */
export const RULESET_VERSION = '2026.11.3';

const READER_DOCS: Record<string, { en: string; da: string }> = {
  'GOP-INPUT-001': { en: 'The document is well-formed XML 1.0 (reported with the line and column of the first error).', da: 'Dokumentet er velformet XML 1.0 (rapporteres med linje og kolonne for første fejl).' },
  'GOP-INPUT-002': { en: 'No DOCTYPE or entity declaration: MedCom messages never carry one, and they enable entity-expansion and external-entity attacks.', da: 'Ingen DOCTYPE eller entitetserklæring: MedCom-meddelelser har dem aldrig, og de muliggør angreb.' },
  'GOP-INPUT-003': { en: 'The bytes are valid in the declared encoding (UTF-8, ISO-8859-1, windows-1252, US-ASCII).', da: 'Bytes er gyldige i den erklærede tegnkodning (UTF-8, ISO-8859-1, windows-1252, US-ASCII).' },
  'GOP-INPUT-004': { en: 'The input stays under the size, nesting and attribute limits.', da: 'Input holder sig under grænserne for størrelse, dybde og attributter.' },
  'GOP-INPUT-005': { en: 'The document is an Emessage in urn:oio:medcom:municipality:1.0.4 carrying a RehabilitationPlan with Letter/TypeCode GGOP.', da: 'Dokumentet er en Emessage i urn:oio:medcom:municipality:1.0.4 med en RehabilitationPlan og Letter/TypeCode GGOP.' },
  'GOP-INPUT-006': { en: 'A VANSEnvelope carries valid base64 Data, and its Document metadata agrees with the message inside.', da: 'En VANS-konvolut bærer gyldig base64 i Data, og dens Document-metadata stemmer med meddelelsen.' },
  'GOP-INPUT-007': { en: 'No element or attribute is named __proto__, constructor or prototype (prototype-pollution attacks). Added to the catalogue by this project.', da: 'Intet element eller attribut hedder __proto__, constructor eller prototype (prototype-forurening). Tilføjet kataloget af projektet.' },
  'GOP-INPUT-008': { en: 'A report lists at most maxFindings findings (default 1,000; never "no limit"), the first in document order; one GOP-INPUT-008 (info) then says how many more were left out, by severity. counts and valid include them. Added by this project.', da: 'En rapport viser højst maxFindings fund (standard 1.000; aldrig "ingen grænse"), de første i dokumentrækkefølge; ét GOP-INPUT-008 (info) siger da, hvor mange flere der er udeladt, efter alvor. counts og valid medregner dem. Tilføjet af projektet.' },
  'GOP-STRUCT-001': { en: 'Every mandatory element is present.', da: 'Alle obligatoriske elementer findes.' },
  'GOP-STRUCT-002': { en: 'No element occurs more often than the standard allows; extra occurrences are kept in extraElements.', da: 'Intet element forekommer oftere end tilladt; overskydende gemmes i extraElements.' },
  'GOP-STRUCT-003': { en: 'Every element is known to the standard, in its namespace; unknown content is kept in extraElements.', da: 'Alle elementer kendes af standarden i deres navnerum; ukendt indhold gemmes i extraElements.' },
  'GOP-STRUCT-004': { en: 'No mandatory element is empty.', da: 'Intet obligatorisk element er tomt.' },
  'GOP-STRUCT-005': { en: 'Every value of a message object has the type of its element: text a string, a repeating element an array, an element with children an object, formatted text { text, content }, a flag true; not null, a number or a cycle. Such a value is left out of every other check. Added by this project: only an object built in code (validateGop) can break it.', da: 'Hver værdi i et meddelelsesobjekt har sit elements type: tekst en streng, et gentaget element en liste, et element med underelementer et objekt, formateret tekst { text, content }, et flag true; ikke null, et tal eller en cyklus. En sådan værdi indgår ikke i de øvrige kontroller. Tilføjet af projektet: kun et objekt bygget i kode (validateGop) kan bryde den.' },
};

/** The catalogue: every rule, in the order reports list layers. Adding a rule = one module + one line here. */
export const rules: readonly Rule[] = [
  ...READER_RULES.map((meta) => ({ ...meta, docs: READER_DOCS[meta.id]! }) as Rule),
  formatDate,
  formatTime,
  formatCpr,
  formatEan,
  formatContact,
  formatCodes,
  codeLists,
  lawLevel,
  lawAbility,
  lawNeed,
  lawTotal,
  lawContacts,
  lawConsent,
  lawGp,
  lawDeadlineUnreadable,
  lawDeadlineBeforeDischarge,
  lawAuthorisedLate,
  lawNoDischarge,
  lawOldRegime,
  lawChronology,
];

export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((rule) => [rule.id, rule]));
export type { Rule, RuleContext, ValueAt } from './rule';
