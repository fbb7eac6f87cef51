/**
 * The character encodings MedCom messages use, and windows-1252's table: one place, for the reader (bytes → text) and
 * the writers (text → bytes).
 */
import { decodeLatin1 } from '../values/bytes';

const ENCODINGS = ['UTF-8', 'ISO-8859-1', 'windows-1252', 'US-ASCII'] as const;
export type Encoding = (typeof ENCODINGS)[number];
/** What the builder writes: every character in UTF-8, Latin-1 for systems that still want it. */
export const BUILD_ENCODINGS = ['UTF-8', 'ISO-8859-1'] as const satisfies readonly Encoding[];
export type BuildEncoding = (typeof BUILD_ENCODINGS)[number];

/** The encodings MedCom senders use. Keys are lower-case labels as written in XML declarations. */
export const ENCODING_LABELS: Record<string, Encoding> = {
  'utf-8': 'UTF-8',
  utf8: 'UTF-8',
  'iso-8859-1': 'ISO-8859-1',
  'iso8859-1': 'ISO-8859-1',
  'iso_8859-1': 'ISO-8859-1',
  latin1: 'ISO-8859-1',
  'latin-1': 'ISO-8859-1',
  l1: 'ISO-8859-1',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  'us-ascii': 'US-ASCII',
  ascii: 'US-ASCII',
};

/** windows-1252 bytes 0x80–0x9F that stand for other characters than in ISO-8859-1 (the undefined five left out). */
const CP1252_HIGH: readonly [byte: number, code: number][] = [
  [0x80, 0x20ac],
  [0x82, 0x201a],
  [0x83, 0x0192],
  [0x84, 0x201e],
  [0x85, 0x2026],
  [0x86, 0x2020],
  [0x87, 0x2021],
  [0x88, 0x02c6],
  [0x89, 0x2030],
  [0x8a, 0x0160],
  [0x8b, 0x2039],
  [0x8c, 0x0152],
  [0x8e, 0x017d],
  [0x91, 0x2018],
  [0x92, 0x2019],
  [0x93, 0x201c],
  [0x94, 0x201d],
  [0x95, 0x2022],
  [0x96, 0x2013],
  [0x97, 0x2014],
  [0x98, 0x02dc],
  [0x99, 0x2122],
  [0x9a, 0x0161],
  [0x9b, 0x203a],
  [0x9c, 0x0153],
  [0x9e, 0x017e],
  [0x9f, 0x0178],
];
/** Bytes that windows-1252 leaves undefined. */
export const CP1252_UNDEFINED: ReadonlySet<number> = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
const BYTE_TO_CHAR = new Map(CP1252_HIGH);
/** The windows-1252 byte of a character above U+00FF, where it has one. */
export const CP1252_BYTE_OF: ReadonlyMap<number, number> = new Map(CP1252_HIGH.map(([byte, code]) => [code, byte]));

/**
 * windows-1252 bytes → text by the table: Node 20's TextDecoder('windows-1252') (small ICU) decodes 0x80–0x9F as
 * ISO-8859-1 control characters. The caller has refused the undefined bytes.
 */
export function decodeCp1252(bytes: Uint8Array): string {
  const latin1 = decodeLatin1(bytes);
  return /[\u0080-\u009f]/.test(latin1)
    ? latin1.replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(BYTE_TO_CHAR.get(c.charCodeAt(0)) ?? c.charCodeAt(0)))
    : latin1;
}
