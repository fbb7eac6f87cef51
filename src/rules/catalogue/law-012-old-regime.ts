import { defineRule } from '../rule';
import { isOldRegime } from './regime';

export default defineRule<{ oldRegime: { authorised: string } }>({
  id: 'GOP-LAW-012',
  layer: 'law',
  severity: 'info',
  referenceKey: 'bek2014',
  libraryData: ['authorised'],
  title: { da: 'Plan fra før 2015 (gammel ordning)', en: 'Plan from before 2015 (old regime)' },
  docs: {
    en: 'Plans authorised before 1 January 2015 follow the earlier order: the three levels and content rules (GOP-LAW-001 to 004) are not applied to them.',
    da: 'Planer godkendt før 1. januar 2015 følger den tidligere bekendtgørelse: de tre niveauer og indholdskravene (GOP-LAW-001 til 004) anvendes ikke på dem.',
  },
  messages: {
    oldRegime: {
      en: ({ authorised }) =>
        `The plan was authorised on ${authorised}, before 1 January 2015: the 2015 levels and content rules do not apply and were not checked.`,
      da: ({ authorised }) =>
        `Planen blev godkendt ${authorised}, før 1. januar 2015: 2015-reglernes niveauer og indholdskrav gælder ikke og er ikke kontrolleret.`,
    },
  },
  check(context) {
    if (isOldRegime(context))
      context.report(['rehabilitationPlan', 'letter', 'authorisation'], 'oldRegime', {
        authorised: context.facts.authorisedAt!.slice(0, 10),
      });
  },
});
