import { defineRule } from '../rule';
import type { DeepPartial } from '../../model/partial';
import type { Party } from '../../model/schema';

const WHO = {
  contactCounty: { en: 'the home region (ContactCounty)', da: 'hjemregionen (ContactCounty)' },
  contactMunicipality: { en: 'the home municipality (ContactMunicipality)', da: 'hjemkommunen (ContactMunicipality)' },
} as const;
type Who = keyof typeof WHO;

/** Reachable: a phone number, or a street address with a postcode. */
const reachable = (party: DeepPartial<Party> | undefined) =>
  !!party && (!!party.telephoneSubscriberIdentifier?.trim() || (!!party.streetName?.trim() && !!party.postCodeIdentifier?.trim()));

export default defineRule<{ absent: { who: Who }; unreachable: { who: Who } }>({
  id: 'GOP-LAW-005',
  layer: 'law',
  severity: 'warning',
  referenceKey: 'bek2_4',
  libraryData: ['who'],
  title: { da: 'Kontaktoplysninger for region eller kommune mangler', en: 'Contact details for region or municipality missing' },
  docs: {
    en: 'The plan says how the home region and the home municipality can be contacted: ContactCounty and ContactMunicipality, each with a phone number or a street address and postcode.',
    da: 'Planen oplyser, hvordan hjemregionen og hjemkommunen kan kontaktes: ContactCounty og ContactMunicipality, hver med telefonnummer eller adresse og postnummer.',
  },
  messages: {
    absent: {
      en: ({ who }) => `The plan gives no contact details for ${WHO[who].en}.`,
      da: ({ who }) => `Planen giver ingen kontaktoplysninger for ${WHO[who].da}.`,
    },
    unreachable: {
      en: ({ who }) => `The contact details for ${WHO[who].en} have neither a phone number nor a street address with postcode.`,
      da: ({ who }) => `Kontaktoplysningerne for ${WHO[who].da} har hverken telefonnummer eller adresse med postnummer.`,
    },
  },
  check(context) {
    const plan = context.message.rehabilitationPlan;
    for (const who of Object.keys(WHO) as Who[]) {
      const party = plan?.[who];
      if (!reachable(party)) context.report(['rehabilitationPlan', who], party === undefined ? 'absent' : 'unreachable', { who });
    }
  },
});
