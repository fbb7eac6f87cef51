import { defineMeta, makeFinding, SEVERITIES, type Severity } from '../../findings/finding';
import type { TooMany } from '../../findings/sink';
import type { Language } from '../../texts/languages';
import { countOf } from '../../findings/severity-words';

/** How many findings of each severity a report or parse result left out past its cap. */
type Omitted = Record<Severity, number>;
type Data = Omitted & { shown: number };

const omittedList = (d: Data, language: Language) =>
  SEVERITIES.filter((s) => d[s] > 0)
    .map((s) => countOf(language, s, d[s]))
    .join(', ');
const omittedTotal = (d: Data) => d.fatal + d.error + d.warning + d.info;

/** The data of a GOP-INPUT-008: the counts flat, as JSON values. */
const tooManyData = (shown: number, omitted: Omitted): Data => ({ shown, ...omitted });

/**
 * The cap on findings (maxFindings): about the report, not the message, so 'info' — it changes neither `valid` nor a
 * --max-warnings count, which already count every finding left out. Metadata only: the report and parseGop add it.
 */
export const INPUT_008 = defineMeta<{ tooMany: Data }>({
  id: 'GOP-INPUT-008',
  layer: 'input',
  severity: 'info',
  referenceKey: 'security',
  title: { da: 'For mange fund', en: 'Too many findings' },
  docs: {
    en: 'A report lists at most maxFindings findings (default 1,000; never "no limit"), the first in document order; one GOP-INPUT-008 (info) then says how many more were left out, by severity. counts and valid include them. Added by this project.',
    da: 'En rapport viser højst maxFindings fund (standard 1.000; aldrig "ingen grænse"), de første i dokumentrækkefølge; ét GOP-INPUT-008 (info) siger da, hvor mange flere der er udeladt, efter alvor. counts og valid medregner dem. Tilføjet af projektet.',
  },
  messages: {
    tooMany: {
      en: (d) =>
        `Only the first ${d.shown} findings are listed; ${omittedTotal(d)} more are left out (${omittedList(d, 'en')}). They count in counts and valid; raise maxFindings to list them.`,
      da: (d) =>
        `Kun de første ${d.shown} fund er vist; ${omittedTotal(d)} flere er udeladt (${omittedList(d, 'da')}). De tælles med i counts og valid; hæv maxFindings for at se dem.`,
    },
  },
});

/** The finding the sink adds when it left some out (src/findings/sink.ts). */
export const tooMany: TooMany = {
  ruleId: INPUT_008.id,
  severity: INPUT_008.severity,
  make: (shown, omitted, severity) => makeFinding(INPUT_008, 'tooMany', tooManyData(shown, omitted), { path: '/' }, severity),
};
