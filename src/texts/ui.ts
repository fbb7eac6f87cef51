import type { Facts } from '../facts/facts';
import type { Severity } from '../findings/finding';
import type { Language } from './languages';
import { SEVERITY_WORDS } from './severity';

type Provider = NonNullable<Facts['provider']>;
/** Totals of a run as the formatters sum them. */
interface Tally {
  files: number;
  valid: number;
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
  /** key facts of a plan in one line */
  keyFacts: (facts: Facts) => string;
  /** the closing line of the text formatter (and the GitHub tally, without unreadable) */
  tally: (t: Tally) => string;
  unreadable: (n: number) => string;
  referenceDate: (date: string) => string;
  days: (days: number, what: 'deadline' | 'guarantee') => string;
  /** the receipt a receiver would send, for the facts line: "receipt: negative (syntaksfejl)" (the refuse code is an id) */
  receipt: (r: { kind: 'positive' | 'negative' | 'none'; refuseCode?: string }) => string;
  /** GitHub annotation types, singular and plural */
  annotation: Record<'error' | 'warning' | 'notice', readonly [string, string]>;
  /** GitHub: findings past its annotation cap */
  overflow: (lost: string, cap: number) => string;
}

const PROVIDER: Record<Language, Record<Provider, string>> = {
  da: { hospital: 'sygehuset', municipality: 'kommunen', region: 'regionen' },
  en: { hospital: 'the hospital', municipality: 'the municipality', region: 'the region' },
};
const WHAT: Record<Language, Record<'deadline' | 'guarantee', string>> = {
  da: { deadline: 'planens frist', guarantee: 'garantidatoen' },
  en: { deadline: "the plan's deadline", guarantee: 'the guarantee date' },
};
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
      const guarantee = facts.guaranteedStartBy
        ? `start to be offered by ${facts.guaranteedStartBy} (rehabilitation guarantee, Health Act s. 140(4))`
        : facts.guarantee.applies
          ? 'the rehabilitation guarantee applies, but its date cannot be computed'
          : 'no rehabilitation guarantee';
      return `level ${facts.level ?? '?'}${provider}, discharged ${facts.dischargeDate ?? '?'}, must start by ${facts.mustStartBy ?? '-'}, ${guarantee}`;
    },
    tally: (t) => `${plural(t.files, 'file', 'files')}: ${t.valid} valid, ${t.errors} errors, ${t.warnings} warnings`,
    unreadable: (n) => `, ${n} unreadable`,
    referenceDate: (date) => `reference date ${date}`,
    days(days, what) {
      const n = Math.abs(days);
      if (days === 0) return `${WHAT.en[what]} is today`;
      return days > 0 ? `${plural(n, 'day', 'days')} left until ${WHAT.en[what]}` : `${WHAT.en[what]} was ${plural(n, 'day', 'days')} ago`;
    },
    receipt: (r) => `receipt: ${r.kind}${r.refuseCode ? ` (${r.refuseCode})` : ''}`,
    annotation: { error: ['error', 'errors'], warning: ['warning', 'warnings'], notice: ['notice', 'notices'] },
    overflow: (lost, cap) => `${lost} did not fit in GitHub's ${cap} annotations per type and are in the log above.`,
  },
  da: {
    valid: 'gyldig',
    invalid: 'ugyldig',
    severity: first('da'),
    keyFacts(facts) {
      const provider = facts.provider ? `, varetages af ${PROVIDER.da[facts.provider]}` : '';
      const guarantee = facts.guaranteedStartBy
        ? `tilbud om opstart senest ${facts.guaranteedStartBy} (genoptræningsgarantien, sundhedsloven § 140 stk. 4)`
        : facts.guarantee.applies
          ? 'genoptræningsgarantien gælder, men datoen kan ikke beregnes'
          : 'genoptræningsgarantien gælder ikke';
      return `niveau ${facts.level ?? '?'}${provider}, udskrevet ${facts.dischargeDate ?? '?'}, ${facts.mustStartBy ? `opstart senest ${facts.mustStartBy} (planens frist)` : 'ingen frist i planen'}, ${guarantee}`;
    },
    tally: (t) => `${plural(t.files, 'fil', 'filer')}: ${t.valid} gyldige, ${t.errors} fejl, ${t.warnings} advarsler`,
    unreadable: (n) => `, ${n} ulæselige`,
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
  },
};

/** The table for an option that may be absent: English by default. */
export const uiIn = (language: Language | undefined): UiTexts => UI[language ?? 'en'];
