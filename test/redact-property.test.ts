// Property: with redaction on, no value of the people in a message reaches any output — the report in every format
// (JSON, text, JUnit, SARIF, GitHub), the model of `gop parse --redact` and the page of `gop view --redact`
// (renderGopHtml with redact: true, from the bytes and from a parse result) — wherever in the message they are written
// and however they are spelt. The people are made up (names with æøå, a CPR number, a phone number, an e-mail address
// with any sign RFC 5322 allows, a street address); the messages are generated from the schema (test/arbitraries.ts).
// The places: the patient's and a relative's own fields, a clinician (SignedBy), the GP practice, a second Patient and a
// repeated PersonGivenName (kept aside), an unknown element naming a contact person (kept aside), the VANS envelope's
// Document/Name, and every free-text field, text directly inside an element and an unknown attribute, each of which
// speaks of all of them. The spellings: every dash (U+2011 non-breaking hyphen, U+2010, U+2212, en and em dash), slash,
// underscore, dot, spaces (no-break, thin), line breaks, soft hyphens and zero-width characters inside the values,
// fullwidth digits and letters. The seed is the repository's (test/setup.ts, FC_SEED).
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { buildGop, checkGop, formattedText, renderGopHtml, type GopMessage } from '../src/index';
import { formatResults, FORMATS } from '../src/format/index';
import { parseGop } from '../src/read/parse';
import { redactParseResult } from '../src/report/redact';
import { messageArbitrary } from './arbitraries';
import { wrapInVansForTest } from './helpers';
import {
  cprSpellings,
  pageText,
  madeUp,
  personArbitrary,
  personLeaks,
  phoneSpellings,
  wordLeaks,
  wordSpellings,
  type Person,
} from './redaction';

const RUNS = Number(process.env.GOP_REDACT_RUNS ?? 40);

/** What stands between the words of a name or an address: white space of every kind, and a zero-width space. */
const GAPS = [' ', '\n', '\u2028', ' \n  ', '\r\n', '\u00A0', '\u2009', '\u200B'] as const;
/** How a text writes a person: which spelling of each number and of the names, what breaks the words. */
const style = fc.record({ cpr: fc.nat(), phone: fc.nat(), name: fc.nat(), gap: fc.constantFrom(...GAPS) });
type Style = { cpr: number; phone: number; name: number; gap: string };

/** Which spellings and places the runs used: each must have been tried (checked after the runs). */
const used = {
  cpr: new Set<number>(),
  phone: new Set<number>(),
  name: new Set<number>(),
  gap: new Set<string>(),
  places: new Set<string>(),
};
/** What the runs did, printed with GOP_REDACT_COUNTS=1: runs, free texts placed (each about every person), outputs checked. */
const counts = { runs: 0, texts: 0, outputs: 0 };
let passed = false;
const spell = (list: string[], n: number, kind: 'cpr' | 'phone' | 'name') => {
  used[kind].add(n % list.length);
  return list[n % list.length]!;
};

/** A sentence about `p` (all of it: names, CPR, phone, e-mail, street and the street alone), spelt as `s` says. */
function about(p: Person, s: Style): string {
  used.gap.add(s.gap);
  const cpr = spell(cprSpellings(p.cpr), s.cpr, 'cpr');
  const phone = spell(phoneSpellings(p.phone), s.phone, 'phone');
  const name = spell(wordSpellings(`${p.givenName} ${p.surname}`), s.name, 'name')
    .split(' ')
    .join(s.gap);
  const first = spell(wordSpellings(p.givenName.split(' ')[0]!), s.name + 1, 'name');
  const street = spell(wordSpellings(p.street.split(' ')[0]!), s.name + 2, 'name');
  return `Kontakt ${name} (cpr ${cpr}) på tlf. ${phone} eller ${p.email}, ${p.street.replace(' ', s.gap)}. ${first}s datter kommer; hun bor også på ${street}.`;
}
/** Someone the message does not name: only the patterns can find them. */
const aboutStranger = (p: Person, s: Style) =>
  `Naboen har cpr ${spell(cprSpellings(p.cpr), s.cpr + 1, 'cpr')} og tlf. ${spell(phoneSpellings(p.phone), s.phone + 1, 'phone')}, mail ${p.email}.`;
