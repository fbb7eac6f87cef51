import { defineRule } from '../rule';

export default defineRule<{ noDischargeDate: { hasText: boolean } }>({
  id: 'GOP-LAW-011',
  layer: 'law',
  severity: 'warning',
  referenceKey: 'bek3_140',
  title: { da: 'Ingen udskrivelsesdato', en: 'No discharge date' },
  docs: {
    en: 'Without CurrentHospitalContact/ExpectedEnd/Date no relative deadline and no 7-day free-choice date can be computed. (An invalid date is GOP-FORMAT-001.)',
    da: 'Uden CurrentHospitalContact/ExpectedEnd/Date kan hverken relative frister eller 7-dagesfristen for frit valg beregnes. (En ugyldig dato er GOP-FORMAT-001.)',
  },
  messages: {
    noDischargeDate: {
      en: ({ hasText }) =>
        `The plan has no discharge date (CurrentHospitalContact/ExpectedEnd/Date)${hasText ? ', only free text (ExpectedEndText)' : ''}: deadlines counted from discharge cannot be computed.`,
      da: ({ hasText }) =>
        `Planen har ingen udskrivelsesdato (CurrentHospitalContact/ExpectedEnd/Date)${hasText ? ', kun fritekst (ExpectedEndText)' : ''}: frister regnet fra udskrivelsen kan ikke beregnes.`,
    },
  },
  check(context) {
    const contact = context.message.rehabilitationPlan?.currentHospitalContact;
    if (contact?.expectedEnd?.date === undefined) {
      context.report(['rehabilitationPlan', 'currentHospitalContact', 'expectedEnd'], 'noDischargeDate', {
        hasText: !!contact?.expectedEndText,
      });
    }
  },
});
