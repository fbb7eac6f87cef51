// The element facts the schema registers (src/model/element-facts.ts): what the rules, redaction, the view and the
// test data read instead of tables of their own.
import { describe, expect, it } from 'vitest';
import { MESSAGE_FACTS, MESSAGE_SPEC } from '../src/model/schema';
import type { ElementSpec } from '../src/model/spec';
import { CODE_LISTS } from '../src/standard/codelists';
import { SECTION_KEYS } from '../src/view/texts';

/** Every property of the message with its model path (no indexes). */
function modelPaths(spec: ElementSpec = MESSAGE_SPEC, path: string[] = []): string[][] {
  return spec.children.flatMap((child) => {
    const here = [...path, child.prop];
    return [here, ...(child.element ? modelPaths(child.element, here) : [])];
  });
}

describe('element facts', () => {
  it('are found by model path, indexes skipped', () => {
    expect(MESSAGE_FACTS.at(['rehabilitationPlan', 'patient', 'civilRegistrationNumber'])).toEqual({ format: 'cpr', personal: 'cpr' });
    const typeCode = (part: (string | number)[]) => MESSAGE_FACTS.at(['rehabilitationPlan', ...part, 'typeCode'])?.codeList;
    expect(typeCode(['icd10Diagnoses', 'icd10Diagnose', 0, 'secondaryDiagnosis', 1])).toBe('DiagnosisTypeCode');
    expect(typeCode(['icfClassifications', 'icfClassification', 2, 'icfGradient'])).toBe('IcfTypeCode');
    expect(typeCode(['letter'])).toBe('LetterTypeCode');
    expect(MESSAGE_FACTS.at(['rehabilitationPlan', 'patient', 'occupation'])).toBeUndefined();
    expect(MESSAGE_FACTS.at(['rehabilitationPlan', 'constructor'])).toBeUndefined();
    expect(MESSAGE_FACTS.at(['extraElements', 0, 'xml'])).toBeUndefined();
  });

  it('are known without a path for a property that has the same facts wherever it stands', () => {
    expect(MESSAGE_FACTS.sameEverywhere('date')).toEqual({ format: 'date' });
    expect(MESSAGE_FACTS.sameEverywhere('occupation')).toEqual({});
    expect(MESSAGE_FACTS.sameEverywhere('typeCode')).toBeUndefined();
    expect(MESSAGE_FACTS.sameEverywhere('code')).toBeUndefined();
  });

  it('are found along an element path, as far as the standard knows it', () => {
    expect(MESSAGE_FACTS.along(['RehabilitationPlan', 'Sender', 'SignedBy', 'PersonGivenName'])).toEqual([
      { section: 'plan' },
      { section: 'signers' },
      { personal: 'name' },
    ]);
    expect(MESSAGE_FACTS.along(['RehabilitationPlan', 'Patient', 'Kaffe', 'CivilRegistrationNumber'])).toEqual([{ section: 'patient' }]);
    expect(MESSAGE_FACTS.along(['RehabilitationPlan', 'toString'])).toEqual([]);
  });

  it('name a view section for every section the view has, and only those', () => {
    const named = new Set(modelPaths().map((path) => MESSAGE_FACTS.at(path)?.section));
    named.delete(undefined);
    expect([...named].sort()).toEqual([...SECTION_KEYS].sort());
  });

  it('name every code list of the standard, each on an element', () => {
    const named = new Set(modelPaths().map((path) => MESSAGE_FACTS.at(path)?.codeList));
    named.delete(undefined);
    expect([...named].sort()).toEqual(Object.keys(CODE_LISTS).sort());
  });

  it('mark a property as the same kind of personal data wherever it stands (redaction masks by property name)', () => {
    const personal = MESSAGE_FACTS.personalProperties;
    expect(Object.fromEntries(personal)).toEqual({
      personGivenName: 'name',
      personSurnameName: 'name',
      streetName: 'address',
      emailAddressIdentifier: 'text',
      noTelephoneReason: 'text',
      civilRegistrationNumber: 'cpr',
      telephoneSubscriberIdentifier: 'number',
    });
    for (const path of modelPaths()) {
      const prop = path[path.length - 1]!;
      if (personal.has(prop)) expect({ path, kind: MESSAGE_FACTS.at(path)?.personal }).toEqual({ path, kind: personal.get(prop) });
    }
    expect(MESSAGE_FACTS.personalElements.get('CivilRegistrationNumber')).toBe('cpr');
  });
});
