import { defineMeta } from '../../findings/finding';
import { quoted } from '../../values/quote';

/** Metadata only: the binder and validateGop's structure check detect it. */
export const STRUCT_003 = defineMeta<{
  unknownElement: { element: string; namespace: string };
  otherNamespace: { element: string; namespace: string; local: string; expected: string };
  formattingNamespace: { element: string; namespace: string; expected: string };
  unknownAttribute: { element: string; attribute: string; value: string };
  strayText: { element: string; text: string };
  unknownProperty: { property: string };
  textContentMismatch: { element: string };
}>({
  id: 'GOP-STRUCT-003',
  layer: 'structure',
  severity: 'warning',
  referenceKey: 'ggop',
  libraryData: ['expected'],
  title: { da: 'Ukendt element', en: 'Unknown element' },
  docs: {
    en: 'Every element is known to the standard, in its namespace; unknown content is kept in extraElements.',
    da: 'Alle elementer kendes af standarden i deres navnerum; ukendt indhold gemmes i extraElements.',
  },
  messages: {
    unknownElement: {
      en: (d) =>
        `Unknown element <${d.element}> (namespace ${d.namespace || '(no namespace)'}): the standard has no such element here; it is kept aside (extraElements), not read into the plan.`,
      da: (d) =>
        `Ukendt element <${d.element}> (navnerum ${d.namespace || '(intet navnerum)'}): standarden har ikke dette element her; det er gemt til side (extraElements) og ikke læst ind i planen.`,
    },
    otherNamespace: {
      en: (d) => `<${d.element}> is in namespace ${d.namespace}; the standard puts ${d.local} in ${d.expected}. It was read all the same.`,
      da: (d) => `<${d.element}> er i navnerummet ${d.namespace}; standarden placerer ${d.local} i ${d.expected}. Det er læst alligevel.`,
    },
    formattingNamespace: {
      en: (d) =>
        `<${d.element}> is in namespace ${d.namespace}; the standard puts formatting elements in ${d.expected}. It was read all the same.`,
      da: (d) =>
        `<${d.element}> er i navnerummet ${d.namespace}; standarden placerer formateringselementer i ${d.expected}. Det er læst alligevel.`,
    },
    unknownAttribute: {
      en: (d) => `Unknown attribute ${d.attribute}="${d.value}" on <${d.element}>: kept aside (extraElements).`,
      da: (d) => `Ukendt attribut ${d.attribute}="${d.value}" på <${d.element}>: gemt til side (extraElements).`,
    },
    // Cut to 40 characters when the finding's text is finished, after any redaction (src/values/quote.ts).
    strayText: {
      en: (d) =>
        `Text "${quoted(d.text, 40)}" directly inside <${d.element}>, where the standard has only elements: kept aside (extraElements).`,
      da: (d) =>
        `Teksten "${quoted(d.text, 40)}" står direkte i <${d.element}>, hvor standarden kun har elementer: gemt til side (extraElements).`,
    },
    unknownProperty: {
      en: (d) => `The property "${d.property}" is not part of the G-GOP model; it would not be written.`,
      da: (d) => `Egenskaben "${d.property}" er ikke en del af G-GOP-modellen; den ville ikke blive skrevet.`,
    },
    textContentMismatch: {
      en: (d) => `${d.element}: text and content disagree; the builder writes content (make both with formattedText()).`,
      da: (d) => `${d.element}: text og content stemmer ikke overens; byggeren skriver content (lav begge med formattedText()).`,
    },
  },
});
