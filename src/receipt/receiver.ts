import { GopOptionsError, kindOf, type OptionsIssue } from '../options/index';
import { checkCheckOptions, type CheckOptions } from '../report/options';
import type { Report } from '../report/report';
import { checkGop } from '../report/validate';
import { decideReceipt, type ReceiptDecision, type ReceiptPolicy } from './decide';
import { receiptFor, type ReceiptResult } from './write';
import type { OriginalIds } from '../read/original';

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
 * database table, a key-value store); `claim` may return a promise.
 *
 * `claim(key, value)` is one atomic insert-if-absent: when nothing is stored under `key`, it stores `value` and returns
 * undefined (this delivery is the first: it is processed); when something is, it stores nothing and returns what is
 * there (this delivery is a duplicate and gets that entry's receipt, byte for byte). Only an atomic claim tells two
 * deliveries of one message at the same moment apart: a look-up followed by an insert lets both through. In a
 * database, the key is the table's primary or unique key:
 *
 *     INSERT INTO seen (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key
 *     -- a row back: claimed, return undefined; none: SELECT value FROM seen WHERE key = $1, return it
 *
 * (or catch the unique-key violation of a plain INSERT and SELECT). A claim is never taken back: the receiver claims
 * only once it knows the receipt, and only when there is something to remember (a message refused without a receipt,
 * such as on our own internal error, is not claimed, so that the sender's next try is checked afresh).
 *
 * Changed in 0.x: `get` and `set` are gone (a get-then-set store let two simultaneous deliveries both be processed);
 * a store implements `claim` instead.
 */
export interface SeenStore {
  claim(key: string, value: StoredReceipt): Promise<StoredReceipt | undefined> | StoredReceipt | undefined;
}

/**
 * A SeenStore in memory: lost on restart and never emptied (unbounded). For tests and single-process tools; a
 * production receiver keeps what it has seen in its own durable store. Its claim is synchronous, so two receive()
 * calls of one process cannot both claim a message.
 */
export function memorySeenStore(): SeenStore {
  const seen = new Map<string, StoredReceipt>();
  return {
    claim: (key, value) => {
      const first = seen.get(key);
      if (first === undefined) seen.set(key, value);
      return first;
    },
  };
}

export interface ReceiverOptions {
  /** our own EAN location numbers: a plan addressed to another is refused ukendt_lokationsnummer */
  ownLocationNumbers: readonly string[];
  seen: SeenStore;
  /** which findings refuse (default: the common policy of receipts.md); given the report without redaction, as the receipt is */
  policy?: ReceiptPolicy;
  /**
   * checkGop's options for the plans received. With `redact: true` the report given back is redacted; the key, the
   * receipt and the policy's decision always come from the real identifiers (an id may look like a CPR number).
   */
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
  /** the plan's report, redacted when `check.redact` asked (for a duplicate too: checked again, not processed again) */
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
  const seen = o.seen as (Partial<SeenStore> & { get?: unknown; set?: unknown }) | null | undefined;
  if (!seen || typeof seen !== 'object' || typeof seen.claim !== 'function') {
    const older = !!seen && typeof seen === 'object' && (typeof seen.get === 'function' || typeof seen.set === 'function');
    issues.push({
      path: 'seen',
      message: older
        ? 'a store with claim(key, value), an atomic insert-if-absent; get and set are no longer used (a get then a set lets two simultaneous deliveries both through): see SeenStore'
        : `a store with claim(key, value), an atomic insert-if-absent (memorySeenStore() for tests), not ${kindOf(seen)}`,
    });
  }
  for (const key of Object.keys(o)) {
    if (!['ownLocationNumbers', 'seen', 'policy', 'check', 'statisticalCode'].includes(key))
      issues.push({ path: key, message: 'unknown option' });
  }
  if (issues.length) throw new GopOptionsError('createReceiver', issues);
  if (o.check !== undefined) checkCheckOptions(o.check);
  return o as ReceiverOptions;
}

/** What a store's claim returned: undefined (or null, as a database driver says "no row") when this delivery claimed the key. */
function storedOrNone(value: unknown, key: string): StoredReceipt | undefined {
  if (value === undefined || value === null) return undefined;
  const stored = value as Partial<StoredReceipt>;
  if (
    typeof value === 'object' &&
    (stored.action === 'process' || stored.action === 'refused') &&
    typeof stored.decision === 'object' &&
    stored.decision !== null &&
    typeof stored.receivedAt === 'string'
  )
    return stored as StoredReceipt;
  // Not answered as a duplicate: a store that returns `true` for "inserted" would otherwise make every plan a duplicate.
  throw new GopOptionsError('createReceiver', [
    {
      path: 'seen.claim',
      message: `must return undefined (claimed) or the StoredReceipt already stored under ${key}, not ${kindOf(value)}`,
    },
  ]);
}

/**
 * A receiver of plans: checks each message, decides its receipt, then claims its key in the store. The same message
 * again (same envelope identifier, sender EAN and letter identifiers), one after the other or at the same moment,
 * finds the key claimed and gets the stored receipt again, `duplicate: true`: exactly one delivery is processed. A
 * message whose identifiers cannot be read is refused without a receipt (none can be addressed) and is not
 * remembered; one refused without a receipt for another reason (our own internal error) is not remembered either,
 * and is answered `refused` even if it was seen before (nothing is processed or sent either way).
 */
export function createReceiver(options: ReceiverOptions): Receiver {
  const { ownLocationNumbers, seen, policy, check, statisticalCode } = checkReceiverOptions(options);
  // Redaction masks what looks personal, ids too ("0503191234" → "050319-XXXX"): keys and receipts are built from a
  // report checked without it. A report cannot be redacted afterwards (redaction works on the texts as written, before
  // quoted values are cut), so a redacting receiver checks the plan twice: once for itself, once for the caller.
  const redact = check?.redact === true;
  const unredacted: CheckOptions | undefined = redact ? { ...check, redact: false } : check;
  return {
    async receive(bytes, { receivedAt, receiptIdentifier }) {
      const real = checkGop(bytes, unredacted);
      // Built every time, so that options it cannot use are reported for a duplicate too; for a duplicate it is dropped.
      const result = receiptFor(real, {
        receiptIdentifier,
        sentAt: receivedAt,
        ownLocationNumbers,
        ...(policy === undefined ? {} : { policy }),
        ...(statisticalCode === undefined ? {} : { statisticalCode }),
      });
      const report = redact ? checkGop(bytes, check) : real;
      const identity = keyOf(real.original);
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
      const action = result.decision.kind === 'positive' || wantsNoReceipt(real, result.decision) ? 'process' : 'refused';
      // Refused without a receipt (our own internal error): not claimed, so that the sender's next try is checked afresh.
      if (action === 'process' || result.receipt) {
        const stored: StoredReceipt = {
          action,
          decision: result.decision,
          receivedAt,
          ...(result.receipt ? { receipt: result.receipt } : {}),
        };
        // No await before the claim: with a synchronous store, two receive() calls cannot interleave between check and claim.
        const first = storedOrNone(await seen.claim(key, stored), key);
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
      }
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
