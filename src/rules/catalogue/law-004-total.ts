import { defineRule } from '../rule';
import { requireDescription } from './regime';

export default defineRule<{ notDescribed: Record<string, never> }>({
  id: 'GOP-LAW-004',
  layer: 'law',
  severity: 'error',
  referenceKey: 'bek2_3',
  title: { da: 'Rehabilitering uden samlet beskrivelse', en: 'Specialised rehabilitation without the total description' },
  docs: {
    en: 'For rehabilitering på specialiseret niveau the plan describes the total functional ability and need (AbilityAtDischargeExtended), including social, educational and labour-market needs.',
    da: 'Ved rehabilitering på specialiseret niveau beskriver planen den samlede funktionsevne og det samlede behov (AbilityAtDischargeExtended), herunder sociale, uddannelsesmæssige og beskæftigelsesmæssige behov.',
  },
  messages: {
    notDescribed: {
      en: () =>
        'The level is rehabilitering, but the total description of functional ability and need (AbilityAtDischargeExtended) is absent or empty.',
      da: () =>
        'Niveauet er rehabilitering, men den samlede beskrivelse af funktionsevne og behov (AbilityAtDischargeExtended) mangler eller er tom.',
    },
  },
  check(context) {
    if (context.message.rehabilitationPlan?.typeOfRehabilitationPlan === 'rehabilitering')
      requireDescription(context, 'abilityAtDischargeExtended');
  },
});
