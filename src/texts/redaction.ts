import type { Language } from './languages';

/**
 * What a value from the message becomes when it leaves the library with redaction: its length, nothing of its content.
 * One text per language; a finding's language-neutral `data` carries the English one.
 */
export const MASKED: Record<Language, (value: string) => string> = {
  en: (value) => `[masked, ${[...value].length} ${[...value].length === 1 ? 'character' : 'characters'}]`,
  da: (value) => `[skjult, ${[...value].length} tegn]`,
};
