import { NS } from '../standard/namespaces';
import { escapeXml } from '../xml/escape';

export interface VansEndpoint { id: string; endPointType?: 'EAN' | 'CVR' | 'VANS' }

export interface VansWrapOptions {
  sender: VansEndpoint;
  receiver: VansEndpoint;
  envelopeIdentifier: string;
  /** ISO 8601 date-time; given by the caller, never read from the clock */
  sentDateTime: string;
  messageIdentifier?: string;
  document?: { format?: string; name?: string; version?: string };
}


/** A VANSEnvelope around a message: its bytes base64-encoded in Data, their size in Document/SizeInBytes. */
export function wrapInVans(message: Uint8Array, options: VansWrapOptions): string {
  const data = Buffer.from(message.buffer, message.byteOffset, message.byteLength).toString('base64').replace(/(.{76})(?=.)/g, '$1\n');
  const endpoint = (tag: string, e: VansEndpoint) => `  <${tag} EndPointType="${escapeXml(e.endPointType ?? 'EAN', true)}">${escapeXml(e.id)}</${tag}>\n`;
  const doc = { format: 'XML', name: 'GGOP', version: 'GGOP100', ...options.document };
  return `<?xml version="1.0" encoding="UTF-8"?>\n<VANSEnvelope xmlns="${NS.vans}">\n` +
    endpoint('SenderID', options.sender) +
    endpoint('ReceiverID', options.receiver) +
    `  <EnvelopeIdentifier>${escapeXml(options.envelopeIdentifier)}</EnvelopeIdentifier>\n` +
    `  <SentDateTime>${escapeXml(options.sentDateTime)}</SentDateTime>\n` +
    '  <Message>\n    <MetaInformation>\n' +
    `      <Identifier>${escapeXml(options.messageIdentifier ?? options.envelopeIdentifier)}</Identifier>\n` +
    `      <Document><Format>${escapeXml(doc.format)}</Format><Name>${escapeXml(doc.name)}</Name><Version>${escapeXml(doc.version)}</Version><SizeInBytes>${message.byteLength}</SizeInBytes></Document>\n` +
    `    </MetaInformation>\n    <Data>${data}</Data>\n  </Message>\n</VANSEnvelope>\n`;
}
