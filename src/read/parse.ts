import { z } from 'zod';
import { INPUT_003, INPUT_005 } from '../findings/reader-rules';
import { makeFinding, type Finding } from '../findings/finding';
import { acceptText, decodeBytes, type Encoding } from '../input/decode';
import { bindMessage } from '../model/bind';
import type { ModelPath } from '../model/locate';
import type { DeepPartial } from '../model/partial';
import type { GopMessage } from '../model/schema';
import { parseXml } from '../xml/tree';
import { identify } from './identify';
import { checkVansDocument, isVansEnvelope, unwrapVans, type VansEnvelopeInfo } from './vans';

/** The reader's limits. Each is a positive whole number; a missing or invalid value gets the default, never "no limit". */
export const ParseOptionsSchema = z.object({
  maxBytes: z.number().int().positive().catch(5 * 1024 * 1024).describe('largest input accepted, in bytes (default 5 MiB)'),
  maxDepth: z.number().int().positive().catch(64).describe('deepest element nesting accepted (default 64; a G-GOP needs about 10)'),
  maxAttributes: z.number().int().positive().catch(64).describe('most attributes on one element (default 64)'),
  maxElements: z.number().int().positive().catch(100_000)
    .describe("most elements in the document (default 100,000; the bench's 600 KB plan with 2,300 journal excerpts has 12,000)"),
});
export type ParseOptions = Partial<z.input<typeof ParseOptionsSchema>>;
export type ParseLimits = z.output<typeof ParseOptionsSchema>;

export const DEFAULT_PARSE_OPTIONS: Readonly<ParseLimits> = Object.freeze(ParseOptionsSchema.parse({}));
const LIMIT_KEYS = Object.keys(DEFAULT_PARSE_OPTIONS);

/** The limits to apply: only own, valid fields of the caller's options count (whatever a JavaScript caller passes). */
export function parseLimits(options: unknown): ParseLimits {
  if (options === undefined || (typeof options === 'object' && options !== null && !LIMIT_KEYS.some((key) => Object.hasOwn(options, key)))) {
    return DEFAULT_PARSE_OPTIONS; // the usual call, without zod's cost on every message
  }
  const given = typeof options === 'object' && options !== null ? options as Record<string, unknown> : {};
  const own = (key: keyof ParseLimits) => (Object.hasOwn(given, key) ? given[key] : undefined);
  return ParseOptionsSchema.parse({ maxBytes: own('maxBytes'), maxDepth: own('maxDepth'), maxAttributes: own('maxAttributes'), maxElements: own('maxElements') });
}

/** Where a model value was in the source: line and column for findings about it. */
export interface MessageSource {
  encoding: Encoding;
  locate(modelPath: ModelPath): { line: number; column: number } | undefined;
}

export type ParseResult =
  | { ok: true; message: GopMessage; findings: Finding[]; envelope?: VansEnvelopeInfo; source: MessageSource }
  | { ok: false; findings: Finding[]; envelope?: VansEnvelopeInfo; partial?: DeepPartial<GopMessage>; source?: MessageSource };

/** Bytes or text → a typed G-GOP message, or findings that say precisely why not. Never throws. */
export function parseGop(input: string | Uint8Array, options: ParseOptions = {}): ParseResult {
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    // JavaScript callers can pass anything; say what was wrong instead of failing somewhere inside.
    const kind = input === null ? 'null' : typeof input;
    return { ok: false, findings: [makeFinding(INPUT_003, { en: `the input is ${kind}, neither text nor bytes`, da: `input er ${kind}, hverken tekst eller bytes` }, { path: '/', line: 1, column: 1 })] };
  }
  try {
    return read(input, parseLimits(options), undefined);
  } catch (error) {
    // A bug of ours must not take a receiving system down: report it as an unreadable document.
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, findings: [makeFinding(INPUT_005, { en: `the reader failed unexpectedly (${detail}); please report this.`, da: `læseren fejlede uventet (${detail}); rapportér venligst fejlen.` }, { path: '/', line: 1, column: 1 })] };
  }
}

function read(input: string | Uint8Array, limits: ParseLimits, envelope: VansEnvelopeInfo | undefined): ParseResult {
  const decoded = typeof input === 'string' ? acceptText(input, limits.maxBytes) : decodeBytes(input, limits.maxBytes);
  if (!decoded.ok) return failed([decoded.finding], envelope);
  const xml = parseXml(decoded.text, limits);
  if (!xml.ok) return failed([xml.finding], envelope);
  const doc = xml.doc;

  if (isVansEnvelope(doc.root)) {
    if (envelope) {
      return failed([makeFinding(INPUT_005, {
        en: 'the VANSEnvelope carries another VANSEnvelope; envelopes are not unwrapped twice.',
        da: 'VANS-konvolutten indeholder endnu en VANS-konvolut; konvolutter pakkes ikke ud to gange.',
      }, { path: '/VANSEnvelope', ...doc.lines.position(doc.root.start) })], envelope);
    }
    const unwrapped = unwrapVans(doc.root, (offset) => doc.lines.position(offset));
    if (!unwrapped.ok) return failed(unwrapped.findings, unwrapped.info);
    const inner = read(unwrapped.data, limits, unwrapped.info);
    const plan = inner.ok ? inner.message.rehabilitationPlan : inner.partial?.rehabilitationPlan;
    const extra = [...unwrapped.findings, ...checkVansDocument(unwrapped.info, plan?.letter?.typeCode, plan?.letter?.versionCode)];
    return { ...inner, findings: [...extra, ...inner.findings] };
  }

  const notGop = identify(doc);
  if (notGop) return failed([notGop], envelope);

  const bound = bindMessage(doc);
  const message = bound.message;
  const source: MessageSource = { encoding: decoded.encoding, locate: (path) => bound.source.locate(message, path) };
  const result: ParseResult = bound.incomplete
    ? { ok: false, findings: bound.findings, partial: message, source }
    : { ok: true, message, findings: bound.findings, source };
  if (envelope) result.envelope = envelope;
  return result;
}

function failed(findings: Finding[], envelope: VansEnvelopeInfo | undefined): ParseResult {
  return envelope ? { ok: false, findings, envelope } : { ok: false, findings };
}
