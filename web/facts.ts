// The facts rows of the browser page: plain data, no DOM (so that they are tested without a browser, test/web-facts.test.ts).
import type { Facts, Language } from '../src/index';
import { deadlineState } from '../src/texts/ui';
import { VIEW_TEXTS } from '../src/texts/view';

export const FACT_LABELS: Record<Language, Record<string, string>> = {
  da: {
    level: 'Niveau',
    patient: 'Patient',
    admissionDate: 'Indlagt',
    dischargeDate: 'Udskrevet',
    authorisedAt: 'Godkendt',
    sentAt: 'Sendt',
    deadlineText: 'Tidsfrist (som skrevet)',
    deadlineRead: 'Tidsfrist (som læst)',
    earliestStart: 'Tidligst opstart',
    mustStartBy: 'Opstart senest',
    daysUntilMustStart: 'Dage til fristen',
    guaranteedStartBy: 'Tilbud om opstart senest',
    guarantee: 'Genoptræningsgaranti',
    consent: 'Informeret samtykke',
    municipality: 'Hjemkommune',
    gp: 'Egen læge',
  },
  en: {
    level: 'Level',
    patient: 'Patient',
    admissionDate: 'Admitted',
    dischargeDate: 'Discharged',
    authorisedAt: 'Authorised',
    sentAt: 'Sent',
    deadlineText: 'Deadline (as written)',
    deadlineRead: 'Deadline (as read)',
    earliestStart: 'Earliest start',
    mustStartBy: 'Must start by',
    daysUntilMustStart: 'Days until the deadline',
    guaranteedStartBy: 'Start to be offered by',
    guarantee: 'Rehabilitation guarantee',
    consent: 'Informed consent',
    municipality: 'Home municipality',
    gp: 'GP',
  },
};
const GP_DESELECTED: Record<Language, string> = { da: 'fravalgt af patienten', en: 'deselected by the patient' };

/** 2019-03-14 → 14.03.2019 in Danish; ISO dates stay as they are in English (unambiguous). Times keep their hh:mm. */
function shownDate(value: string, lang: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?$/.exec(value);
  if (!match || lang === 'en') return value.replace('T', ' ');
  return `${match[3]}.${match[2]}.${match[1]}${match[4] ? ` kl. ${match[4]}` : ''}`;
}

/**
 * The facts as [key, value] rows, empty ones left out. Without a latest start date the row says why (the deadline could
 * not be read, none, as soon as possible, …: "no deadline" only where the plan has none); without a certain guarantee
 * date, the date that holds only if the plan asks for no later start, said so.
 */
export function factRows(facts: Facts, lang: Language): [string, string][] {
  const rows: [string, string | undefined][] = [];
  const t = VIEW_TEXTS[lang];
  const date = (value: string | undefined) => (value === undefined ? undefined : shownDate(value, lang));
  const patient = [facts.patient.givenName, facts.patient.surname].filter(Boolean).join(' ');
  const cpr = facts.patient.cpr?.replace(/^(\d{6})(\d{4})$/, '$1-$2'); // as people write it (a redacted one already is)
  const state = deadlineState(facts);
  const ifNoLaterStart = facts.guarantee.ifNoLaterStart;
  rows.push(['patient', [patient, cpr].filter(Boolean).join(', ') || undefined]);
  rows.push(['level', facts.levelLabel ? `${facts.levelLabel[lang]} (${facts.level})` : facts.level]);
  rows.push(['admissionDate', date(facts.admissionDate)]);
  rows.push(['dischargeDate', date(facts.dischargeDate)]);
  rows.push(['authorisedAt', date(facts.authorisedAt)]);
  rows.push(['sentAt', date(facts.sentAt)]);
  rows.push(['deadlineText', facts.deadlineText]);
  rows.push(['deadlineRead', facts.deadlineText?.trim() ? facts.deadline.explanation[lang] : undefined]);
  rows.push(['earliestStart', date(facts.earliestStart)]);
  rows.push(['mustStartBy', state === 'date' ? date(facts.mustStartBy) : t.deadlineState[state]]);
  rows.push(['daysUntilMustStart', facts.daysUntilMustStart?.toString()]);
  rows.push([
    'guaranteedStartBy',
    facts.guaranteedStartBy ? date(facts.guaranteedStartBy) : ifNoLaterStart && t.guaranteeNotCertain(shownDate(ifNoLaterStart, lang)),
  ]);
  rows.push(['guarantee', facts.guarantee.explanation[lang]]);
  rows.push(['consent', facts.consent]);
  rows.push(['municipality', facts.receivers.municipality?.name]);
  rows.push(['gp', facts.receivers.gpDeselected ? GP_DESELECTED[lang] : facts.receivers.gp?.name]);
  return rows.filter((row): row is [string, string] => row[1] !== undefined && row[1] !== '');
}
