import { defineRule } from '../rule';

export default defineRule<{ noGpccReceiver: Record<string, never>; emptyGpccReceiver: Record<string, never> }>({
  id: 'GOP-LAW-007',
  layer: 'law',
  severity: 'warning',
  referenceKey: 'guidance5',
  title: { da: 'Hverken kopi til egen læge eller fravalg', en: 'Neither a GP copy nor an opt-out' },
  docs: {
    en: 'The plan goes to the GP as a copy unless the patient declines: GPCCReceiver holds the GP (CCReceiver) or an explicit Deselected.',
    da: 'Planen sendes i kopi til egen læge, medmindre patienten frabeder sig det: GPCCReceiver indeholder lægen (CCReceiver) eller et udtrykkeligt Deselected.',
  },
  messages: {
    noGpccReceiver: {
      en: () => "The plan has no GPCCReceiver: neither a copy to the GP nor the patient's opt-out (Deselected).",
      da: () => 'Planen har ingen GPCCReceiver: hverken kopi til egen læge eller patientens fravalg (Deselected).',
    },
    emptyGpccReceiver: {
      en: () => 'GPCCReceiver names neither the GP (CCReceiver) nor an opt-out (Deselected).',
      da: () => 'GPCCReceiver angiver hverken egen læge (CCReceiver) eller fravalg (Deselected).',
    },
  },
  check(context) {
    const gp = context.message.rehabilitationPlan?.gpccReceiver;
    if (!gp) context.report(['rehabilitationPlan', 'gpccReceiver'], 'noGpccReceiver');
    else if (!gp.ccReceiver && gp.deselected !== true) context.report(['rehabilitationPlan', 'gpccReceiver'], 'emptyGpccReceiver');
  },
});
