import { defineRule } from '../rule';
import type { ModelPath } from '../../model/locate';

type Order = 'admissionAfterDischarge' | 'sentBeforeAuthorised';

export default defineRule<Record<Order, { first: string; second: string }>>({
  id: 'GOP-LAW-013',
  layer: 'law',
  severity: 'warning',
  referenceKey: 'guidance5',
  libraryData: ['first', 'second'],
  title: { da: 'Datoer i umulig rækkefølge', en: 'Dates in an impossible order' },
  docs: {
    en: 'Admission comes before discharge, and a plan is authorised before it is sent. Added by this project: the public example message breaks the second, and a receiver cannot trust such dates for deadlines.',
    da: 'Indlæggelse kommer før udskrivelse, og en plan godkendes, før den sendes. Tilføjet af projektet: det offentlige eksempel bryder det sidste, og en modtager kan ikke stole på sådanne datoer ved fristberegning.',
  },
  messages: {
    admissionAfterDischarge: {
      en: ({ first, second }) => `The admission (${first}) is after the discharge (${second}).`,
      da: ({ first, second }) => `Indlæggelsen (${first}) ligger efter udskrivelsen (${second}).`,
    },
    sentBeforeAuthorised: {
      en: ({ first, second }) => `The message was sent (${first}) before the plan was authorised (${second}).`,
      da: ({ first, second }) => `Meddelelsen er afsendt (${first}), før planen blev godkendt (${second}).`,
    },
  },
  check(context) {
    const { admissionDate, dischargeDate, sentAt, authorisedAt } = context.facts;
    const report = (path: ModelPath, order: Order, first: string, second: string) => context.report(path, order, { first, second });
    if (admissionDate && dischargeDate && admissionDate > dischargeDate) {
      report(['rehabilitationPlan', 'currentHospitalContact', 'start'], 'admissionAfterDischarge', admissionDate, dischargeDate);
    }
    // Compared to the minute where both times are there: 'YYYY-MM-DDThh:mm' strings order correctly.
    if (
      sentAt &&
      authorisedAt &&
      sentAt.slice(0, Math.min(sentAt.length, authorisedAt.length)) < authorisedAt.slice(0, Math.min(sentAt.length, authorisedAt.length))
    ) {
      report(['envelope', 'sent'], 'sentBeforeAuthorised', sentAt, authorisedAt);
    }
  },
});
