import { defineRule } from '../rule';
import { writtenExplanations } from '../../facts/facts';

export default defineRule<{ unreadable: { text: string; explanation: string; explanationDa: string } }>({
  id: 'GOP-LAW-008',
  layer: 'law',
  severity: 'warning',
  referenceKey: 'bek3',
  title: { da: 'Tidsfristen kan ikke fortolkes', en: 'Start deadline cannot be interpreted' },
  docs: {
    en: 'A start deadline is read as a latest start (a date: senest 12.03.2019, inden 20/3 — the day before —, uge 13, udgangen af marts; or a period after discharge: inden for 7 dage, 5 hverdage, 2 uger, 48 timer), an earliest start (tidligst, ikke før, først, fra), both, "as soon as possible" or "none"; a reason after da/pga. changes nothing. Ranges, approximations (ca., omkring), alternatives (eller), conditions (når, ved næste kontrol), other anchors (efter operationen), disagreeing statements and unknown words are never guessed: they leave the municipality guessing.',
    da: 'En tidsfrist læses som seneste opstart (en dato: senest 12.03.2019, inden 20/3 — dagen før —, uge 13, udgangen af marts; eller en periode efter udskrivelsen: inden for 7 dage, 5 hverdage, 2 uger, 48 timer), tidligste opstart (tidligst, ikke før, først, fra), begge, "hurtigst muligt" eller "ingen"; en begrundelse efter da/pga. ændrer intet. Intervaller, tilnærmelser (ca., omkring), alternativer (eller), betingelser (når, ved næste kontrol), andre udgangspunkter (efter operationen), uenige angivelser og ukendte ord gættes aldrig: de efterlader kommunen i tvivl.',
  },
  // The interpreter's explanation in each language (facts.deadline.explanation), as data: it is one reading's words.
  messages: {
    unreadable: {
      en: ({ explanation }) => `The start deadline cannot be interpreted: ${explanation}`,
      da: ({ explanationDa }) => `Tidsfristen for opstart kan ikke fortolkes: ${explanationDa}`,
    },
  },
  check(context) {
    const { deadline, deadlineText } = context.facts;
    if (deadline.kind === 'unreadable' && deadlineText !== undefined) {
      // The explanation as written (the text quoted whole): the finding's text is cut only when finished, after any redaction.
      const { en, da } = writtenExplanations(context.facts).deadline;
      context.report(['rehabilitationPlan', 'rehabilitationDeadline'], 'unreadable', {
        text: deadlineText,
        explanation: en,
        explanationDa: da,
      });
    }
  },
});
