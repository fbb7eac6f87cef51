import { defined } from '../values/defined';
import { z } from 'zod';
import { INPUT_005 } from './diagnostics/input-005-not-ggop';
import { INPUT_006 } from './diagnostics/input-006-vans';
import { INPUT_009 } from './diagnostics/input-009-internal-error';
import { acceptText, decodeBytes } from '../input/decode';
import { checkParseOptions, type ParseLimits, type ParseOptions } from '../options/index';
import { makeFinding, type Finding } from '../findings/finding';
import { NS } from '../standard/namespaces';
import { parseXml, type XmlElement } from '../xml/tree';
import { decodeBase64 } from '../values/bytes';
import type { Offsets } from '../model/locate';
import { readBySpec, type ReadSink } from '../model/read';
import { vansEnvelopeSpec, type VansEnvelopeXml, type VansMetaInformationXml } from '../model/vans';

const VansEndpointSchema = z.object({ id: z.string(), endPointType: z.string().optional() });

/** What the transport envelope says about the message it carries. */
export const VansEnvelopeInfoSchema = z.object({
  sender: VansEndpointSchema.optional(),
  receiver: VansEndpointSchema.optional(),
  envelopeIdentifier: z.string().optional(),
  sentDateTime: z.string().optional(),
  messageIdentifier: z.string().optional(),
  document: z
    .object({
      format: z.string().optional(),
      name: z.string().optional(),
      version: z.string().optional(),
      sizeInBytes: z.string().optional(),
    })
    .optional(),
});
export type VansEnvelopeInfo = z.infer<typeof VansEnvelopeInfoSchema>;

export function isVansEnvelope(root: XmlElement): boolean {
  return root.ns === NS.vans && root.local === 'VANSEnvelope';
}

/** The envelope as the model spec reads it (src/model/vans.ts), where each part started, and what the sink was told. */
function readEnvelope(root: XmlElement, sink?: ReadSink): { read: VansEnvelopeXml; offsets: WeakMap<object, Offsets> } {
  const offsets = new WeakMap<object, Offsets>();
  return { read: readBySpec(root, vansEnvelopeSpec(), offsets, sink) as VansEnvelopeXml, offsets };
}
const endpoint = (read: VansEnvelopeXml['sender']) => read && { id: read.id!, endPointType: read.endPointType };

/** Where the envelope's endpoints stand (line and column in the envelope), for findings about them. */
export interface VansPositions {
  sender?: { line: number; column: number };
  receiver?: { line: number; column: number };
}

export type Unwrapped =
  | { ok: true; info: VansEnvelopeInfo; data: Uint8Array; findings: Finding[]; positions: VansPositions }
  | { ok: false; info: VansEnvelopeInfo; findings: Finding[] };

const DATA_PATH = '/VANSEnvelope/Message/Data';

