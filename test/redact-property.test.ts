// Property: with redaction on, no value of the people in a message reaches any output — the report in every format
// (JSON, text, JUnit, SARIF, GitHub) and the model of `gop parse --redact` — wherever in the message they are written
// and however they are spelt. The people are made up (names with æøå, a CPR number, a phone number in several
// groupings, an e-mail address, a street address); the messages are generated from the schema (test/arbitraries.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGop, checkGop, formatResults, formattedText, FORMATS, type GopMessage } from '../src/index';
import { parseGop } from '../src/read/parse';
import { redactParseResult } from '../src/report/redact';
import { messageArbitrary } from './arbitraries';
import { cprSpellings, personArbitrary, personLeaks, phoneSpellings, type Person } from './redaction';

const RUNS = Number(process.env.GOP_REDACT_RUNS ?? 40);
/** Fixed, so that CI is repeatable; GOP_REDACT_SEED=… explores others (a failure prints its seed). */
const SEED = Number(process.env.GOP_REDACT_SEED ?? 20190305);

/** How a text writes a person: which spelling of each number, what breaks the words, what case. */
const style = fc.record({
  cpr: fc.nat(),
  phone: fc.nat(),
  gap: fc.constantFrom(' ', '\n', '\u2028', ' \n  ', '\r\n'),
  upper: fc.boolean(),
});
type Style = { cpr: number; phone: number; gap: string; upper: boolean };

/** A sentence about `p` (all of it: names, CPR, phone, e-mail, street), spelt as `s` says. */
function about(p: Person, s: Style): string {
  const cpr = cprSpellings(p.cpr)[s.cpr % 3]!;
  const phone = phoneSpellings(p.phone)[s.phone % phoneSpellings(p.phone).length]!.replace(/ /g, () => (s.gap === ' ' ? ' ' : s.gap));
  const name = `${p.givenName} ${p.surname}`.split(' ').join(s.gap);
  return `Kontakt ${s.upper ? name.toUpperCase() : name} (cpr ${cpr}) på tlf. ${phone} eller ${p.email}, ${p.street.replace(' ', s.gap)}. ${p.givenName.split(' ')[0]}s datter kommer.`;
}
/** Someone the message does not name: only the patterns can find them. */
const aboutStranger = (p: Person, s: Style) =>
  `Naboen har cpr ${cprSpellings(p.cpr)[s.cpr % 3]} og tlf. ${phoneSpellings(p.phone)[s.phone % 9]}, mail ${p.email}.`;

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
  styles: Style[];
  pads: number[];
  language: 'da' | 'en';
}

const caseArbitrary: fc.Arbitrary<Case> = fc.record({
  message: messageArbitrary(),
  patient: personArbitrary,
  relative: personArbitrary,
  stranger: personArbitrary,
  styles: fc.array(style, { minLength: 16, maxLength: 16 }),
  // words before a text, so that the cuts of quoted values (40 and 60 characters) fall anywhere in it
  pads: fc.array(fc.nat(40), { minLength: 16, maxLength: 16 }),
  language: fc.constantFrom('da' as const, 'en' as const),
});

/** The people placed in the message: the patient's and a relative's own fields, and every free-text field. */
function place({ message, patient, relative, stranger, styles, pads }: Case): { message: GopMessage; stray: string; attribute: string } {
  const m = structuredClone(message);
  const plan = m.rehabilitationPlan;
  let n = 0;
  const next = () => styles[n++ % styles.length]!;
  const text = () => {
    const pad = 'o'.repeat(pads[n % pads.length]!);
    const s = next();
    return `${pad ? `${pad} ` : ''}${about(patient, s)} ${about(relative, next())} ${aboutStranger(stranger, s)}`;
  };
  Object.assign(plan.patient, {
    civilRegistrationNumber: patient.cpr,
    personGivenName: patient.givenName,
    personSurnameName: patient.surname,
    streetName: patient.street,
    telephoneSubscriber: [{ telephoneSubscriberIdentifier: phoneSpellings(patient.phone)[next().phone % 9]! }],
    emailAddressIdentifier: patient.email,
  });
  plan.relatives = {
    relative: [
      {
        relationCode: 'datter',
        personGivenName: relative.givenName,
        personSurnameName: relative.surname,
        streetName: relative.street,
        telephoneSubscriber: [{ telephoneSubscriberIdentifier: phoneSpellings(relative.phone)[next().phone % 9]! }],
        emailAddressIdentifier: relative.email,
      },
    ],
  };
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

function toXml(placed: ReturnType<typeof place>): string {
  const xml = buildGop(placed.message);
  const attribute = placed.attribute
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
  return xml.replace(
    /<((?:\w+:)?RehabilitationPlan)>/,
    (_, name: string) => `<${name} note="${attribute}">${placed.stray.replace(/&/g, '&amp;').replace(/</g, '&lt;')}`,
  );
}

/** Every output a user may see with redaction on. */
function outputs(xml: string, language: 'da' | 'en'): Record<string, string> {
  const report = checkGop(xml, { redact: true, referenceDate: '2019-03-06' });
  expect(report.redacted).toBe(true);
  const out: Record<string, string> = {};
  for (const format of FORMATS) out[format] = formatResults(format, [{ file: 'plan.xml', report }], { language });
  out['gop parse --redact'] = JSON.stringify(redactParseResult(parseGop(xml)), null, 2);
  return out;
}

describe('redaction: no value of a person in a message reaches any output (property)', () => {
  it('masks the patient, a relative and a stranger in every format and in gop parse --redact', () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const placed = place(c);
        const xml = toXml(placed);
        // the people are really there without redaction
        const plain = formatResults('json', [{ file: 'plan.xml', report: checkGop(xml, { referenceDate: '2019-03-06' }) }]);
        expect(personLeaks(plain, c.patient).length).toBeGreaterThan(0);
        expect(plain).toContain('GOP-STRUCT-003');
        for (const [name, output] of Object.entries(outputs(xml, c.language))) {
          const leaks = [
            ...personLeaks(output, c.patient).map((l) => `patient ${l}`),
            ...personLeaks(output, c.relative).map((l) => `relative ${l}`),
            // of a stranger, only what has a shape: CPR, phone, e-mail (a name nowhere in the structured fields cannot be known)
            ...personLeaks(output, c.stranger)
              .filter((l) => /^(cpr|phone|email):/.test(l))
              .map((l) => `stranger ${l}`),
          ];
          expect(leaks, name).toEqual([]);
          expect(/[\uE000-\uE002]/.test(output), `${name}: quote marks left`).toBe(false);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 120_000);
});
