import type { ElementFacts } from '../../model/element-facts';
import { defineRule } from '../rule';
import { checkCpr } from '../../values/cpr';
import { valuesWhere } from '../values';

const isCpr = (facts: ElementFacts) => facts.format === 'cpr';

export default defineRule<{ notTenDigits: Record<string, never>; invalidBirthDate: Record<string, never> }>({
  id: 'GOP-FORMAT-003',
  layer: 'format',
  severity: 'error',
  referenceKey: 'cpr',
  title: { da: 'Ugyldigt CPR-nummer', en: 'Invalid CPR number' },
  docs: {
    en: 'The CPR number is 10 digits whose first six are a real birth date (century from the 7th digit). No modulus-11 check: numbers issued since 2007 need not pass it.',
    da: 'CPR-nummeret er 10 cifre, hvor de første seks er en rigtig fødselsdato (århundrede efter 7. ciffer). Ingen modulus-11-kontrol: numre udstedt siden 2007 behøver ikke at bestå den.',
  },
  // The value itself is not repeated in the text: reports go into logs.
  messages: {
    notTenDigits: { en: () => 'The CPR number is not exactly 10 digits.', da: () => 'CPR-nummeret er ikke præcis 10 cifre.' },
    invalidBirthDate: {
      en: () => 'The first six digits of the CPR number are not a real date of birth.',
      da: () => 'De første seks cifre i CPR-nummeret er ikke en rigtig fødselsdato.',
    },
  },
  check(context) {
    for (const at of valuesWhere(context, isCpr)) {
      const result = checkCpr(at.value);
      if (!result.ok) context.report(at.path, result.reason === 'not-10-digits' ? 'notTenDigits' : 'invalidBirthDate');
    }
  },
});