/** A clinician: the message has their name and phone only. */
const aboutClinician = (p: Person, s: Style) =>
  `Spørg ${spell(wordSpellings(`${p.givenName} ${p.surname}`), s.name + 3, 'name')
    .split(' ')
    .join(s.gap)} (tlf. ${spell(phoneSpellings(p.phone), s.phone + 2, 'phone')}).`;

const FORMATTED = [
  'informationForPatientAndRelatives',
  'practicalInformation',
  'patientSafetyAspects',
  'patientHealthSummary',
  'abilityAtDischargeSummary',
  'abilityAtDischargeExtended',
  'rehabilitationNeedAndPotential',
] as const;

interface Case {
  message: GopMessage;
  patient: Person;
  relative: Person;
  stranger: Person;
  /** named in an unknown element (kept aside) */
  contact: Person;
  /** a second Patient element (kept aside) */
  second: Person;
  /** a second PersonGivenName of the patient (a repeated element, kept aside) */
  alias: string;
  /** SignedBy of the sender */
  clinician: Person;
  /** the GP practice's name */
  gp: string;
  /** wrapped in a VANS envelope whose Document/Name names the patient */
  vans: boolean;
  styles: Style[];
  pads: number[];
  language: 'da' | 'en';
}

const caseArbitrary: fc.Arbitrary<Case> = fc.record({
  message: messageArbitrary(),
  patient: personArbitrary,
  relative: personArbitrary,
  stranger: personArbitrary,
  contact: personArbitrary,
  second: personArbitrary,
  alias: madeUp,
  clinician: personArbitrary,
  gp: madeUp.map((w) => `Lægehuset ${w}`),
  vans: fc.boolean(),
  styles: fc.array(style, { minLength: 16, maxLength: 16 }),
  // words before a text, so that the cuts of quoted values (40 and 60 characters) fall anywhere in it
  pads: fc.array(fc.nat(40), { minLength: 16, maxLength: 16 }),
  language: fc.constantFrom('da' as const, 'en' as const),
});

