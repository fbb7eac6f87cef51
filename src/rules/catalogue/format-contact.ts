import { defineRule } from '../rule';
import { isDanishPostcode, isPlausibleEmail, isPlausiblePhone } from '../../values/contact';

type What = 'postcode' | 'phone' | 'email';
const WHAT = {
  postcode: { prop: 'postCodeIdentifier', test: isDanishPostcode, en: 'a Danish postcode (4 digits)', da: 'et dansk postnummer (4 cifre)' },
  phone: { prop: 'telephoneSubscriberIdentifier', test: isPlausiblePhone, en: 'a plausible Danish or +CC phone number', da: 'et plausibelt dansk eller +landekode-telefonnummer' },
  email: { prop: 'emailAddressIdentifier', test: isPlausibleEmail, en: 'an e-mail address', da: 'en e-mailadresse' },
} satisfies Record<What, { prop: string; test: (s: string) => boolean; en: string; da: string }>;

export default defineRule<{ value: string; what: What }>({
  id: 'GOP-FORMAT-005', layer: 'format', severity: 'warning', reference: 'ggop',
  title: { da: 'Postnummer, telefonnummer eller e-mail ser forkert ud', en: 'Postcode, phone number or e-mail looks wrong' },
  docs: { en: 'Postcodes are 4 digits; phone numbers are 8 Danish digits or +CC numbers; e-mail addresses are well-formed.', da: 'Postnumre er 4 cifre; telefonnumre er 8 danske cifre eller +landekode-numre; e-mailadresser er velformede.' },
  messages: {
    en: ({ value, what }) => `"${value}" is not ${WHAT[what].en}.`,
    da: ({ value, what }) => `"${value}" er ikke ${WHAT[what].da}.`,
  },
  check(context) {
    for (const what of Object.keys(WHAT) as What[]) {
      for (const { value, path } of context.values(WHAT[what].prop)) if (!WHAT[what].test(value)) context.report(path, { value, what });
    }
  },
});
