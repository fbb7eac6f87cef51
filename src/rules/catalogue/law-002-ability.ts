import { defineRule } from '../rule';
import { requireDescription } from './regime';

export default defineRule<{ notDescribed: Record<string, never> }>({
  id: 'GOP-LAW-002',
  layer: 'law',
  severity: 'error',
  referenceKey: 'bek2_2',
  title: { da: 'Funktionsevne ved udskrivelse er ikke beskrevet', en: 'Functional ability at discharge not described' },
  docs: {
    en: 'AbilityAtDischargeSummary describes the functional ability at discharge.',
    da: 'AbilityAtDischargeSummary beskriver funktionsevnen ved udskrivelsen.',
  },
  messages: {
    notDescribed: {
      en: () => 'The plan does not describe the functional ability at discharge (AbilityAtDischargeSummary is absent or empty).',
      da: () => 'Planen beskriver ikke funktionsevnen ved udskrivelsen (AbilityAtDischargeSummary mangler eller er tom).',
    },
  },
  check: (context) => requireDescription(context, 'abilityAtDischargeSummary'),
});
