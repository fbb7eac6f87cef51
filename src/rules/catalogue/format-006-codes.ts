import type { ElementFacts } from '../../model/element-facts';
import { defineRule } from '../rule';
import { isIcfCode, isSksDiagnosisCode } from '../../values/codes';
import { valuesWhere } from '../values';

const isCode = (facts: ElementFacts) => facts.format === 'sksDiagnosis' || facts.format === 'icf';

export default defineRule<{ diagnosis: { value: string }; icf: { value: string } }>({
  id: 'GOP-FORMAT-006',
  layer: 'format',
  severity: 'warning',
  referenceKey: 'sksIcf',
  title: { da: 'Diagnose- eller ICF-kode ser forkert ud', en: 'Diagnosis or ICF code looks wrong' },
  docs: {
    en: 'Diagnosis codes are SKS codes (D + letter + 2–6 characters); ICF codes are F + B/S/D/E/A + digits, or WHO b/s/d/e + digits.',
    da: 'Diagnosekoder er SKS-koder (D + bogstav + 2–6 tegn); ICF-koder er F + B/S/D/E/A + cifre eller WHO b/s/d/e + cifre.',
  },
  messages: {
    diagnosis: {
      en: ({ value }) => `"${value}" is not an SKS diagnosis code (e.g. DS720).`,
      da: ({ value }) => `"${value}" er ikke en SKS-diagnosekode (fx DS720).`,
    },
    icf: {
      en: ({ value }) => `"${value}" is not an ICF code (e.g. FB799).`,
      da: ({ value }) => `"${value}" er ikke en ICF-kode (fx FB799).`,
    },
  },
  check(context) {
    for (const at of valuesWhere(context, isCode)) {
      const { value, facts } = at; // the path only when reported: it is built on asking
      if (facts.format === 'icf' ? !isIcfCode(value) : !isSksDiagnosisCode(value))
        context.report(at.path, facts.format === 'icf' ? 'icf' : 'diagnosis', { value });
    }
  },
});
