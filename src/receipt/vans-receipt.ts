import { readVansReceiptElement } from '../read/vans';
import type { XmlElement } from '../xml/tree';
import type { ParsedReceipt } from './read';

/**
 * The VANS-level receipt: a VANSEnvelope carrying `Receipt` (receipts.md, "The VANSEnvelope"), read by
 * readVansReceiptElement (src/read/vans.ts). Only NegativeVans — the network refused the message — is a receipt in
 * parseReceipt's sense (kind 'negativeVans'); PositiveMessage and NegativeMessage are the transport's own answers
 * (read them with readVansReceipt), so for them, and for an envelope that is no readable receipt, this returns
 * undefined and parseReceipt reports GOP-INPUT-005 (vansReceipt). (assumed)
 */
export function readVansLevelReceipt(
  envelope: XmlElement,
  _position: (offset: number) => { line: number; column: number },
): ParsedReceipt | undefined {
  const read = readVansReceiptElement(envelope);
  if (!read.ok || read.kind !== 'negativeVans') return undefined;
  const parsed: ParsedReceipt = { ok: true, kind: 'negativeVans', originalLetters: [], findings: [] };
  const set = <K extends keyof ParsedReceipt>(key: K, value: ParsedReceipt[K] | undefined) => {
    if (value !== undefined) parsed[key] = value;
  };
  set('identifier', read.envelopeIdentifier);
  set('sentAt', read.sentDateTime);
  set('sender', read.sender?.id);
  set('receiver', read.receiver?.id);
  set('originalEnvelopeIdentifier', read.originalEnvelopeIdentifier);
  // The network answers the message's sender; whom it was for, NegativeVans does not say.
  set('originalSender', read.receiver?.id);
  set('refuseText', read.error?.description);
  return parsed;
}
