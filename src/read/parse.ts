import { INPUT_003 } from '../input/diagnostics/input-003-encoding';
import { INPUT_005 } from './diagnostics/input-005-not-ggop';
import { tooMany } from './diagnostics/input-008-too-many-findings';
import { FindingSink } from '../findings/sink';
import { INPUT_009 } from './diagnostics/input-009-internal-error';
import { addFinding, makeFinding, PendingFindings, type Finding, type FindingCollector } from '../findings/finding';
import { acceptInput } from '../input/accept';
import { describeError } from '../input/readable';
import { acceptText, decodeBytes, type Encoding } from '../input/decode';
import { bindMessage, MessageBinder } from '../model/bind';
import type { ModelPath, SourceMap } from '../model/locate';
import type { DeepPartial } from '../model/partial';
import type { GopMessage } from '../model/schema';
import { parseXml } from '../xml/tree';
import { LineIndex } from '../xml/position';
import { identify } from './identify';
import { originalIdsOf, readForIds, type OriginalIds } from './original';
import { checkVansDocument, isVansEnvelope, unwrapVans, type VansEnvelopeInfo } from './vans';
import { checkParseOptions, GopOptionsError, type ParseLimits, type ParseOptions } from '../options/index';

/*
 * The reader's limits (maxBytes, maxDepth, maxAttributes, maxElements, maxFindings) are checked in ../options, with
 * the other functions' options: each is a positive whole number; null or undefined (or no options) is the default,
 * never "no limit"; anything else (NaN, -1, 1.5, Infinity, '100', an unknown option) throws GopOptionsError naming the option.
 * Only the caller's own properties count, whatever a JavaScript caller passes. Re-exported here where they always were.
 */
export type { ParseLimits, ParseOptions } from '../options/index';

/** Where a model value was in the source: line and column for findings about it. */
export interface MessageSource {
  encoding: Encoding;
  locate(modelPath: ModelPath): { line: number; column: number } | undefined;
}

export type ParseResult =
  | { ok: true; message: GopMessage; findings: Finding[]; envelope?: VansEnvelopeInfo; source: MessageSource }
  | { ok: false; findings: Finding[]; envelope?: VansEnvelopeInfo; partial?: DeepPartial<GopMessage>; source?: MessageSource };

/**
 * Bytes or text → a typed G-GOP message, or findings that say precisely why not. Bytes are a Uint8Array (Node's
 * subclass of it too), any other ArrayBufferView (a DataView) or an ArrayBuffer (what `File.arrayBuffer()` gives).
 * Never throws on any input: anything else — a detached buffer, a Proxy, a String object — is a GOP-INPUT-003 finding
 * that names its kind. Options it cannot use (a limit that is no positive whole number, an unknown option, options
 * that cannot be read) throw GopOptionsError.
 */
export function parseGop(input: string | Uint8Array | ArrayBuffer | ArrayBufferView, options?: ParseOptions | null): ParseResult {
  const limits = guardOptions(checkParseOptions, options, 'parseGop');
  const { result, findings } = readWithIds(input, limits, () => new FindingSink(limits.maxFindings, tooMany));
  return withFindings(result, findings.findings());
}

/**
 * `check(options)`, throwing only GopOptionsError: options that cannot even be looked at (a revoked Proxy, a trap or
 * getter that throws something that is no Error) are options the function cannot use, like any other.
 */
export function guardOptions<T>(check: (options: unknown) => T, options: unknown, functionName: string): T {
  try {
    return check(options);
  } catch (error) {
    if (isOptionsError(error)) throw error;
    throw new GopOptionsError(functionName, [{ path: '', message: `the options cannot be read (${describeError(error)})` }]);
  }
}

/** `error instanceof GopOptionsError`, when even that cannot be asked of what was thrown (a revoked Proxy): false. */
export function isOptionsError(error: unknown): boolean {
  try {
    return error instanceof GopOptionsError;
  } catch {
    return false;
  }
}

/** A ParseResult without its findings: they went to a collector. */
export type ReadResult = ParseResult extends infer R ? (R extends unknown ? Omit<R, 'findings'> : never) : never;

/** The result with its findings, where parseGop has always put them (after ok and message). */
function withFindings(result: ReadResult, findings: Finding[]): ParseResult {
  if (result.ok) {
    const { ok, message, ...rest } = result;
    return { ok, message, findings, ...rest };
  }
  const { ok, ...rest } = result;
  return { ok, findings, ...rest };
}

/**
 * parseGop with limits already checked (checkGop checks all its options at once), and the ids a receipt needs
 * (src/read/original.ts) from as much of the document as could be read: the inner plan's when it came in a
 * VANSEnvelope; none when not even its text could be decoded. The findings go, in the order the reader produces
 * them, to a collector from `collector`: a fresh one when the reader fails on a bug of ours, for that finding alone.
 */
