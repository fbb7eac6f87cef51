import type { Report } from '../report/report';
import { checkGop } from '../report/validate';
import type { ParsedReceipt } from './read';
import { isReport } from './write';

/**
 * Does the receipt answer this plan? Its OriginalEnvelopeIdentifier, OriginalSender and OriginalReceiver EANs must be
 * the plan's Envelope/Identifier and Sender/Receiver EANIdentifier (report.original), and each OriginalLetterIdentifier
 * one of the plan's Letter/Identifier (a receipt may name no letter: the schemas allow 0..99). Never throws on input.
 */
export function matchReceipt(receipt: ParsedReceipt, plan: Report | string | Uint8Array): { matches: boolean; reason?: string } {
  if (!receipt || typeof receipt !== 'object' || receipt.kind === undefined) return { matches: false, reason: 'no receipt was read' };
  const report = isReport(plan) ? plan : checkGop(plan);
  const original = report.original;
  if (!original?.envelopeIdentifier) return { matches: false, reason: "the plan's Envelope/Identifier could not be read" };
  const pairs = [
    ['OriginalEnvelopeIdentifier', receipt.originalEnvelopeIdentifier, original.envelopeIdentifier, 'Envelope/Identifier'],
    ['OriginalSender', receipt.originalSender, original.senderEan, 'Sender/EANIdentifier'],
    ['OriginalReceiver', receipt.originalReceiver, original.receiverEan, 'Receiver/EANIdentifier'],
  ] as const;
  for (const [element, got, want, planElement] of pairs) {
    if (got === undefined || want === undefined || got !== want) {
      return { matches: false, reason: `the receipt's ${element} is not the plan's ${planElement}` };
    }
  }
  const letters = new Set(original.letters.map((l) => l.identifier).filter((id) => id !== undefined));
  for (const letter of receipt.originalLetters ?? []) {
    if (letter.identifier === undefined || !letters.has(letter.identifier)) {
      return { matches: false, reason: "an OriginalLetterIdentifier of the receipt is not one of the plan's Letter/Identifier" };
    }
  }
  return { matches: true };
}
