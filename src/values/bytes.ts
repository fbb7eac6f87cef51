/**
 * Bytes ↔ text with only what every JavaScript runtime has (no Node built-in), so that the library runs wherever a
 * Uint8Array does (browsers, web workers, Deno, edge runtimes). UTF-8 goes through the standard TextEncoder/TextDecoder; ISO-8859-1 and base64 are ours:
 * small, linear, and exact where the platform's are not (WHATWG's TextDecoder('latin1') is windows-1252: used only
 * where its text is the same).
 */

/** Characters per String.fromCharCode call: well under any engine's limit on arguments. */
const CHUNK = 8192;

const utf8Encoder = new TextEncoder();

/** Text → UTF-8 bytes (a lone surrogate becomes U+FFFD, as with every UTF-8 encoder). */
export function encodeUtf8(text: string): Uint8Array {
  return utf8Encoder.encode(text);
}

/** How many bytes `text` takes in UTF-8, without encoding it. A lone surrogate counts as U+FFFD's three. */
export function utf8ByteLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) length += 1;
    else if (c < 0x800) length += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      length += 4;
      i++;
    } else length += 3;
  }
  return length;
}

/** Below this many bytes, String.fromCharCode is quicker than a TextDecoder and the check of its text. */
const DECODER_FROM = 256;

/** The platform's windows-1252 decoder; null where it has none (a runtime without the legacy encodings). */
let cp1252: InstanceType<typeof TextDecoder> | null | undefined;
function cp1252Decoder(): InstanceType<typeof TextDecoder> | null {
  if (cp1252 === undefined) {
    try {
      cp1252 = new TextDecoder('windows-1252');
    } catch {
      cp1252 = null;
    }
  }
  return cp1252;
}

/**
 * What windows-1252 makes of a byte 0x80–0x9F: WHATWG's table gives a character above U+00FF or a C1 control, some
 * decoders (Node's ICU) the C1 control of the same number. Every other byte is the same character in both encodings.
 */
const FROM_0X80_0X9F = /[\u0080-\u009F\u0100-\uFFFF]/;

/** ISO-8859-1 bytes → text: each byte is the code point of the same number. */
export function decodeLatin1(bytes: Uint8Array): string {
  // The platform's decoder is quicker, and right where no byte is 0x80–0x9F (its text then says so).
  const decoder = bytes.length >= DECODER_FROM ? cp1252Decoder() : null;
  if (decoder) {
    let text: string | undefined;
    try {
      text = decoder.decode(bytes);
    } catch {
      // a browser's decoder refuses a view of shared memory: read below
    }
    if (text !== undefined && text.length === bytes.length && !FROM_0X80_0X9F.test(text)) return text;
  }
  return latin1ByCharCode(bytes);
}

function latin1ByCharCode(bytes: Uint8Array): string {
  if (bytes.length <= CHUNK) return String.fromCharCode.apply(null, bytes as unknown as number[]);
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK)
    parts.push(String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK) as unknown as number[]));
  return parts.join('');
}

/** Text → ISO-8859-1 bytes: the low byte of each UTF-16 code unit. Callers pass text that holds only U+0000–U+00FF. */
export function encodeLatin1(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const ENCODE = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
/** Character code → its six bits; 0xff for anything outside the alphabet. */
const DECODE = new Uint8Array(256).fill(0xff);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;
const PAD = 0x3d; // '='

/** Bytes → base64 (RFC 4648 §4, padded, one line). */
export function encodeBase64(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = ENCODE[n >> 18]!;
    out[o++] = ENCODE[(n >> 12) & 63]!;
    out[o++] = ENCODE[(n >> 6) & 63]!;
    out[o++] = ENCODE[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = (bytes[i]! << 16) | (rest === 2 ? bytes[i + 1]! << 8 : 0);
    out[o++] = ENCODE[n >> 18]!;
    out[o++] = ENCODE[(n >> 12) & 63]!;
    out[o++] = rest === 2 ? ENCODE[(n >> 6) & 63]! : PAD;
    out[o++] = PAD;
  }
  return decodeLatin1(out);
}

/**
 * Base64 → bytes, strictly: only the 64 characters of RFC 4648 §4, a length that is a multiple of four, and at most
 * two '=' and only at the end; anything else (whitespace included: callers strip it) gives undefined. The unused
 * bits before the padding are ignored, as decoders do.
 */
export function decodeBase64(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0) return undefined;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  const end = text.length - padding;
  let o = 0;
  let bits = 0;
  let count = 0;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    const value = code < 256 ? DECODE[code]! : 0xff;
    if (value === 0xff) return undefined;
    bits = (bits << 6) | value;
    if (++count === 4) {
      bytes[o++] = bits >> 16;
      bytes[o++] = (bits >> 8) & 0xff;
      bytes[o++] = bits & 0xff;
      bits = 0;
      count = 0;
    }
  }
  if (count === 3) {
    bytes[o++] = bits >> 10;
    bytes[o++] = (bits >> 2) & 0xff;
  } else if (count === 2) bytes[o++] = bits >> 4;
  return bytes;
}