/** The envelope's facts, and the base64 Data decoded to bytes (to be read like any input). */
export function unwrapVans(root: XmlElement, position: (offset: number) => { line: number; column: number }): Unwrapped {
  const { read, offsets } = readEnvelope(root);
  const startOf = (object: object | undefined, prop: string) => {
    const start = object && offsets.get(object)?.props[prop];
    return typeof start === 'number' ? start : undefined;
  };
  const positions: VansPositions = {};
  for (const side of ['sender', 'receiver'] as const) {
    const start = startOf(read, side);
    if (start !== undefined) positions[side] = position(start);
  }
  const { message } = read;
  const meta = message?.metaInformation;
  const document = meta?.document;
  const info: VansEnvelopeInfo = {
    sender: endpoint(read.sender),
    receiver: endpoint(read.receiver),
    envelopeIdentifier: read.envelopeIdentifier,
    sentDateTime: read.sentDateTime,
    messageIdentifier: meta?.identifier,
    document: document && { format: document.format, name: document.name, version: document.version, sizeInBytes: document.sizeInBytes },
  };
  for (const key of Object.keys(info) as (keyof VansEnvelopeInfo)[]) if (info[key] === undefined) delete info[key];
  if (!message) {
    const messageId = read.receipt ? 'vansReceipt' : 'vansWithoutMessage';
    return { ok: false, info, findings: [makeFinding(INPUT_005, messageId, {}, { path: '/VANSEnvelope', ...position(root.start) })] };
  }
  const base64 = (message.data ?? '').replace(/\s+/g, '');
  const at = { path: DATA_PATH, ...position(startOf(message, 'data') ?? startOf(read, 'message')!) };
  const data = base64 ? decodeBase64(base64) : undefined; // strict: the 64 characters, a multiple of four, '=' only at the end
  if (!data) {
    return { ok: false, info, findings: [makeFinding(INPUT_006, base64 ? 'invalidBase64' : 'emptyData', {}, at)] };
  }
  const findings: Finding[] = [];
  const declared = info.document?.sizeInBytes;
  if (declared !== undefined && declared !== String(data.length)) {
    findings.push(
      makeFinding(
        INPUT_006,
        'sizeMismatch',
        { declared, actual: data.length },
        {
          path: '/VANSEnvelope/Message/MetaInformation/Document/SizeInBytes',
          ...position((startOf(document, 'sizeInBytes') ?? startOf(meta, 'document'))!),
        },
      ),
    );
  }
  return { ok: true, info, data, findings, positions };
}

/** What the envelope is compared with: the inner message's letter and parties, as far as they were read. */
export interface VansInner {
  typeCode?: string;
  versionCode?: string;
  /** RehabilitationPlan/Sender/EANIdentifier */
  senderEan?: string;
  /** RehabilitationPlan/Receiver/EANIdentifier */
  receiverEan?: string;
}

/** Document/Name for a message of `typeCode`: the catalogue type itself (GGOP) or with MedCom's prefix (MCM:GGOP). */
const namesType = (name: string, typeCode: string) => name === typeCode || name === `MCM:${typeCode}`;

/**
 * After the inner message is read: does the envelope agree with it? Document/Name and Version with the letter, and an
 * EAN SenderID/ReceiverID with the plan's Sender/Receiver EANIdentifier (a CVR or VANS endpoint names no location).
 */
