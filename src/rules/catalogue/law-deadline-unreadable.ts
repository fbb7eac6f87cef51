import { defineRule } from '../rule';

export default defineRule<{ text: string; en: string; da: string }>({
  id: 'GOP-LAW-008', layer: 'law', severity: 'warning', reference: 'bek3',
  title: { da: 'Tidsfristen kan ikke fortolkes', en: 'Start deadline cannot be interpreted' },
  docs: {
    en: 'A start deadline is read as a date (12.03.2019, 12. marts 2019 ...), a period after discharge (inden for 7 dage, 5 hverdage ...), "as soon as possible" or "none". Anything else leaves the municipality guessing.',
    da: 'En tidsfrist læses som en dato (12.03.2019, 12. marts 2019 ...), en periode efter udskrivelsen (inden for 7 dage, 5 hverdage ...), "hurtigst muligt" eller "ingen". Alt andet efterlader kommunen i tvivl.',
  },
  messages: {
    en: ({ en }) => `The start deadline cannot be interpreted: ${en}`,
    da: ({ da }) => `Tidsfristen for opstart kan ikke fortolkes: ${da}`,
  },
  check(context) {
    const { deadline, deadlineText } = context.facts;
    if (deadline.kind === 'unreadable' && deadlineText !== undefined) {
      context.report(['rehabilitationPlan', 'rehabilitationDeadline'], { text: deadlineText, ...deadline.explanation });
    }
  },
});
