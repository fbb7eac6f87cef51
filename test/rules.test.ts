import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkGop,
  parseGop,
  REFERENCES,
  ReportSchema,
  rules,
  rulesById,
  validateGop,
  type CheckOptions,
  type Finding,
  type Report,
  type Severity,
} from '../src/index';
import { FIXTURES_DIR, haveSamples, SAMPLE, tinyMessage, GP_COPY_XML } from './helpers';
import { LANGUAGES } from '../src/texts/languages';

// ---------------------------------------------------------------------------------------------
// The baseline: valid/minimal.xml, the smallest lawful message, which produces no finding at all.
// Every case below is that file with one small, visible edit; expected lines and columns are computed
// from the edited string itself (see `at`), never written down by hand.

const MIN = readFileSync(`${FIXTURES_DIR}valid/minimal.xml`, 'utf8');
const P = '/Emessage/RehabilitationPlan';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Offset of the start tag reached by looking for each tag in turn, each after the previous one. */
function offsetOf(xml: string, tags: readonly string[]): number {
  let pos = -1;
  for (const tag of tags) {
    const re = new RegExp(`<${escapeRe(tag)}[\\s/>]`, 'g');
    re.lastIndex = pos + 1;
    const m = re.exec(xml);
    if (!m) throw new Error(`test setup: no <${tag}> in the message (after offset ${pos})`);
    pos = m.index;
  }
  return pos;
}

/** 1-based line and column of that start tag's "<", counted in the string the test passes in. */
function at(xml: string, ...tags: string[]): { line: number; column: number } {
  const pos = offsetOf(xml, tags);
  const before = xml.slice(0, pos);
  return { line: before.split('\n').length, column: pos - before.lastIndexOf('\n') };
}

/** Replaces one exact, unique piece of text. */
function replace(xml: string, from: string, to: string): string {
  const first = xml.indexOf(from);
  if (first < 0 || xml.indexOf(from, first + 1) >= 0) throw new Error(`test setup: "${from}" is not unique in the message`);
  return xml.slice(0, first) + to + xml.slice(first + from.length);
}

/** Sets the text of the element reached by `tags` (see offsetOf). */
function setText(xml: string, tags: readonly string[], value: string): string {
  const start = offsetOf(xml, tags);
  const open = xml.indexOf('>', start);
  const close = xml.indexOf('<', open);
  return xml.slice(0, open + 1) + value + xml.slice(close);
}

/** Removes the element reached by `tags`, with the indentation before it. */
function drop(xml: string, ...tags: string[]): string {
  const start = offsetOf(xml, tags);
  const name = tags[tags.length - 1]!;
  const open = xml.indexOf('>', start);
  const end = xml[open - 1] === '/' ? open + 1 : xml.indexOf(`</${name}>`, start) + name.length + 3;
  const lineStart = xml.lastIndexOf('\n', start - 1);
  return xml.slice(0, /^\s*$/.test(xml.slice(lineStart, start)) ? lineStart : start) + xml.slice(end);
}

function insert(xml: string, anchor: string, lines: string[], where: 'before' | 'after'): string {
  const first = xml.indexOf(anchor);
  if (first < 0 || xml.indexOf(anchor, first + 1) >= 0) throw new Error(`test setup: "${anchor}" is not unique in the message`);
  const lineStart = xml.lastIndexOf('\n', first) + 1;
  const indent = /^[ \t]*/.exec(xml.slice(lineStart))![0];
  const block = lines.map((l) => indent + l).join('\n');
  if (where === 'before') return `${xml.slice(0, lineStart)}${block}\n${xml.slice(lineStart)}`;
  const lineEnd = xml.indexOf('\n', first);
  return `${xml.slice(0, lineEnd)}\n${block}${xml.slice(lineEnd)}`;
}
/** New lines after the line holding `anchor`, indented like it. */
const after = (xml: string, anchor: string, ...lines: string[]) => insert(xml, anchor, lines, 'after');
/** New lines before the line holding `anchor`, indented like it. */
const before = (xml: string, anchor: string, ...lines: string[]) => insert(xml, anchor, lines, 'before');

/** A start deadline, where the standard puts it (just before CurrentHospitalContact). */
const withDeadline = (text: string, xml = MIN) =>
  before(xml, '<CurrentHospitalContact>', `<RehabilitationDeadline>${text}</RehabilitationDeadline>`);
const withLevel = (level: string, xml = MIN) => setText(xml, ['TypeOfRehabilitationPlan'], level);
const withConsent = (consent: string, xml = MIN) => setText(xml, ['ConsentInformed'], consent);
const authorisedOn = (date: string, xml = MIN) => setText(xml, ['Authorisation', 'mm100:Date'], date);
const sentOn = (date: string, xml = MIN) => setText(xml, ['mm100:Sent', 'mm100:Date'], date);
const admittedOn = (date: string, xml = MIN) => setText(xml, ['Start', 'Date'], date);
const dischargedOn = (date: string, xml = MIN) => setText(xml, ['ExpectedEnd', 'Date'], date);

/** The total description that level rehabilitering asks for. */
const withExtended = (
  xml: string,
  text = 'Samlet funktionsevne: afasi og højresidig lammelse; behov for støtte til at vende tilbage til arbejdet.',
) => before(xml, '<RehabilitationNeedAndPotential>', `<AbilityAtDischargeExtended>${text}</AbilityAtDischargeExtended>`);

/** A copy to the patient's GP instead of the opt-out. 5790002012273: check digit 3, computed by hand. */
const withGpCopy = (xml: string) => replace(xml, '<Deselected/>', GP_COPY_XML);

const withDiagnosis = (code: string, typeCode = 'ICD10kode', xml = MIN) =>
  before(
    xml,
    '<ContactCounty>',
    '<ICD10Diagnoses>',
    '  <ICD10Diagnose>',
    '    <PrimaryDiagnosis>',
    `      <Code>${code}</Code>`,
    `      <TypeCode>${typeCode}</TypeCode>`,
    '    </PrimaryDiagnosis>',
    '  </ICD10Diagnose>',
    '</ICD10Diagnoses>',
  );

const withIcf = (...codes: string[]) =>
  before(
    MIN,
    '<ContactCounty>',
    '<ICFClassifications>',
    ...codes.flatMap((code) => [
      '  <ICFClassification>',
      '    <ICFCode>',
      `      <Code>${code}</Code>`,
      '      <TypeCode>ICFKode</TypeCode>',
      '    </ICFCode>',
      '  </ICFClassification>',
    ]),
    '</ICFClassifications>',
  );

const withPatientPhone = (number: string, code: string, xml = MIN) =>
  after(
    xml,
    '<mm100:PersonGivenName>',
    '<TelephoneSubscriber>',
    `  <mm100:TelephoneSubscriberIdentifier>${number}</mm100:TelephoneSubscriberIdentifier>`,
    `  <TelephoneSubscriberCode>${code}</TelephoneSubscriberCode>`,
    '</TelephoneSubscriber>',
  );

/** Admitted 2014-12-20; authorised, sent and discharged on `date` (either side of the 2015 order). */
const plannedOn = (date: string, xml: string) => admittedOn('2014-12-20', dischargedOn(date, sentOn(date, authorisedOn(date, xml))));

/** What GOP-LAW-001..003 look for, all at once: a level that is none of the three, no ability, no need. */
const withoutContent = (xml: string) =>
  drop(setText(withLevel('avanceret', xml), ['AbilityAtDischargeSummary'], '  '), 'RehabilitationNeedAndPotential');

// ---------------------------------------------------------------------------------------------

