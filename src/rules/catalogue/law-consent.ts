import { defineRule } from '../rule';

type Addressee = 'municipality' | 'gp';
const TO = {
  municipality: { en: 'addressed to a municipality (Receiver IdentifierCode kommunenummer)', da: 'adresseret til en kommune (Receiver IdentifierCode kommunenummer)' },
  gp: { en: 'copied to the GP (GPCCReceiver/CCReceiver)', da: 'sendt i kopi til egen læge (GPCCReceiver/CCReceiver)' },
} as const;

export default defineRule<{ to: Addressee }>({
  id: 'GOP-LAW-006', layer: 'law', severity: 'error', reference: 'bek1_84',
  title: { da: 'Sendt uden samtykke', en: 'Sent without consent' },
  docs: {
    en: "The patient's consent governs who receives the plan: with ConsentInformed nej it goes neither to the municipality nor, as a copy, to the GP.",
    da: 'Patientens samtykke afgør, hvem der modtager planen: med ConsentInformed nej sendes den hverken til kommunen eller i kopi til egen læge.',
  },
  messages: {
    en: ({ to }) => `ConsentInformed is nej, but the plan is ${TO[to].en}.`,
    da: ({ to }) => `ConsentInformed er nej, men planen er ${TO[to].da}.`,
  },
  check(context) {
    const plan = context.message.rehabilitationPlan;
    if (plan?.consentInformed !== 'nej') return;
    if (plan.receiver?.identifierCode === 'kommunenummer') context.report(['rehabilitationPlan', 'receiver'], { to: 'municipality' });
    if (plan.gpccReceiver?.ccReceiver) context.report(['rehabilitationPlan', 'gpccReceiver', 'ccReceiver'], { to: 'gp' });
  },
});
