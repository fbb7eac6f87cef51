import type { Language } from '../texts/languages';
import type { PeriodUnit, PlanSummary } from './schema';

/*
 * The words of the summary's outputs (the HTML report and the text format), per language: a missing translation does
 * not compile. Numbers are written by the functions here, so that both outputs say a share the same way.
 */

type Levels = keyof PlanSummary['periods'][number]['levels'];
type Decided = keyof PlanSummary['periods'][number]['decided'];
type FollowUpKey = 'startedWithin' | 'startedLate' | 'notStarted' | 'unknown';
type Reason = keyof PlanSummary['guarantee']['unknownReasons'];
type DeadlineKind = keyof PlanSummary['deadlines'];
type StartsKey = keyof PlanSummary['starts'];

export interface SummaryWords {
  title: string;
  kicker: string;
  intro: string;
  overview: string;
  plans: string;
  keyless: string;
  unreadable: string;
  duplicates: string;
  by: string;
  unit: Record<PeriodUnit, string>;
  period: string;
  /** the period of plans without a discharge or authorisation date */
  periodUnknown: string;
  periodUnknownNote: string;
  level: Record<Levels, string>;
  decided: Record<Decided, string>;
  levelsHeading: string;
  levelsIntro: string;
  levelsChart: string;
  decidedNote: string;
  noPlans: string;
  total: string;
  followUpHeading: string;
  followUpIntro: string;
  followUpChart: string;
  guarantee: string;
  guaranteeShort: string;
  standard: (name: string) => string;
  standardShort: string;
  noStandard: string;
  followUp: Record<FollowUpKey, string>;
  applies: string;
  notDetermined: string;
  share: string;
  unknownWhy: string;
  reasons: Record<Reason, string>;
  daysHeading: string;
  daysIntro: string;
  daysChart: string;
  days: string;
  daysAxis: string;
  plansAxis: string;
  median: string;
  p90: string;
  withStart: string;
  noStarts: string;
  guaranteeLine: (days: number) => string;
  standardLine: (days: number) => string;
  standardLineWeekend: string;
  standardLineWorkingDays: string;
  standardLineUnknown: string;
  before: string;
  after: (days: number) => string;
  sendersHeading: string;
  ean: string;
  eanUnknown: string;
  name: string;
  deadlinesHeading: string;
  deadline: Record<DeadlineKind, string>;
  startsHeading: string;
  starts: Record<StartsKey, string>;
  /** no share: nothing to divide by */
  none: string;
}

