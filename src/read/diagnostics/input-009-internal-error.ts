import { defineMeta } from '../../findings/finding';

/**
 * A bug of ours (a rule or the reader throwing): the message was not validated, so fatal — never valid, and never
 * mistaken for a fault of the message (it was GOP-INPUT-005 before). Metadata only: parseGop and the report add it.
 */
export const INPUT_009 = defineMeta<{ reader: { detail: string }; validation: { detail: string } }>({
  id: 'GOP-INPUT-009',
  layer: 'input',
  severity: 'fatal',
  referenceKey: 'security',
  title: { da: 'Intern fejl', en: 'Internal error' },
  docs: {
    en: 'The reader or a rule failed unexpectedly, so the message was not (fully) validated: a bug in medcom-gop, not in the message. Please report it with the message text of the finding. Added by this project.',
    da: 'Læseren eller en regel fejlede uventet, så meddelelsen er ikke (fuldt) valideret: en fejl i medcom-gop, ikke i meddelelsen. Rapportér den venligst med fundets tekst. Tilføjet af projektet.',
  },
  messages: {
    reader: {
      en: (d) => `The reader failed unexpectedly (${d.detail}); the message was not validated. Please report this.`,
      da: (d) => `Læseren fejlede uventet (${d.detail}); meddelelsen er ikke valideret. Rapportér venligst fejlen.`,
    },
    validation: {
      en: (d) => `Validation failed unexpectedly (${d.detail}); the message was not validated. Please report this.`,
      da: (d) => `Valideringen fejlede uventet (${d.detail}); meddelelsen er ikke valideret. Rapportér venligst fejlen.`,
    },
  },
});
