import { defineMeta } from '../../findings/finding';

/** Metadata only: the binder and validateGop's structure check detect it. */
export const STRUCT_004 = defineMeta<{ empty: { element: string } }>({
  id: 'GOP-STRUCT-004',
  layer: 'structure',
  severity: 'error',
  referenceKey: 'ggopAssumed',
  libraryData: ['element'],
  title: { da: 'Obligatorisk element er tomt', en: 'Mandatory element is empty' },
  docs: { en: 'No mandatory element is empty.', da: 'Intet obligatorisk element er tomt.' },
  messages: {
    empty: {
      en: ({ element }) => `The mandatory element ${element} is present but empty.`,
      da: ({ element }) => `Det obligatoriske element ${element} findes, men er tomt.`,
    },
  },
});
