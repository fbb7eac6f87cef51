import { defined } from '../values/defined';
/*
 * Redaction of a report by construction (`redact: true`): findings and facts are rendered last from typed data, and
 * every value that came from the message's own text was marked as such where it was put into a finding's data or a
 * fact's explanation (src/findings/finding.ts, src/values/quote.ts). Here each marked value becomes a placeholder with
 * its length; nothing is searched for, so no spelling of a name or number can slip past. What stays readable is what
 * the library writes itself: its words, codes from the code lists, dates it validated, element names of the standard,
 * the EAN, SOR and ydernummer identifiers the standard defines, and the CPR number of the patient as DDMMYY-XXXX.
 */
import type { Facts } from '../facts/facts';
import { writtenExplanations } from '../facts/facts';
import type { Finding } from '../findings/finding';
import type { OriginalIds } from '../read/original';
import { maskedTexts } from '../findings/finding';
import { INLINE_STYLES } from '../model/formatted';
import { MESSAGE_SPEC } from '../model/schema';
import type { ElementSpec } from '../model/spec';
import { vansEnvelopeSpec } from '../model/vans';
import { NS } from '../standard/namespaces';
import { rulesById } from '../rules/index';
import { inCodeList } from '../standard/codelists';
import { MASKED } from '../texts/redaction';
import { maskCpr } from '../values/cpr';
import { finishMasked } from '../values/quote';

/** Every element name the standard defines (plan, envelope, formatted text): the names a path may show. */
let knownNames: Set<string> | undefined;
function standardNames(): Set<string> {
  if (knownNames) return knownNames;
  const names = new Set<string>(['Emessage', 'VANSEnvelope', 'Break', ...Object.keys(INLINE_STYLES)]);
  const walk = (spec: ElementSpec | undefined, seen: Set<ElementSpec>) => {
    if (!spec || seen.has(spec)) return;
    seen.add(spec);
    for (const child of spec.children) {
      names.add(child.name);
      walk(child.element, seen);
    }
    for (const attribute of spec.attributes) names.add(`@${attribute.name}`);
  };
  walk(MESSAGE_SPEC, new Set());
  walk(vansEnvelopeSpec(), new Set());
  knownNames = names;
  return names;
}

/** A quoted value that is the standard's own word — an element name or a namespace URI it defines — stays readable. */
const isStandardWord = (value: string): boolean => standardNames().has(value) || NAMESPACE_URIS.has(value);
const NAMESPACE_URIS = new Set<string>(Object.values(NS));

/** An element path with every step that is not an element of the standard (an unknown element's name) as `*`. */
function maskPath(path: string): string {
  if (typeof path !== 'string') return '';
  const names = standardNames();
  return path
    .split('/')
    .map((step) => {
      if (step === '') return step;
      const bracket = /^(.*?)(\[\d+\])?$/.exec(step)!;
      const name = bracket[1]!;
      const local = name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
      return names.has(local) || names.has(`@${local}`) ? step : `*${bracket[2] ?? ''}`;
    })
    .join('/');
}

/** Findings as they leave with redaction: values from the message as placeholders, the path's unknown steps masked. */
export function maskFindings(findings: readonly Finding[]): Finding[] {
  return findings.map((finding) => {
    const out: Finding = {
      ...finding,
      ...maskedTexts(finding, rulesById.get(finding.ruleId), isStandardWord),
      path: maskPath(finding.path),
    };
    return out;
  });
}

/**
 * An identifier the standard defines (EAN 13 digits, SOR, kommunenummer, ydernummer): plain digits. Anything else —
 * and a run of 8 or 10 digits, the length of a phone or CPR number — is taken as text from the message.
 */
const isStandardIdentifier = (value: string) => /^\d{1,20}$/.test(value) && value.length !== 8 && value.length !== 10;
const placeholder = (value: string) => MASKED.en(value);

/** The patient's CPR number: DDMMYY-XXXX when it is ten digits (however written), else a placeholder. */
function maskCprValue(value: string): string {
  const digits = value.replace(/[^0-9]/g, '');
  return digits.length === 10 && /^[\d\s.\-\u2010\u2011\u2013\u2014\u2212/]+$/.test(value) ? maskCpr(digits) : placeholder(value);
}

