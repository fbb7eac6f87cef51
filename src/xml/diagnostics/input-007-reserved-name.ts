import { defineMeta } from '../../findings/finding';

/** Metadata only: the XML reader detects it. */
export const INPUT_007 = defineMeta<{ reservedName: { name: string } }>({
  id: 'GOP-INPUT-007',
  layer: 'input',
  severity: 'fatal',
  referenceKey: 'security',
  title: { da: 'Reserveret navn (prototype-forurening)', en: 'Reserved name (prototype pollution)' },
  docs: {
    en: 'No element or attribute is named __proto__, constructor or prototype (prototype-pollution attacks). Added to the catalogue by this project.',
    da: 'Intet element eller attribut hedder __proto__, constructor eller prototype (prototype-forurening). Tilføjet kataloget af projektet.',
  },
  messages: {
    reservedName: {
      en: ({ name }) =>
        `The document uses the name "${name}", which is reserved by the security policy (it is used to attack JavaScript prototypes); it is rejected.`,
      da: ({ name }) =>
        `Dokumentet bruger navnet "${name}", som er reserveret af sikkerhedspolitikken (det bruges til angreb på JavaScript-prototyper); det afvises.`,
    },
  },
});
