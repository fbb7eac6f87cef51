import type { ElementFacts } from '../../model/element-facts';
import { defineRule } from '../rule';
import { isTime } from '../../values/date';
import { valuesWhere } from '../values';

const isTimeOfDay = (facts: ElementFacts) => facts.format === 'time';

export default defineRule<{ notATime: { value: string } }>({
  id: 'GOP-FORMAT-002',
  layer: 'format',
  severity: 'error',
  referenceKey: 'ggop',
  title: { da: 'Ugyldigt klokkeslæt', en: 'Invalid time' },
  docs: { en: 'Every Time is hh:mm on the 24-hour clock, 00:00–23:59.', da: 'Hvert Time er tt:mm i 24-timers format, 00:00–23:59.' },
  messages: {
    notATime: {
      en: ({ value }) => `"${value}" is not a time of the form hh:mm between 00:00 and 23:59.`,
      da: ({ value }) => `"${value}" er ikke et klokkeslæt på formen tt:mm mellem 00:00 og 23:59.`,
    },
  },
  check(context) {
    for (const at of valuesWhere(context, isTimeOfDay)) if (!isTime(at.value)) context.report(at.path, 'notATime', { value: at.value });
  },
});
