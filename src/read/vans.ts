import { z } from 'zod';
import { INPUT_005, INPUT_006 } from '../findings/reader-rules';
import { makeFinding, type Finding } from '../findings/finding';
import { NS } from '../standard/namespaces';
import { textContent, type XmlElement } from '../xml/tree';

export const VansEndpointSchema = z.object({ id: z.string(), endPointType: z.string().optional() });

/** What the transport envelope says about the message it carries. */
export const VansEnvelopeInfoSchema = z.object({
  sender: VansEndpointSchema.optional(),
  receiver: VansEndpointSchema.optional(),
  envelopeIdentifier: z.string().optional(),
  sentDateTime: z.string().optional(),
  messageIdentifier: z.string().optional(),
  document: z.object({
    format: z.string().optional(),
    name: z.string().optional(),
    version: z.string().optional(),
    sizeInBytes: z.string().optional(),
  }).optional(),
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

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export type Unwrapped =
  | { ok: true; info: VansEnvelopeInfo; data: Uint8Array; findings: Finding[] }
  | { ok: false; info: VansEnvelopeInfo; findings: Finding[] };

const DATA_PATH = '/VANSEnvelope/Message/Data';

/** The envelope's facts, and the base64 Data decoded to bytes (to be read like any input). */
export function unwrapVans(root: XmlElement, position: (offset: number) => { line: number; column: number }): Unwrapped {
  const message = child(root, 'Message');
  const meta = child(message, 'MetaInformation');
  const document = child(meta, 'Document');
  const info: VansEnvelopeInfo = {
    sender: endpoint(child(root, 'SenderID')),
    receiver: endpoint(child(root, 'ReceiverID')),
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
    const what = child(root, 'Receipt') ? 'a VANS receipt envelope (it carries a Receipt, not a message)' : 'a VANSEnvelope without a Message';
    return { ok: false, info, findings: [makeFinding(INPUT_005, { en: `it is ${what}.`, da: `det er ${what === 'a VANSEnvelope without a Message' ? 'en VANS-konvolut uden Message' : 'en VANS-kvitteringskonvolut (den bærer en Receipt, ikke en meddelelse)'}.` }, { path: '/VANSEnvelope', ...position(root.start) })] };
  }
  const dataElement = child(message, 'Data');
  const base64 = (textOf(dataElement) ?? '').replace(/\s+/g, '');
  const at = { path: DATA_PATH, ...position((dataElement ?? message).start) };
  if (!base64 || base64.length % 4 !== 0 || !BASE64.test(base64)) {
    const en = base64 ? 'Data is not valid base64, so the message inside cannot be read.' : 'Data is empty: there is no message inside.';
    const da = base64 ? 'Data er ikke gyldig base64, så meddelelsen indeni kan ikke læses.' : 'Data er tom: der er ingen meddelelse indeni.';
    return { ok: false, info, findings: [makeFinding(INPUT_006, { en, da }, at)] };
  }
  const data = new Uint8Array(Buffer.from(base64, 'base64'));
  const findings: Finding[] = [];
  const declared = info.document?.sizeInBytes;
  if (declared !== undefined && declared !== String(data.length)) {
    findings.push(makeFinding(INPUT_006, {
      en: `Document/SizeInBytes says ${declared}, but Data holds ${data.length} bytes.`,
      da: `Document/SizeInBytes angiver ${declared}, men Data indeholder ${data.length} bytes.`,
    }, { path: '/VANSEnvelope/Message/MetaInformation/Document/SizeInBytes', ...position(document!.start) }));
  }
  return { ok: true, info, data, findings };
}

/** After the inner message is read: does the envelope's Document metadata agree with it? */
export function checkVansDocument(info: VansEnvelopeInfo, typeCode: string | undefined, versionCode: string | undefined): Finding[] {
  const findings: Finding[] = [];
  const doc = info.document;
  const path = '/VANSEnvelope/Message/MetaInformation/Document';
  if (doc?.name !== undefined && typeCode !== undefined && doc.name !== typeCode) {
    findings.push(makeFinding(INPUT_006, { en: `Document/Name says ${doc.name}, but the message is a ${typeCode}.`, da: `Document/Name angiver ${doc.name}, men meddelelsen er en ${typeCode}.` }, { path }));
  }
  if (doc?.version !== undefined && versionCode !== undefined && doc.version !== versionCode) {
    findings.push(makeFinding(INPUT_006, { en: `Document/Version says ${doc.version}, but the message has VersionCode ${versionCode}.`, da: `Document/Version angiver ${doc.version}, men meddelelsen har VersionCode ${versionCode}.` }, { path }));
  }
  return findings;
}
