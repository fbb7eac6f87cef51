import type { Facts } from '../facts/facts';
import type { Severity } from '../findings/finding';
import type { Language } from '../texts/languages';
import { problemsOf, SEVERITY_WORDS } from '../findings/severity-words';

type Provider = NonNullable<Facts['provider']>;
/** Totals of a run as the formatters sum them. */
interface Tally {
  files: number;
  valid: number;
  invalid: number;
  /** fatal + error findings */
  errors: number;
  warnings: number;
  unreadable: number;
}

/** The formatters' own words, per language: a missing translation does not compile. */
export interface UiTexts {
  valid: string;
  invalid: string;
  /** severity as a column word (the finding's own severity field stays English: it is an id) */
  severity: Record<Severity, string>;
  /** key facts of a plan in one line: level, provider, discharge, then `deadline` and `guarantee` */
  keyFacts: (facts: Facts) => string;
  /**
   * the plan's deadline as the key facts say it: its date, or why there is none (unreadable, none, as soon as possible,
   * an earliest start only, a later start without a date); "no deadline" only where the plan really has none
   */
  deadline: (facts: Facts) => string;
  /** the § 140 stk. 4 date as the key facts say it; a date that holds only if the plan asks for no later start never as the date */
  guarantee: (facts: Facts) => string;
  /**
   * the date that binds, one line: "binding start date: 2019-03-14 (because of the plan's deadline)", or where there is
   * none the explanation of why (not certain, or nothing binds); then the quality standard's dates when one was given
   */
  startBy: (facts: Facts) => string;
  /**
   * The closing lines of the text and GitHub formats: the files ("3 files: 2 valid, 1 invalid", and how many could not be
   * read), then the findings as eslint counts them ("2 problems (1 error, 1 warning)", fatal counted as errors). Files
   * and findings are never in one list.
   */
  tally: (t: Tally) => readonly [files: string, problems: string];
  referenceDate: (date: string) => string;
  days: (days: number, what: 'deadline' | 'guarantee') => string;
  /** the receipt a receiver would send, for the facts line: "receipt: negative (syntaksfejl)" (the refuse code is an id) */
  receipt: (r: { kind: 'positive' | 'negative' | 'none'; refuseCode?: string }) => string;
  /** GitHub annotation types, singular and plural */
  annotation: Record<'error' | 'warning' | 'notice', readonly [string, string]>;
  /** GitHub: findings past its annotation cap */
  overflow: (lost: string, cap: number) => string;
  /**
   * A file under redaction: its 1-based place in the run's list of files, the order the report lists them in (a file
   * name is personal data too: "GGOP_2512484916_Nancy_Berggren.xml"). The one spelling in every format and message.
   */
  redactedFile: (position: number) => string;
}

/** The same placeholder as a relative URI (SARIF's artifactLocation.uri), one form in every language. */
export const redactedFileUri = (position: number): string => `redacted/file-${position}`;

const PROVIDER: Record<Language, Record<Provider, string>> = {
  da: { hospital: 'sygehuset', municipality: 'kommunen', region: 'regionen' },
  en: { hospital: 'the hospital', municipality: 'the municipality', region: 'the region' },
};
const WHAT: Record<Language, Record<'deadline' | 'guarantee', string>> = {
  da: { deadline: 'planens frist', guarantee: 'garantidatoen' },
  en: { deadline: "the plan's deadline", guarantee: 'the guarantee date' },
};
/**
 * What the plan says of its latest start, as every output tells it apart: a date; a deadline whose date could not be
 * computed; unreadable; as soon as possible; an earliest start only; a later start without a date; or really none.
 */
export type DeadlineState = 'date' | 'noDate' | 'unreadable' | 'asap' | 'earliestOnly' | 'laterStartNoDate' | 'none';

export function deadlineState(facts: Pick<Facts, 'deadline' | 'mustStartBy' | 'earliestStart'>): DeadlineState {
  if (facts.mustStartBy) return 'date';
  switch (facts.deadline.kind) {
    case 'absolute':
    case 'relative':
      return 'noDate';
    case 'unreadable':
      return 'unreadable';
    case 'asap':
      return 'asap';
    case 'none':
      if (facts.earliestStart) return 'earliestOnly';
      return facts.deadline.asksLaterStart ? 'laterStartNoDate' : 'none';
  }
}

