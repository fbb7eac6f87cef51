import { defineRule } from '../rule';
import { LEVELS } from '../../standard/codelists';
import { isOldRegime } from './regime';

/** Two messages: no level at all (element absent or empty), or a value that is none of the three. */
export default defineRule<{ missing: Record<string, never>; unknown: { value: string } }>({
  id: 'GOP-LAW-001',
  layer: 'law',
  severity: 'error',
  referenceKey: 'bek2_1',
  title: { da: 'Specialiseringsniveau mangler eller er ukendt', en: 'Specialisation level missing or unknown' },
  docs: {
    en: "The plan states one of the three levels of the 2015 order: almen, specialiseret, rehabilitering. (Basal/avanceret is the municipality's own split of almen, not a plan level.)",
    da: 'Planen angiver ét af bekendtgørelsens tre niveauer: almen, specialiseret, rehabilitering. (Basal/avanceret er kommunens egen opdeling af almen og ikke et planniveau.)',
  },
  messages: {
    missing: {
      en: () => `The plan states no specialisation level (TypeOfRehabilitationPlan): the law asks for one of ${LEVELS.join(', ')}.`,
      da: () => `Planen angiver intet specialiseringsniveau (TypeOfRehabilitationPlan): loven kræver et af ${LEVELS.join(', ')}.`,
    },
    unknown: {
      en: ({ value }) => `The specialisation level "${value}" is not one of ${LEVELS.join(', ')}.`,
      da: ({ value }) => `Specialiseringsniveauet "${value}" er ikke et af ${LEVELS.join(', ')}.`,
    },
  },
  check(context) {
    if (isOldRegime(context)) return;
    const value = context.message.rehabilitationPlan?.typeOfRehabilitationPlan;
    // Absent or empty is also a structure finding (GOP-STRUCT-001/004); the law's requirement is reported as well.
    if (value === undefined || value.trim() === '') context.report(['rehabilitationPlan', 'typeOfRehabilitationPlan'], 'missing');
    else if (!(LEVELS as readonly string[]).includes(value))
      context.report(['rehabilitationPlan', 'typeOfRehabilitationPlan'], 'unknown', { value });
  },
});
