import { defineRule } from '../rule';
import { CODE_LISTS, inCodeList, type CodeListName } from '../../standard/codelists';

/** Which property holds which list; TypeCode depends on where it stands. TypeOfRehabilitationPlan is GOP-LAW-001's. */
const BY_PROPERTY: Record<string, CodeListName> = {
  acknowledgementCode: 'AcknowledgementCode',
  identifierCode: 'IdentifierCode',
  telephoneSubscriberCode: 'TelephoneSubscriberCode',
  relationCode: 'RelationCode',
  consentInformed: 'ConsentInformed',
  versionCode: 'VersionCode',
};

export default defineRule<{ notInList: { value: string; list: CodeListName } }>({
  id: 'GOP-CODE-001',
  layer: 'code',
  severity: 'error',
  referenceKey: 'ggop',
  libraryData: ['list'],
  title: { da: 'Værdi findes ikke i kodelisten', en: 'Value not in its code list' },
  docs: {
    en: 'Coded values are compared case-sensitively with their code list; an unknown value is reported, never mapped. The specialisation level is checked by GOP-LAW-001 instead.',
    da: 'Kodede værdier sammenlignes (med store/små bogstaver) med deres kodeliste; en ukendt værdi rapporteres og oversættes aldrig. Specialiseringsniveauet kontrolleres af GOP-LAW-001.',
  },
  messages: {
    notInList: {
      en: ({ value, list }) => `"${value}" is not in the code list ${list} (${CODE_LISTS[list].join(', ')}).`,
      da: ({ value, list }) => `"${value}" findes ikke i kodelisten ${list} (${CODE_LISTS[list].join(', ')}).`,
    },
  },
  check(context) {
    for (const [prop, list] of Object.entries(BY_PROPERTY)) {
      for (const { value, path } of context.values(prop)) if (!inCodeList(list, value)) context.report(path, 'notInList', { value, list });
    }
    for (const { value, path } of context.values('typeCode')) {
      const list: CodeListName | undefined = path.includes('icd10Diagnoses')
        ? 'DiagnosisTypeCode'
        : path.includes('icfClassifications')
          ? 'IcfTypeCode'
          : undefined;
      if (list && !inCodeList(list, value)) context.report(path, 'notInList', { value, list });
    }
  },
});
