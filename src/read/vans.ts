import { z } from 'zod';
import { INPUT_005 } from '../rules/catalogue/input-005-not-ggop';
import { INPUT_006 } from '../rules/catalogue/input-006-vans';
import { makeFinding, type Finding } from '../findings/finding';
import { NS } from '../standard/namespaces';
import { textContent, type XmlElement } from '../xml/tree';
import { decodeBase64 } from '../values/bytes';

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

const child = (parent: XmlElement | undefined, local: string): XmlElement | undefined =>
  parent?.children.find((c): c is XmlElement => typeof c !== 'string' && c.local === local && c.ns === NS.vans);
const textOf = (element: XmlElement | undefined): string | undefined => (element ? textContent(element) : undefined);
const endpoint = (element: XmlElement | undefined) =>
  element ? { id: textOf(element)!, endPointType: element.attrs?.EndPointType } : undefined;

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
  const message = child(root, 'Message');
  const meta = child(message, 'MetaInformation');
  const senderElement = child(root, 'SenderID');
  const receiverElement = child(root, 'ReceiverID');
  const positions: VansPositions = {};
  if (senderElement) positions.sender = position(senderElement.start);
  if (receiverElement) positions.receiver = position(receiverElement.start);
  const document = child(meta, 'Document');
  const info: VansEnvelopeInfo = {
    sender: endpoint(senderElement),
    receiver: endpoint(receiverElement),
    envelopeIdentifier: textOf(child(root, 'EnvelopeIdentifier')),
    sentDateTime: textOf(child(root, 'SentDateTime')),
    messageIdentifier: textOf(child(meta, 'Identifier')),
    document: document && {
      format: textOf(child(document, 'Format')),
      name: textOf(child(document, 'Name')),
      version: textOf(child(document, 'Version')),
      sizeInBytes: textOf(child(document, 'SizeInBytes')),
    },
  };
  for (const key of Object.keys(info) as (keyof VansEnvelopeInfo)[]) if (info[key] === undefined) delete info[key];
  if (!message) {
    const messageId = child(root, 'Receipt') ? 'vansReceipt' : 'vansWithoutMessage';
    return { ok: false, info, findings: [makeFinding(INPUT_005, messageId, {}, { path: '/VANSEnvelope', ...position(root.start) })] };
  }
  const dataElement = child(message, 'Data');
  const base64 = (textOf(dataElement) ?? '').replace(/\s+/g, '');
  const at = { path: DATA_PATH, ...position((dataElement ?? message).start) };
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
        { path: '/VANSEnvelope/Message/MetaInformation/Document/SizeInBytes', ...position(document!.start) },
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
