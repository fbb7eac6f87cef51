import { defineMeta } from '../../findings/finding';

/** Metadata only: the binder and validateGop's structure check detect it. */
export const STRUCT_002 = defineMeta<{ tooMany: { element: string; max: number } }>({
  id: 'GOP-STRUCT-002',
  layer: 'structure',
  severity: 'error',
  referenceKey: 'ggop',
  libraryData: ['element'],
  title: { da: 'Element gentaget for mange gange', en: 'Element repeated too often' },
  docs: {
    en: 'No element occurs more often than the standard allows; extra occurrences are kept in extraElements.',
    da: 'Intet element forekommer oftere end tilladt; overskydende gemmes i extraElements.',
  },
  messages: {
    tooMany: {
      en: ({ element, max }) =>
        `${element} may occur at most ${max === 1 ? 'once' : `${max} times`}; this occurrence is kept aside (extraElements), not read into the plan.`,
      da: ({ element, max }) =>
        `${element} må højst forekomme ${max === 1 ? 'én gang' : `${max} gange`}; denne forekomst er gemt til side (extraElements) og ikke læst ind i planen.`,
    },
  },
});