export const SUMMARY_WORDS: Record<Language, SummaryWords> = {
  da: {
    title: 'Opfølgning på genoptræningsplaner',
    kicker: 'Opgørelse (G-GOP)',
    intro:
      'Tal over de modtagne genoptræningsplaner og kommunens egne opstartsregistreringer. Kun optællinger: ingen CPR-numre, navne eller fritekst. Hvor planerne ikke afgør et tal, tælles planen som ukendt – der gættes aldrig.',
    overview: 'Overblik',
    plans: 'Planer',
    keyless: 'heraf uden brugbar identitet (ikke koblet til opstarter)',
    unreadable: 'Kunne ikke læses',
    duplicates: 'Dubletter (samme afsender-EAN og brev-id, talt én gang)',
    by: 'Periode',
    unit: { month: 'måned', quarter: 'kvartal', year: 'år' },
    period: 'Periode',
    periodUnknown: 'ukendt',
    periodUnknownNote: 'Perioden "ukendt": planer uden gyldig udskrivelses- eller godkendelsesdato.',
    level: { almen: 'almen', specialiseret: 'specialiseret', rehabilitering: 'rehabilitering', unknown: 'ukendt niveau' },
    decided: { basal: 'basal', avanceret: 'avanceret' },
    levelsHeading: 'Planer pr. niveau',
    levelsIntro:
      'Øverste bjælke: planerne efter det niveau, planen selv angiver. Nederste bjælke: kommunens egen opdeling i basal og avanceret (fra opstartsfilen).',
    levelsChart: 'Søjlediagram: planer pr. periode efter niveau og kommunens opdeling',
    decidedNote: 'En plan tæller i basal eller avanceret, når netop én opstartsrække (eller rækker, der er enige) matcher den.',
    noPlans: 'Ingen læsbare planer.',
    total: 'I alt',
    followUpHeading: 'Opstart inden for fristen',
    followUpIntro:
      'Andelen af de planer, fristen gælder for, der er startet senest på fristens dato, efter den, ikke startet, eller hvor det ikke kan afgøres.',
    followUpChart: 'Bjælkediagram: opstart inden for genoptræningsgarantien og kvalitetsstandarden',
    guarantee: 'Genoptræningsgarantien (sundhedsloven § 140, stk. 4)',
    guaranteeShort: 'Garanti',
    standard: (name) => `Kvalitetsstandard: ${name}`,
    standardShort: 'Standard',
    noStandard: 'Ingen kvalitetsstandard givet (gop stats --standard FIL.json).',
    followUp: {
      startedWithin: 'startet inden for fristen',
      startedLate: 'startet efter fristen',
      notStarted: 'ikke startet',
      unknown: 'kan ikke afgøres',
    },
    applies: 'Fristen gælder for',
    notDetermined: 'kan ikke afgøre, om fristen gælder (ikke i "gælder for")',
    share: 'Andel',
    unknownWhy: 'Hvorfor "kan ikke afgøres"',
    reasons: {
      dateNotCertain: 'datoen er ikke sikker (fx frist, der ikke kan læses)',
      ambiguousStart: 'opstartsrække uden afsender-EAN passer på flere planer',
      conflictingStarts: 'flere opstartsrækker er uenige',
      noIdentity: 'planen kan ikke kobles (maskeret rapport eller intet id)',
      notComputed: 'rapporten er lavet uden standarden',
    },
    daysHeading: 'Dage til opstart',
    daysIntro:
      'Hele dage fra den dag, garantien regnes fra (udskrivelsen eller den senere opstart, planen beder om), til opstarten. Kun planer, hvor garantien gælder med sikker dato, og en opstart er registreret.',
    daysChart: 'Histogram: planer efter dage til opstart',
    days: 'Dage',
    daysAxis: 'dage efter udskrivelse',
    plansAxis: 'planer',
    median: 'Median',
    p90: '90 %-fraktil',
    withStart: 'Planer med registreret opstart',
    noStarts: 'Ingen planer med registreret opstart og sikker dato.',
    guaranteeLine: (days) => `Stiplet linje: garantien (${days} dage)`,
    standardLine: (days) => `Prikket linje: kvalitetsstandarden (${days} dage)`,
    standardLineWeekend:
      'Kvalitetsstandarden flytter en opstart i weekenden til fredagen før: for nogle planer er fristen en eller to dage tidligere end linjen.',
    standardLineWorkingDays:
      'Kvalitetsstandarden regner i hverdage: antallet af kalenderdage afhænger af planens datoer, så den vises ikke som én linje.',
    standardLineUnknown: 'Kvalitetsstandardens frist vises ikke som linje: standarden selv er ikke givet til rapporten.',
    before: '< 0',
    after: (days) => `> ${days}`,
    sendersHeading: 'Afsendere',
    ean: 'EAN',
    eanUnknown: '(EAN kan ikke læses)',
    name: 'Navn',
    deadlinesHeading: 'Planernes frister',
    deadline: {
      absolute: 'en dato',
      relative: 'en periode efter udskrivelsen',
      asap: 'hurtigst muligt',
      none: 'ingen frist',
      unreadable: 'kan ikke læses sikkert',
    },
    startsHeading: 'Opstartsfilen',
    starts: {
      rows: 'Rækker',
      matched: 'koblet til én plan',
      unmatched: 'ingen plan passer',
      ambiguous: 'tvetydige (intet afsender-EAN, flere planer)',
      conflicting: 'modstridende (flere rækker til samme plan)',
    },
    none: '–',
  },
  en: {
    title: 'Follow-up on rehabilitation plans',
    kicker: 'Summary (G-GOP)',
    intro:
      "Counts over the rehabilitation plans received and the municipality's own records of starts. Counts only: no CPR numbers, names or free text. Where the plans do not settle a count, the plan is counted as unknown – never guessed.",
    overview: 'Overview',
    plans: 'Plans',
    keyless: 'of which without a usable identity (not joined to starts)',
    unreadable: 'Could not be read',
    duplicates: 'Duplicates (same sender EAN and letter id, counted once)',
    by: 'Period',
    unit: { month: 'month', quarter: 'quarter', year: 'year' },
    period: 'Period',
    periodUnknown: 'unknown',
    periodUnknownNote: 'The period "unknown": plans without a valid discharge or authorisation date.',
    level: { almen: 'almen', specialiseret: 'specialiseret', rehabilitering: 'rehabilitering', unknown: 'unknown level' },
    decided: { basal: 'basal', avanceret: 'avanceret' },
    levelsHeading: 'Plans by level',
    levelsIntro:
      "Upper bar: the plans by the level the plan states. Lower bar: the municipality's own split into basal and avanceret (from the starts file).",
    levelsChart: "Bar chart: plans per period by level and the municipality's split",
    decidedNote: 'A plan counts as basal or avanceret when exactly one start row (or rows that agree) matches it.',
    noPlans: 'No readable plans.',
    total: 'Total',
    followUpHeading: 'Started within the limit',
    followUpIntro:
      'Of the plans the limit applies to, the share started on or before its date, after it, not started, or where it cannot be told.',
    followUpChart: 'Bar chart: starts within the rehabilitation guarantee and the quality standard',
    guarantee: 'The rehabilitation guarantee (Health Act § 140(4))',
    guaranteeShort: 'Guarantee',
    standard: (name) => `Quality standard: ${name}`,
    standardShort: 'Standard',
    noStandard: 'No quality standard given (gop stats --standard FILE.json).',
    followUp: {
      startedWithin: 'started within the limit',
      startedLate: 'started after the limit',
      notStarted: 'not started',
      unknown: 'cannot be told',
    },
    applies: 'The limit applies to',
    notDetermined: 'cannot tell whether it applies (not in "applies to")',
    share: 'Share',
    unknownWhy: 'Why "cannot be told"',
    reasons: {
      dateNotCertain: 'the date is not certain (e.g. a deadline that cannot be read)',
      ambiguousStart: 'a start row without sender EAN fits several plans',
      conflictingStarts: 'several start rows disagree',
      noIdentity: 'the plan cannot be joined (masked report or no id)',
      notComputed: 'the report was made without the standard',
    },
    daysHeading: 'Days to start',
    daysIntro:
      'Whole days from the day the guarantee counts from (the discharge, or the later start the plan asks for) to the start. Only plans the guarantee applies to with a certain date and a recorded start.',
    daysChart: 'Histogram: plans by days to start',
    days: 'Days',
    daysAxis: 'days after discharge',
    plansAxis: 'plans',
    median: 'Median',
    p90: '90th percentile',
    withStart: 'Plans with a recorded start',
    noStarts: 'No plans with a recorded start and a certain date.',
    guaranteeLine: (days) => `Dashed line: the guarantee (${days} days)`,
    standardLine: (days) => `Dotted line: the quality standard (${days} days)`,
    standardLineWeekend:
      'The quality standard moves a start on a weekend back to the Friday before: for some plans its date is a day or two before the line.',
    standardLineWorkingDays:
      "The quality standard counts working days: the number of calendar days depends on each plan's dates, so it is not drawn as one line.",
    standardLineUnknown: "The quality standard's limit is not drawn: the standard itself was not given to the report.",
    before: '< 0',
    after: (days) => `> ${days}`,
    sendersHeading: 'Senders',
    ean: 'EAN',
    eanUnknown: '(EAN cannot be read)',
    name: 'Name',
    deadlinesHeading: "The plans' deadlines",
    deadline: {
      absolute: 'a date',
      relative: 'a period after discharge',
      asap: 'as soon as possible',
      none: 'no deadline',
      unreadable: 'cannot be read for certain',
    },
    startsHeading: 'The starts file',
    starts: {
      rows: 'Rows',
      matched: 'joined to one plan',
      unmatched: 'no plan fits',
      ambiguous: 'ambiguous (no sender EAN, several plans)',
      conflicting: 'conflicting (several rows for one plan)',
    },
    none: '–',
  },
};

/** `part` of `whole` as a percentage with one decimal, in the language's notation; undefined when whole is 0. */
export function shareOf(part: number, whole: number, language: Language): string | undefined {
  if (whole <= 0) return undefined;
  const tenths = Math.round((part / whole) * 1000);
  const text = `${Math.trunc(tenths / 10)}${language === 'da' ? ',' : '.'}${tenths % 10}`;
  return language === 'da' ? `${text} %` : `${text}%`;
}

/** A period as the outputs show it: its code, or the word for unknown. */
export const periodLabel = (period: string, language: Language): string =>
  period === 'unknown' ? SUMMARY_WORDS[language].periodUnknown : period;
