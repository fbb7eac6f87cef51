import { checkCheckOptions, GopOptionsError, kindOf, type CheckOptions, type OptionsIssue } from '../options/index';
import type { Report } from '../report/report';
import { checkGop } from '../report/validate';
import { decideReceipt, receiptFor, type OriginalIds, type ReceiptDecision, type ReceiptPolicy, type ReceiptResult } from './index';

/*
 * The receiving side of reliable messaging (receipts.md, "When to answer what"): every message is checked and answered
 * once; the same message arriving again (same envelope identifier, sender EAN and letter identifiers) gets the receipt
 * it got the first time, byte for byte, and is not processed again. The caller keeps what was seen (a SeenStore).
 */

/** What a receiver remembers about a message it answered. Plain JSON: a store may serialise it. */
export interface StoredReceipt {
  /** what was done with the message the first time */
  action: 'process' | 'refused';
  decision: ReceiptDecision;
  /** the receipt sent the first time (absent when none could be built) */
  receipt?: NonNullable<ReceiptResult['receipt']>;
  /** receivedAt of the first arrival */
  receivedAt: string;
}

/**
 * Where a receiver remembers the messages it answered, by a key of their identifiers. The caller implements it (a
 * database table, a key-value store); either method may return a promise. Two arrivals of one message at the same
 * moment are told apart only if `set` is atomic per key in the caller's store.
 */
export interface SeenStore {
  get(key: string): Promise<StoredReceipt | undefined> | StoredReceipt | undefined;
  set(key: string, value: StoredReceipt): Promise<void> | void;
}

/**
 * A SeenStore in memory: lost on restart and never emptied (unbounded). For tests and single-process tools; a
 * production receiver keeps what it has seen in its own durable store.
 */
export function memorySeenStore(): SeenStore {
  const seen = new Map<string, StoredReceipt>();
  return {
    get: (key) => seen.get(key),
    set: (key, value) => {
      seen.set(key, value);
    },
  };
}

export interface ReceiverOptions {
  /** our own EAN location numbers: a plan addressed to another is refused ukendt_lokationsnummer */
  ownLocationNumbers: readonly string[];
  seen: SeenStore;
  /** which findings refuse (default: the common policy of receipts.md) */
  policy?: ReceiptPolicy;
  /** checkGop's options for the plans received */
  check?: CheckOptions;
  /** Letter/StatisticalCode of the receipts (default: the receipt's usual one) */
  statisticalCode?: string;
}

export interface ReceiveOptions {
  /** when the message was received, YYYY-MM-DDThh:mm: the receipt's Envelope/Sent (the library reads no clock) */
  receivedAt: string;
  /** the receipt's own Envelope/Identifier and Letter/Identifier (1–14 characters), new for each receipt */
  receiptIdentifier: string;
}

export interface Received {
  /** the plan's report (for a duplicate too: checked again, not processed again) */
  report: Report;
  /** the receipt to send: for a duplicate, the one sent the first time */
  receipt?: NonNullable<ReceiptResult['receipt']>;
  decision: ReceiptDecision;
  /** the same message was received before */
  duplicate: boolean;
  /**
   * process: hand the plan to a case worker (and send the positive receipt; none when the sender asked for none,
   * AcknowledgementCode minuspositivkvitt); refused: send the negative receipt (or none when none can be built) and do
   * nothing else; duplicate: send the stored receipt again (if any) and do nothing else
   */
  action: 'process' | 'refused' | 'duplicate';
  /** why there is no receipt (no readable identifiers, or the decision was none) */
  reason?: string;
  /** the key the message is remembered by (absent when its identifiers cannot be read) */
  key?: string;
  /** a duplicate: what happened the first time */
  first?: StoredReceipt;
}

export interface Receiver {
  /** Checks and answers one message. Never throws for bad bytes; throws GopOptionsError for options it cannot use, and what the store throws. */
  receive(bytes: string | Uint8Array, options: ReceiveOptions): Promise<Received>;
}

/** A message's identity for deduplication, or why it has none: envelope identifier, sender EAN, letter identifiers. */
function keyOf(original: OriginalIds | undefined): { key: string } | { reason: string } {
  const missing = [
    !original?.envelopeIdentifier && 'Envelope/Identifier',
    !original?.senderEan && 'the sender EAN',
    (!original?.letters.length || original.letters.some((l) => !l.identifier)) && 'Letter/Identifier',
  ].filter((m): m is string => !!m);
  if (missing.length) return { reason: `the message cannot be answered or recognised again: no readable ${missing.join(', ')}` };
  return { key: JSON.stringify([original!.senderEan, original!.envelopeIdentifier, ...original!.letters.map((l) => l.identifier)]) };
}

