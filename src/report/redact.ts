import type { Facts } from '../facts/facts';
import type { Finding } from '../findings/finding';
import type { DeepPartial } from '../model/partial';
import type { GopMessage } from '../model/schema';
import { indexValues } from '../rules/values';
import { maskCpr } from '../values/cpr';

export const MASK = '***';

/** Properties that hold personal data: names, street addresses, phone numbers, e-mail addresses. */
const PERSONAL = ['personGivenName', 'personSurnameName', 'streetName', 'telephoneSubscriberIdentifier', 'emailAddressIdentifier', 'noTelephoneReason'];

/** Every personal value in the message, mapped to its mask; a GP practice is often named after the doctor. */
export function personalValues(message: DeepPartial<GopMessage>): Map<string, string> {
  const masks = new Map<string, string>();
  const index = indexValues(message);
  for (const { value } of index.get('civilRegistrationNumber') ?? []) if (value) masks.set(value, maskCpr(value));
  for (const prop of PERSONAL) for (const { value } of index.get(prop) ?? []) if (value.trim().length > 1) masks.set(value, MASK);
  for (const party of gpParties(message)) if (party.organisationName) masks.set(party.organisationName, MASK);
  return masks;
}

/** The GP (whatever identifies it) and every practice named by a ydernummer: both are usually named after doctors. */
function gpParties(message: DeepPartial<GopMessage>) {
  const plan = message.rehabilitationPlan;
  const practices = [...(plan?.ccReceiver ?? []), ...(plan?.finalResult?.resultReceiver ?? [])].filter((p) => p.identifierCode === 'ydernummer');
  return [plan?.gpccReceiver?.ccReceiver, ...practices].filter((p): p is NonNullable<typeof p> => !!p);
}

function redactText(text: string, masks: Map<string, string>): string {
  let out = text;
  // Longest first, so that a name inside a longer value is not half-masked.
  for (const value of [...masks.keys()].sort((a, b) => b.length - a.length)) if (out.includes(value)) out = out.split(value).join(masks.get(value)!);
  return out;
}

export function redactFindings(findings: Finding[], masks: Map<string, string>): Finding[] {
  if (masks.size === 0) return findings;
  return findings.map((f) => ({ ...f, message: redactText(f.message, masks), messageDa: redactText(f.messageDa, masks) }));
}

export function redactFacts(facts: Facts): Facts {
  const patient = { ...facts.patient };
  if (patient.cpr) patient.cpr = maskCpr(patient.cpr);
  if (patient.givenName) patient.givenName = MASK;
  if (patient.surname) patient.surname = MASK;
  type PartyFact = NonNullable<Facts['receivers']['gp']>;
  const masked = (party: PartyFact): PartyFact => (party.name ? { ...party, name: MASK } : party);
  const receivers = { ...facts.receivers, copies: facts.receivers.copies.map((c) => (c.identifierCode === 'ydernummer' ? masked(c) : c)) };
  if (receivers.gp) receivers.gp = masked(receivers.gp);
  return { ...facts, patient, receivers };
}
