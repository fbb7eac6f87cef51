import { defineRule } from '../rule';
import { requireDescription } from './regime';

export default defineRule<{ notDescribed: Record<string, never> }>({
  id: 'GOP-LAW-003',
  layer: 'law',
  severity: 'error',
  referenceKey: 'bek2_2',
  title: { da: 'Genoptræningsbehovet er ikke beskrevet', en: 'Rehabilitation need not described' },
  docs: {
    en: 'RehabilitationNeedAndPotential describes the need, including which impairments to target.',
    da: 'RehabilitationNeedAndPotential beskriver behovet, herunder hvilke funktionsnedsættelser der skal trænes.',
  },
  messages: {
    notDescribed: {
      en: () => 'The plan does not describe the rehabilitation need (RehabilitationNeedAndPotential is absent or empty).',
      da: () => 'Planen beskriver ikke genoptræningsbehovet (RehabilitationNeedAndPotential mangler eller er tom).',
    },
  },
  check: (context) => requireDescription(context, 'rehabilitationNeedAndPotential'),
});
