import { defineRule } from '../rule';
import type { ModelPath } from '../../model/locate';

type Order = 'admission-after-discharge' | 'sent-before-authorised';
const TEXT = {
  'admission-after-discharge': {
    en: (a: string, b: string) => `The admission (${a}) is after the discharge (${b}).`,
    da: (a: string, b: string) => `Indlæggelsen (${a}) ligger efter udskrivelsen (${b}).`,
  },
  'sent-before-authorised': {
    en: (a: string, b: string) => `The message was sent (${a}) before the plan was authorised (${b}).`,
    da: (a: string, b: string) => `Meddelelsen er afsendt (${a}), før planen blev godkendt (${b}).`,
  },
};

export default defineRule<{ order: Order; first: string; second: string }>({
  id: 'GOP-LAW-013', layer: 'law', severity: 'warning', reference: 'guidance5',
  title: { da: 'Datoer i umulig rækkefølge', en: 'Dates in an impossible order' },
  docs: {
    en: 'Admission comes before discharge, and a plan is authorised before it is sent. Added by this project: the public example message breaks the second, and a receiver cannot trust such dates for deadlines.',
    da: 'Indlæggelse kommer før udskrivelse, og en plan godkendes, før den sendes. Tilføjet af projektet: det offentlige eksempel bryder det sidste, og en modtager kan ikke stole på sådanne datoer ved fristberegning.',
  },
  messages: {
    en: ({ order, first, second }) => TEXT[order].en(first, second),
    da: ({ order, first, second }) => TEXT[order].da(first, second),
  },
  check(context) {
    const { admissionDate, dischargeDate, sentAt, authorisedAt } = context.facts;
    const report = (path: ModelPath, order: Order, first: string, second: string) => context.report(path, { order, first, second });
    if (admissionDate && dischargeDate && admissionDate > dischargeDate) {
      report(['rehabilitationPlan', 'currentHospitalContact', 'start'], 'admission-after-discharge', admissionDate, dischargeDate);
    }
    // Compared to the minute where both times are there: 'YYYY-MM-DDThh:mm' strings order correctly.
    if (sentAt && authorisedAt && sentAt.slice(0, Math.min(sentAt.length, authorisedAt.length)) < authorisedAt.slice(0, Math.min(sentAt.length, authorisedAt.length))) {
      report(['envelope', 'sent'], 'sent-before-authorised', sentAt, authorisedAt);
    }
  },
});
