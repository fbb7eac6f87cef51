import { GopOptionsError } from '../options/index';
import type { CheckOptions } from '../report/options';
import type { OriginalIds, Report } from '../report/report';
import { checkGop } from '../report/validate';
import { GGOP_VERSION_CODE, RECEIPT_ACKNOWLEDGEMENT_CODE, RECEIPTS, type RefuseCode } from '../standard/receipts';
import { decideReceipt, type ReceiptDecision, type ReceiptPolicy } from './decide';
import { checkReceiptOptions } from './options';
import { guardOptions } from '../read/parse';
import { writeBySpec } from '../model/write';
import { serializeXml } from '../xml/serialize';
import { receiptMessageSpec, ReceiptMessageSchema, type ReceiptMessage } from './schema';

export interface ReceiptOptions {
  /** the receipt's Envelope/Identifier and Letter/Identifier (assumed: one id for both), 1–14 characters; the library generates none */
  receiptIdentifier: string;
  /** the receipt's Envelope/Sent, YYYY-MM-DDThh:mm; the library reads no clock */
  sentAt: string;
  /** our own EAN location numbers: a plan addressed elsewhere gets ukendt_lokationsnummer */
  ownLocationNumbers?: readonly string[];
  /** Letter/StatisticalCode (default XCTL03 positive, XCTL02 negative) */
  statisticalCode?: string;
  policy?: ReceiptPolicy;
  /** checkGop's options, when the input is text or bytes */
  check?: CheckOptions;
}

export interface ReceiptResult {
  report: Report;
  decision: ReceiptDecision;
  receipt?: { kind: 'positive' | 'negative'; refuseCode?: RefuseCode; refuseText?: string; xml: string };
  /** why there is no receipt (the decision's reason, or why none could be built for it) */
  reason?: string;
}

/** A report as this library makes it (checkGop, validateGop), as opposed to a message's text or bytes. */
export const isReport = (value: unknown): value is Report => {
  try {
    return (
      typeof value === 'object' &&
      value !== null &&
      !ArrayBuffer.isView(value) &&
      Array.isArray((value as { findings?: unknown }).findings) &&
      typeof (value as { counts?: unknown }).counts === 'object'
    );
  } catch {
    return false; // a revoked Proxy, a throwing getter: no report
  }
};

/**
 * The receipt for a message: checked (unless a report is given), decided by the policy, written as a complete
 * 2005/08/07 Emessage. No receipt — with the reason — when the policy says none, when the ids it must carry could not
 * be read, or when one of them cannot be carried (an identifier over 14 characters is never cut: the receipt would name
 * another message). Bad options throw GopOptionsError; the input never makes it throw.
 */
export function receiptFor(input: string | Uint8Array | Report, options: ReceiptOptions): ReceiptResult {
  const o = guardOptions(checkReceiptOptions, options, 'receiptFor');
  try {
    return answer(isReport(input) ? input : checkGop(input, o.check), o);
  } catch (error) {
    if (error instanceof GopOptionsError) throw error;
    // a report-shaped object that cannot be read (throwing getters): answered as the input it is, never a throw
    return answer(checkGop(null as never, o.check), o);
  }
}

function answer(report: Report, o: ReturnType<typeof checkReceiptOptions>): ReceiptResult {
  const decision = decideReceipt(report, { ownLocationNumbers: o.ownLocationNumbers, policy: o.policy });
  if (decision.kind === 'none') return { report, decision, reason: decision.reason };
  const built = buildReceipt(report.original, decision, o);
  if (!built.ok) return { report, decision, reason: built.reason };
  const receipt: NonNullable<ReceiptResult['receipt']> = { kind: decision.kind, xml: built.xml };
  if (decision.kind === 'negative') {
    receipt.refuseCode = decision.refuseCode;
    receipt.refuseText = decision.refuseText;
  }
  return { report, decision, receipt };
}

type Built = { ok: true; xml: string; message: ReceiptMessage } | { ok: false; reason: string };

/** The receipt's model, checked against the schema, then written; never an invalid receipt. */
function buildReceipt(
  original: OriginalIds | undefined,
  decision: Exclude<ReceiptDecision, { kind: 'none' }>,
  o: { receiptIdentifier: string; sentAt: string; statisticalCode?: string },
): Built {
  if (!original?.envelopeIdentifier || !original.senderEan) {
    return {
      ok: false,
      reason: "the message's Envelope/Identifier or its sender's EANIdentifier could not be read: no addressed receipt can be built",
    };
  }
  if (!original.receiverEan) {
    return { ok: false, reason: "the message's Receiver/EANIdentifier could not be read: the receipt would have no sender" };
  }
  const kind = decision.kind;
  const spec = RECEIPTS[kind];
  const refuse = kind === 'negative' ? { RefuseCode: decision.refuseCode, RefuseText: decision.refuseText } : undefined;
  const letters = original.letters.filter(
    (l): l is { identifier: string; versionCode: string } => l.identifier !== undefined && l.versionCode !== undefined,
  );
  const onLetter = refuse !== undefined && decision.kind === 'negative' && decision.scope === 'letter' && letters.length > 0;
  // problem_med_version concerns the letters of another version; any other letter-level refusal the plan's (one) letter.
  const concerns = (l: { versionCode: string }) =>
    decision.kind === 'negative' && decision.refuseCode === 'problem_med_version' ? l.versionCode !== GGOP_VERSION_CODE : true;
  const body = {
    Letter: { Identifier: o.receiptIdentifier, VersionCode: spec.versionCode, StatisticalCode: o.statisticalCode ?? spec.statisticalCode },
    Sender: { EANIdentifier: original.receiverEan },
    Receiver: { EANIdentifier: original.senderEan },
    OriginalEmessage: {
      OriginalEnvelopeIdentifier: original.envelopeIdentifier,
      OriginalSender: { EANIdentifier: original.senderEan },
      OriginalReceiver: { EANIdentifier: original.receiverEan },
      ...(refuse && !onLetter ? refuse : {}),
      OriginalLetter: letters.map((l) => ({
        OriginalLetterIdentifier: l.identifier,
        OriginalVersionCode: l.versionCode,
        ...(refuse && onLetter && concerns(l) ? refuse : {}),
      })),
    },
  };
  const message = {
    Envelope: {
      Sent: { Date: o.sentAt.slice(0, 10), Time: o.sentAt.slice(11) },
      Identifier: o.receiptIdentifier,
      AcknowledgementCode: RECEIPT_ACKNOWLEDGEMENT_CODE,
    },
    [spec.element]: body,
  };
  const parsed = ReceiptMessageSchema.safeParse(message);
  if (!parsed.success) {
    // Only the message's ids can fail here (the options were checked): say which, never their values.
    const where = [...new Set(parsed.error.issues.map((i) => `${i.path.join('/')}: ${i.message}`))].join('; ');
    return {
      ok: false,
      reason: `the message's ids cannot be carried by a receipt (${where}): none is built rather than a cut or invalid one`,
    };
  }
  return { ok: true, xml: writeReceiptXml(parsed.data), message: parsed.data };
}

/** A receipt model as XML by the spec engine: elements in the schema's order, every value escaped; the default namespace 2005/08/07. */
function writeReceiptXml(message: ReceiptMessage): string {
  const root = writeBySpec(receiptMessageSpec(), message as unknown as Record<string, unknown>);
  return `${serializeXml(root, { declaration: { encoding: 'UTF-8' }, pretty: true })}\n`;
}