/**
 * Facts as they leave with redaction: the free texts of the message (the deadline as written and the words read from
 * it, names) as placeholders; explanations rendered with every quoted value as a placeholder; dates, codes, levels and
 * identifiers as they are.
 */
export function maskFacts(facts: Facts): Facts {
  const written = writtenExplanations(facts);
  type PartyFact = NonNullable<Facts['receivers']['gp']>;
  const party = (p: PartyFact): PartyFact => {
    const out = { ...p };
    if (out.name !== undefined) out.name = placeholder(out.name);
    if (out.identifier !== undefined && !isStandardIdentifier(out.identifier)) out.identifier = placeholder(out.identifier);
    if (out.ean !== undefined && !isStandardIdentifier(out.ean)) out.ean = placeholder(out.ean);
    if (out.identifierCode !== undefined && !/^[a-zA-Z]{1,30}$/.test(out.identifierCode))
      out.identifierCode = placeholder(out.identifierCode);
    return out;
  };
  const receivers: Facts['receivers'] = { ...facts.receivers, copies: facts.receivers.copies.map(party) };
  if (receivers.municipality) receivers.municipality = party(receivers.municipality);
  if (receivers.gp) receivers.gp = party(receivers.gp);
  const patient = { ...facts.patient };
  if (patient.cpr !== undefined) patient.cpr = maskCprValue(patient.cpr);
  if (patient.givenName !== undefined) patient.givenName = placeholder(patient.givenName);
  if (patient.surname !== undefined) patient.surname = placeholder(patient.surname);
  const pair = (p: { da: string; en: string }) => ({ da: finishMasked(p.da, MASKED.da), en: finishMasked(p.en, MASKED.en) });
  const out: Facts = {
    ...facts,
    deadline: {
      ...facts.deadline,
      clauses: facts.deadline.clauses.map((c) => ({ ...c, words: placeholder(c.words) })),
      explanation: pair(written.deadline),
    },
    guarantee: { ...facts.guarantee, explanation: pair(written.guarantee) },
    receivers,
    patient,
  };
  if (facts.deadlineText !== undefined) out.deadlineText = placeholder(facts.deadlineText);
  if (facts.consent !== undefined && !inCodeList('ConsentInformed', facts.consent)) out.consent = placeholder(facts.consent);
  return out;
}

/**
 * A message identifier shown with redaction: letters, digits and - _ . only, at most two letters in a row (no name fits)
 * and not 8 or 10 digits in all (no phone or CPR number fits). `40011720190305` and `L-1` stay.
 */
const cannotHoldPersonalData = (value: string) => {
  const digits = value.replace(/[^0-9]/g, '').length;
  return /^[0-9A-Za-z._-]{1,35}$/.test(value) && !/[A-Za-z]{3}/.test(value) && digits !== 8 && digits !== 10;
};

/**
 * The identifiers a receipt answers, with redaction: each kept where it has the form the standard gives it (digits,
 * an EAN, a date and time, a code), else a placeholder — a name or phone number put in an identifier leaves nothing.
 * A receiver keys and answers by the real identifiers, never these (createReceiver checks without redaction for that).
 */
export function maskOriginal(original: OriginalIds): OriginalIds {
  const keep = (value: string | undefined, form: RegExp) => (value === undefined || form.test(value) ? value : placeholder(value));
  const identifier = (value: string | undefined) => (value === undefined || cannotHoldPersonalData(value) ? value : placeholder(value));
  const out: OriginalIds = {
    letters: original.letters.map((letter) =>
      defined({ identifier: identifier(letter.identifier), versionCode: keep(letter.versionCode, /^[A-Z0-9]{1,20}$/) }),
    ),
  };
  return defined({
    ...out,
    envelopeIdentifier: identifier(original.envelopeIdentifier),
    sentAt: keep(original.sentAt, /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/),
    acknowledgementCode: keep(original.acknowledgementCode, /^[a-z]{1,40}$/),
    senderEan: keep(original.senderEan, /^\d{13}$/),
    receiverEan: keep(original.receiverEan, /^\d{13}$/),
  });
}
