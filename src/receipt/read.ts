import { acceptInput } from '../input/accept';
import { makeFinding, type Finding } from '../findings/finding';
import { acceptText, decodeBytes } from '../input/decode';
import { DEFAULT_PARSE_OPTIONS } from '../options/index';
import { isVansEnvelope, readVansEnvelope, unwrapVans } from '../read/vans';
import { INPUT_003 } from '../input/diagnostics/input-003-encoding';
import { INPUT_005 } from '../read/diagnostics/input-005-not-ggop';
import { INPUT_009 } from '../read/diagnostics/input-009-internal-error';
import { STRUCT_001 } from '../model/diagnostics/struct-001-missing';
import { STRUCT_002 } from '../model/diagnostics/struct-002-repeated';
import { STRUCT_004 } from '../model/diagnostics/struct-004-empty';
import { RECEIPT_KINDS, RECEIPTS, type ReceiptKind } from '../standard/receipts';
import { parseXml, type XmlDocument } from '../xml/tree';
import type { Offsets } from '../model/locate';
import { readBySpec } from '../model/read';
import { receiptMessageSpec, ReceiptMessageSchema } from './schema';
import { readVansLevelReceipt } from './vans-receipt';

/** A receipt as read: its ids (as far as they could be read) and findings that say what is wrong with it. */
export interface ParsedReceipt {
  /** a receipt was read and has no fatal or error finding */
  ok: boolean;
  kind?: 'positive' | 'negative' | 'negativeVans';
  /** Envelope/Identifier */
  identifier?: string;
  /** Envelope/Sent as YYYY-MM-DDThh:mm */
  sentAt?: string;
  /** the receipt's Sender/EANIdentifier (the original's receiver) */
  sender?: string;
  /** the receipt's Receiver/EANIdentifier (the original's sender) */
  receiver?: string;
  originalEnvelopeIdentifier?: string;
  originalSender?: string;
  originalReceiver?: string;
  originalLetters: { identifier?: string; versionCode?: string; refuseCode?: string; refuseText?: string }[];
  /** RefuseCode and RefuseText for the whole message (negative receipts) */
  refuseCode?: string;
  refuseText?: string;
  findings: Finding[];
}

type Position = (offset: number) => { line: number; column: number };
type Bound = Record<string, unknown>;

/**
 * A MedCom receipt (2005/08/07 Emessage), raw or inside a VANSEnvelope's Message. Never throws on any input: the same
 * decoding, well-formedness authority and limits as parseGop (DOCTYPE refused, size, depth, elements, attributes,
 * reserved names) with the same rule ids; then the receipt's structure and values by its zod schema.
 */
export function parseReceipt(input: string | Uint8Array | ArrayBuffer | ArrayBufferView): ParsedReceipt {
  // sorted without touching the value's own properties: a Proxy or a throwing getter is just not text or bytes
  const accepted = acceptInput(input);
  if (!accepted.ok) return failed([makeFinding(INPUT_003, 'notTextOrBytes', { kind: accepted.kind }, { path: '/', line: 1, column: 1 })]);
  try {
    return read(accepted.input, false);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return failed([makeFinding(INPUT_009, 'reader', { detail }, { path: '/', line: 1, column: 1 })]);
  }
}

const failed = (findings: Finding[]): ParsedReceipt => ({ ok: false, originalLetters: [], findings });

function read(input: string | Uint8Array, inVans: boolean): ParsedReceipt {
  const limits = DEFAULT_PARSE_OPTIONS;
  const decoded = typeof input === 'string' ? acceptText(input, limits.maxBytes) : decodeBytes(input, limits.maxBytes);
  if (!decoded.ok) return failed([decoded.finding]);
  const xml = parseXml(decoded.text, limits);
  if (!xml.ok) return failed([xml.finding]);
  const doc = xml.doc;
  const position: Position = (offset) => doc.lines.position(offset);
  const root = doc.root;
  if (isVansEnvelope(root)) {
    const at = { path: '/VANSEnvelope', ...position(root.start) };
    if (inVans) return failed([makeFinding(INPUT_005, 'vansInVans', {}, at)]);
    if (readVansEnvelope(root).receipt) {
      return readVansLevelReceipt(root, position) ?? failed([makeFinding(INPUT_005, 'vansReceipt', {}, at)]);
    }
    const unwrapped = unwrapVans(root, position);
    if (!unwrapped.ok) return failed(unwrapped.findings);
    const inner = read(unwrapped.data, true);
    const findings = [...unwrapped.findings, ...inner.findings];
    return { ...inner, findings, ok: inner.ok && !findings.some(refuses) };
  }
  return readReceipt(doc, position);
}

const refuses = (f: Finding) => f.severity === 'fatal' || f.severity === 'error';