interface Want {
  rule: string;
  severity: Severity;
  path: string;
  /** the start tag the finding must point at (for an absent element: its nearest present ancestor) */
  at: string[];
  message?: RegExp;
}
interface FireCase {
  rule: string;
  name: string;
  xml: string;
  want: Want[];
  options?: CheckOptions;
}
interface SilentCase {
  rule: string;
  name: string;
  xml: string;
  others?: string[];
}

const located = (f: Finding) => ({ ruleId: f.ruleId, severity: f.severity, path: f.path, line: f.line, column: f.column });
const byKey = (a: { ruleId: string; path: string; line?: number }, b: typeof a) =>
  `${a.ruleId} ${a.path} ${a.line}`.localeCompare(`${b.ruleId} ${b.path} ${b.line}`);
const ids = (report: Report) => report.findings.map((f) => f.ruleId);

const FIRES: FireCase[] = [
  // GOP-FORMAT-001: dates
  {
    rule: 'GOP-FORMAT-001',
    name: 'admission on 29 February of a common year (2015-02-29)',
    xml: admittedOn('2015-02-29'),
    want: [
      {
        rule: 'GOP-FORMAT-001',
        severity: 'error',
        path: `${P}/CurrentHospitalContact/Start/Date`,
        at: ['Start', 'Date'],
        message: /"2015-02-29"/,
      },
    ],
  },
  {
    rule: 'GOP-FORMAT-001',
    name: 'authorisation date written the Danish way (05.03.2019)',
    xml: authorisedOn('05.03.2019'),
    want: [{ rule: 'GOP-FORMAT-001', severity: 'error', path: `${P}/Letter/Authorisation/Date`, at: ['Authorisation', 'mm100:Date'] }],
  },
  // GOP-FORMAT-002: times
  {
    rule: 'GOP-FORMAT-002',
    name: 'sent at 24:15',
    xml: setText(MIN, ['mm100:Sent', 'mm100:Time'], '24:15'),
    want: [
      {
        rule: 'GOP-FORMAT-002',
        severity: 'error',
        path: '/Emessage/Envelope/Sent/Time',
        at: ['mm100:Sent', 'mm100:Time'],
        message: /"24:15"/,
      },
    ],
  },
  {
    rule: 'GOP-FORMAT-002',
    name: 'authorised at 9:58 (one-digit hour)',
    xml: setText(MIN, ['Authorisation', 'mm100:Time'], '9:58'),
    want: [{ rule: 'GOP-FORMAT-002', severity: 'error', path: `${P}/Letter/Authorisation/Time`, at: ['Authorisation', 'mm100:Time'] }],
  },
  // GOP-FORMAT-003: CPR
  {
    rule: 'GOP-FORMAT-003',
    name: 'CPR 290285-1234 (29 February 1985, not a leap year)',
    xml: setText(MIN, ['mm100:CivilRegistrationNumber'], '2902851234'),
    want: [
      {
        rule: 'GOP-FORMAT-003',
        severity: 'error',
        path: `${P}/Patient/CivilRegistrationNumber`,
        at: ['mm100:CivilRegistrationNumber'],
        message: /not a real date of birth/,
      },
    ],
  },
  {
    rule: 'GOP-FORMAT-003',
    name: 'CPR 290200-3000 (7th digit 3: 1900, not a leap year)',
    xml: setText(MIN, ['mm100:CivilRegistrationNumber'], '2902003000'),
    want: [
      { rule: 'GOP-FORMAT-003', severity: 'error', path: `${P}/Patient/CivilRegistrationNumber`, at: ['mm100:CivilRegistrationNumber'] },
    ],
  },
  {
    rule: 'GOP-FORMAT-003',
    name: 'CPR of 9 digits',
    xml: setText(MIN, ['mm100:CivilRegistrationNumber'], '051247183'),
    want: [
      {
        rule: 'GOP-FORMAT-003',
        severity: 'error',
        path: `${P}/Patient/CivilRegistrationNumber`,
        at: ['mm100:CivilRegistrationNumber'],
        message: /not exactly 10 digits/,
      },
    ],
  },
  // GOP-FORMAT-004: EAN/GLN
  {
    rule: 'GOP-FORMAT-004',
    name: 'sender EAN with check digit 1 instead of 0',
    xml: setText(MIN, ['Sender', 'mm100:EANIdentifier'], '5790002724511'),
    want: [
      {
        rule: 'GOP-FORMAT-004',
        severity: 'error',
        path: `${P}/Sender/EANIdentifier`,
        at: ['Sender', 'mm100:EANIdentifier'],
        message: /should be 0/,
      },
    ],
  },
  {
    rule: 'GOP-FORMAT-004',
    name: 'receiver EAN of 12 digits',
    xml: setText(MIN, ['Receiver', 'mm100:EANIdentifier'], '579000139919'),
    want: [
      {
        rule: 'GOP-FORMAT-004',
        severity: 'error',
        path: `${P}/Receiver/EANIdentifier`,
        at: ['Receiver', 'mm100:EANIdentifier'],
        message: /not a 13-digit/,
      },
    ],
  },
  // GOP-FORMAT-005: postcode, phone, e-mail
  {
    rule: 'GOP-FORMAT-005',
    name: 'patient postcode 52600',
    xml: after(MIN, '<mm100:PersonGivenName>', '<mm100:PostCodeIdentifier>52600</mm100:PostCodeIdentifier>'),
    want: [
      { rule: 'GOP-FORMAT-005', severity: 'warning', path: `${P}/Patient/PostCodeIdentifier`, at: ['Patient', 'mm100:PostCodeIdentifier'] },
    ],
  },
  {
    rule: 'GOP-FORMAT-005',
    name: 'region phone of 7 digits',
    xml: setText(MIN, ['ContactCounty', 'mm100:TelephoneSubscriberIdentifier'], '4829314'),
    want: [
      {
        rule: 'GOP-FORMAT-005',
        severity: 'warning',
        path: `${P}/ContactCounty/TelephoneSubscriberIdentifier`,
        at: ['ContactCounty', 'mm100:TelephoneSubscriberIdentifier'],
      },
    ],
  },
  {
    rule: 'GOP-FORMAT-005',
    name: 'patient e-mail without a domain',
    xml: after(MIN, '<mm100:PersonGivenName>', '<EmailAddressIdentifier>kirsten@</EmailAddressIdentifier>'),
    want: [{ rule: 'GOP-FORMAT-005', severity: 'warning', path: `${P}/Patient/EmailAddressIdentifier`, at: ['EmailAddressIdentifier'] }],
  },
  // GOP-FORMAT-006: diagnosis and ICF codes
  {
    rule: 'GOP-FORMAT-006',
    name: 'diagnosis written the WHO way (S72.0)',
    xml: withDiagnosis('S72.0'),
    want: [
      {
        rule: 'GOP-FORMAT-006',
        severity: 'warning',
        path: `${P}/ICD10Diagnoses/ICD10Diagnose[1]/PrimaryDiagnosis/Code`,
        at: ['PrimaryDiagnosis', 'Code'],
      },
    ],
  },
  {
    rule: 'GOP-FORMAT-006',
    name: 'ICF code FX799 (no such component)',
    xml: withIcf('FX799'),
    want: [
      {
        rule: 'GOP-FORMAT-006',
        severity: 'warning',
        path: `${P}/ICFClassifications/ICFClassification[1]/ICFCode/Code`,
        at: ['ICFCode', 'Code'],
      },
    ],
  },
  // GOP-CODE-001: code lists
  {
    rule: 'GOP-CODE-001',
    name: 'telephone code mobiltelefon',
    xml: withPatientPhone('20 30 40 50', 'mobiltelefon'),
    want: [
      {
        rule: 'GOP-CODE-001',
        severity: 'error',
        path: `${P}/Patient/TelephoneSubscriber[1]/TelephoneSubscriberCode`,
        at: ['TelephoneSubscriber', 'TelephoneSubscriberCode'],
        message: /TelephoneSubscriberCode/,
      },
    ],
  },
  {
    rule: 'GOP-CODE-001',
    name: 'consent Ja (code lists are case-sensitive)',
    xml: withConsent('Ja'),
    want: [{ rule: 'GOP-CODE-001', severity: 'error', path: `${P}/ConsentInformed`, at: ['ConsentInformed'] }],
  },
  {
    rule: 'GOP-CODE-001',
    name: 'diagnosis TypeCode ICD-10',
    xml: withDiagnosis('DS720', 'ICD-10'),
    want: [
      {
        rule: 'GOP-CODE-001',
        severity: 'error',
        path: `${P}/ICD10Diagnoses/ICD10Diagnose[1]/PrimaryDiagnosis/TypeCode`,
        at: ['PrimaryDiagnosis', 'TypeCode'],
      },
    ],
  },
  // GOP-LAW-001: level
  {
    rule: 'GOP-LAW-001',
    name: "level avanceret (the municipality's split of almen)",
    xml: withLevel('avanceret'),
    want: [
      {
        rule: 'GOP-LAW-001',
        severity: 'error',
        path: `${P}/TypeOfRehabilitationPlan`,
        at: ['TypeOfRehabilitationPlan'],
        message: /"avanceret"/,
      },
    ],
  },
  {
    rule: 'GOP-LAW-001',
    name: 'level Almen (case matters)',
    xml: withLevel('Almen'),
    want: [
      {
        rule: 'GOP-LAW-001',
        severity: 'error',
        path: `${P}/TypeOfRehabilitationPlan`,
        at: ['TypeOfRehabilitationPlan'],
        message: /"Almen" is not one of/,
      },
    ],
  },
  {
    rule: 'GOP-LAW-001',
    name: "no TypeOfRehabilitationPlan: the law's finding beside the structure finding",
    xml: drop(MIN, 'TypeOfRehabilitationPlan'),
    want: [
      { rule: 'GOP-STRUCT-001', severity: 'error', path: P, at: ['RehabilitationPlan'] },
      {
        rule: 'GOP-LAW-001',
        severity: 'error',
        path: `${P}/TypeOfRehabilitationPlan`,
        at: ['RehabilitationPlan'],
        message: /^The plan states no specialisation level \(TypeOfRehabilitationPlan\)/,
      },
    ],
  },
  {
    rule: 'GOP-LAW-001',
    name: 'an empty TypeOfRehabilitationPlan: "no level", not "not one of the three"',
    xml: withLevel(''),
    want: [
      { rule: 'GOP-STRUCT-004', severity: 'error', path: `${P}/TypeOfRehabilitationPlan`, at: ['TypeOfRehabilitationPlan'] },
      {
        rule: 'GOP-LAW-001',
        severity: 'error',
        path: `${P}/TypeOfRehabilitationPlan`,
        at: ['TypeOfRehabilitationPlan'],
        message: /^The plan states no specialisation level/,
      },
    ],
  },
  // GOP-LAW-002: ability at discharge
  {
    rule: 'GOP-LAW-002',
    name: 'AbilityAtDischargeSummary of whitespace only',
    xml: setText(MIN, ['AbilityAtDischargeSummary'], '   '),
    want: [{ rule: 'GOP-LAW-002', severity: 'error', path: `${P}/AbilityAtDischargeSummary`, at: ['AbilityAtDischargeSummary'] }],
  },
  {
    rule: 'GOP-LAW-002',
    name: 'no AbilityAtDischargeSummary (points at RehabilitationPlan)',
    xml: drop(MIN, 'AbilityAtDischargeSummary'),
    want: [{ rule: 'GOP-LAW-002', severity: 'error', path: `${P}/AbilityAtDischargeSummary`, at: ['RehabilitationPlan'] }],
  },
  // GOP-LAW-003: need
  {
    rule: 'GOP-LAW-003',
    name: 'no RehabilitationNeedAndPotential (points at RehabilitationPlan)',
    xml: drop(MIN, 'RehabilitationNeedAndPotential'),
    want: [{ rule: 'GOP-LAW-003', severity: 'error', path: `${P}/RehabilitationNeedAndPotential`, at: ['RehabilitationPlan'] }],
  },
  // GOP-LAW-004: total description for rehabilitering
  {
    rule: 'GOP-LAW-004',
    name: 'rehabilitering without AbilityAtDischargeExtended',
    xml: withLevel('rehabilitering'),
    want: [{ rule: 'GOP-LAW-004', severity: 'error', path: `${P}/AbilityAtDischargeExtended`, at: ['RehabilitationPlan'] }],
  },
  {
    rule: 'GOP-LAW-004',
    name: 'rehabilitering with a blank AbilityAtDischargeExtended',
    xml: withExtended(withLevel('rehabilitering'), ' '),
    want: [{ rule: 'GOP-LAW-004', severity: 'error', path: `${P}/AbilityAtDischargeExtended`, at: ['AbilityAtDischargeExtended'] }],
  },
  // GOP-LAW-005: contacts
  {
    rule: 'GOP-LAW-005',
    name: 'ContactCounty with only a department name',
    xml: replace(
      MIN,
      '<mm100:TelephoneSubscriberIdentifier>48 29 31 40</mm100:TelephoneSubscriberIdentifier>',
      '<mm100:DepartmentName>Region Hovedstaden</mm100:DepartmentName>',
    ),
    want: [
      {
        rule: 'GOP-LAW-005',
        severity: 'warning',
        path: `${P}/ContactCounty`,
        at: ['ContactCounty'],
        message: /neither a phone number nor a street address/,
      },
    ],
  },
  {
    rule: 'GOP-LAW-005',
    name: 'ContactMunicipality with a street but no postcode',
    xml: replace(
      MIN,
      '<mm100:TelephoneSubscriberIdentifier>72 32 25 50</mm100:TelephoneSubscriberIdentifier>',
      '<mm100:StreetName>Rådhuspladsen 1</mm100:StreetName>',
    ),
    want: [{ rule: 'GOP-LAW-005', severity: 'warning', path: `${P}/ContactMunicipality`, at: ['ContactMunicipality'] }],
  },
  {
    rule: 'GOP-LAW-005',
    name: 'no ContactMunicipality at all',
    xml: drop(MIN, 'ContactMunicipality'),
    want: [
      {
        rule: 'GOP-LAW-005',
        severity: 'warning',
        path: `${P}/ContactMunicipality`,
        at: ['RehabilitationPlan'],
        message: /no contact details for the home municipality/,
      },
    ],
  },
  // GOP-LAW-006: consent
  {
    rule: 'GOP-LAW-006',
    name: 'consent nej, addressed to a municipality (GP opted out)',
    xml: withConsent('nej'),
    want: [
      { rule: 'GOP-LAW-006', severity: 'error', path: `${P}/Receiver`, at: ['Receiver'], message: /addressed to the home municipality/ },
    ],
  },
  {
    rule: 'GOP-LAW-006',
    name: 'consent nej, receiver given by location number (still the home municipality) and copied to the GP',
    xml: withConsent(
      'nej',
      withGpCopy(replace(MIN, '<IdentifierCode>kommunenummer</IdentifierCode>', '<IdentifierCode>lokationsnummer</IdentifierCode>')),
    ),
    want: [
      { rule: 'GOP-LAW-006', severity: 'error', path: `${P}/Receiver`, at: ['Receiver'], message: /addressed to the home municipality/ },
      {
        rule: 'GOP-LAW-006',
        severity: 'error',
        path: `${P}/GPCCReceiver/CCReceiver`,
        at: ['GPCCReceiver', 'CCReceiver'],
        message: /copied to the GP/,
      },
    ],
  },
  {
    rule: 'GOP-LAW-006',
    name: 'consent nej, to a municipality and copied to the GP: two findings',
    xml: withConsent('nej', withGpCopy(MIN)),
    want: [
      { rule: 'GOP-LAW-006', severity: 'error', path: `${P}/Receiver`, at: ['Receiver'] },
      { rule: 'GOP-LAW-006', severity: 'error', path: `${P}/GPCCReceiver/CCReceiver`, at: ['GPCCReceiver', 'CCReceiver'] },
    ],
  },
  // GOP-LAW-007: GP copy or opt-out
  {
    rule: 'GOP-LAW-007',
    name: 'no GPCCReceiver (points at RehabilitationPlan)',
    xml: drop(MIN, 'GPCCReceiver'),
    want: [
      { rule: 'GOP-LAW-007', severity: 'warning', path: `${P}/GPCCReceiver`, at: ['RehabilitationPlan'], message: /has no GPCCReceiver/ },
    ],
  },
  {
    rule: 'GOP-LAW-007',
    name: 'an empty <GPCCReceiver/>',
    xml: replace(MIN, '<GPCCReceiver>\n      <Deselected/>\n    </GPCCReceiver>', '<GPCCReceiver/>'),
    want: [{ rule: 'GOP-LAW-007', severity: 'warning', path: `${P}/GPCCReceiver`, at: ['GPCCReceiver'], message: /names neither/ }],
  },
  // GOP-LAW-008: unreadable deadline
  {
    rule: 'GOP-LAW-008',
    name: 'deadline "når patienten er klar"',
    xml: withDeadline('når patienten er klar'),
    want: [
      {
        rule: 'GOP-LAW-008',
        severity: 'warning',
        path: `${P}/RehabilitationDeadline`,
        at: ['RehabilitationDeadline'],
        message: /når patienten er klar/,
      },
    ],
  },
  {
    rule: 'GOP-LAW-008',
    name: 'deadline 30.02.2019 (no such day)',
    xml: withDeadline('senest 30.02.2019'),
    want: [{ rule: 'GOP-LAW-008', severity: 'warning', path: `${P}/RehabilitationDeadline`, at: ['RehabilitationDeadline'] }],
  },
  // GOP-LAW-009: deadline before discharge
  {
    rule: 'GOP-LAW-009',
    name: 'deadline 01.03.2019, four days before the discharge on 2019-03-05',
    xml: withDeadline('senest 01.03.2019'),
    want: [
      {
        rule: 'GOP-LAW-009',
        severity: 'error',
        path: `${P}/RehabilitationDeadline`,
        at: ['RehabilitationDeadline'],
        message: /2019-03-01.*2019-03-05/,
      },
    ],
  },
  // GOP-LAW-010: authorised after discharge
  {
    rule: 'GOP-LAW-010',
    name: 'authorised and sent 2019-03-06, the day after discharge',
    xml: sentOn('2019-03-06', authorisedOn('2019-03-06')),
    want: [
      {
        rule: 'GOP-LAW-010',
        severity: 'warning',
        path: `${P}/Letter/Authorisation`,
        at: ['Authorisation'],
        message: /2019-03-06.*2019-03-05/,
      },
    ],
  },
  // GOP-LAW-011: no discharge date
  {
    rule: 'GOP-LAW-011',
    name: 'no ExpectedEnd (points at CurrentHospitalContact)',
    xml: drop(MIN, 'ExpectedEnd'),
    want: [{ rule: 'GOP-LAW-011', severity: 'warning', path: `${P}/CurrentHospitalContact/ExpectedEnd`, at: ['CurrentHospitalContact'] }],
  },
  {
    rule: 'GOP-LAW-011',
    name: 'only ExpectedEndText',
    xml: after(drop(MIN, 'ExpectedEnd'), '</Start>', '<ExpectedEndText>Forventet udskrivelse i næste uge</ExpectedEndText>'),
    want: [
      {
        rule: 'GOP-LAW-011',
        severity: 'warning',
        path: `${P}/CurrentHospitalContact/ExpectedEnd`,
        at: ['CurrentHospitalContact'],
        message: /only free text/,
      },
    ],
  },
  {
    rule: 'GOP-LAW-011',
    name: 'no CurrentHospitalContact at all (points at RehabilitationPlan)',
    xml: drop(MIN, 'CurrentHospitalContact'),
    want: [{ rule: 'GOP-LAW-011', severity: 'warning', path: `${P}/CurrentHospitalContact/ExpectedEnd`, at: ['RehabilitationPlan'] }],
  },
  // GOP-LAW-012: old regime; the content rules GOP-LAW-001..004 are then not applied
  {
    rule: 'GOP-LAW-012',
    name: 'authorised 2014-12-31, level avanceret, no ability, no need: only the info',
    xml: plannedOn('2014-12-31', withoutContent(MIN)),
    want: [{ rule: 'GOP-LAW-012', severity: 'info', path: `${P}/Letter/Authorisation`, at: ['Authorisation'], message: /2014-12-31/ }],
  },
  {
    rule: 'GOP-LAW-012',
    name: 'authorised 2014-12-31, rehabilitering without the total description: only the info',
    xml: plannedOn('2014-12-31', withLevel('rehabilitering')),
    want: [{ rule: 'GOP-LAW-012', severity: 'info', path: `${P}/Letter/Authorisation`, at: ['Authorisation'] }],
  },
  // GOP-LAW-013: dates in an impossible order (added by the project)
  {
    rule: 'GOP-LAW-013',
    name: 'admitted 2019-03-06, after the discharge on 2019-03-05',
    xml: admittedOn('2019-03-06'),
    want: [
      {
        rule: 'GOP-LAW-013',
        severity: 'warning',
        path: `${P}/CurrentHospitalContact/Start`,
        at: ['Start'],
        message: /admission \(2019-03-06\) is after the discharge \(2019-03-05\)/,
      },
    ],
  },
  {
    rule: 'GOP-LAW-013',
    name: 'sent 09:41, authorised 09:58 the same day',
    xml: setText(MIN, ['mm100:Sent', 'mm100:Time'], '09:41'),
    want: [
      {
        rule: 'GOP-LAW-013',
        severity: 'warning',
        path: '/Emessage/Envelope/Sent',
        at: ['mm100:Sent'],
        message: /sent \(2019-03-05T09:41\) before the plan was authorised \(2019-03-05T09:58\)/,
      },
    ],
  },
];

