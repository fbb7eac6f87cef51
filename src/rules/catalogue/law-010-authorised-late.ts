import { defineRule } from '../rule';

export default defineRule<{ afterDischarge: { authorised: string; discharge: string } }>({
  id: 'GOP-LAW-010',
  layer: 'law',
  severity: 'warning',
  referenceKey: 'guidance5',
  libraryData: ['authorised', 'discharge'],
  title: { da: 'Planen er godkendt efter udskrivelsen', en: 'Plan authorised after discharge' },
  docs: {
    en: 'The plan is handed to the patient at the latest at discharge, so it is authorised by then.',
    da: 'Planen udleveres senest ved udskrivelsen og er derfor godkendt inden da.',
  },
  messages: {
    afterDischarge: {
      en: ({ authorised, discharge }) =>
        `The plan was authorised on ${authorised}, after the discharge on ${discharge}; it must be ready at discharge.`,
      da: ({ authorised, discharge }) =>
        `Planen blev godkendt ${authorised}, efter udskrivelsen ${discharge}; den skal være klar ved udskrivelsen.`,
    },
  },
  check(context) {
    const authorised = context.facts.authorisedAt?.slice(0, 10);
    const discharge = context.facts.dischargeDate;
    if (authorised && discharge && authorised > discharge) {
      context.report(['rehabilitationPlan', 'letter', 'authorisation'], 'afterDischarge', { authorised, discharge });
    }
  },
});