export function readWithIds<C extends FindingCollector>(
  input: unknown,
  limits: ParseLimits,
  collector: () => C,
): { result: ReadResult; findings: C; original?: OriginalIds } {
  // JavaScript callers can pass anything: say what was wrong instead of failing somewhere inside. acceptInput never
  // throws (a revoked Proxy included), and what it gives is plain: a string, or a Uint8Array read by the engine's own accessors.
  const accepted = acceptInput(input);
  if (!accepted.ok) {
    const findings = collector();
    addFinding(findings, makeFinding(INPUT_003, 'notTextOrBytes', { kind: accepted.kind }, { path: '/', line: 1, column: 1 }));
    return { result: { ok: false }, findings };
  }
  const ids: IdsSink = {};
  try {
    const findings = collector();
    const result = read(accepted.input, limits, undefined, ids, findings);
    return ids.original ? { result, findings, original: ids.original } : { result, findings };
  } catch (error) {
    // A bug of ours must not take a receiving system down: report it as an unreadable document.
    const detail = describeError(error);
    const findings = collector();
    addFinding(findings, makeFinding(INPUT_009, 'reader', { detail }, { path: '/', line: 1, column: 1 }));
    return { result: { ok: false }, findings };
  }
}

/**
 * Built outside read(): a closure there would share its scope with the envelope's, which holds the element tree, and
 * keep the whole tree alive for as long as the result.
 */
function messageSource(map: SourceMap, encoding: Encoding): MessageSource {
  return { encoding, locate: (path) => map.locate(path) };
}

/** Where read() leaves the ids of the innermost document it read. */
interface IdsSink {
  original?: OriginalIds;
}

/**
 * Characters from which a document is bound as it is read. Below, reading the tree whole and then binding it was
 * faster (small plans: about a fifth less time for read and bind). Above, binding as read keeps the cost per byte
 * flat up to the 5 MiB limit, where a whole tree costs more per byte the larger it is (it outlives the collector's
 * young generation and is copied): the largest step of `npm run bench`'s size ladder measured 4.0-4.6× from 64 KiB,
 * 4.6-4.9× from 1 MiB (two runs each, this machine).
 */
const BIND_WHILE_READING_FROM = 64 * 1024;

function read(
  input: string | Uint8Array,
  limits: ParseLimits,
  envelope: VansEnvelopeInfo | undefined,
  ids: IdsSink,
  findings: FindingCollector,
): ReadResult {
  const failed = (made: Finding[], info: VansEnvelopeInfo | undefined): ReadResult => {
    for (const finding of made) addFinding(findings, finding);
    return info ? { ok: false, envelope: info } : { ok: false };
  };
  const decoded = typeof input === 'string' ? acceptText(input, limits.maxBytes) : decodeBytes(input, limits.maxBytes);
  if (!decoded.ok) return failed([decoded.finding], envelope);
  // A large document is bound as its text is read, so that its tree is never all alive at once (the binder's findings
  // wait until it is known to be a plan); a small one is read, then bound from its tree: two passes that each stay hot.
  const lines = new LineIndex(decoded.text);
  const pending = decoded.text.length >= BIND_WHILE_READING_FROM ? new PendingFindings() : undefined;
  const binder = pending && new MessageBinder(decoded.text, lines, pending, readForIds);
  const xml = parseXml(decoded.text, limits, { lines, observer: binder });
  if (!xml.ok) {
    ids.original = originalIdsOf(xml.prefix?.root, xml.prefix?.unclosed);
    return failed([xml.finding], envelope);
  }
  const doc = xml.doc;
  if (!isVansEnvelope(doc.root)) ids.original = originalIdsOf(doc.root);

  if (isVansEnvelope(doc.root)) {
    if (envelope) {
      return failed([makeFinding(INPUT_005, 'vansInVans', {}, { path: '/VANSEnvelope', ...doc.lines.position(doc.root.start) })], envelope);
    }
    const unwrapped = unwrapVans(doc.root, (offset) => doc.lines.position(offset));
    if (!unwrapped.ok) return failed(unwrapped.findings, unwrapped.info);
    // The envelope's findings come before the inner document's, and some depend on what it holds: those wait, unrendered.
    const innerFindings = new PendingFindings();
    const inner = read(unwrapped.data, limits, unwrapped.info, ids, innerFindings);
    const plan = inner.ok ? inner.message.rehabilitationPlan : inner.partial?.rehabilitationPlan;
    const inside = {
      typeCode: plan?.letter?.typeCode,
      versionCode: plan?.letter?.versionCode,
      senderEan: plan?.sender?.eanIdentifier,
      receiverEan: plan?.receiver?.eanIdentifier,
    };
    for (const finding of [...unwrapped.findings, ...checkVansDocument(unwrapped.info, inside, unwrapped.positions)])
      addFinding(findings, finding);
    innerFindings.replay(findings);
    return inner;
  }

  const notGop = identify(doc);
  if (notGop) return failed([notGop], envelope);

  pending?.replay(findings);
  const bound = binder ? binder.result() : bindMessage(doc, findings);
  if (!bound) throw new Error('an m104 Emessage was read but not bound');
  const message = bound.message;
  const source = messageSource(bound.source, decoded.encoding);
  const result: ReadResult = bound.incomplete ? { ok: false, partial: message, source } : { ok: true, message, source };
  if (envelope) result.envelope = envelope;
  return result;
}