const SILENT: SilentCase[] = [
  { rule: 'GOP-FORMAT-001', name: 'admission on 2016-02-29 (a leap day)', xml: admittedOn('2016-02-29') },
  { rule: 'GOP-FORMAT-001', name: 'admission on 2000-02-29 (divisible by 400)', xml: admittedOn('2000-02-29') },
  {
    rule: 'GOP-FORMAT-002',
    name: 'authorised at 00:00 and sent at 23:59',
    xml: setText(setText(MIN, ['Authorisation', 'mm100:Time'], '00:00'), ['mm100:Sent', 'mm100:Time'], '23:59'),
  },
  {
    rule: 'GOP-FORMAT-003',
    name: 'CPR 290284-1234 (29 February 1984, a leap year)',
    xml: setText(MIN, ['mm100:CivilRegistrationNumber'], '2902841234'),
  },
  {
    rule: 'GOP-FORMAT-003',
    name: 'CPR 290200-4000 (7th digit 4 and year 00: 2000, a leap year)',
    xml: setText(MIN, ['mm100:CivilRegistrationNumber'], '2902004000'),
  },
  {
    rule: 'GOP-FORMAT-003',
    name: 'CPR failing modulus 11 (not required since 2007)',
    xml: setText(MIN, ['mm100:CivilRegistrationNumber'], '0512471831'),
  },
  // 5,7,9,0,0,0,1,3,5,4,1,4 weighted 1,3,1,3,...: 5+21+9+0+0+0+1+9+5+12+1+12 = 75, check digit (10 - 5) % 10 = 5
  {
    rule: 'GOP-FORMAT-004',
    name: 'sender EAN 5790001354145 (correct GS1 check digit 5)',
    xml: setText(MIN, ['Sender', 'mm100:EANIdentifier'], '5790001354145'),
  },
  {
    rule: 'GOP-FORMAT-005',
    name: 'postcode 5260, phone +45 48 29 31 40, a well-formed e-mail',
    xml: setText(
      after(
        MIN,
        '<mm100:PersonGivenName>',
        '<mm100:PostCodeIdentifier>5260</mm100:PostCodeIdentifier>',
        '<EmailAddressIdentifier>kirsten.hojgaard@example.dk</EmailAddressIdentifier>',
      ),
      ['ContactCounty', 'mm100:TelephoneSubscriberIdentifier'],
      '+45 48 29 31 40',
    ),
  },
  { rule: 'GOP-FORMAT-006', name: 'SKS diagnosis DS720', xml: withDiagnosis('DS720') },
  { rule: 'GOP-FORMAT-006', name: 'ICF codes FB799 (SKS) and b2801 (WHO)', xml: withIcf('FB799', 'b2801') },
  { rule: 'GOP-CODE-001', name: 'telephone code mobil', xml: withPatientPhone('20 30 40 50', 'mobil') },
  { rule: 'GOP-LAW-001', name: 'level specialiseret', xml: withLevel('specialiseret') },
  {
    rule: 'GOP-LAW-001',
    name: 'no TypeOfRehabilitationPlan in a plan authorised 2014-12-31 (old regime): only the structure finding',
    xml: plannedOn('2014-12-31', drop(MIN, 'TypeOfRehabilitationPlan')),
    others: ['GOP-STRUCT-001', 'GOP-LAW-012'],
  },
  {
    rule: 'GOP-LAW-002',
    name: 'ability at discharge given only in bold',
    xml: setText(MIN, ['AbilityAtDischargeSummary'], '<mm100:Bold>Går med rollator</mm100:Bold>'),
  },
  { rule: 'GOP-LAW-003', name: 'need described (minimal.xml itself)', xml: MIN },
  { rule: 'GOP-LAW-004', name: 'almen without AbilityAtDischargeExtended (minimal.xml itself)', xml: MIN },
  { rule: 'GOP-LAW-004', name: 'rehabilitering with AbilityAtDischargeExtended', xml: withExtended(withLevel('rehabilitering')) },
  { rule: 'GOP-LAW-005', name: 'ContactCounty with a phone (minimal.xml itself)', xml: MIN },
  {
    rule: 'GOP-LAW-005',
    name: 'ContactCounty with a street and postcode, no phone',
    xml: replace(
      MIN,
      '<mm100:TelephoneSubscriberIdentifier>48 29 31 40</mm100:TelephoneSubscriberIdentifier>',
      '<mm100:StreetName>Kongens Vænge 2</mm100:StreetName>\n      <mm100:PostCodeIdentifier>3400</mm100:PostCodeIdentifier>',
    ),
  },
  { rule: 'GOP-LAW-006', name: 'consent ja, to a municipality and copied to the GP', xml: withConsent('ja', withGpCopy(MIN)) },
  { rule: 'GOP-LAW-006', name: 'consent ja, GP opted out (minimal.xml itself)', xml: MIN },
  { rule: 'GOP-LAW-007', name: 'GPCCReceiver with <Deselected/> (minimal.xml itself)', xml: MIN },
  { rule: 'GOP-LAW-007', name: 'GPCCReceiver with the GP', xml: withGpCopy(MIN) },
  { rule: 'GOP-LAW-008', name: 'deadline "inden for 7 dage"', xml: withDeadline('inden for 7 dage') },
  { rule: 'GOP-LAW-008', name: 'deadline "hurtigst muligt"', xml: withDeadline('hurtigst muligt') },
  { rule: 'GOP-LAW-008', name: 'deadline "ingen"', xml: withDeadline('ingen') },
  { rule: 'GOP-LAW-009', name: 'deadline 05.03.2019, the discharge day itself', xml: withDeadline('senest 05.03.2019') },
  { rule: 'GOP-LAW-010', name: 'authorised the day before discharge', xml: sentOn('2019-03-04', authorisedOn('2019-03-04')) },
  {
    rule: 'GOP-LAW-011',
    name: 'an invalid discharge date is GOP-FORMAT-001, not GOP-LAW-011',
    xml: dischargedOn('2019-02-30'),
    others: ['GOP-FORMAT-001'],
  },
  {
    rule: 'GOP-LAW-012',
    name: 'authorised 2015-01-01, level avanceret: the 2015 rules apply',
    xml: plannedOn('2015-01-01', withLevel('avanceret')),
    others: ['GOP-LAW-001'],
  },
  {
    rule: 'GOP-LAW-012',
    name: 'authorised 2015-01-01, no content: GOP-LAW-001..003 fire',
    xml: plannedOn('2015-01-01', withoutContent(MIN)),
    others: ['GOP-LAW-001', 'GOP-LAW-002', 'GOP-LAW-003'],
  },
  { rule: 'GOP-LAW-013', name: 'sent in the very minute of authorisation', xml: setText(MIN, ['mm100:Sent', 'mm100:Time'], '09:58') },
  {
    rule: 'GOP-LAW-013',
    name: 'sent the next day at an earlier clock time',
    xml: setText(sentOn('2019-03-06'), ['mm100:Sent', 'mm100:Time'], '08:00'),
  },
  { rule: 'GOP-LAW-013', name: 'admitted on the discharge day', xml: admittedOn('2019-03-05') },
];

