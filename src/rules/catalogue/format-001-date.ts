import type { ElementFacts } from '../../model/element-facts';
import { defineRule } from '../rule';
import { isIsoDate } from '../../values/date';
import { valuesWhere } from '../values';

const isDate = (facts: ElementFacts) => facts.format === 'date';

export default defineRule<{ notADate: { value: string } }>({
  id: 'GOP-FORMAT-001',
  layer: 'format',
  severity: 'error',
  referenceKey: 'ggop',
  title: { da: 'Ugyldig dato', en: 'Invalid date' },
  docs: { en: 'Every Date is YYYY-MM-DD and exists in the calendar.', da: 'Hver Date er ÅÅÅÅ-MM-DD og findes i kalenderen.' },
  messages: {
    notADate: {
      en: ({ value }) => `"${value}" is not a date of the form YYYY-MM-DD that exists in the calendar.`,
      da: ({ value }) => `"${value}" er ikke en dato på formen ÅÅÅÅ-MM-DD, som findes i kalenderen.`,
    },
  },
  check(context) {
    for (const at of valuesWhere(context, isDate)) if (!isIsoDate(at.value)) context.report(at.path, 'notADate', { value: at.value });
  },
});
