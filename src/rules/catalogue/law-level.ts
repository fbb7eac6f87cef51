import { defineRule } from '../rule';
import { LEVELS } from '../../standard/codelists';
import { isOldRegime } from './regime';

/** Two messages: no level at all (element absent or empty), or a value that is none of the three. */
type LevelProblem = { problem: 'missing' } | { problem: 'unknown'; value: string };

export default defineRule<LevelProblem>({
  id: 'GOP-LAW-001', layer: 'law', severity: 'error', reference: 'bek2_1',
  title: { da: 'Specialiseringsniveau mangler eller er ukendt', en: 'Specialisation level missing or unknown' },
  docs: {
    en: 'The plan states one of the three levels of the 2015 order: almen, specialiseret, rehabilitering. (Basal/avanceret is the municipality\'s own split of almen, not a plan level.)',
    da: 'Planen angiver ét af bekendtgørelsens tre niveauer: almen, specialiseret, rehabilitering. (Basal/avanceret er kommunens egen opdeling af almen og ikke et planniveau.)',
  },
  messages: {
    en: (d) => d.problem === 'unknown'
      ? `The specialisation level "${d.value}" is not one of ${LEVELS.join(', ')}.`
      : `The plan states no specialisation level (TypeOfRehabilitationPlan): the law asks for one of ${LEVELS.join(', ')}.`,
    da: (d) => d.problem === 'unknown'
      ? `Specialiseringsniveauet "${d.value}" er ikke et af ${LEVELS.join(', ')}.`
      : `Planen angiver intet specialiseringsniveau (TypeOfRehabilitationPlan): loven kræver et af ${LEVELS.join(', ')}.`,
  },
  check(context) {
    if (isOldRegime(context)) return;
    const value = context.message.rehabilitationPlan?.typeOfRehabilitationPlan;
    // Absent or empty is also a structure finding (GOP-STRUCT-001/004); the law's requirement is reported as well.
    if (value === undefined || value.trim() === '') context.report(['rehabilitationPlan', 'typeOfRehabilitationPlan'], { problem: 'missing' });
    else if (!(LEVELS as readonly string[]).includes(value)) context.report(['rehabilitationPlan', 'typeOfRehabilitationPlan'], { problem: 'unknown', value });
  },
});
