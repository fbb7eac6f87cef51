import { defineRule } from '../rule';
import type { ElementFacts } from '../../model/element-facts';
import { CODE_LISTS, inCodeList, type CodeListName } from '../../standard/codelists';
import { valuesWhere } from '../values';

/** Lists another check reads: the specialisation level (GOP-LAW-001) and the letter's type (identifying the document). */
const CHECKED_ELSEWHERE = new Set<CodeListName>(['TypeOfRehabilitationPlan', 'LetterTypeCode']);
/** An element whose code list the schema names (TypeCode's depends on where it stands) and no other check reads. */
const coded = (facts: ElementFacts) => facts.codeList !== undefined && !CHECKED_ELSEWHERE.has(facts.codeList);

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
    for (const at of valuesWhere(context, coded)) {
      const { value, facts } = at; // the path only when reported: it is built on asking
      const list = facts.codeList!;
      if (!inCodeList(list, value)) context.report(at.path, 'notInList', { value, list });
    }
  },
});
