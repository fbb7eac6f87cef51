import { z } from 'zod';

/** The languages every text exists in: one list, so a missing translation is a compile error (Record<Language, …>). */
export const LANGUAGES = ['da', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LanguageSchema = z.enum(LANGUAGES);
