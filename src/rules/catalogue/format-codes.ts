import { defineRule } from '../rule';
import { isIcfCode, isSksDiagnosisCode } from '../../values/codes';

export default defineRule<{ value: string; kind: 'diagnosis' | 'icf' }>({
  id: 'GOP-FORMAT-006', layer: 'format', severity: 'warning', reference: 'sksIcf',
  title: { da: 'Diagnose- eller ICF-kode ser forkert ud', en: 'Diagnosis or ICF code looks wrong' },
  docs: { en: 'Diagnosis codes are SKS codes (D + letter + 2–6 characters); ICF codes are F + B/S/D/E/A + digits, or WHO b/s/d/e + digits.', da: 'Diagnosekoder er SKS-koder (D + bogstav + 2–6 tegn); ICF-koder er F + B/S/D/E/A + cifre eller WHO b/s/d/e + cifre.' },
  messages: {
    en: ({ value, kind }) => `"${value}" is not ${kind === 'diagnosis' ? 'an SKS diagnosis code (e.g. DS720)' : 'an ICF code (e.g. FB799)'}.`,
    da: ({ value, kind }) => `"${value}" er ikke ${kind === 'diagnosis' ? 'en SKS-diagnosekode (fx DS720)' : 'en ICF-kode (fx FB799)'}.`,
  },
  check(context) {
    const diagnoses = context.message.rehabilitationPlan?.icd10Diagnoses?.icd10Diagnose ?? [];
    diagnoses.forEach((diagnose, i) => {
      const base = ['rehabilitationPlan', 'icd10Diagnoses', 'icd10Diagnose', i];
      const primary = diagnose.primaryDiagnosis?.code;
      if (primary !== undefined && !isSksDiagnosisCode(primary)) context.report([...base, 'primaryDiagnosis', 'code'], { value: primary, kind: 'diagnosis' });
      diagnose.secondaryDiagnosis?.forEach((secondary, k) => {
        if (secondary.code !== undefined && !isSksDiagnosisCode(secondary.code)) context.report([...base, 'secondaryDiagnosis', k, 'code'], { value: secondary.code, kind: 'diagnosis' });
      });
    });
    context.message.rehabilitationPlan?.icfClassifications?.icfClassification?.forEach((classification, i) => {
      for (const part of ['icfCode', 'icfGradient'] as const) {
        const code = classification[part]?.code;
        if (code !== undefined && !isIcfCode(code)) context.report(['rehabilitationPlan', 'icfClassifications', 'icfClassification', i, part, 'code'], { value: code, kind: 'icf' });
      }
    });
  },
});
