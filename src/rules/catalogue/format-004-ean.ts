import type { ElementFacts } from '../../model/element-facts';
import { defineRule } from '../rule';
import { isValidGln } from '../../values/gln';
import { valuesWhere } from '../values';

const isGln = (facts: ElementFacts) => facts.format === 'gln';

export default defineRule<{ notThirteenDigits: { value: string }; checkDigit: { value: string; expected: number } }>({
  id: 'GOP-FORMAT-004',
  layer: 'format',
  severity: 'error',
  referenceKey: 'gs1',
  libraryData: ['expected'],
  title: { da: 'Ugyldigt lokationsnummer (EAN/GLN)', en: 'Invalid location number (EAN/GLN)' },
  docs: {
    en: 'Every EANIdentifier is 13 digits with a correct GS1 check digit.',
    da: 'Hvert EANIdentifier er 13 cifre med korrekt GS1-kontrolciffer.',
  },
  messages: {
    notThirteenDigits: {
      en: ({ value }) => `"${value}" is not a 13-digit location number.`,
      da: ({ value }) => `"${value}" er ikke et 13-cifret lokationsnummer.`,
    },
    checkDigit: {
      en: ({ value, expected }) => `"${value}" has a wrong GS1 check digit (it should be ${expected}).`,
      da: ({ value, expected }) => `"${value}" har forkert GS1-kontrolciffer (det skal være ${expected}).`,
    },
  },
  check(context) {
    for (const at of valuesWhere(context, isGln)) {
      const value = at.value;
      const result = isValidGln(value);
      if (!result.ok) {
        if (result.reason === 'check-digit') context.report(at.path, 'checkDigit', { value, expected: result.expected as number });
        else context.report(at.path, 'notThirteenDigits', { value });
      }
    }
  },
});