const present = (c: { rule: string }) => rulesById.has(c.rule);

describe('each rule: fires where it should, with where', () => {
  it('the baseline, valid/minimal.xml, has no finding at all', () => {
    const report = checkGop(MIN);
    expect(report.findings).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it.each(FIRES.filter(present))('$rule fires: $name', ({ xml, want, options }) => {
    const report = checkGop(xml, options);
    const expected = want.map((w) => ({ ruleId: w.rule, severity: w.severity, path: w.path, ...at(xml, ...w.at) }));
    expect(report.findings.map(located).sort(byKey)).toEqual(expected.sort(byKey));
    for (const w of want.filter((w) => w.message)) {
      const finding = report.findings.find((f) => f.ruleId === w.rule && f.path === w.path)!;
      expect(finding.message).toMatch(w.message!);
      expect(finding.messageDa.length).toBeGreaterThan(0);
      expect(finding.reference).toBe(REFERENCES[rulesById.get(w.rule)!.referenceKey].label);
    }
    expect(report.valid).toBe(!want.some((w) => w.severity === 'error'));
  });

  it.each(SILENT.filter(present))('$rule stays silent: $name', ({ rule, xml, others = [] }) => {
    const report = checkGop(xml);
    expect(ids(report)).not.toContain(rule);
    expect(ids(report).sort()).toEqual([...others].sort());
  });

  it('every rule with a check function has a case that fires and a near miss that stays silent', () => {
    const checked = rules.filter((r) => r.check).map((r) => r.id);
    expect(checked.filter((id) => !FIRES.some((c) => c.rule === id))).toEqual([]);
    expect(checked.filter((id) => !SILENT.some((c) => c.rule === id))).toEqual([]);
    // and every fire case really fires its rule (not only some other one)
    for (const c of FIRES.filter(present)) expect(ids(checkGop(c.xml, c.options)), c.name).toContain(c.rule);
  });

  it('a message without the content the law asks for (tinyMessage) gets each law finding at RehabilitationPlan', () => {
    const xml = tinyMessage();
    const report = checkGop(xml);
    const plan = at(xml, 'RehabilitationPlan');
    expect(report.findings.map(located).sort(byKey)).toEqual(
      [
        { ruleId: 'GOP-LAW-002', severity: 'error', path: `${P}/AbilityAtDischargeSummary`, ...plan },
        { ruleId: 'GOP-LAW-003', severity: 'error', path: `${P}/RehabilitationNeedAndPotential`, ...plan },
        { ruleId: 'GOP-LAW-005', severity: 'warning', path: `${P}/ContactCounty`, ...plan },
        { ruleId: 'GOP-LAW-005', severity: 'warning', path: `${P}/ContactMunicipality`, ...plan },
        { ruleId: 'GOP-LAW-007', severity: 'warning', path: `${P}/GPCCReceiver`, ...plan },
        { ruleId: 'GOP-LAW-011', severity: 'warning', path: `${P}/CurrentHospitalContact/ExpectedEnd`, ...plan },
      ].sort(byKey),
    );
    expect(report.valid).toBe(false);
    expect(report.counts).toEqual({ fatal: 0, error: 2, warning: 4, info: 0 });
  });

  it('findings come in document order (line, then column), whatever their layer', () => {
    let xml = sentOn('2019-03-06', authorisedOn('2019-03-06')); // GOP-LAW-010 at Authorisation, line 15
    xml = withDeadline('når patienten er klar', xml); // GOP-LAW-008 further down
    xml = setText(xml, ['Sender', 'mm100:EANIdentifier'], '5790002724511'); // GOP-FORMAT-004, line 22
    xml = setText(xml, ['mm100:Sent', 'mm100:Time'], '24:15'); // GOP-FORMAT-002, line 6
    expect(ids(checkGop(xml))).toEqual(['GOP-FORMAT-002', 'GOP-LAW-010', 'GOP-FORMAT-004', 'GOP-LAW-008']);
  });

  it('lines and columns are the same with CRLF line ends and with a byte order mark, as text or bytes', () => {
    const xml = setText(MIN, ['Sender', 'mm100:EANIdentifier'], '5790002724511');
    const where = at(xml, 'Sender', 'mm100:EANIdentifier');
    for (const variant of [xml.replace(/\n/g, '\r\n'), `\uFEFF${xml}`]) {
      for (const input of [variant, new TextEncoder().encode(variant)]) {
        expect(checkGop(input).findings.map(located)).toEqual([
          { ruleId: 'GOP-FORMAT-004', severity: 'error', path: `${P}/Sender/EANIdentifier`, ...where },
        ]);
      }
    }
  });

  // Was a bug (fixed): src/xml/position.ts (LineIndex) counts only "\n" as a line end. XML 1.0 §2.11 makes a lone CR a line
  // break too, so in a file with CR line ends every finding is reported on line 1 (here 1:742 instead of 22:7).
  it('fixed: a lone CR (old Mac line ends) counts as a line break, as XML 1.0 §2.11 says', () => {
    const xml = setText(MIN, ['Sender', 'mm100:EANIdentifier'], '5790002724511');
    const where = at(xml, 'Sender', 'mm100:EANIdentifier');
    expect(checkGop(xml.replace(/\n/g, '\r')).findings.map(located)).toEqual([
      { ruleId: 'GOP-FORMAT-004', severity: 'error', path: `${P}/Sender/EANIdentifier`, ...where },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------

const RULES_MD = fileURLToPath(new URL('../../shared/spec/rules.md', import.meta.url));
const haveRulesMd = existsSync(RULES_MD);
if (!haveRulesMd) console.warn(`rules.md catalogue checks skipped: ${RULES_MD} is absent (it lives in ../shared/spec beside the repo)`);

/** The catalogue table of rules.md: id, layer and severity of each row. */
function rulesMdTable(): { id: string; layer: string; severity: string }[] {
  return readFileSync(RULES_MD, 'utf8')
    .split('\n')
    .map((line) => /^\|\s*(GOP-[A-Z]+-\d{3})\s*\|\s*([a-z]+)\s*\|\s*([a-z]+)\s*\|/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ id: m[1]!, layer: m[2]!, severity: m[3]! }));
}

describe('the catalogue', () => {
  it('every rule has a unique, well-formed id, both titles, docs in both languages and a known reference', () => {
    const seen = new Set<string>();
    for (const rule of rules) {
      expect(rule.id).toMatch(/^GOP-(INPUT|STRUCT|FORMAT|CODE|LAW)-\d{3}$/);
      expect(seen.has(rule.id), `${rule.id} twice`).toBe(false);
      seen.add(rule.id);
      expect(rule.title.da.trim(), `${rule.id} title.da`).not.toBe('');
      expect(rule.title.en.trim(), `${rule.id} title.en`).not.toBe('');
      expect(rule.title.da, `${rule.id}: the Danish title is not the English one`).not.toBe(rule.title.en);
      expect(rule.docs.da.trim(), `${rule.id} docs.da`).not.toBe('');
      expect(rule.docs.en.trim(), `${rule.id} docs.en`).not.toBe('');
      expect(REFERENCES[rule.referenceKey]?.label, `${rule.id} reference`).toBe(rule.reference);
      expect(Object.keys(rule.messages).length, `${rule.id} messages`).toBeGreaterThan(0);
      for (const texts of Object.values(rule.messages)) for (const language of LANGUAGES) expect(typeof texts[language]).toBe('function');
      // the prefix of the id names the layer
      const prefix = { input: 'INPUT', structure: 'STRUCT', format: 'FORMAT', code: 'CODE', law: 'LAW' }[rule.layer];
      expect(rule.id.startsWith(`GOP-${prefix}-`), `${rule.id} is in layer ${rule.layer}`).toBe(true);
    }
  });

  it('every rule appears in `rules` exactly once, and rulesById maps each id to it', () => {
    for (const rule of rules) {
      expect(rules.filter((r) => r.id === rule.id)).toHaveLength(1);
      expect(rules.filter((r) => r === rule)).toHaveLength(1);
      expect(rulesById.get(rule.id)).toBe(rule);
    }
    expect(rulesById.size).toBe(rules.length);
  });

  it('only rules of the reader layers (input, structure) lack a check function', () => {
    for (const rule of rules) expect(rule.check === undefined, rule.id).toBe(rule.layer === 'input' || rule.layer === 'structure');
  });

  it.runIf(haveRulesMd)("every rule id of rules.md's catalogue table is in `rules`, with its layer and severity", () => {
    const table = rulesMdTable();
    expect(table.length).toBeGreaterThanOrEqual(28);
    for (const row of table) {
      const rule = rulesById.get(row.id);
      expect(rule, `${row.id} from rules.md`).toBeDefined();
      expect(rule!.layer, `${row.id} layer`).toBe(row.layer);
      expect(rule!.severity, `${row.id} severity`).toBe(row.severity);
    }
  });
});

// ---------------------------------------------------------------------------------------------

interface ManifestEntry {
  file: string;
  valid: boolean;
  level?: string;
  dischargeDate?: string;
  expectRules: string[];
}
const manifest: ManifestEntry[] = JSON.parse(readFileSync(`${FIXTURES_DIR}manifest.json`, 'utf8'));
const fixture = (file: string) => readFileSync(`${FIXTURES_DIR}${file}`);
const SERIOUS: ReadonlySet<Severity> = new Set(['fatal', 'error']);

describe('fixtures through checkGop', () => {
  it('the manifest lists every fixture on disk, and every invalid fixture is named for a rule of the catalogue', () => {
    const onDisk = ['valid', 'invalid'].flatMap((dir) =>
      readdirSync(`${FIXTURES_DIR}${dir}`)
        .filter((f) => f.endsWith('.xml'))
        .map((f) => `${dir}/${f}`),
    );
    expect(manifest.map((m) => m.file).sort()).toEqual(onDisk.sort());
    for (const file of onDisk.filter((f) => f.startsWith('invalid/'))) {
      const id = /^invalid\/(GOP-[A-Z]+-\d{3})--/.exec(file)?.[1];
      expect(id && rulesById.has(id), file).toBe(true);
      expect(manifest.find((m) => m.file === file)!.expectRules).toContain(id);
    }
  });

  it.each(manifest)('$file: valid $valid, fires $expectRules', ({ file, valid, level, dischargeDate, expectRules }) => {
    const report = checkGop(fixture(file));
    expect(report.valid).toBe(valid);
    for (const id of expectRules) expect(ids(report)).toContain(id);
    expect(report.facts?.level).toBe(level);
    expect(report.facts?.dischargeDate).toBe(dischargeDate);
  });

  it.each(manifest.filter((m) => m.file.startsWith('invalid/')))('$file: no other error or fatal rule fires', ({ file }) => {
    const named = /^invalid\/(GOP-[A-Z]+-\d{3})--/.exec(file)![1]!;
    const others = checkGop(fixture(file)).findings.filter((f) => f.ruleId !== named && SERIOUS.has(f.severity));
    expect(others).toEqual([]);
  });

  it.each(manifest.filter((m) => m.file.startsWith('valid/')))('$file: no finding at all, so every rule stays silent', ({ file }) => {
    const report = checkGop(fixture(file));
    expect(report.findings).toEqual([]);
    expect(report.counts).toEqual({ fatal: 0, error: 0, warning: 0, info: 0 });
  });
});

// ---------------------------------------------------------------------------------------------

describe('severity options', () => {
  const noContacts = fixture('invalid/GOP-LAW-005--no-contacts.xml');

  it("'off' removes a rule's findings, and valid and counts are computed on what is left", () => {
    const plain = checkGop(noContacts);
    expect(plain.findings.map((f) => f.ruleId)).toEqual(['GOP-LAW-005', 'GOP-LAW-005']);
    expect(plain.counts).toEqual({ fatal: 0, error: 0, warning: 2, info: 0 });

    const asError = checkGop(noContacts, { severity: { 'GOP-LAW-005': 'error' } });
    expect(asError.valid).toBe(false);
    expect(asError.counts).toEqual({ fatal: 0, error: 2, warning: 0, info: 0 });

    const off = checkGop(noContacts, { severity: { 'GOP-LAW-005': 'off' } });
    expect(off.findings).toEqual([]);
    expect(off.counts).toEqual({ fatal: 0, error: 0, warning: 0, info: 0 });
    expect(off.valid).toBe(true);

    // an error switched off makes the plan valid again
    const consent = checkGop(withConsent('nej'), { severity: { 'GOP-LAW-006': 'off' } });
    expect(consent.findings).toEqual([]);
    expect(consent.valid).toBe(true);
  });

  it("'error' makes a warning an error, and the plan invalid", () => {
    const file = fixture('invalid/GOP-FORMAT-005--patient-postcode-52600.xml');
    expect(checkGop(file).valid).toBe(true);
    const report = checkGop(file, { severity: { 'GOP-FORMAT-005': 'error' } });
    expect(report.findings.map((f) => [f.ruleId, f.severity])).toEqual([['GOP-FORMAT-005', 'error']]);
    expect(report.counts).toEqual({ fatal: 0, error: 1, warning: 0, info: 0 });
    expect(report.valid).toBe(false);
  });

  it("'warning' and 'info' make an error harmless; other rules keep their severity", () => {
    const xml = setText(withConsent('nej'), ['Sender', 'mm100:EANIdentifier'], '5790002724511');
    const report = checkGop(xml, { severity: { 'GOP-LAW-006': 'info' } });
    expect(report.findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ['GOP-FORMAT-004', 'error'],
      ['GOP-LAW-006', 'info'],
    ]);
    expect(report.counts).toEqual({ fatal: 0, error: 1, warning: 0, info: 1 });
    expect(report.valid).toBe(false);
  });

  it('a fatal rule cannot be switched off or lowered: the setting is refused (GopOptionsError)', () => {
    const doctype = fixture('invalid/GOP-INPUT-002--billion-laughs.xml');
    for (const setting of ['off', 'warning', 'info', 'error'] as const) {
      expect(() => checkGop(doctype, { severity: { 'GOP-INPUT-002': setting } })).toThrow(
        /severity\.GOP-INPUT-002: GOP-INPUT-002 is fatal/,
      );
    }
    const report = checkGop(doctype);
    expect(report.findings.map((f) => [f.ruleId, f.severity])).toEqual([['GOP-INPUT-002', 'fatal']]);
    expect(report.valid).toBe(false);
  });

  // Was a bug (fixed): src/report/validate.ts (checkGop/applySeverity): GOP-INPUT-006 is an error, not a fatal, so it can be
  // switched off; when the VANSEnvelope's Data is not base64 nothing inside was read or checked, yet the report
  // then says valid: true, with no findings and no facts.
  it('fixed: switching GOP-INPUT-006 off does not make an unreadable VANS payload valid', () => {
    const report = checkGop(fixture('invalid/GOP-INPUT-006--vans-bad-base64.xml'), { severity: { 'GOP-INPUT-006': 'off' } });
    expect(report.valid).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------

describe('validateGop on a message object', () => {
  const parsed = parseGop(MIN);
  if (!parsed.ok) throw new Error('minimal.xml does not read');

  it('reports paths but no line or column', () => {
    const message = structuredClone(parsed.message);
    message.rehabilitationPlan.consentInformed = 'nej';
    delete message.rehabilitationPlan.contactCounty;
    message.rehabilitationPlan.sender.eanIdentifier = '5790002724511';
    const report = validateGop(message);
    expect(report.findings.map((f) => [f.ruleId, f.path])).toEqual([
      ['GOP-FORMAT-004', `${P}/Sender/EANIdentifier`],
      ['GOP-LAW-005', `${P}/ContactCounty`],
      ['GOP-LAW-006', `${P}/Receiver`],
    ]);
    for (const finding of report.findings) {
      expect(finding).not.toHaveProperty('line');
      expect(finding).not.toHaveProperty('column');
    }
    expect(report.valid).toBe(false);
    expect(report.facts?.consent).toBe('nej');
  });

  it('the unedited object is as clean as the file, and the facts are the same as checkGop', () => {
    const report = validateGop(parsed.message, { referenceDate: '2019-03-06' });
    expect(report.findings).toEqual([]);
    expect(report.facts).toEqual(checkGop(MIN, { referenceDate: '2019-03-06' }).facts);
  });

  it('a message built in code, with most of it missing, is validated without throwing', () => {
    const report = validateGop({ rehabilitationPlan: { typeOfRehabilitationPlan: 'rehabilitering', consentInformed: 'nej' } });
    expect(ids(report)).toEqual(
      expect.arrayContaining(['GOP-LAW-002', 'GOP-LAW-003', 'GOP-LAW-004', 'GOP-LAW-005', 'GOP-LAW-007', 'GOP-LAW-011']),
    );
    expect(report.findings.every((f) => f.line === undefined)).toBe(true);
    expect(validateGop({}).valid).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------

/** What every report must satisfy, whatever the input. */
function expectConsistent(report: Report) {
  const tally = { fatal: 0, error: 0, warning: 0, info: 0 };
  for (const finding of report.findings) tally[finding.severity]++;
  expect(report.counts).toEqual(tally);
  expect(report.valid).toBe(tally.fatal === 0 && tally.error === 0);
  expect(ReportSchema.safeParse(report).success).toBe(true);
  for (const finding of report.findings) expect(rulesById.has(finding.ruleId), finding.ruleId).toBe(true);
}

describe('checkGop never throws', () => {
  it('on input of the wrong type', () => {
    const odd: unknown[] = [
      undefined,
      null,
      42,
      Number.NaN,
      {},
      [],
      true,
      '',
      ' ',
      '<',
      new Uint8Array(0),
      new Uint8Array([0xff, 0xfe, 0x00]),
      Symbol('x'),
      () => 1,
      new Date(0),
    ];
    for (const input of odd) {
      let report: Report | undefined;
      expect(() => (report = checkGop(input as never))).not.toThrow();
      expectConsistent(report!);
      expect(report!.valid).toBe(false);
    }
  });

  it('on random bytes (500 runs)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
        const report = checkGop(bytes);
        expectConsistent(report);
      }),
      { numRuns: 500 },
    );
  });

  it('on random text, alone and spliced into minimal.xml (500 runs each)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (text) => expectConsistent(checkGop(text))),
      { numRuns: 500 },
    );
    const texts = [...MIN.matchAll(/>([^<>]+)</g)].filter((m) => m[1]!.trim()).map((m) => ({ start: m.index! + 1, length: m[1]!.length }));
    fc.assert(
      fc.property(fc.nat(texts.length - 1), fc.string({ maxLength: 40 }), (k, value) => {
        const { start, length } = texts[k]!;
        const escaped = value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
        const report = checkGop(MIN.slice(0, start) + escaped + MIN.slice(start + length), { referenceDate: '2019-03-10' });
        expectConsistent(report);
        // a rule that crashed is reported as "validation failed unexpectedly": none may
        expect(report.findings.filter((f) => /unexpectedly/.test(f.message))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('with any severity settings: counts, valid, and fatal findings kept (500 runs)', () => {
    const inputs = [
      MIN,
      tinyMessage(),
      fixture('invalid/GOP-INPUT-002--billion-laughs.xml'),
      fixture('invalid/GOP-LAW-006--consent-nej.xml'),
    ];
    // fatal rules take no setting (GopOptionsError, test/options.test.ts)
    const settings = fc.dictionary(
      fc.constantFrom(...rules.filter((r) => r.severity !== 'fatal').map((r) => r.id)),
      fc.constantFrom('off' as const, 'error' as const, 'warning' as const, 'info' as const),
    );
    fc.assert(
      fc.property(fc.constantFrom(...inputs), settings, (input, severity) => {
        const report = checkGop(input, { severity });
        expectConsistent(report);
        const plain = checkGop(input);
        expect(report.counts.fatal).toBe(plain.counts.fatal);
        for (const finding of report.findings) {
          const setting = severity[finding.ruleId];
          if (finding.severity !== 'fatal' && setting) expect(finding.severity).toBe(setting);
          expect(setting === 'off' && finding.severity !== 'fatal').toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe.skipIf(!haveSamples)('the public example message (../shared/samples)', () => {
  if (!haveSamples) console.warn(`public sample rule tests skipped: ${SAMPLE} is absent`);
  const xml = haveSamples ? readFileSync(SAMPLE, 'utf8') : '';
  const report = haveSamples ? checkGop(readFileSync(SAMPLE)) : (undefined as never);
  const hasLaw013 = rulesById.has('GOP-LAW-013');

  it('gives exactly its true defects', () => {
    const expected = [
      'GOP-FORMAT-004',
      'GOP-FORMAT-004',
      'GOP-FORMAT-004',
      'GOP-FORMAT-004',
      'GOP-FORMAT-004',
      'GOP-LAW-010',
      'GOP-LAW-008',
      ...(hasLaw013 ? ['GOP-LAW-013'] : []),
    ];
    expect(ids(report).sort()).toEqual(expected.sort());
    expect(report.valid).toBe(false);
    expect(report.counts).toEqual({ fatal: 0, error: 5, warning: expected.length - 5, info: 0 });
  });

  it('flags the five bad location numbers, where they are', () => {
    const ean = report.findings.filter((f) => f.ruleId === 'GOP-FORMAT-004');
    const rows: [string, string, string[], RegExp][] = [
      // 5,7,9,0,0,0,2,0,1,2,2,7 weighted 1,3,...: 67, so the check digit is 3 for all three 579000201227x
      ['5790002012274', `${P}/GPCCReceiver/CCReceiver/EANIdentifier`, ['GPCCReceiver', 'mm100:EANIdentifier'], /should be 3/],
      [
        '5790002012276',
        `${P}/CCReceiver[1]/EANIdentifier`,
        ['GPCCReceiver', 'CCReceiver', 'CCReceiver', 'mm100:EANIdentifier'],
        /should be 3/,
      ],
      ['5790002012272', `${P}/HospitalAmbulatoryControl/Location/EANIdentifier`, ['Location', 'mm100:EANIdentifier'], /should be 3/],
      ['57001231231', `${P}/ContactCounty/EANIdentifier`, ['ContactCounty', 'mm100:EANIdentifier'], /not a 13-digit/],
      ['5790002012276', `${P}/FinalResult/ResultReceiver[1]/EANIdentifier`, ['ResultReceiver', 'mm100:EANIdentifier'], /should be 3/],
    ];
    expect(ean).toHaveLength(rows.length);
    for (const [value, path, tags, why] of rows) {
      const finding = ean.find((f) => f.path === path);
      expect(finding, path).toBeDefined();
      expect(finding!.message).toContain(`"${value}"`);
      expect(finding!.message).toMatch(why);
      expect({ line: finding!.line, column: finding!.column }).toEqual(at(xml.replace(/^\uFEFF/, ''), ...tags));
    }
  });

  it('flags the late authorisation, the "Fri tekst" deadline and (GOP-LAW-013) the sending before authorisation', () => {
    const find = (id: string) => report.findings.find((f) => f.ruleId === id)!;
    const text = xml.replace(/^\uFEFF/, '');
    expect(find('GOP-LAW-010').message).toMatch(/2015-03-04.*2014-12-20/);
    expect(find('GOP-LAW-010')).toMatchObject({ path: `${P}/Letter/Authorisation`, ...at(text, 'Authorisation') });
    expect(find('GOP-LAW-008').message).toContain('Fri tekst');
    expect(find('GOP-LAW-008')).toMatchObject({ path: `${P}/RehabilitationDeadline`, ...at(text, 'RehabilitationDeadline') });
    if (hasLaw013) {
      expect(find('GOP-LAW-013').message).toMatch(/2009-09-04.*2015-03-04/);
      expect(find('GOP-LAW-013')).toMatchObject({ path: '/Emessage/Envelope/Sent', ...at(text, 'Envelope', 'Sent') });
    }
  });

  it('has the facts of the dummy patient', () => {
    const facts = report.facts!;
    expect(facts).toMatchObject({
      level: 'specialiseret',
      provider: 'hospital',
      dischargeDate: '2014-12-20',
      admissionDate: '2014-12-13',
      authorisedAt: '2015-03-04T09:26',
      sentAt: '2009-09-04T10:43',
      consent: 'ja',
    });
    expect(facts.mustStartBy).toBeUndefined();
    expect(facts.guaranteedStartBy).toBeUndefined();
    expect(facts.guarantee.applies).toBe(false); // specialiseret, and discharged before 2018-07-01
    expect(facts.deadline.kind).toBe('unreadable');
    // 251248-4916: 7th digit 4 and year 48 (over 36) → 1948
    expect(facts.patient.birthDate).toBe('1948-12-25');
  });
});
