import { describe, expect, it } from 'vitest';
import { parseGop, type GopMessage } from '../src/index';
import { haveSamples, OTHER_PREFIXES, reprefix, sampleBytes, wrapInVansForTest } from './helpers';
import { NS } from '../src/standard/namespaces';

function readOk(input: string | Uint8Array): GopMessage {
  const result = parseGop(input);
  if (!result.ok) throw new Error(result.findings.map((f) => `${f.ruleId} ${f.message}`).join('\n'));
  return result.message;
}

describe.skipIf(!haveSamples)('the public example message (../shared/samples)', () => {
  const bytes = haveSamples ? sampleBytes() : new Uint8Array();
  const text = Buffer.from(bytes).toString('utf8');
  const message = haveSamples ? readOk(bytes) : (undefined as unknown as GopMessage);
  const plan = message?.rehabilitationPlan;

  it('reads without structure findings: every element is known', () => {
    const result = parseGop(bytes);
    expect(result.ok).toBe(true);
    expect(result.findings).toEqual([]);
    expect(message.extraElements).toBeUndefined();
  });

  it('reads the envelope and letter', () => {
    expect(message.envelope).toEqual({
      sent: { date: '2009-09-04', time: '10:43' },
      identifier: '54382645943294',
      acknowledgementCode: 'pluspositivkvitt',
    });
    expect(plan.letter).toEqual({
      identifier: '45249877239313',
      versionCode: 'GGOP100',
      statisticalCode: 'GGOP2',
      authorisation: { date: '2015-03-04', time: '09:26' },
      typeCode: 'GGOP',
    });
  });

  it('reads the patient, level, sender and receivers as strings exactly as sent', () => {
    expect(plan.patient.civilRegistrationNumber).toBe('2512484916');
    expect(plan.patient.personSurnameName).toBe('Ann Berggren');
    expect(plan.patient.telephoneSubscriber?.map((t) => t.telephoneSubscriberCode)).toEqual(['mobil', 'fastnet', 'arbejde']);
    expect(plan.patient.coAddress?.districtName).toBe('Odense SØ');
    expect(plan.typeOfRehabilitationPlan).toBe('specialiseret');
    expect(plan.consentInformed).toBe('ja');
    expect(plan.sender.eanIdentifier).toBe('5790001354145');
    expect(plan.sender.identifierCode).toBe('sygehusafdelingsnummer');
    expect(plan.sender.signedBy?.personSurnameName).toBe('Strøm');
    expect(plan.sender.coWriter?.[0]?.identifierCode).toBe('amt');
    expect(plan.receiver.unitName).toBe('Æbleblomsten');
    // leading zero kept: a ydernummer is an identifier, not a number
    expect(plan.gpccReceiver?.ccReceiver?.identifier).toBe('024015');
    expect(plan.ccReceiver?.[0]?.organisationName).toBe('Arne Agertoft & Hanne Petersen');
    expect(plan.relatives?.relative.map((r) => r.relationCode)).toEqual(['aegtefaelle', 'uspec_paaroerende']);
    expect(plan.currentHospitalContact?.expectedEnd).toEqual({ date: '2014-12-20', time: '13:45' });
    expect(plan.hospitalAmbulatoryControl?.location?.identifierCode).toBe('region');
    expect(plan.contactCounty?.eanIdentifier).toBe('57001231231');
    expect(plan.reference?.[0]).toEqual({ refDescription: 'Se de gældende anbefalinger her', url: 'http://sundhedsstyrelsen.dk' });
  });

  it('reads the 5 health-care team members, 4 journal excerpts, diagnoses and ICF codes', () => {
    expect(plan.healthCareTeam?.member.map((m) => m.personGivenName)).toEqual(['Ellinor', 'Arne', 'Trine', 'Vagn', 'Ole']);
    expect(plan.healthCareTeam?.member[0]?.identifierCode).toBe('amt');
    expect(plan.journalExcerpt).toHaveLength(4);
    expect(plan.journalExcerpt?.map((j) => j.typeOfExcerpt)).toEqual([
      'Tilbud om kage',
      'Uddrag af operationsbeskrivelse',
      'Uddrag af journalnotat neurologisk tilsyn',
      'Uddrag uden struktur',
    ]);
    expect(plan.journalExcerpt?.[2]?.signer).toEqual({
      signedBy: { personGivenName: 'Karl', personSurnameName: 'Møller', personTitle: 'Doktor Psyk' },
      date: '2013-05-31',
    });
    expect(plan.journalExcerpt?.[3]?.signer).toBeUndefined();
    expect(plan.journalExcerpt?.[3]?.comment?.text).toBe(
      'Fri tekst\nSkrevet af: Alm med 1. reservelæge Bjarne Goldbæk den 27. februar 2013',
    );
    expect(plan.icd10Diagnoses?.icd10Diagnose?.[0]?.primaryDiagnosis).toEqual({
      code: 'DC189',
      typeCode: 'ICD10kode',
      text: 'Kræft i tyktarmen',
    });
    expect(plan.icd10Diagnoses?.icd10Diagnose?.[0]?.secondaryDiagnosis?.[0]?.code).toBe('DS720');
    expect(plan.icfClassifications?.icfClassification).toHaveLength(2);
    expect(plan.icfClassifications?.icfClassification[1]?.icfGradient?.typeCode).toBe('ICFKode');
    expect(plan.finalResult?.resultReceiver).toHaveLength(1);
    expect(plan.patientHealthSummary?.text).toBe('Fri tekst');
  });

  it('keeps the Break/Bold/Italic structure of AbilityAtDischargeExtended', () => {
    const extended = plan.abilityAtDischargeExtended!;
    const styled = extended.content.filter((node) => node.type !== 'text');
    expect(styled.filter((n) => n.type === 'bold')).toHaveLength(3);
    expect(styled.filter((n) => n.type === 'italic')).toHaveLength(20);
    expect(styled.filter((n) => n.type === 'break')).toHaveLength(43);
    expect(styled[0]).toEqual({ type: 'bold', content: [{ type: 'text', value: '8a. Kroppens funktioner og anatomi' }] });
    expect(styled[1]).toEqual({ type: 'break' });
    expect(styled[2]).toEqual({ type: 'italic', content: [{ type: 'text', value: '- Mentale funktioner' }] });
    expect(extended.text.split('\n').slice(0, 4)).toEqual([
      '8a. Kroppens funktioner og anatomi',
      '- Mentale funktioner',
      '',
      '- Sanser og smerter',
    ]);
    expect(extended.text).toContain('respiratoriske funktioner');
    expect(extended.text.endsWith('- Holdninger')).toBe(true);
  });

  it('points at start tags with 1-based line and column', () => {
    const result = parseGop(bytes);
    if (!result.ok) throw new Error('unreadable');
    const at = result.source.locate(['rehabilitationPlan', 'patient', 'civilRegistrationNumber'])!;
    const line = text.split('\n')[at.line - 1]!;
    expect(line.slice(at.column - 1)).toMatch(/^<mm100:CivilRegistrationNumber>2512484916/);
    const third = result.source.locate(['rehabilitationPlan', 'journalExcerpt', 2, 'typeOfExcerpt'])!;
    expect(text.split('\n')[third.line - 1]!.slice(third.column - 1)).toMatch(/^<TypeOfExcerpt>Uddrag af journalnotat/);
  });

  it('gives a deep-equal message for ISO-8859-1, other prefixes and a VANSEnvelope', () => {
    const latin1 = Buffer.from(text.replace(/^\uFEFF/, '').replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), 'latin1');
    expect(latin1.includes(0xf8)).toBe(true); // ø as one byte: really re-encoded
    expect(readOk(latin1)).toEqual(message);

    const prefixed = reprefix(text, OTHER_PREFIXES);
    expect(prefixed).toContain('<gop:RehabilitationPlan>');
    expect(prefixed).toContain('<fælles:CivilRegistrationNumber>');
    expect(readOk(prefixed)).toEqual(message);

    const defaults = reprefix(text, { [NS.m104]: '', [NS.m100]: 'x' });
    expect(readOk(defaults)).toEqual(message);

    const wrapped = parseGop(wrapInVansForTest(bytes));
    expect(wrapped.ok).toBe(true);
    if (!wrapped.ok) return;
    expect(wrapped.message).toEqual(message);
    expect(wrapped.findings).toEqual([]);
    expect(wrapped.envelope).toMatchObject({
      sender: { id: '5790001354145', endPointType: 'EAN' },
      receiver: { id: '5790000121441', endPointType: 'EAN' },
      envelopeIdentifier: 'ENV-0001',
      messageIdentifier: 'MSG-0001',
      document: { name: 'GGOP', version: 'GGOP100', sizeInBytes: String(bytes.length) },
    });
  });
});
