import { defineRule } from '../rule';
import { writtenExplanations } from '../../facts/facts';

export default defineRule<{ unreadable: { text: string; explanation: string; explanationDa: string } }>({
  id: 'GOP-LAW-008',
  layer: 'law',
  severity: 'warning',
  referenceKey: 'bek3',
  libraryData: ['explanation', 'explanationDa'],
  title: { da: 'Tidsfristen kan ikke fortolkes', en: 'Start deadline cannot be interpreted' },
  docs: {
    en: 'A start deadline is read as a latest start (senest 12.03.2019; inden 20/3 — strictly before: 19/3 —; uge 13; ultimo marts; a period after discharge: inden for 7 dage, 5 hverdage, 2 uger, 48 timer), an earliest start (tidligst, ikke før, fra; efter 18/3 — strictly after: 19/3), a window, a named start (opstart 25/3, opstart uge 12, om 3 uger: both the earliest and the latest start), "as soon as possible" (also efter/ved/i forlængelse af udskrivelsen) or "none". A date or week without a year is the one nearest the plan date; a weekday, i dag, i morgen and næste uge count from the plan date and may not land before discharge. Words that cannot move a date are comments (reasons after pga./da/jf., remarks, lead-ins). What can move a date is never guessed: conditions (når, hvis, afventer), events without a date (kontrol, operation, gips, sting), approximations (ca., omkring, mindst), ranges, alternatives (eller, evt.), numbers or dates outside a clause, near misses of markers, disagreeing statements. Then the deadline is unreadable: every output says so, and the § 140 stk. 4 date is not stated (facts.guarantee.ifNoLaterStart gives discharge + 7, which holds only if the plan asks for no later start).',
    da: 'En tidsfrist læses som seneste opstart (senest 12.03.2019; inden 20/3 — strengt før: 19/3 —; uge 13; ultimo marts; en periode efter udskrivelsen: inden for 7 dage, 5 hverdage, 2 uger, 48 timer), tidligste opstart (tidligst, ikke før, fra; efter 18/3 — strengt efter: 19/3), et vindue, en navngiven opstart (opstart 25/3, opstart uge 12, om 3 uger: både tidligste og seneste opstart), "hurtigst muligt" (også efter/ved/i forlængelse af udskrivelsen) eller "ingen". En dato eller uge uden årstal er den, der ligger nærmest planens dato; en ugedag, i dag, i morgen og næste uge regnes fra planens dato og må ikke lande før udskrivelsen. Ord, der ikke kan flytte en dato, er kommentarer (begrundelser efter pga./da/jf., bemærkninger, indledninger). Det, der kan flytte en dato, gættes aldrig: betingelser (når, hvis, afventer), begivenheder uden dato (kontrol, operation, gips, sting), tilnærmelser (ca., omkring, mindst), intervaller, alternativer (eller, evt.), tal eller datoer uden for en frist, fejlstavede markører, uenige angivelser. Så kan fristen ikke læses: alle output siger det, og datoen efter sundhedslovens § 140, stk. 4 angives ikke (facts.guarantee.ifNoLaterStart giver udskrivelsen + 7, som kun gælder, hvis planen ikke beder om en senere opstart).',
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