/** The people placed in the model: their own fields, and every free-text field speaking of all of them. */
function place(c: Case): { message: GopMessage; stray: string; attribute: string } {
  const { message, patient, relative, stranger, contact, second, alias, clinician, gp, styles, pads } = c;
  const m = structuredClone(message);
  const plan = m.rehabilitationPlan;
  let n = 0;
  const next = () => styles[n++ % styles.length]!;
  const text = () => {
    counts.texts++;
    const pad = 'o'.repeat(pads[n % pads.length]!);
    const s = next();
    const aliasSpelt = spell(wordSpellings(alias), s.name + 4, 'name');
    return [
      `${pad ? `${pad} ` : ''}${about(patient, s)} (${aliasSpelt})`,
      about(relative, next()),
      aboutStranger(stranger, s),
      about(contact, next()),
      about(second, next()),
      aboutClinician(clinician, next()),
      `Egen læge: ${spell(wordSpellings(gp), s.name + 5, 'name')}.`,
    ].join(' ');
  };
  Object.assign(plan.patient, {
    civilRegistrationNumber: patient.cpr,
    personGivenName: patient.givenName,
    personSurnameName: patient.surname,
    streetName: patient.street,
    telephoneSubscriber: [{ telephoneSubscriberIdentifier: spell(phoneSpellings(patient.phone), next().phone, 'phone') }],
    emailAddressIdentifier: patient.email,
  });
  plan.relatives = {
    relative: [
      {
        relationCode: 'datter',
        personGivenName: relative.givenName,
        personSurnameName: relative.surname,
        streetName: relative.street,
        telephoneSubscriber: [{ telephoneSubscriberIdentifier: spell(phoneSpellings(relative.phone), next().phone, 'phone') }],
        emailAddressIdentifier: relative.email,
      },
    ],
  };
  plan.sender.signedBy = {
    ...plan.sender.signedBy,
    personGivenName: clinician.givenName,
    personSurnameName: clinician.surname,
    telephoneSubscriberIdentifier: clinician.phone,
  };
  plan.gpccReceiver = { ccReceiver: { eanIdentifier: '5790000000005', organisationName: gp } };
  for (const key of FORMATTED) plan[key] = formattedText(text());
  plan.rehabilitationDeadline = `Senest 14 dage efter udskrivelse. ${text()}`;
  if (plan.currentHospitalContact) plan.currentHospitalContact.expectedEndText = text();
  plan.hospitalAmbulatoryControl = { ...plan.hospitalAmbulatoryControl, expectedStartText: text() };
  plan.reference = [{ refDescription: text(), url: 'https://www.sundhed.dk/' }];
  plan.icd10Diagnoses = { ...plan.icd10Diagnoses, text: text() };
  for (const excerpt of plan.journalExcerpt ?? []) {
    excerpt.comment = formattedText(text());
    // a CPR number where a date belongs: the finding quotes it
    if (excerpt.signer) excerpt.signer.date = cprSpellings(stranger.cpr)[0];
  }
  plan.patient.occupation = text();
  // and where the reader finds it: text directly inside an element, an unknown attribute
  return { message: m, stray: text(), attribute: text() };
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
const M100 = 'urn:oio:medcom:municipality:1.0.0';
/** A person's own elements, as a Patient has them (m100 bound to `prefix`). */
const personElements = (p: Person, prefix: string) =>
  [
    ['CivilRegistrationNumber', p.cpr],
    ['PersonSurnameName', p.surname],
    ['PersonGivenName', p.givenName],
    ['StreetName', p.street],
  ]
    .map(([local, value]) => `<${prefix}:${local}>${escapeXml(value!)}</${prefix}:${local}>`)
    .join('') +
  `<TelephoneSubscriber><${prefix}:TelephoneSubscriberIdentifier>${p.phone}</${prefix}:TelephoneSubscriberIdentifier></TelephoneSubscriber>` +
  `<EmailAddressIdentifier>${escapeXml(p.email)}</EmailAddressIdentifier>`;

/** The message as XML, with what only the reader finds: kept-aside elements, stray text, an unknown attribute, VANS. */
function toXml(c: Case, placed: ReturnType<typeof place>): string {
  let xml = buildGop(placed.message);
  const edit = (what: string, pattern: RegExp, replace: (...groups: string[]) => string) => {
    const before = xml;
    xml = xml.replace(pattern, replace as never);
    expect(xml, what).not.toBe(before);
    used.places.add(what);
  };
  edit(
    'unknown attribute and stray text',
    /<((?:\w+:)?RehabilitationPlan)>/,
    (_, name) => `<${name} note="${escapeXml(placed.attribute)}">${placed.stray.replace(/&/g, '&amp;').replace(/</g, '&lt;')}`,
  );
  // a second PersonGivenName of the patient: repeated, kept aside
  edit(
    'repeated element',
    /(<Patient>[\s\S]*?<(\w+):PersonGivenName>[^<]*<\/\w+:PersonGivenName>)/,
    (_, head, prefix) => `${head}<${prefix}:PersonGivenName>${escapeXml(c.alias)}</${prefix}:PersonGivenName>`,
  );
  // a second Patient: kept aside whole
  edit('second Patient', /<\/Patient>/, () => `</Patient><Patient xmlns:mm="${M100}">${personElements(c.second, 'mm')}</Patient>`);
  // an element the standard does not know, naming a contact person
  edit(
    'kept-aside element',
    /<\/((?:\w+:)?RehabilitationPlan)>/,
    (_, name) => `<Kontaktperson xmlns:mm="${M100}"><Rolle>nabo</Rolle>${personElements(c.contact, 'mm')}</Kontaktperson></${name}>`,
  );
  if (!c.vans) return xml;
  used.places.add('VANS Document/Name');
  const s = c.styles[0]!;
  const name = spell(wordSpellings(`${c.patient.givenName} ${c.patient.surname}`), s.name + 6, 'name')
    .split(' ')
    .join(s.gap);
  return wrapInVansForTest(Buffer.from(xml)).replace('<Name>GGOP</Name>', `<Name>GGOP ${escapeXml(name)}</Name>`);
}

/** Every output a user may see with redaction on. */
function outputs(xml: string, language: 'da' | 'en'): Record<string, string> {
  const report = checkGop(xml, { redact: true, referenceDate: '2019-03-06' });
  expect(report.redacted).toBe(true);
  const out: Record<string, string> = {};
  for (const format of FORMATS) out[format] = formatResults(format, [{ file: 'plan.xml', report }], { language });
  out['gop parse --redact'] = JSON.stringify(redactParseResult(parseGop(xml)), null, 2);
  out['renderGopHtml(bytes, redact)'] = pageText(renderGopHtml(xml, { redact: true, referenceDate: '2019-03-06', lang: language }));
  out['renderGopHtml(parseGop(bytes), redact)'] = pageText(renderGopHtml(parseGop(xml), { redact: true, lang: language }));
  return out;
}

describe('redaction: no value of a person in a message reaches any output (property)', () => {
  afterAll(() => {
    // every spelling and every place was tried (fc.nat picks them by index)
    if (!passed) return;
    expect(used.cpr.size).toBe(cprSpellings('0512471830').length);
    expect(used.phone.size).toBe(phoneSpellings('40506070').length);
    expect(used.name.size).toBe(wordSpellings('Kirsten').length);
    expect(used.gap.size).toBe(GAPS.length);
    expect([...used.places].sort()).toEqual(
      ['VANS Document/Name', 'kept-aside element', 'repeated element', 'second Patient', 'unknown attribute and stray text'].sort(),
    );
    if (process.env.GOP_REDACT_COUNTS)
      console.info(
        JSON.stringify({ ...counts, spellings: { cpr: used.cpr.size, phone: used.phone.size, name: used.name.size, gap: used.gap.size } }),
      );
  });

  it('masks every person in every spelling and place, in every format, gop parse --redact and renderGopHtml', () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        counts.runs++;
        const placed = place(c);
        const xml = toXml(c, placed);
        // the people are really there without redaction, kept aside or not
        const plain = JSON.stringify(parseGop(xml));
        for (const person of [c.patient, c.relative, c.contact, c.second, c.clinician])
          expect(personLeaks(plain, person).length).toBeGreaterThan(0);
        expect(wordLeaks(plain, c.alias)).not.toEqual([]);
        expect(wordLeaks(plain, c.gp)).not.toEqual([]);
        for (const [name, output] of Object.entries(outputs(xml, c.language))) {
          counts.outputs++;
          const leaks = [
            ...personLeaks(output, c.patient).map((l) => `patient ${l}`),
            ...personLeaks(output, c.relative).map((l) => `relative ${l}`),
            ...personLeaks(output, c.contact).map((l) => `contact (kept aside) ${l}`),
            ...personLeaks(output, c.second).map((l) => `second Patient ${l}`),
            ...personLeaks(output, c.clinician).map((l) => `clinician ${l}`),
            ...wordLeaks(output, c.alias).map((l) => `repeated PersonGivenName ${l}`),
            ...wordLeaks(output, c.gp).map((l) => `GP ${l}`),
            // of a stranger, only what has a shape: CPR, phone, e-mail (a name nowhere in the structured fields cannot be known)
            ...personLeaks(output, c.stranger)
              .filter((l) => /^(cpr|phone|email):/.test(l))
              .map((l) => `stranger ${l}`),
          ];
          expect(leaks, name).toEqual([]);
          expect(/[\uE000-\uE002]/.test(output), `${name}: quote marks left`).toBe(false);
        }
      }),
      { numRuns: RUNS },
    );
    passed = true;
  }, 600_000);
});
