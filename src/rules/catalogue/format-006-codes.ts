import { defineRule } from '../rule';
import { isIcfCode, isSksDiagnosisCode } from '../../values/codes';

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
    const diagnoses = context.message.rehabilitationPlan?.icd10Diagnoses?.icd10Diagnose ?? [];
    diagnoses.forEach((diagnose, i) => {
      const base = ['rehabilitationPlan', 'icd10Diagnoses', 'icd10Diagnose', i];
      const primary = diagnose.primaryDiagnosis?.code;
      if (primary !== undefined && !isSksDiagnosisCode(primary))
        context.report([...base, 'primaryDiagnosis', 'code'], 'diagnosis', { value: primary });
      diagnose.secondaryDiagnosis?.forEach((secondary, k) => {
        if (secondary.code !== undefined && !isSksDiagnosisCode(secondary.code))
          context.report([...base, 'secondaryDiagnosis', k, 'code'], 'diagnosis', { value: secondary.code });
      });
    });
    context.message.rehabilitationPlan?.icfClassifications?.icfClassification?.forEach((classification, i) => {
      for (const part of ['icfCode', 'icfGradient'] as const) {
        const code = classification[part]?.code;
        if (code !== undefined && !isIcfCode(code))
          context.report(['rehabilitationPlan', 'icfClassifications', 'icfClassification', i, part, 'code'], 'icf', { value: code });
      }
    });
  },
});