type Because = NonNullable<Facts['startBy']['because']>;
const BECAUSE: Record<Language, Record<Because, (standard: string) => string>> = {
  da: {
    deadline: () => 'planens frist',
    guarantee: () => 'genoptræningsgarantien',
    standard: (name) => `kvalitetsstandarden "${name}"`,
  },
  en: {
    deadline: () => "the plan's deadline",
    guarantee: () => 'the rehabilitation guarantee',
    standard: (name) => `the quality standard "${name}"`,
  },
};

/** The binding date and the standard's dates in one line; the explanation where no date is given. */
function startByLine(facts: Facts, language: Language): string {
  const { startBy, standard } = facts;
  const da = language === 'da';
  const binding =
    startBy.date && startBy.because
      ? `${da ? 'bindende dato for opstart' : 'binding start date'}: ${startBy.date} (${da ? 'på grund af' : 'because of'} ${BECAUSE[language][startBy.because](standard?.name ?? '')})`
      : startBy.explanation[language].replace(/\.$/, '');
  if (!standard) return binding;
  const name = `${da ? 'kvalitetsstandarden' : 'quality standard'} "${standard.name}"`;
  const contact = standard.contactBy ? `, ${da ? 'kontakt senest' : 'contact by'} ${standard.contactBy}` : '';
  const dates = standard.startBy
    ? `: ${da ? 'opstart senest' : 'start by'} ${standard.startBy}${contact}`
    : !standard.applies
      ? ` ${da ? 'gælder ikke' : 'does not apply'}`
      : `: ${da ? 'datoen er ikke sikker' : 'date not certain'}${contact}`;
  return `${binding}; ${name}${dates}`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const first = (language: Language) =>
  Object.fromEntries(Object.entries(SEVERITY_WORDS[language]).map(([s, [one]]) => [s, one])) as Record<Severity, string>;

export const UI: Record<Language, UiTexts> = {
  en: {
    valid: 'valid',
    invalid: 'invalid',
    severity: first('en'),
    keyFacts(facts) {
      const provider = facts.provider ? `, provided by ${PROVIDER.en[facts.provider]}` : '';
      return `level ${facts.level ?? '?'}${provider}, discharged ${facts.dischargeDate ?? '?'}, ${UI.en.deadline(facts)}, ${UI.en.guarantee(facts)}`;
    },
    deadline(facts) {
      const earliest = facts.earliestStart ? `, earliest start ${facts.earliestStart}` : '';
      switch (deadlineState(facts)) {
        case 'date':
          return `must start by ${facts.mustStartBy}`;
        case 'noDate':
          return "the deadline's date could not be computed: read the text";
        case 'unreadable':
          return 'deadline could not be read: read the text';
        case 'asap':
          return `as soon as possible${earliest}`;
        case 'earliestOnly':
          return `no latest start${earliest}`;
        case 'laterStartNoDate':
          return 'no latest start, a later start is asked for but its date could not be read: read the text';
        case 'none':
          return 'no deadline in the plan';
      }
    },
    guarantee(facts) {
      if (facts.guaranteedStartBy)
        return `start to be offered by ${facts.guaranteedStartBy} (rehabilitation guarantee, Health Act s. 140(4))`;
      if (facts.guarantee.ifNoLaterStart)
        return `guarantee date not certain (${facts.guarantee.ifNoLaterStart} only if the plan asks for no later start)`;
      return facts.guarantee.applies
        ? 'the rehabilitation guarantee applies, but its date cannot be computed'
        : 'no rehabilitation guarantee';
    },
    startBy: (facts) => startByLine(facts, 'en'),
    tally: (t) => [
      `${plural(t.files, 'file', 'files')}: ${t.valid} valid, ${t.invalid} invalid${t.unreadable ? `, ${t.unreadable} unreadable` : ''}`,
      problemsOf('en', t.errors, t.warnings),
    ],
    referenceDate: (date) => `reference date ${date}`,
    days(days, what) {
      const n = Math.abs(days);
      if (days === 0) return `${WHAT.en[what]} is today`;
      return days > 0 ? `${plural(n, 'day', 'days')} left until ${WHAT.en[what]}` : `${WHAT.en[what]} was ${plural(n, 'day', 'days')} ago`;
    },
    receipt: (r) => `receipt: ${r.kind}${r.refuseCode ? ` (${r.refuseCode})` : ''}`,
    annotation: { error: ['error', 'errors'], warning: ['warning', 'warnings'], notice: ['notice', 'notices'] },
    overflow: (lost, cap) => `${lost} did not fit in GitHub's ${cap} annotations per type and are in the log above.`,
    redactedFile: (position) => `file ${position}`,
  },
  da: {
    valid: 'gyldig',
    invalid: 'ugyldig',
    severity: first('da'),
    keyFacts(facts) {
      const provider = facts.provider ? `, varetages af ${PROVIDER.da[facts.provider]}` : '';
      return `niveau ${facts.level ?? '?'}${provider}, udskrevet ${facts.dischargeDate ?? '?'}, ${UI.da.deadline(facts)}, ${UI.da.guarantee(facts)}`;
    },
    deadline(facts) {
      const earliest = facts.earliestStart ? `, opstart tidligst ${facts.earliestStart}` : '';
      switch (deadlineState(facts)) {
        case 'date':
          return `opstart senest ${facts.mustStartBy} (planens frist)`;
        case 'noDate':
          return 'fristens dato kan ikke beregnes: læs teksten';
        case 'unreadable':
          return 'fristen kan ikke læses: læs teksten';
        case 'asap':
          return `opstart hurtigst muligt${earliest}`;
        case 'earliestOnly':
          return `ingen seneste frist${earliest}`;
        case 'laterStartNoDate':
          return 'ingen seneste frist, planen beder om en senere opstart, men datoen kan ikke læses: læs teksten';
        case 'none':
          return 'ingen frist i planen';
      }
    },
    guarantee(facts) {
      if (facts.guaranteedStartBy)
        return `tilbud om opstart senest ${facts.guaranteedStartBy} (genoptræningsgarantien, sundhedsloven § 140 stk. 4)`;
      if (facts.guarantee.ifNoLaterStart)
        return `garantidatoen er ikke sikker (${facts.guarantee.ifNoLaterStart} kun hvis planen ikke beder om en senere opstart)`;
      return facts.guarantee.applies ? 'genoptræningsgarantien gælder, men datoen kan ikke beregnes' : 'genoptræningsgarantien gælder ikke';
    },
    startBy: (facts) => startByLine(facts, 'da'),
    // Adjectives agree with "fil": 1 gyldig, 0 or 2 gyldige.
    tally: (t) => [
      `${plural(t.files, 'fil', 'filer')}: ${plural(t.valid, 'gyldig', 'gyldige')}, ${plural(t.invalid, 'ugyldig', 'ugyldige')}${
        t.unreadable ? `, ${plural(t.unreadable, 'ulæselig', 'ulæselige')}` : ''
      }`,
      problemsOf('da', t.errors, t.warnings),
    ],
    referenceDate: (date) => `referencedato ${date}`,
    days(days, what) {
      const n = Math.abs(days);
      if (days === 0) return `${WHAT.da[what]} er i dag`;
      return days > 0 ? `${plural(n, 'dag', 'dage')} til ${WHAT.da[what]}` : `${WHAT.da[what]} var for ${plural(n, 'dag', 'dage')} siden`;
    },
    receipt: (r) =>
      `kvittering: ${r.kind === 'none' ? 'ingen' : r.kind === 'positive' ? 'positiv' : 'negativ'}${r.refuseCode ? ` (${r.refuseCode})` : ''}`,
    annotation: { error: ['fejl', 'fejl'], warning: ['advarsel', 'advarsler'], notice: ['bemærkning', 'bemærkninger'] },
    overflow: (lost, cap) => `${lost} var ikke plads til i GitHubs ${cap} annoteringer pr. type og står i loggen ovenfor.`,
    redactedFile: (position) => `fil ${position}`,
  },
};

/** The table for an option that may be absent: English by default. */
export const uiIn = (language: Language | undefined): UiTexts => UI[language ?? 'en'];
