import { defineMeta, type Texts } from '../../findings/finding';

/** Metadata only: the decoder (src/input/decode.ts) detects it. */
const SUPPORTED = {
  en: 'supported are UTF-8, ISO-8859-1, windows-1252 and US-ASCII',
  da: 'understøttet er UTF-8, ISO-8859-1, windows-1252 og US-ASCII',
};
const reason = <D>(en: (d: D) => string, da: (d: D) => string): Texts<D> => ({
  en: (d) => `The bytes cannot be read as text: ${en(d)}`,
  da: (d) => `Bytes kan ikke læses som tekst: ${da(d)}`,
});

export const INPUT_003 = defineMeta<{
  utf16: Record<string, never>;
  unsupportedEncoding: { label: string };
  bomMismatch: { label: string };
  invalidUtf8: { byte: string; offset: number; declared: boolean };
  undefinedInCp1252: { byte: string };
  notAscii: { byte: string };
  notTextOrBytes: { kind: string };
}>({
  id: 'GOP-INPUT-003',
  layer: 'input',
  severity: 'fatal',
  referenceKey: 'xmlEncoding',
  libraryData: ['byte', 'kind', 'declared'],
  title: { da: 'Tegnkodning ikke understøttet eller ugyldige bytes', en: 'Unsupported encoding or invalid bytes' },
  docs: {
    en: 'The bytes are valid in the declared encoding (UTF-8, ISO-8859-1, windows-1252, US-ASCII).',
    da: 'Bytes er gyldige i den erklærede tegnkodning (UTF-8, ISO-8859-1, windows-1252, US-ASCII).',
  },
  messages: {
    utf16: reason(
      () => `the document is UTF-16, which MedCom messages do not use; ${SUPPORTED.en}`,
      () => `dokumentet er UTF-16, som MedCom-meddelelser ikke bruger; ${SUPPORTED.da}`,
    ),
    unsupportedEncoding: reason(
      (d) => `the declared encoding "${d.label}" is not supported; ${SUPPORTED.en}`,
      (d) => `den erklærede tegnkodning "${d.label}" understøttes ikke; ${SUPPORTED.da}`,
    ),
    bomMismatch: reason(
      (d) => `the document starts with a UTF-8 byte-order mark but declares ${d.label}`,
      (d) => `dokumentet starter med et UTF-8-byte-order-mark, men erklærer ${d.label}`,
    ),
    invalidUtf8: reason(
      (d) =>
        `byte ${d.byte} at byte offset ${d.offset} is not valid UTF-8${d.declared ? '' : ' (no encoding is declared, so UTF-8 applies)'}`,
      (d) =>
        `byte ${d.byte} ved byte-position ${d.offset} er ikke gyldig UTF-8${d.declared ? '' : ' (ingen tegnkodning er erklæret, så UTF-8 gælder)'}`,
    ),
    undefinedInCp1252: reason(
      (d) => `byte ${d.byte} is undefined in windows-1252`,
      (d) => `byte ${d.byte} er udefineret i windows-1252`,
    ),
    notAscii: reason(
      (d) => `byte ${d.byte} is not US-ASCII`,
      (d) => `byte ${d.byte} er ikke US-ASCII`,
    ),
    notTextOrBytes: reason(
      (d) => `the input is ${d.kind}, neither text nor bytes`,
      (d) => `input er ${d.kind}, hverken tekst eller bytes`,
    ),
  },
});
