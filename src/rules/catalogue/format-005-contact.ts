import type { ElementFacts } from '../../model/element-facts';
import { defineRule } from '../rule';
import { isDanishPostcode, isPlausibleEmail, isPlausiblePhone } from '../../values/contact';
import { valuesWhere } from '../values';

/** The element's format (src/model/schema.ts) is the message's id. */
type What = 'postcode' | 'phone' | 'email';
const TESTS: Record<What, (value: string) => boolean> = { postcode: isDanishPostcode, phone: isPlausiblePhone, email: isPlausibleEmail };
const isContact = (facts: ElementFacts) => facts.format !== undefined && Object.hasOwn(TESTS, facts.format);

export default defineRule<Record<What, { value: string }>>({
  id: 'GOP-FORMAT-005',
  layer: 'format',
  severity: 'warning',
  referenceKey: 'ggop',
  title: { da: 'Postnummer, telefonnummer eller e-mail ser forkert ud', en: 'Postcode, phone number or e-mail looks wrong' },
  docs: {
    en: 'Postcodes are 4 digits; phone numbers are 8 Danish digits or +CC numbers; e-mail addresses are well-formed.',
    da: 'Postnumre er 4 cifre; telefonnumre er 8 danske cifre eller +landekode-numre; e-mailadresser er velformede.',
  },
  messages: {
    postcode: {
      en: ({ value }) => `"${value}" is not a Danish postcode (4 digits).`,
      da: ({ value }) => `"${value}" er ikke et dansk postnummer (4 cifre).`,
    },
    phone: {
      en: ({ value }) => `"${value}" is not a plausible Danish or +CC phone number.`,
      da: ({ value }) => `"${value}" er ikke et plausibelt dansk eller +landekode-telefonnummer.`,
    },
    email: { en: ({ value }) => `"${value}" is not an e-mail address.`, da: ({ value }) => `"${value}" er ikke en e-mailadresse.` },
  },
  check(context) {
    for (const at of valuesWhere(context, isContact)) {
      const { value, facts } = at; // the path only when reported: it is built on asking
      const what = facts.format as What;
      if (!TESTS[what](value)) context.report(at.path, what, { value });
    }
  },
});
