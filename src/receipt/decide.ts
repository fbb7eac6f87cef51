import type { Finding } from '../findings/finding';
import type { Report } from '../report/report';
import { rulesById } from '../rules/index';
import { GGOP_VERSION_CODE, RECEIPT_LIMITS, type RefuseCode } from '../standard/receipts';
import { checkDecideOptions } from './options';

/**
 * What to answer a message with (../../../shared/spec/receipts.md, "When to answer what"). `scope` says where a
 * negative receipt puts its RefuseCode and RefuseText: on OriginalEmessage (the whole message: the default) or on the
 * OriginalLetter it concerns.
 */
export type ReceiptDecision =
  | { kind: 'positive' }
  | { kind: 'negative'; refuseCode: RefuseCode; refuseText: string; ruleId?: string; scope?: 'message' | 'letter' }
  | { kind: 'none'; reason: string };

/** A receiver's policy: the report of a message and the receiver's own location numbers (if it said) → the answer. */
export type ReceiptPolicy = (report: Report, ownLocationNumbers: readonly string[] | undefined) => ReceiptDecision;

const INTERNAL_ERROR = 'GOP-INPUT-009';
const TOO_MANY = 'GOP-INPUT-008';

/** Refuses: the reader's findings (not well-formed, DOCTYPE, encoding, limits, not a G-GOP, VANS, reserved names). */
const refusesAsInput = (f: Finding) =>
  rulesById.get(f.ruleId)?.layer === 'input' &&
  f.ruleId !== TOO_MANY &&
  f.ruleId !== INTERNAL_ERROR &&
  (f.severity === 'fatal' || f.severity === 'error');
/** Refuses: the document is not valid against the standard (missing, repeated, empty mandatory element) — at severity error. */
const refusesAsStructure = (f: Finding) =>
  rulesById.get(f.ruleId)?.layer === 'structure' && (f.severity === 'fatal' || f.severity === 'error');

/**
 * RefuseText for a finding: its rule id, the rule's Danish title and where — never a value from the message (the
 * finding's own message quotes values; the title is the catalogue's fixed text).
 */
function refuseTextFor(finding: Finding): string {
  const title = rulesById.get(finding.ruleId)?.title.da;
  const where =
    finding.line !== undefined ? ` (linje ${finding.line}${finding.column !== undefined ? `, kolonne ${finding.column}` : ''})` : '';
  return `${finding.ruleId}${title ? ` ${title}` : ''}${where}`;
}

const negative = (refuseCode: RefuseCode, refuseText: string, scope: 'message' | 'letter', ruleId?: string): ReceiptDecision =>
  ruleId === undefined ? { kind: 'negative', refuseCode, refuseText, scope } : { kind: 'negative', refuseCode, refuseText, ruleId, scope };

/**
 * The default policy, in this order (the first that applies decides):
 *   1. GOP-INPUT-009 (our own internal error) → none: not the sender's fault; no receipt, so the sender sends again.
 *   2. a fatal or error finding of the input layer (not well-formed, DOCTYPE or entity, encoding, limits, not a G-GOP,
 *      VANS envelope problems, reserved names) → negative syntaksfejl for the whole message: nothing read can be trusted.
 *   3. ownLocationNumbers given and the plan's Receiver/EANIdentifier not among them → negative ukendt_lokationsnummer
 *      for the whole message: a message that is not ours is not ours to judge any further.
 *   4. a Letter/VersionCode other than GGOP100 → negative problem_med_version on that letter: a version we do not know
 *      is not judged by our version's structure (which would give a misleading syntaksfejl).
 *   5. a structure finding at severity error (GOP-STRUCT-001/002/004/005: not valid against the standard) → negative
 *      syntaksfejl, on the letter when it is inside the RehabilitationPlan, else on the message.
 *   6. otherwise positive — content findings (format, code lists, the law's rules, warnings) never refuse: they are for
 *      a case worker to take up with the hospital. But when the sender asked for no positive receipt
 *      (AcknowledgementCode minuspositivkvitt) → none.
 * Severity settings steer it: a structure rule set to warning no longer refuses.
 */
