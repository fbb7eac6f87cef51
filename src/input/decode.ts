import { CP1252_UNDEFINED, decodeCp1252, ENCODING_LABELS, type Encoding } from '../standard/encodings';
import { INPUT_003 } from './diagnostics/input-003-encoding';
import { INPUT_004 } from './diagnostics/input-004-limits';
import { makeFinding, type Finding, type MessageData } from '../findings/finding';
import { decodeLatin1, utf8ByteLength } from '../values/bytes';
import { acceptBytes, isSharedBuffer } from './accept';

export type { Encoding };

export type DecodeResult = { ok: true; text: string; encoding: Encoding } | { ok: false; finding: Finding };

// Problems with the bytes as a whole are placed at the start of the document.
const ROOT = { path: '/', line: 1, column: 1 };
const hex = (byte: number) => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
// ignoreBOM: a byte-order mark is stripped before decoding; one more is text (which the XML reader then refuses).
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
// Measured quicker than the fatal one, with the look for U+FFFD after it: 0.8× on 7 KB, 0.86× on 600 KB.
const utf8Replacing = new TextDecoder('utf-8', { ignoreBOM: true });

function byteLimitFinding(size: number, maxBytes: number): Finding {
  return makeFinding(INPUT_004, 'bytes', { size, max: maxBytes }, ROOT);
}

/**
 * Reads the encoding named in the XML declaration (ASCII-compatible bytes). The whole declaration, as libxml2 reads
 * it: white space between its parts has no limit, so no fixed window will do. It ends at its first '>' (the one of
 * '?>' when it is well-formed; any other ends it broken, and the reader says so): one pass, bounded by the input,
 * itself no longer than maxBytes.
 */
function declaredEncoding(bytes: Uint8Array, start: number): string | undefined {
  const open = [0x3c, 0x3f, 0x78, 0x6d, 0x6c]; // '<?xml'
  for (let i = 0; i < open.length; i++) if (bytes[start + i] !== open[i]) return undefined;
  let end = start + open.length;
  while (end < bytes.length && bytes[end] !== 0x3e) end++;
  const decl = decodeLatin1(bytes.subarray(start, end));
  return /\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(decl)?.[1];
}

function positionOf(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++)
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  return { line, column: offset - lineStart + 1 };
}

type Invalid = (typeof INPUT_003)['messages'];
function invalid<K extends keyof Invalid & string>(
  messageId: K,
  data: Parameters<Invalid[K]['en']>[0],
  bytes?: Uint8Array,
  offset?: number,
): DecodeResult {
  const where = bytes && offset !== undefined ? positionOf(bytes, offset) : {};
  return { ok: false, finding: makeFinding(INPUT_003, messageId, data as MessageData as never, { ...ROOT, ...where }) };
}

/**
 * Offset of the first byte that breaks UTF-8 (only called once decoding has failed). Follows the table of
 * well-formed sequences (Unicode §3.9): no overlong forms, no surrogates, nothing above U+10FFFF.
 */
function firstInvalidUtf8(bytes: Uint8Array, start: number): number {
  let i = start;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += need + 1;
  }
  return start; // the decoder refused what this scan accepts: point at the start rather than nowhere
}

/** The UTF-8 bytes from `start` as text, or the first byte that breaks UTF-8 (GOP-INPUT-003). */
function decodeUtf8(bytes: Uint8Array, start: number, declared: boolean): DecodeResult {
  const body = bytes.subarray(start);
  // Browsers' TextDecoder refuses a view of shared memory: a copy of it, then (under maxBytes, checked before).
  const view = isSharedBuffer(body.buffer) ? body.slice() : body;
  const text = utf8Replacing.decode(view);
  // U+FFFD stands where bytes broke UTF-8, or for itself: only then does the strict decoder say which.
  if (!text.includes('\uFFFD')) return { ok: true, text, encoding: 'UTF-8' };
  try {
    return { ok: true, text: utf8.decode(view), encoding: 'UTF-8' };
  } catch {
    const offset = firstInvalidUtf8(bytes, start);
    const hex = `0x${bytes[offset]!.toString(16).toUpperCase()}`;
    return invalid('invalidUtf8', { byte: hex, offset, declared }, bytes, offset);
  }
}

/**
 * Bytes → text, by the BOM or the XML declaration (never by guessing); XML's default is UTF-8. Any ArrayBufferView or
 * ArrayBuffer is read as its bytes (./accept.ts); anything else, a detached buffer included, is GOP-INPUT-003.
 */
export function decodeBytes(input: Uint8Array | ArrayBuffer | ArrayBufferView, maxBytes: number): DecodeResult {
  const accepted = acceptBytes(input);
  if (!accepted.ok) return invalid('notTextOrBytes', { kind: accepted.kind });
  const bytes = accepted.bytes;
  if (bytes.length > maxBytes) return { ok: false, finding: byteLimitFinding(bytes.length, maxBytes) };
  if (
    (bytes[0] === 0xfe && bytes[1] === 0xff) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    // Without a BOM, '<' then another ASCII character in UTF-16 (XML 1.0 Appendix F); a lone NUL before '<' is not.
    (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] !== 0x00) ||
    (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] !== 0x00 && bytes[3] === 0x00)
  ) {
    return invalid('utf16', {});
  }
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const start = hasBom ? 3 : 0;
  const label = declaredEncoding(bytes, start);
  const key = label?.toLowerCase();
  // Own properties only: encoding="constructor" must find nothing.
  const encoding: Encoding | undefined =
    key === undefined ? 'UTF-8' : Object.hasOwn(ENCODING_LABELS, key) ? ENCODING_LABELS[key] : undefined;
  if (!encoding) return invalid('unsupportedEncoding', { label: label! });
  if (hasBom && encoding !== 'UTF-8') return invalid('bomMismatch', { label: label! });
  const body = bytes.subarray(start);
  switch (encoding) {
    case 'UTF-8':
      return decodeUtf8(bytes, start, !!label);
    case 'ISO-8859-1':
      // Byte = code point (WHATWG's TextDecoder('latin1') would mean windows-1252).
      return { ok: true, text: decodeLatin1(body), encoding };
    case 'windows-1252':
      for (let i = 0; i < body.length; i++) {
        if (CP1252_UNDEFINED.has(body[i]!)) return invalid('undefinedInCp1252', { byte: hex(body[i]!) }, bytes, i + start);
      }
      return { ok: true, text: decodeCp1252(body), encoding };
    case 'US-ASCII':
      for (let i = 0; i < body.length; i++) {
        if (body[i]! > 0x7f) return invalid('notAscii', { byte: hex(body[i]!) }, bytes, i + start);
      }
      return { ok: true, text: decodeLatin1(body), encoding };
  }
}

/** A string is already text: strip a BOM and check the size in UTF-8 bytes. */
export function acceptText(text: string, maxBytes: number): DecodeResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.length > maxBytes || (body.length * 3 > maxBytes && utf8ByteLength(body) > maxBytes)) {
    return { ok: false, finding: byteLimitFinding(utf8ByteLength(body), maxBytes) };
  }
  return { ok: true, text: body, encoding: 'UTF-8' };
}