function checkReceiverOptions(options: unknown): ReceiverOptions {
  const issues: OptionsIssue[] = [];
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new GopOptionsError('createReceiver', [{ path: '', message: `options must be an object, not ${kindOf(options)}` }]);
  }
  const o = options as Partial<ReceiverOptions>;
  const own = o.ownLocationNumbers;
  if (!Array.isArray(own) || own.length === 0 || own.some((n) => typeof n !== 'string' || n.trim() === '')) {
    issues.push({
      path: 'ownLocationNumbers',
      message: `our own EAN location numbers, a non-empty list of text (a receiver must know who it is), not ${kindOf(own)}`,
    });
  }
  const seen = o.seen as Partial<SeenStore> | undefined;
  if (!seen || typeof seen.get !== 'function' || typeof seen.set !== 'function') {
    issues.push({ path: 'seen', message: `a store with get(key) and set(key, value) (memorySeenStore() for tests), not ${kindOf(seen)}` });
  }
  for (const key of Object.keys(o)) {
    if (!['ownLocationNumbers', 'seen', 'policy', 'check', 'statisticalCode'].includes(key))
      issues.push({ path: key, message: 'unknown option' });
  }
  if (issues.length) throw new GopOptionsError('createReceiver', issues);
  if (o.check !== undefined) checkCheckOptions(o.check);
  return o as ReceiverOptions;
}

/**
 * A receiver of plans: checks each message, decides its receipt, remembers it. The same message again (same envelope
 * identifier, sender EAN and letter identifiers) gets the stored receipt again, `duplicate: true`. A message whose
 * identifiers cannot be read is refused without a receipt (none can be addressed) and is not remembered.
 */
export function createReceiver(options: ReceiverOptions): Receiver {
  const { ownLocationNumbers, seen, policy, check, statisticalCode } = checkReceiverOptions(options);
  return {
    async receive(bytes, { receivedAt, receiptIdentifier }) {
      const report = checkGop(bytes, check);
      // Built every time, so that options it cannot use are reported for a duplicate too; for a duplicate it is dropped.
      const result = receiptFor(report, {
        receiptIdentifier,
        sentAt: receivedAt,
        ownLocationNumbers,
        ...(policy === undefined ? {} : { policy }),
        ...(statisticalCode === undefined ? {} : { statisticalCode }),
      });
      const identity = keyOf(report.original);
      /** A none that is only the sender's minuspositivkvitt: the plan is processed, without a receipt. */
      const wantsNoReceipt = (checked: Report, decision: ReceiptDecision) =>
        decision.kind === 'none' &&
        checked.original?.acknowledgementCode === 'minuspositivkvitt' &&
        decideReceipt(
          { ...checked, original: { ...checked.original, acknowledgementCode: 'pluspositivkvitt' } },
          { ownLocationNumbers, ...(policy === undefined ? {} : { policy }) },
        ).kind === 'positive';
      if (!('key' in identity)) {
        return { report, decision: result.decision, duplicate: false, action: 'refused', reason: result.reason ?? identity.reason };
      }
      const { key } = identity;
      const first = await seen.get(key);
      if (first) {
        return {
          report,
          ...(first.receipt ? { receipt: first.receipt } : {}),
          decision: first.decision,
          duplicate: true,
          action: 'duplicate',
          key,
          first,
        };
      }
      const action = result.decision.kind === 'positive' || wantsNoReceipt(report, result.decision) ? 'process' : 'refused';
      const stored: StoredReceipt = {
        action,
        decision: result.decision,
        receivedAt,
        ...(result.receipt ? { receipt: result.receipt } : {}),
      };
      // Refused without a receipt (our own internal error): not remembered, so that the sender's next try is checked afresh.
      if (action === 'process' || result.receipt) await seen.set(key, stored);
      const reason = result.receipt ? undefined : (result.reason ?? (result.decision.kind === 'none' ? result.decision.reason : undefined));
      return {
        report,
        ...(result.receipt ? { receipt: result.receipt } : {}),
        decision: result.decision,
        duplicate: false,
        action,
        key,
        ...(reason ? { reason } : {}),
      };
    },
  };
}