function readReceipt(doc: XmlDocument, position: Position): ParsedReceipt {
  const root = doc.root;
  const spec = receiptMessageSpec();
  if (root.local !== spec.name || !spec.nsUris.includes(root.ns)) {
    return failed([
      makeFinding(
        INPUT_005,
        'notReceipt',
        { element: root.local, namespace: root.ns },
        { path: `/${root.local}`, ...position(root.start) },
      ),
    ]);
  }
  const findings: Finding[] = [];
  const where = (path: readonly string[], offset: number) => ({ path: `/${path.join('/')}`, ...position(offset) });
  const offsets = new WeakMap<object, Offsets>();
  const message = readBySpec(root, spec.element!, offsets, {
    missing: (child, parent, path) =>
      findings.push(makeFinding(STRUCT_001, 'missing', { element: child.name, parent: parent.local }, where(path, parent.start))),
    repeated: (child, element, path) =>
      findings.push(makeFinding(STRUCT_002, 'tooMany', { element: child.name, max: child.max }, where(path, element.start))),
  });
  /** Where the value at a model path started: the exact item of a list. */
  const at = (path: readonly PropertyKey[]) => {
    let value: unknown = message;
    let start: unknown = root.start;
    for (const key of path) {
      const props = offsets.get(value as object)?.props;
      start = typeof key === 'number' && Array.isArray(start) ? start[key] : props?.[key as string];
      value = (value as Record<PropertyKey, unknown> | undefined)?.[key];
    }
    const offset = Array.isArray(start) ? start[0] : start;
    const names = path.filter((p): p is string => typeof p === 'string');
    return { path: `/Emessage${names.map((n) => `/${n}`).join('')}`, ...(typeof offset === 'number' ? position(offset) : {}) };
  };
  const present = RECEIPT_KINDS.filter((k) => message[RECEIPTS[k].element] !== undefined);
  if (present.length === 0) {
    const element = RECEIPT_KINDS.map((k) => RECEIPTS[k].element).join(' | ');
    findings.push(makeFinding(STRUCT_001, 'missing', { element, parent: 'Emessage' }, at([])));
  } else if (present.length > 1) {
    const second = RECEIPTS[present[1]!].element;
    findings.push(
      makeFinding(STRUCT_002, 'tooMany', { element: 'PositiveReceipt | NegativeReceipt | NegativeVansReceipt', max: 1 }, at([second])),
    );
  }
  const parsed = ReceiptMessageSchema.safeParse(message);
  if (!parsed.success) {
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      if (issue.path.length === 0) continue; // exactly one receipt: said above
      const element = issue.path.filter((p): p is string => typeof p === 'string').at(-1)!;
      const value = valueAt(message, issue.path);
      if (value === undefined) continue; // missing: the reader said so
      const location = at(issue.path);
      const key = `${issue.path.join('/')}\u0000${issue.code}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (value === '') findings.push(makeFinding(STRUCT_004, 'empty', { element }, location));
      else if (issue.code === 'too_big' && Array.isArray(value))
        findings.push(makeFinding(STRUCT_002, 'tooMany', { element, max: Number(issue.maximum) }, location));
      else if (typeof value === 'string') findings.push(makeFinding(INPUT_005, 'receiptValue', { element }, location, 'error'));
      // an object where text was expected (or the reverse) cannot come from the reader: its shape is the schema's
    }
  }
  const kind: ReceiptKind | undefined = present[0];
  const result: ParsedReceipt = { ok: false, originalLetters: [], findings };
  const envelope = message.Envelope as Bound | undefined;
  const sent = envelope?.Sent as Bound | undefined;
  setText(result, 'identifier', envelope?.Identifier);
  if (typeof sent?.Date === 'string') result.sentAt = typeof sent.Time === 'string' ? `${sent.Date}T${sent.Time}` : sent.Date;
  if (kind) {
    result.kind = kind;
    const body = message[RECEIPTS[kind].element] as Bound;
    const ean = (party: unknown) => (party as Bound | undefined)?.EANIdentifier;
    setText(result, 'sender', ean(body.Sender));
    setText(result, 'receiver', ean(body.Receiver));
    const original = body.OriginalEmessage as Bound | undefined;
    setText(result, 'originalEnvelopeIdentifier', original?.OriginalEnvelopeIdentifier);
    setText(result, 'originalSender', ean(original?.OriginalSender));
    setText(result, 'originalReceiver', ean(original?.OriginalReceiver));
    setText(result, 'refuseCode', original?.RefuseCode);
    setText(result, 'refuseText', original?.RefuseText);
    for (const letter of (original?.OriginalLetter as Bound[] | undefined) ?? []) {
      const entry: ParsedReceipt['originalLetters'][number] = {};
      setText(entry, 'identifier', letter.OriginalLetterIdentifier);
      setText(entry, 'versionCode', letter.OriginalVersionCode);
      setText(entry, 'refuseCode', letter.RefuseCode);
      setText(entry, 'refuseText', letter.RefuseText);
      result.originalLetters.push(entry);
    }
  }
  result.ok = kind !== undefined && !findings.some(refuses);
  return result;
}

function setText<T extends object>(target: T, key: keyof T & string, value: unknown): void {
  if (typeof value === 'string' && value !== '') (target as Record<string, unknown>)[key] = value;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}
