import { defineRule } from '../rule';

export default defineRule<{ beforeDischarge: { deadline: string; discharge: string } }>({
  id: 'GOP-LAW-009',
  layer: 'law',
  severity: 'error',
  referenceKey: 'bek3',
  libraryData: ['deadline', 'discharge'],
  title: { da: 'Tidsfristen ligger før udskrivelsen', en: 'Start deadline before discharge' },
  docs: {
    en: 'Rehabilitation after discharge cannot have to start before the discharge.',
    da: 'Genoptræning efter udskrivelse kan ikke skulle starte før udskrivelsen.',
  },
  messages: {
    beforeDischarge: {
      en: ({ deadline, discharge }) => `The start deadline ${deadline} falls before the discharge date ${discharge}.`,
      da: ({ deadline, discharge }) => `Tidsfristen ${deadline} ligger før udskrivelsesdatoen ${discharge}.`,
    },
  },
  check(context) {
    const { mustStartBy, dischargeDate } = context.facts;
    if (mustStartBy && dischargeDate && mustStartBy < dischargeDate) {
      context.report(['rehabilitationPlan', 'rehabilitationDeadline'], 'beforeDischarge', {
        deadline: mustStartBy,
        discharge: dischargeDate,
      });
    }
  },
});
