/*
 * Property: for generated readable plans (test/arbitraries.ts), the receipt read back names the plan's ids.
 *
 *   FUZZ_RUNS  runs (default 100)    FUZZ_SEED  fast-check seed (default fixed)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGop } from '../src/index';
import { matchReceipt, parseReceipt, receiptFor } from '../src/receipt/index';
import { parseXml } from '../src/xml/tree';
import { messageArbitrary, validGln } from './arbitraries';
import type { GopMessage } from '../src/index';

const runs = Number(process.env.FUZZ_RUNS ?? 100);
const seed = Number(process.env.FUZZ_SEED ?? 20190306);
const OPTIONS = { receiptIdentifier: 'K1', sentAt: '2019-03-06T08:15' };
const carried = (id: string | undefined) =>
  id !== undefined && id.length >= 1 && id.length <= 14 && !/[\u0000-\u001F\u007F-\u009F]/.test(id);

/** Ids a receipt can carry (1–14 printable characters, escaping needed or not); EANs valid location numbers. */
const receiptId = fc.stringMatching(/^[0-9A-Za-z<&>"'-]{1,14}$/).filter((id) => id.trim() === id);
const carriable: fc.Arbitrary<GopMessage> = fc
  .tuple(messageArbitrary(), receiptId, receiptId, validGln, validGln)
  .map(([message, envelopeId, letterId, senderEan, receiverEan]) => {
    const m = structuredClone(message);
    m.envelope.identifier = envelopeId;
    m.rehabilitationPlan.letter.identifier = letterId;
    m.rehabilitationPlan.sender.eanIdentifier = senderEan;
    m.rehabilitationPlan.receiver.eanIdentifier = receiverEan;
    return m;
  });

describe('receipts of generated plans', () => {
  it('parseReceipt(receiptFor(plan).receipt.xml) gives back the plan’s ids, or no receipt says why', () => {
    let built = 0;
    fc.assert(
      fc.property(fc.oneof(carriable, messageArbitrary()), (message) => {
        let xml: string;
        try {
          xml = buildGop(message);
        } catch {
          return; // not a plan the builder writes: not this property's
        }
        const result = receiptFor(xml, OPTIONS);
        const original = result.report.original!;
        expect(original.envelopeIdentifier).toBe(message.envelope.identifier.trim() || undefined);
        if (!result.receipt) {
          expect(result.reason).toBeTruthy();
          const carriable =
            carried(original.envelopeIdentifier) &&
            /^\d{13}$/.test(original.senderEan ?? '') &&
            /^\d{13}$/.test(original.receiverEan ?? '') &&
            original.letters.every((l) => carried(l.identifier) && (l.versionCode ?? '').length <= 7);
          expect(carriable && result.decision.kind !== 'none').toBe(false);
          return;
        }
        expect(parseXml(result.receipt.xml, { maxDepth: 64, maxAttributes: 64, maxElements: 1000 }).ok).toBe(true);
        const parsed = parseReceipt(result.receipt.xml);
        expect(parsed.findings).toEqual([]);
        expect(parsed.originalEnvelopeIdentifier).toBe(original.envelopeIdentifier);
        expect(parsed.originalSender).toBe(original.senderEan);
        expect(parsed.originalReceiver).toBe(original.receiverEan);
        expect(parsed.sender).toBe(original.receiverEan);
        expect(parsed.receiver).toBe(original.senderEan);
        expect(parsed.originalLetters.map((l) => l.identifier)).toEqual(original.letters.map((l) => l.identifier));
        expect(matchReceipt(parsed, result.report).matches).toBe(true);
        built++;
      }),
      { numRuns: runs, seed },
    );
    // Not vacuous: most generated plans are answered with a receipt.
    expect(built).toBeGreaterThan(runs / 4);
  });
});
