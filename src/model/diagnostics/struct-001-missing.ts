import { defineMeta } from '../../findings/finding';

/** Metadata only: the binder (src/model/bind.ts) and validateGop's structure check detect it. */
export const STRUCT_001 = defineMeta<{ missing: { element: string; parent: string } }>({
  id: 'GOP-STRUCT-001',
  layer: 'structure',
  severity: 'error',
  referenceKey: 'ggopAssumed',
  libraryData: ['element', 'parent'],
  title: { da: 'Obligatorisk element mangler', en: 'Mandatory element missing' },
  docs: { en: 'Every mandatory element is present.', da: 'Alle obligatoriske elementer findes.' },
  messages: {
    missing: {
      en: ({ element, parent }) => `${parent} lacks the mandatory element ${element}.`,
      da: ({ element, parent }) => `${parent} mangler det obligatoriske element ${element}.`,
    },
  },
});
