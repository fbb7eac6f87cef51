// The facts rows of the browser page and its other words (counts, days): plain data, no DOM (so that they are tested
// without a browser, test/web-facts.test.ts). Every date goes through the view's dateText: one form per language.
import type { Facts, Language, Report, Severity } from '../src/index';
import { deadlineState, UI } from '../src/format/ui-texts';
import { VIEW_TEXTS } from '../src/view/texts';
import { dateText, datesInText } from '../src/view/sections';

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
    guaranteedStartBy: 'Tilbud om opstart senest',
    guarantee: 'Genoptræningsgaranti',
    startBy: 'Bindende dato for opstart',
    startByWhy: 'Hvorfor denne dato',
    standard: 'Kvalitetsstandard',
    sender: 'Afsender',
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
    guaranteedStartBy: 'Start to be offered by',
    guarantee: 'Rehabilitation guarantee',
    startBy: 'Binding start date',
    startByWhy: 'Why this date',
    standard: 'Quality standard',
    sender: 'Sender',
    consent: 'Informed consent',
    municipality: 'Home municipality',
    gp: 'GP',
  },
};
const GP_DESELECTED: Record<Language, string> = { da: 'fravalgt af patienten', en: 'deselected by the patient' };

/** A whole number as people write it: 2.824 in Danish, 2,824 in English (no raw minus: callers say "ago"). */
export function numberText(n: number, lang: Language): string {
  const digits = String(Math.abs(Math.trunc(n)));
  return digits.replace(/\B(?=(\d{3})+$)/g, lang === 'da' ? '.' : ',');
}

/** n things, singular or plural: "1 dag", "2.824 dage". */
const countText = (n: number, [one, many]: readonly [string, string], lang: Language) => `${numberText(n, lang)} ${n === 1 ? one : many}`;

const DAY: Record<Language, readonly [string, string]> = { da: ['dag', 'dage'], en: ['day', 'days'] };

/** Days from the reference date to the plan's deadline, in words only: "4 dage til fristen", "fristen var for 2.824 dage siden". */
export function daysText(days: number, lang: Language): string {
  const n = countText(Math.abs(days), DAY[lang], lang);
  if (lang === 'da') return days === 0 ? 'fristen er i dag' : days > 0 ? `${n} til fristen` : `fristen var for ${n} siden`;
  return days === 0 ? 'the deadline is today' : days > 0 ? `${n} left until the deadline` : `the deadline was ${n} ago`;
}

/** The findings of each severity as counted words, singular and plural ("1 fatal fejl", "2 advarsler"). */
const FINDING_WORDS: Record<Language, Record<Severity, readonly [string, string]>> = {
  da: {
    fatal: ['fatal fejl', 'fatale fejl'],
    error: ['fejl', 'fejl'],
    warning: ['advarsel', 'advarsler'],
    info: ['oplysning', 'oplysninger'],
  },
  en: {
    fatal: ['fatal error', 'fatal errors'],
    error: ['error', 'errors'],
    warning: ['warning', 'warnings'],
    info: ['note', 'notes'],
  },
};

/** "5 fejl, 1 advarsel": the severities that have findings, most severe first; '' when there are none. */
export function countsText(counts: Report['counts'], lang: Language): string {
  return (['fatal', 'error', 'warning', 'info'] as const)
    .filter((severity) => counts[severity] > 0)
    .map((severity) => countText(counts[severity], FINDING_WORDS[lang][severity], lang))
    .join(', ');
}

const shown = (value: string | undefined, lang: Language) => (value === undefined ? undefined : dateText(value, lang));

/** The key facts in one line (the formatters' words, UI.keyFacts), with the dates as the page writes them. */
export function keyFactsText(facts: Facts, lang: Language): string {
  const dates: Facts = {
    ...facts,
    dischargeDate: shown(facts.dischargeDate, lang),
    earliestStart: shown(facts.earliestStart, lang),
    mustStartBy: shown(facts.mustStartBy, lang),
    guaranteedStartBy: shown(facts.guaranteedStartBy, lang),
    guarantee: { ...facts.guarantee, ifNoLaterStart: shown(facts.guarantee.ifNoLaterStart, lang) },
  };
  return UI[lang].keyFacts(dates);
}

/**
 * The facts as [key, value] rows, empty ones left out. Without a latest start date the row says why (the deadline could
 * not be read, none, as soon as possible, …: "no deadline" only where the plan has none); without a certain guarantee
 * date, the date that holds only if the plan asks for no later start, said so.
 */
export function factRows(facts: Facts, lang: Language): [string, string][] {
  const rows: [string, string | undefined][] = [];
  const t = VIEW_TEXTS[lang];
  const date = (value: string | undefined) => shown(value, lang);
  const explained = (text: string | undefined) => (text === undefined ? undefined : datesInText(text, lang));
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
  rows.push(['deadlineRead', facts.deadlineText?.trim() ? explained(facts.deadline.explanation[lang]) : undefined]);
  rows.push(['earliestStart', date(facts.earliestStart)]);
  const days = facts.daysUntilMustStart === undefined ? '' : ` — ${daysText(facts.daysUntilMustStart, lang)}`;
  rows.push(['mustStartBy', state === 'date' ? `${date(facts.mustStartBy)}${days}` : t.deadlineState[state]]);
  rows.push([
    'guaranteedStartBy',
    facts.guaranteedStartBy
      ? date(facts.guaranteedStartBy)
      : ifNoLaterStart && t.guaranteeNotCertain(date(ifNoLaterStart) ?? ifNoLaterStart),
  ]);
  rows.push(['guarantee', explained(facts.guarantee.explanation[lang])]);
  // The date that binds; without one, why (not certain, or nothing binds): never an empty row.
  const startBy = facts.startBy;
  rows.push(['startBy', startBy.date ? date(startBy.date) : explained(startBy.explanation[lang])]);
  rows.push(['startByWhy', startBy.date ? explained(startBy.explanation[lang]) : undefined]);
  rows.push(['standard', facts.standard && explained(facts.standard.explanation[lang])]);
  rows.push(['sender', [facts.sender.name, facts.sender.ean].filter(Boolean).join(', ') || undefined]);
  rows.push(['consent', facts.consent]);
  rows.push(['municipality', facts.receivers.municipality?.name]);
  rows.push(['gp', facts.receivers.gpDeselected ? GP_DESELECTED[lang] : facts.receivers.gp?.name]);
  return rows.filter((row): row is [string, string] => row[1] !== undefined && row[1] !== '');
}
