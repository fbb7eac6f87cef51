import { defineRule } from '../rule';

type Addressee = 'municipality' | 'gp' | 'copy';
const TO = {
  municipality: { en: 'addressed to the home municipality (Receiver)', da: 'adresseret til hjemkommunen (Receiver)' },
  gp: { en: 'copied to the GP (GPCCReceiver/CCReceiver)', da: 'sendt i kopi til egen læge (GPCCReceiver/CCReceiver)' },
  copy: { en: 'copied to a further receiver (CCReceiver)', da: 'sendt i kopi til en yderligere modtager (CCReceiver)' },
} as const;

export default defineRule<{ sentWithoutConsent: { to: Addressee } }>({
  id: 'GOP-LAW-006',
  layer: 'law',
  severity: 'error',
  referenceKey: 'bek1_84',
  libraryData: ['to'],
  title: { da: 'Sendt uden samtykke', en: 'Sent without consent' },
  docs: {
    en: "The patient's consent governs who receives the plan: with ConsentInformed nej it goes to no one — not the municipality (the Receiver is the home municipality by definition), not the GP, no other copy receiver.",
    da: 'Patientens samtykke afgør, hvem der modtager planen: med ConsentInformed nej sendes den ikke til nogen — hverken kommunen (Receiver er pr. definition hjemkommunen), egen læge eller andre kopimodtagere.',
  },
  messages: {
    sentWithoutConsent: {
      en: ({ to }) => `ConsentInformed is nej, but the plan is ${TO[to].en}.`,
      da: ({ to }) => `ConsentInformed er nej, men planen er ${TO[to].da}.`,
    },
  },
  check(context) {
    const plan = context.message.rehabilitationPlan;
    if (plan?.consentInformed !== 'nej') return;
    if (plan.receiver) context.report(['rehabilitationPlan', 'receiver'], 'sentWithoutConsent', { to: 'municipality' });
    if (plan.gpccReceiver?.ccReceiver)
      context.report(['rehabilitationPlan', 'gpccReceiver', 'ccReceiver'], 'sentWithoutConsent', { to: 'gp' });
    plan.ccReceiver?.forEach((_, i) => context.report(['rehabilitationPlan', 'ccReceiver', i], 'sentWithoutConsent', { to: 'copy' }));
  },
});