export function checkVansDocument(info: VansEnvelopeInfo, inner: VansInner, positions: VansPositions = {}): Finding[] {
  const findings: Finding[] = [];
  const doc = info.document;
  const path = '/VANSEnvelope/Message/MetaInformation/Document';
  const { typeCode, versionCode } = inner;
  if (doc?.name !== undefined && typeCode !== undefined && !namesType(doc.name, typeCode)) {
    findings.push(makeFinding(INPUT_006, 'nameMismatch', { name: doc.name, typeCode }, { path }));
  }
  if (doc?.version !== undefined && versionCode !== undefined && doc.version !== versionCode) {
    findings.push(makeFinding(INPUT_006, 'versionMismatch', { version: doc.version, versionCode }, { path }));
  }
  const parties = [
    { tag: 'SenderID', endpoint: info.sender, ean: inner.senderEan, at: positions.sender },
    { tag: 'ReceiverID', endpoint: info.receiver, ean: inner.receiverEan, at: positions.receiver },
  ];
  for (const { tag, endpoint, ean, at } of parties) {
    if (endpoint?.endPointType !== 'EAN' || ean === undefined || ean.trim() === '' || endpoint.id === ean.trim()) continue;
    findings.push(
      makeFinding(INPUT_006, 'eanMismatch', { element: tag, id: endpoint.id, ean: ean.trim() }, { path: `/VANSEnvelope/${tag}`, ...at }),
    );
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------------------------
// Receipts in the VANSEnvelope (receipts.md, "The VANSEnvelope"): Receipt → PositiveMessage | NegativeMessage | NegativeVans

/** MetaInformation as written (and a receipt's OriginalMessage, which has its shape); every value as text. */
export interface VansMetaInformation {
  identifier?: string;
  processing?: { providerIdentifier?: string; serviceIdentifier?: string };
  document?: { format?: string; name?: string; version?: string; sizeInBytes?: string };
  transport?: { type?: string; transformMessage?: string; serviceTags: { name: string; value: string }[] };
}

/** The spec's reading of a MetaInformation as written: every ServiceTag with its name ('' without one) and value. */
function metaInformation(read: VansMetaInformationXml): VansMetaInformation {
  const { transport, ...rest } = read;
  if (!transport) return rest;
  const serviceTags = (transport.serviceTags ?? []).map((tag) => ({ name: tag.name ?? '', value: tag.value ?? '' }));
  return { ...rest, transport: { ...transport, serviceTags } };
}

/** A VANSEnvelope's own fields: who sent it to whom, its identifier and time, and what it carries. */
export interface VansHead {
  sender?: { id: string; endPointType?: string };
  receiver?: { id: string; endPointType?: string };
  envelopeIdentifier?: string;
  sentDateTime?: string;
}

/** A received envelope as an answer needs it: its head, and what it carries (a Message's MetaInformation, or a Receipt). */
export function readVansEnvelope(root: XmlElement): VansHead & { metaInformation?: VansMetaInformation; receipt: boolean } {
  const { read } = readEnvelope(root);
  const meta = read.message?.metaInformation;
  return { ...head(read), ...(meta ? { metaInformation: metaInformation(meta) } : {}), receipt: read.receipt !== undefined };
}

const head = (read: VansEnvelopeXml): VansHead =>
  defined({
    sender: endpoint(read.sender),
    receiver: endpoint(read.receiver),
    envelopeIdentifier: read.envelopeIdentifier,
    sentDateTime: read.sentDateTime,
  });

/** Bytes or text → the VANSEnvelope root, by the reader's own decoding and XML policy (no DOCTYPE, limits). */
export function openVans(
  input: string | Uint8Array,
  limits: ParseLimits,
): { ok: true; root: XmlElement } | { ok: false; reason: string; findings: Finding[] } {
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    const kind = input === null ? 'null' : typeof input;
    return { ok: false, reason: `the input is neither text nor bytes (${kind})`, findings: [] };
  }
  const decoded = typeof input === 'string' ? acceptText(input, limits.maxBytes) : decodeBytes(input, limits.maxBytes);
  if (!decoded.ok) return { ok: false, reason: decoded.finding.message, findings: [decoded.finding] };
  const xml = parseXml(decoded.text, limits);
  if (!xml.ok) return { ok: false, reason: xml.finding.message, findings: [xml.finding] };
  const root = xml.doc.root;
  if (!isVansEnvelope(root)) {
    const namespace = root.ns || '(no namespace)';
    return { ok: false, reason: `the root element is <${root.local}> in ${namespace}, not a VANSEnvelope in ${NS.vans}`, findings: [] };
  }
  return { ok: true, root };
}

const VANS_RECEIPT_KINDS = {
  PositiveMessage: 'positiveMessage',
  NegativeMessage: 'negativeMessage',
  NegativeVans: 'negativeVans',
} as const;
export type VansReceiptKind = (typeof VANS_RECEIPT_KINDS)[keyof typeof VANS_RECEIPT_KINDS];

/** A VANS receipt envelope as read: the envelope's head, which receipt, what it answers and, for a negative one, why. */
export type VansReceipt =
  | ({
      ok: true;
      kind: VansReceiptKind;
      /** the receipt's own envelope */
      originalEnvelopeIdentifier: string;
      /** the answered message's MetaInformation (required in PositiveMessage and NegativeMessage, optional in NegativeVans) */
      originalMessage?: VansMetaInformation;
      /** NegativeMessage and NegativeVans: Error/Code (a positive integer) and Error/Description */
      error?: { code?: number; description?: string };
      findings: Finding[];
    } & VansHead)
  | { ok: false; reason: string; findings: Finding[] };

/**
 * A VANSEnvelope carrying a Receipt → what it says. Read by the reader's own XML policy (a DOCTYPE, an entity, a
 * document over the limits are refused with the reader's finding). Never throws on any input; `reason` says in
 * English why the input is not a VANS receipt (a Message envelope, no Receipt, an unknown receipt element, a missing
 * OriginalEnvelopeIdentifier, an Error/Code that is no positive integer). Bad options throw GopOptionsError.
 */
export function readVansReceipt(input: string | Uint8Array, options?: ParseOptions | null): VansReceipt {
  const limits = checkParseOptions(options);
  try {
    return readReceipt(input, limits);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const finding = makeFinding(INPUT_009, 'reader', { detail }, { path: '/', line: 1, column: 1 });
    return { ok: false, reason: finding.message, findings: [finding] };
  }
}

function readReceipt(input: string | Uint8Array, limits: ParseLimits): VansReceipt {
  const opened = openVans(input, limits);
  return opened.ok ? readVansReceiptElement(opened.root) : opened;
}

/** readVansReceipt from a VANSEnvelope element already read (parseReceipt's hook for a VANS-level receipt). */
export function readVansReceiptElement(root: XmlElement): VansReceipt {
  if (!isVansEnvelope(root)) return { ok: false, reason: `<${root.local}> is not a VANSEnvelope in ${NS.vans}`, findings: [] };
  // which answer: Receipt's children as written (one, and a known one), those the spec does not name too
  const others: XmlElement[] = [];
  const { read, offsets } = readEnvelope(root, {
    unknown: (element, path) => path.length === 2 && path[1] === 'Receipt' && others.push(element),
    repeated: (_, element, path) => path.length === 3 && path[1] === 'Receipt' && others.push(element),
  });
  if (!read.receipt) {
    return {
      ok: false,
      reason: read.message ? 'the VANSEnvelope carries a Message, not a Receipt' : 'the VANSEnvelope carries no Receipt',
      findings: [],
    };
  }
  const starts = offsets.get(read.receipt)!.props;
  const known = (Object.keys(VANS_RECEIPT_KINDS) as (keyof typeof VANS_RECEIPT_KINDS)[]).filter(
    (local) => read.receipt![VANS_RECEIPT_KINDS[local]],
  );
  if (others.length > 0 || known.length !== 1) {
    const answers = [...known.map((local) => ({ local, start: starts[VANS_RECEIPT_KINDS[local]] as number })), ...others];
    const holds = answers.sort((a, b) => a.start - b.start).map((a) => `<${a.local}>`);
    return {
      ok: false,
      reason: `Receipt must hold one of PositiveMessage, NegativeMessage, NegativeVans; it holds ${holds.join(', ') || 'nothing'}`,
      findings: [],
    };
  }
  const local = known[0]!;
  const kind = VANS_RECEIPT_KINDS[local];
  const answer: {
    originalEnvelopeIdentifier?: string;
    originalMessage?: VansMetaInformationXml;
    error?: { code?: string; description?: string };
  } = read.receipt[kind]!;
  const { originalEnvelopeIdentifier } = answer;
  if (!originalEnvelopeIdentifier) return { ok: false, reason: `${local} has no OriginalEnvelopeIdentifier`, findings: [] };
  let error: { code?: number; description?: string } | undefined;
  if (answer.error) {
    const { code, description } = answer.error;
    if (code !== undefined && !/^\+?0*[1-9]\d{0,14}$/.test(code)) {
      return { ok: false, reason: `Error/Code must be a positive integer, not ${JSON.stringify(code.slice(0, 40))}`, findings: [] };
    }
    error = defined({ code: code === undefined ? undefined : Number(code), description });
  }
  return defined({
    ok: true as const,
    kind,
    ...head(read),
    originalEnvelopeIdentifier,
    originalMessage: answer.originalMessage && metaInformation(answer.originalMessage),
    error,
    findings: [],
  });
}
