import type { Severity } from './finding';
import type { Language } from '../texts/languages';

/** Severity words, singular and plural, per language: the one table every output takes them from. */
export const SEVERITY_WORDS: Record<Language, Record<Severity, readonly [one: string, many: string]>> = {
  en: { fatal: ['fatal', 'fatal'], error: ['error', 'errors'], warning: ['warning', 'warnings'], info: ['info', 'infos'] },
  da: { fatal: ['fatalt', 'fatale'], error: ['fejl', 'fejl'], warning: ['advarsel', 'advarsler'], info: ['oplysning', 'oplysninger'] },
};

/** "1 problem", "0 problems"; Danish "1 problem", "2 problemer". */
const PROBLEM_WORDS: Record<Language, readonly [one: string, many: string]> = {
  en: ['problem', 'problems'],
  da: ['problem', 'problemer'],
};

/** The singular for exactly 1, the plural for anything else (0 too, in both languages). */
const counted = (n: number, [one, many]: readonly [string, string]) => `${n} ${n === 1 ? one : many}`;

/** "2 errors", "1 advarsel". */
/** Severities as counted in words ("1 fatal fejl", "2 notes"): the labels above read badly after a number. */
const COUNT_WORDS: Record<Language, Record<Severity, readonly [one: string, many: string]>> = {
  en: { fatal: ['fatal error', 'fatal errors'], error: ['error', 'errors'], warning: ['warning', 'warnings'], info: ['note', 'notes'] },
  da: {
    fatal: ['fatal fejl', 'fatale fejl'],
    error: ['fejl', 'fejl'],
    warning: ['advarsel', 'advarsler'],
    info: ['oplysning', 'oplysninger'],
  },
};

export const countOf = (language: Language, severity: Severity, n: number): string => counted(n, COUNT_WORDS[language][severity]);

/**
 * Findings as eslint counts them: "3 problems (1 error, 2 warnings)", "1 problem (1 fejl, 0 advarsler)". Fatal findings
 * are errors here (pass fatal + error); infos are no problems.
 */
export const problemsOf = (language: Language, errors: number, warnings: number): string =>
  `${counted(errors + warnings, PROBLEM_WORDS[language])} (${countOf(language, 'error', errors)}, ${countOf(language, 'warning', warnings)})`;
