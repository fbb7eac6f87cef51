import type { Severity } from '../findings/finding';
import type { Language } from './languages';

/** Severity words, singular and plural, per language: the one table every output takes them from. */
export const SEVERITY_WORDS: Record<Language, Record<Severity, readonly [one: string, many: string]>> = {
  en: { fatal: ['fatal', 'fatal'], error: ['error', 'errors'], warning: ['warning', 'warnings'], info: ['info', 'infos'] },
  da: { fatal: ['fatalt', 'fatale'], error: ['fejl', 'fejl'], warning: ['advarsel', 'advarsler'], info: ['oplysning', 'oplysninger'] },
};

/** "2 errors", "1 advarsel". */
export const countOf = (language: Language, severity: Severity, n: number): string =>
  `${n} ${SEVERITY_WORDS[language][severity][n === 1 ? 0 : 1]}`;
