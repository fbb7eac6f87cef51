import { defineMeta } from '../../findings/finding';

/** Metadata only: the XML reader refuses the declaration before reading on. */
const rejected = {
  en: 'MedCom messages never do, and it is rejected unread as a possible entity-expansion or external-entity attack.',
  da: 'det gør MedCom-meddelelser aldrig, og det afvises ulæst som et muligt angreb (entitetsudvidelse eller eksterne entiteter).',
};

export const INPUT_002 = defineMeta<{ doctype: Record<string, never>; entity: Record<string, never> }>({
  id: 'GOP-INPUT-002',
  layer: 'input',
  severity: 'fatal',
  referenceKey: 'security',
  title: { da: 'DOCTYPE eller entitetserklæring', en: 'DOCTYPE or entity declaration' },
  docs: {
    en: 'No DOCTYPE or entity declaration: MedCom messages never carry one, and they enable entity-expansion and external-entity attacks.',
    da: 'Ingen DOCTYPE eller entitetserklæring: MedCom-meddelelser har dem aldrig, og de muliggør angreb.',
  },
  messages: {
    doctype: {
      en: () => `The document contains a DOCTYPE declaration; ${rejected.en}`,
      da: () => `Dokumentet indeholder en DOCTYPE-erklæring; ${rejected.da}`,
    },
    entity: {
      en: () => `The document contains an entity declaration; ${rejected.en}`,
      da: () => `Dokumentet indeholder en entitetserklæring; ${rejected.da}`,
    },
  },
});
