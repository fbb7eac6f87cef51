import { defineRule } from '../rule';
import { LEVELS } from '../../standard/codelists';
import { isOldRegime } from './regime';

export default defineRule<{ value?: string }>({
  id: 'GOP-LAW-001', layer: 'law', severity: 'error', reference: 'bek2_1',
  title: { da: 'Specialiseringsniveau mangler eller er ukendt', en: 'Specialisation level missing or unknown' },
  docs: {
    en: 'The plan states one of the three levels of the 2015 order: almen, specialiseret, rehabilitering. (Basal/avanceret is the municipality\'s own split of almen, not a plan level.)',
    da: 'Planen angiver ét af bekendtgørelsens tre niveauer: almen, specialiseret, rehabilitering. (Basal/avanceret er kommunens egen opdeling af almen og ikke et planniveau.)',
  },
  messages: {
    en: ({ value }) => value ? `The specialisation level "${value}" is not one of ${LEVELS.join(', ')}.` : 'The plan states no specialisation level.',
    da: ({ value }) => value ? `Specialiseringsniveauet "${value}" er ikke et af ${LEVELS.join(', ')}.` : 'Planen angiver intet specialiseringsniveau.',
  },
  check(context) {
    if (isOldRegime(context)) return;
    const value = context.message.rehabilitationPlan?.typeOfRehabilitationPlan;
    if (value === undefined) return; // absent: GOP-STRUCT-001 says so already
    if (!(LEVELS as readonly string[]).includes(value)) context.report(['rehabilitationPlan', 'typeOfRehabilitationPlan'], { value: value || undefined });
  },
});