export const defaultReceiptPolicy: ReceiptPolicy = (report, ownLocationNumbers) => {
  const internal = report.findings.find((f) => f.ruleId === INTERNAL_ERROR);
  if (internal)
    return { kind: 'none', reason: 'internal error while checking the message (GOP-INPUT-009): no receipt, the sender may send it again' };
  const input = report.findings.find((f) => refusesAsInput(f) && f.severity === 'fatal') ?? report.findings.find(refusesAsInput);
  if (input) return negative('syntaksfejl', refuseTextFor(input), 'message', input.ruleId);
  const original = report.original;
  if (ownLocationNumbers !== undefined) {
    const receiver = original?.receiverEan;
    if (receiver === undefined || !ownLocationNumbers.includes(receiver)) {
      return negative('ukendt_lokationsnummer', 'Modtagerens lokationsnummer (Receiver/EANIdentifier) er ikke et af vores', 'message');
    }
  }
  if (original?.letters.some((l) => l.versionCode !== undefined && l.versionCode !== GGOP_VERSION_CODE)) {
    return negative('problem_med_version', `Letter/VersionCode understøttes ikke; vi modtager ${GGOP_VERSION_CODE}`, 'letter');
  }
  const structure = report.findings.find(refusesAsStructure);
  if (structure) {
    const scope = structure.path.startsWith('/Emessage/Envelope') || !structure.path.startsWith('/Emessage/') ? 'message' : 'letter';
    return negative('syntaksfejl', refuseTextFor(structure), scope, structure.ruleId);
  }
  if (original?.acknowledgementCode === 'minuspositivkvitt') {
    return { kind: 'none', reason: 'the sender asked for no positive receipt (AcknowledgementCode minuspositivkvitt)' };
  }
  return { kind: 'positive' };
};

/** The answer to a checked message under `policy` (default: defaultReceiptPolicy). Bad options throw GopOptionsError. */
export function decideReceipt(
  report: Report,
  options?: { ownLocationNumbers?: readonly string[]; policy?: ReceiptPolicy },
): ReceiptDecision {
  const { ownLocationNumbers, policy } = checkDecideOptions(options, 'decideReceipt');
  return (policy ?? defaultReceiptPolicy)(report, ownLocationNumbers);
}

/** What a receipt's printable fields refuse (the receipt schema's rule, src/receipt/schema.ts). */
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const fits = (value: string, limits: { min: number; max: number }) =>
  value.length >= limits.min && value.length <= limits.max && !CONTROL.test(value);
const EAN = /^\d{13}$/;

/**
 * The kind of receipt the default policy gives, without writing it: for callers that only show the kind (gop
 * validate). Undefined when the receipt might not be buildable (ids missing, too long, not EANs …): the caller then
 * writes it (receiptFor) to learn why not. Never answers where receiptFor would answer otherwise: it checks a subset
 * of what the receipt schema checks, on the same limits. `ownLocationNumbers` must already be checked (13 digits).
 */
export function receiptKindOf(
  report: Report,
  ownLocationNumbers: readonly string[] | undefined,
): { kind: 'positive' } | { kind: 'negative'; refuseCode: RefuseCode } | { kind: 'none'; reason: string } | undefined {
  const decision = defaultReceiptPolicy(report, ownLocationNumbers);
  if (decision.kind === 'none') return decision;
  const original = report.original;
  if (!original?.envelopeIdentifier || !original.senderEan || !original.receiverEan) return undefined;
  if (!fits(original.envelopeIdentifier, RECEIPT_LIMITS.identifier) || !EAN.test(original.senderEan) || !EAN.test(original.receiverEan))
    return undefined;
  let letters = 0;
  for (const letter of original.letters) {
    if (letter.identifier === undefined || letter.versionCode === undefined) continue;
    letters++;
    if (!fits(letter.identifier, RECEIPT_LIMITS.identifier) || !fits(letter.versionCode, RECEIPT_LIMITS.originalVersionCode))
      return undefined;
  }
  if (letters > RECEIPT_LIMITS.originalLetters) return undefined;
  if (decision.kind === 'positive') return decision;
  if (!fits(decision.refuseText, { min: 1, max: 2000 })) return undefined;
  return { kind: 'negative', refuseCode: decision.refuseCode };
}
