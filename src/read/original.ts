import { z } from 'zod';
import { isMedComNamespace } from '../standard/namespaces';
import type { XmlElement } from '../xml/tree';

/**
 * What a receipt needs from the original message: its envelope and letter identifiers and its parties' EAN location
 * numbers — no personal data. Filled by checkGop from whatever part of the document could be read.
 */
export const OriginalIdsSchema = z
  .object({
    envelopeIdentifier: z.string().optional().describe('Envelope/Identifier: the sender’s message id'),
    sentAt: z.string().optional().describe('Envelope/Sent as YYYY-MM-DDThh:mm (as written; Time left out when absent)'),
    acknowledgementCode: z.string().optional().describe('Envelope/AcknowledgementCode, e.g. pluspositivkvitt'),
    senderEan: z.string().optional().describe('<letter body>/Sender/EANIdentifier'),
    receiverEan: z.string().optional().describe('<letter body>/Receiver/EANIdentifier'),
    letters: z
      .array(z.object({ identifier: z.string().optional(), versionCode: z.string().optional() }))
      .describe('each <letter body>/Letter: Identifier and VersionCode'),
  })
  .describe(
    'the identifiers a receipt answers (for a plan inside a VANSEnvelope, the inner plan’s), from the part of the document ' +
      'that could be read: present even when the message is not well-formed or not a G-GOP; absent fields could not be read',
  );
export type OriginalIds = z.infer<typeof OriginalIdsSchema>;

const isMedComElement = (c: XmlElement['children'][number]): c is XmlElement => typeof c !== 'string' && isMedComNamespace(c.ns);
/** The first MedCom child named `local`: found without a list of all of them (a plan's body has many children). */
function child(element: XmlElement | undefined, local: string): XmlElement | undefined {
  if (!element) return undefined;
  for (const c of element.children) if (isMedComElement(c) && c.local === local) return c;
  return undefined;
}

/** A body's children that originalIdsOf and identify read (identify the Letter alone). */
const READ_IN_BODY = new Set(['Letter', 'Sender', 'Receiver']);

/**
 * What the tree must keep whole of what originalIdsOf and identify read, where a binder lets the rest go as it reads
 * (the root and its children always stay): the root's Envelope, and the Letter, Sender and Receiver in its children.
 * `depth` is 1 for the root.
 */
export const readForIds = (element: XmlElement, depth: number): boolean =>
  depth === 2 ? element.local === 'Envelope' : depth === 3 && READ_IN_BODY.has(element.local);

/**
 * The ids of a MedCom Emessage, from a whole tree or the prefix read before an error. Only these places count —
 * Emessage/Envelope/{Identifier, Sent/Date, Sent/Time, AcknowledgementCode} and, in the body (the first child of
 * Emessage other than Envelope), Letter/{Identifier, VersionCode}, Sender/EANIdentifier and Receiver/EANIdentifier —
 * matched by local name in MedCom namespaces, never searched for deeper (a decoy inside free text does not count).
 * The text of an element whose end tag was not reached is not taken. Reads a handful of children: never throws.
 */
export function originalIdsOf(root: XmlElement | undefined, unclosed: ReadonlySet<XmlElement> = new Set()): OriginalIds {
  const ids: OriginalIds = { letters: [] };
  if (root?.local !== 'Emessage' || !isMedComNamespace(root.ns)) return ids;
  const text = (element: XmlElement | undefined): string | undefined => {
    if (!element || unclosed.has(element)) return undefined;
    let whole = '';
    for (const c of element.children) if (typeof c === 'string') whole += c;
    const value = whole.trim();
    return value === '' ? undefined : value;
  };
  const envelope = child(root, 'Envelope');
  const set = <K extends Exclude<keyof OriginalIds, 'letters'>>(key: K, value: string | undefined) => {
    if (value !== undefined) ids[key] = value;
  };
  set('envelopeIdentifier', text(child(envelope, 'Identifier')));
  const sent = child(envelope, 'Sent');
  const date = text(child(sent, 'Date'));
  const time = text(child(sent, 'Time'));
  if (date !== undefined) ids.sentAt = time === undefined ? date : `${date}T${time}`;
  set('acknowledgementCode', text(child(envelope, 'AcknowledgementCode')));
  let body: XmlElement | undefined;
  for (const c of root.children) {
    if (isMedComElement(c) && c.local !== 'Envelope') {
      body = c;
      break;
    }
  }
  set('senderEan', text(child(child(body, 'Sender'), 'EANIdentifier')));
  set('receiverEan', text(child(child(body, 'Receiver'), 'EANIdentifier')));
  for (const letter of body ? body.children : []) {
    if (!isMedComElement(letter) || letter.local !== 'Letter') continue;
    const entry: OriginalIds['letters'][number] = {};
    const identifier = text(child(letter, 'Identifier'));
    const versionCode = text(child(letter, 'VersionCode'));
    if (identifier !== undefined) entry.identifier = identifier;
    if (versionCode !== undefined) entry.versionCode = versionCode;
    ids.letters.push(entry);
  }
  return ids;
}

/** The same ids from a message object (validateGop: a plan built in code or read by parseGop). */
export function originalIdsOfMessage(message: {
  envelope?: { identifier?: unknown; sent?: { date?: unknown; time?: unknown }; acknowledgementCode?: unknown };
  rehabilitationPlan?: {
    letter?: { identifier?: unknown; versionCode?: unknown };
    sender?: { eanIdentifier?: unknown };
    receiver?: { eanIdentifier?: unknown };
  };
}): OriginalIds {
  const value = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
  const ids: OriginalIds = { letters: [] };
  const { envelope, rehabilitationPlan: plan } = message;
  const put = (key: Exclude<keyof OriginalIds, 'letters'>, v: unknown) => {
    const text = value(v);
    if (text !== undefined) ids[key] = text;
  };
  put('envelopeIdentifier', envelope?.identifier);
  const date = value(envelope?.sent?.date);
  const time = value(envelope?.sent?.time);
  if (date !== undefined) ids.sentAt = time === undefined ? date : `${date}T${time}`;
  put('acknowledgementCode', envelope?.acknowledgementCode);
  put('senderEan', plan?.sender?.eanIdentifier);
  put('receiverEan', plan?.receiver?.eanIdentifier);
  if (plan?.letter) {
    const entry: OriginalIds['letters'][number] = {};
    const identifier = value(plan.letter.identifier);
    const versionCode = value(plan.letter.versionCode);
    if (identifier !== undefined) entry.identifier = identifier;
    if (versionCode !== undefined) entry.versionCode = versionCode;
    ids.letters.push(entry);
  }
  return ids;
}
