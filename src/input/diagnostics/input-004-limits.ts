import { defineMeta, type Texts } from '../../findings/finding';

/** Metadata only: the decoder, the XML reader and the CLI (files over maxBytes, not read) detect it. */
const reason = <D>(en: (d: D) => string, da: (d: D) => string): Texts<D> => ({
  en: (d) => `The input is rejected unread: ${en(d)}.`,
  da: (d) => `Input afvises ulæst: ${da(d)}.`,
});
type Max = { max: number };

export const INPUT_004 = defineMeta<{
  bytes: { size: number; max: number };
  fileTooLarge: { size: number; max: number };
  fileOverLimit: Max;
  depth: Max;
  elements: Max;
  attributes: Max;
}>({
  id: 'GOP-INPUT-004',
  layer: 'input',
  severity: 'fatal',
  referenceKey: 'security',
  title: { da: 'Input over størrelses- eller dybdegrænsen', en: 'Input over the size or nesting limit' },
  docs: {
    en: 'The input stays under the size, nesting and attribute limits.',
    da: 'Input holder sig under grænserne for størrelse, dybde og attributter.',
  },
  messages: {
    bytes: reason(
      (d) => `${d.size} bytes is over the limit of ${d.max} bytes (option maxBytes)`,
      (d) => `${d.size} bytes er over grænsen på ${d.max} bytes (indstillingen maxBytes)`,
    ),
    fileTooLarge: reason(
      (d) => `${d.size} bytes is over the limit of ${d.max} bytes (option maxBytes); the file was not read`,
      (d) => `${d.size} bytes er over grænsen på ${d.max} bytes (indstillingen maxBytes); filen blev ikke læst`,
    ),
    fileOverLimit: reason(
      (d) => `more than ${d.max} bytes is over the limit of ${d.max} bytes (option maxBytes); the file was not read`,
      (d) => `mere end ${d.max} bytes er over grænsen på ${d.max} bytes (indstillingen maxBytes); filen blev ikke læst`,
    ),
    depth: reason(
      (d) => `elements are nested deeper than ${d.max} levels`,
      (d) => `elementer er indlejret dybere end ${d.max} niveauer`,
    ),
    elements: reason(
      (d) => `the document has more than ${d.max} elements`,
      (d) => `dokumentet har mere end ${d.max} elementer`,
    ),
    attributes: reason(
      (d) => `an element has more than ${d.max} attributes`,
      (d) => `et element har mere end ${d.max} attributter`,
    ),
  },
});
