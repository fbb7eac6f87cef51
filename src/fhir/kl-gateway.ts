// 'fhir/r4.js', not 'fhir/r4': the published .d.ts keeps this import, and module NodeNext/Node16 resolve only the former.
import type { Bundle, BundleEntry, CodeableConcept, Condition, Organization, Patient, Resource, ServiceRequest } from 'fhir/r4.js';
import type { Facts } from '../facts/facts';
import type { DeepPartial } from '../model/partial';
import type { CodedValue, GopMessage } from '../model/schema';
import type { ParseResult } from '../read/parse';
import type { Report } from '../report/report';
import { GUARANTEE_DAYS } from '../standard/legal-calendar';
import {
  KL_ALMEN_SPLIT_CATEGORIES,
  KL_EXTENSIONS,
  KL_ID_NAMESPACE,
  KL_LEVEL_CATEGORIES,
  KL_PROFILES,
  KL_REHAB_AFTER_HOSPITAL,
  KL_STATUS_REASONS,
  KL_SYSTEMS,
} from '../standard/kl-gateway';
import { checkCpr } from '../values/cpr';
import { addDaysIso } from '../values/date';
import { invalidFhirValues, isFhirValue } from './datatypes';
import { readInput } from './input';
import { checkKlGatewayOptions, isSor, type KlGatewayOptions } from './options';
import { uuidV5 } from './uuid';

/*
 * A received G-GOP as KL Gateway's § 140 delivery report (kl.dk.fhir.rehab 2.2.0; ../../../shared/spec/kl-gateway.md).
 * Only what the profiles allow leaves the plan: the CPR number, the sender as a SOR code, level, dates and the diagnosis
 * codes. Names, addresses, texts (the diagnoses' own texts too), ICF codes, journal, relatives and the team are never
 * copied. Every value written is checked against its FHIR datatype (./datatypes.ts): one that is not valid stops the
 * report with a problem, and is never trimmed or collapsed into something else.
 */

/**
 * What toKlGatewayReport reads. A checkGop Report alone is not enough (its facts hold neither the diagnoses nor the
 * sender's ids): pass the bytes or text, a parseGop result, or the report together with the message it was made from.
 * Anything else, or one of these with a value of the wrong type inside, is the problem invalidInput.
 */
export type KlGatewayInput = string | Uint8Array | ParseResult | { report: Report; message: GopMessage | DeepPartial<GopMessage> };

export const KL_GATEWAY_PROBLEMS = [
  'invalidInput',
  'unreadable',
  'reportWithoutMessage',
  'noDischargeDate',
  'noCpr',
  'invalidCpr',
  'noLevel',
  'almenSplitNotAlmen',
  'noRequesterSor',
  'noAuthoredOn',
  'noIdentity',
  'invalidDiagnosisCode',
  'invalidFhirValue',
] as const;
export type KlGatewayProblemCode = (typeof KL_GATEWAY_PROBLEMS)[number];

/** Why no report can be made, in Danish and English. */
export interface KlGatewayProblem {
  code: KlGatewayProblemCode;
  da: string;
  en: string;
}

export type KlGatewayResult = (
  | { ok: true; bundle: Bundle; problems: []; facts: Facts }
  | { ok: false; problems: KlGatewayProblem[]; facts?: Facts }
) & {
  /**
   * 'Udskudt' when no statusReason was given and it is certain that the plan asks for a start later than discharge + 7
   * days (its earliest start is read, and later than that): the reason the municipality may report if nothing starts
   * within the guarantee. Never proposed when the deadline could not be read or asks for a later start without a date
   * (statusReasonNote says so), and never set in the bundle by itself: that is the municipality's decision.
   */
  proposedStatusReason?: 'Udskudt';
  /**
   * When no statusReason was given: why 'Udskudt' is proposed, or that the deadline could not be read (or asks for a
   * later start without a date) so that the text must be read before a status reason is chosen. Absent when the
   * deadline settles that no later start keeps the start out of the guarantee's 7 days.
   */
  statusReasonNote?: { da: string; en: string };
};

const PROBLEM_TEXT: Record<KlGatewayProblemCode, { da: string; en: string }> = {
  invalidInput: {
    da: 'Input er ikke noget, toKlGatewayReport læser: giv planens bytes (Uint8Array) eller tekst, et parseGop-resultat eller { report, message } med en rapport fra checkGop og en besked, hvor hver værdi har sin type (tekst som streng, gentagelser som array).',
    en: "The input is not one toKlGatewayReport reads: pass the plan's bytes (Uint8Array) or text, a parseGop result, or { report, message } with a checkGop report and a message whose every value has its type (text as a string, repeats as an array).",
  },
  unreadable: {
    da: 'Planen kan ikke læses som en G-GOP (se fundene fra checkGop); der kan ikke laves en indberetning.',
    en: 'The plan cannot be read as a G-GOP (see the findings of checkGop); no report can be made.',
  },
  reportWithoutMessage: {
    da: 'En rapport fra checkGop alene rækker ikke (diagnoser og afsender er ikke i den): giv planens bytes eller tekst, et parseGop-resultat eller { report, message }.',
    en: 'A checkGop report alone is not enough (it holds neither the diagnoses nor the sender): pass the bytes or text, a parseGop result, or { report, message }.',
  },
  noDischargeDate: {
    da: 'Planen har ingen gyldig udskrivningsdato (CurrentHospitalContact/ExpectedEnd/Date); KL Gateway kræver den (PreconditionDate).',
    en: 'The plan has no valid discharge date (CurrentHospitalContact/ExpectedEnd/Date); KL Gateway requires it (PreconditionDate).',
  },
  noCpr: {
    da: 'Planen har intet CPR-nummer; borgeren kan ikke indberettes uden.',
    en: 'The plan has no CPR number; the citizen cannot be reported without one.',
  },
  invalidCpr: {
    da: 'Planens CPR-nummer er ikke gyldigt (10 cifre med en rigtig fødselsdato); borgeren kan ikke indberettes.',
    en: "The plan's CPR number is not valid (10 digits with a real birth date); the citizen cannot be reported.",
  },
  noLevel: {
    da: 'Planen angiver intet gyldigt niveau (almen, specialiseret, rehabilitering); KL Gateway kræver et.',
    en: 'The plan states no valid level (almen, specialiseret, rehabilitering); KL Gateway requires one.',
  },
  almenSplitNotAlmen: {
    da: 'almenSplit (basal/avanceret) gælder kun planer på niveau almen.',
    en: 'almenSplit (basal/avanceret) applies only to plans of level almen.',
  },
  noRequesterSor: {
    da: 'Der er ingen SOR-kode for planens afsender (sorForSender kendte den ikke); KL Gateway tager ikke et EAN-nummer.',
    en: "There is no SOR code for the plan's sender (sorForSender did not know it); KL Gateway does not take an EAN number.",
  },
  noAuthoredOn: {
    da: 'Hverken modtagelsesdatoen (receivedAt) eller planens afsendelsesdato (Envelope/Sent) er kendt.',
    en: "Neither the date received (receivedAt) nor the plan's sent date (Envelope/Sent) is known.",
  },
  noIdentity: {
    da: 'Planen har ikke både afsenderens EAN-nummer (eller Identifier) og brevets Identifier; stabile id’er kan ikke dannes.',
    en: "The plan lacks the sender's EAN number (or Identifier) or the letter's Identifier; stable ids cannot be derived.",
  },
  invalidDiagnosisCode: {
    da: 'En diagnosekode i planen (ICD10Diagnose, Code) er ikke en gyldig FHIR-kode: den er tom eller har tabulator, linjeskift eller andet mellemrum end enkelte mellemrum mellem tegnene. Koden sendes ikke ændret; ret planen.',
    en: 'A diagnosis code in the plan (ICD10Diagnose, Code) is not a valid FHIR code: it is empty, or holds a tab, a line break or whitespace other than single spaces between its characters. The code is not sent altered; correct the plan.',
  },
  invalidFhirValue: {
    da: 'En værdi til indberetningen er ikke gyldig for sin FHIR-datatype; der kan ikke laves en indberetning.',
    en: 'A value for the report is not valid for its FHIR datatype; no report can be made.',
  },
};

/** A problem; `where` (element paths, never values) is added to both texts. */
const problem = (code: KlGatewayProblemCode, where?: string): KlGatewayProblem => {
  const { da, en } = PROBLEM_TEXT[code];
  return where === undefined ? { code, da, en } : { code, da: `${da} (${where})`, en: `${en} (${where})` };
};

const reference = (id: string) => ({ reference: `urn:uuid:${id}` });
const coding = (system: string, { code, display }: { code: string; display: string }): CodeableConcept => ({
  coding: [{ system, code, display }],
});

/**
 * The diagnosis codes, primary then secondary, exactly as written, and where each one that is no valid FHIR code
 * stands. Only the code leaves the plan: a diagnosis' Text, and the free-text ICD10Diagnoses/Text, are the hospital's
 * words (they have held a relative's name, a phone number, an address) and are never sent. The library has no SKS
 * tables, so there is no display either. A diagnosis without a Code has nothing to report.
 */
function diagnosisCodesOf(message: DeepPartial<GopMessage>): { codes: string[]; invalid: string[] } {
  const codes: string[] = [];
  const invalid: string[] = [];
  const add = (value: DeepPartial<CodedValue> | undefined, where: string) => {
    const code = value?.code;
    if (code === undefined) return;
    if (isFhirValue('code', code)) codes.push(code);
    else invalid.push(where);
  };
  (message.rehabilitationPlan?.icd10Diagnoses?.icd10Diagnose ?? []).forEach((diagnose, i) => {
    const at = `ICD10Diagnoses/ICD10Diagnose[${i + 1}]`;
    add(diagnose?.primaryDiagnosis, `${at}/PrimaryDiagnosis/Code`);
    (diagnose?.secondaryDiagnosis ?? []).forEach((secondary, j) => add(secondary, `${at}/SecondaryDiagnosis[${j + 1}]/Code`));
  });
  return { codes, invalid };
}

/**
 * Whether to propose 'Udskudt', and why or why not: only when it is certain that the plan's later start keeps any start
 * within 7 days of discharge out of reach (its earliest start read and later than discharge + 7). An unreadable
 * deadline, or a later start without a date, proposes nothing but says to read the text.
 */
function postponedStart(facts: Facts): Pick<KlGatewayResult, 'proposedStatusReason' | 'statusReasonNote'> {
  const { deadline, earliestStart, dischargeDate } = facts;
  if (deadline.kind === 'unreadable') {
    return {
      statusReasonNote: {
        da: 'Tidsfristen kan ikke læses, så det vides ikke, om planen beder om en senere opstart (Udskudt): læs teksten, før der vælges en statusårsag.',
        en: 'The deadline could not be read, so it is not known whether the plan asks for a later start (Udskudt): read the text before choosing a status reason.',
      },
    };
  }
  if (!deadline.asksLaterStart) return {};
  if (earliestStart === undefined) {
    return {
      statusReasonNote: {
        da: 'Planen beder om en senere opstart end udskrivelsen, men datoen for den kan ikke læses, så det vides ikke, om den ligger mere end 7 dage efter udskrivelsen (Udskudt): læs teksten, før der vælges en statusårsag.',
        en: 'The plan asks for a start later than discharge, but its date could not be read, so it is not known whether it is more than 7 days after discharge (Udskudt): read the text before choosing a status reason.',
      },
    };
  }
  if (dischargeDate === undefined) return {}; // no report without a discharge date: the problem noDischargeDate says so
  const lastDay = addDaysIso(dischargeDate, GUARANTEE_DAYS);
  if (earliestStart <= lastDay) return {};
  return {
    proposedStatusReason: 'Udskudt',
    statusReasonNote: {
      da: `Planen beder om opstart tidligst ${earliestStart}, senere end ${GUARANTEE_DAYS} dage efter udskrivelsen ${dischargeDate} (${lastDay}): Udskudt er den statusårsag, der kan indberettes, hvis intet starter inden for garantien.`,
      en: `The plan asks for a start no earlier than ${earliestStart}, later than ${GUARANTEE_DAYS} days after discharge on ${dischargeDate} (${lastDay}): Udskudt is the status reason to report if nothing starts within the guarantee.`,
    },
  };
}

/** A full date (YYYY-MM-DD), valid for FHIR: what valueDate and authoredOn take here. */
const isFullDate = (value: string | undefined): value is string => value?.length === 10 && isFhirValue('date', value);

/**
 * The KL Gateway § 140 delivery report (a FHIR R4 Bundle) for a received plan, with every value the plan cannot give
 * from the caller. The same plan and options give the same JSON: resource ids are name-based UUIDs (version 5) of the
 * sender's EAN, the letter's identifier and the resource's role. Either a whole bundle or the problems that stop one.
 * Bad options throw GopOptionsError; nothing else is thrown by the library (an exception thrown by the caller's own
 * sorForSender is passed on): an input it cannot read, whatever its type, is the problem invalidInput.
 */
export function toKlGatewayReport(input: KlGatewayInput, options: KlGatewayOptions): KlGatewayResult {
  const o = checkKlGatewayOptions(options);
  const read = readInput(input);
  if ('problem' in read) return { ok: false, problems: [problem(read.problem)] };
  const { message, facts } = read;
  const plan = message.rehabilitationPlan ?? {};
  const proposed = o.statusReason === undefined ? postponedStart(facts) : {};

  const problems: KlGatewayProblem[] = [];
  // Never trimmed: the CPR number is sent exactly as written, or not at all.
  const cpr = plan.patient?.civilRegistrationNumber;
  if (cpr === undefined || cpr.trim() === '') problems.push(problem('noCpr'));
  else if (!checkCpr(cpr).ok) problems.push(problem('invalidCpr'));
  const dischargeDate = facts.dischargeDate;
  if (!isFullDate(dischargeDate)) problems.push(problem('noDischargeDate'));
  const level = facts.level;
  if (level === undefined || !Object.hasOwn(KL_LEVEL_CATEGORIES, level)) problems.push(problem('noLevel'));
  else if (o.almenSplit !== undefined && level !== 'almen') problems.push(problem('almenSplitNotAlmen'));
  const sender = plan.sender;
  const senderIds = {
    ...(sender?.eanIdentifier ? { ean: sender.eanIdentifier } : {}),
    ...(sender?.identifier ? { identifier: sender.identifier } : {}),
    ...(sender?.identifierCode ? { identifierCode: sender.identifierCode } : {}),
  };
  const requesterSor = o.requesterSor ?? o.sorForSender?.(senderIds);
  if (!isSor(requesterSor)) problems.push(problem('noRequesterSor'));
  const authoredOn = o.receivedAt ?? facts.sentAt?.slice(0, 10);
  if (!isFullDate(authoredOn)) problems.push(problem('noAuthoredOn'));
  const senderKey = senderIds.ean ?? (senderIds.identifier ? `${senderIds.identifierCode ?? ''}:${senderIds.identifier}` : undefined);
  const letterId = plan.letter?.identifier?.trim();
  if (senderKey === undefined || !letterId) problems.push(problem('noIdentity'));
  const diagnoses = diagnosisCodesOf(message);
  if (diagnoses.invalid.length > 0) problems.push(problem('invalidDiagnosisCode', diagnoses.invalid.join(', ')));
  if (problems.length > 0) return { ok: false, problems, facts, ...proposed };

  // Every value below is known: the checks above return otherwise.
  const idOf = (role: string) => uuidV5(`${senderKey}|${letterId}|${role}`, KL_ID_NAMESPACE);
  const ids = { citizen: idOf('citizen'), requester: idOf('requester'), serviceRequest: idOf('servicerequest') };

  const patient: Patient = {
    resourceType: 'Patient',
    id: ids.citizen,
    meta: { profile: [KL_PROFILES.citizen] },
    identifier: [{ use: 'official', system: KL_SYSTEMS.cpr, value: cpr! }],
    deceasedBoolean: false,
    managingOrganization: { identifier: { system: KL_SYSTEMS.sor, value: o.municipalitySor } },
  };
  const organization: Organization = {
    resourceType: 'Organization',
    id: ids.requester,
    meta: { profile: [KL_PROFILES.organization] },
    identifier: [{ system: KL_SYSTEMS.sor, value: requesterSor! }],
  };
  const conditions: Condition[] = diagnoses.codes.map((code, i) => ({
    resourceType: 'Condition',
    id: idOf(`condition:${i}`),
    meta: { profile: [KL_PROFILES.focusCondition] },
    clinicalStatus: { coding: [{ system: KL_SYSTEMS.conditionClinical, code: 'active' }] },
    code: { coding: [{ system: KL_SYSTEMS.sksD, code }] },
    subject: reference(ids.citizen),
  }));
  const statusReason = o.statusReason === undefined ? undefined : KL_STATUS_REASONS[o.statusReason];
  const serviceRequest: ServiceRequest = {
    resourceType: 'ServiceRequest',
    id: ids.serviceRequest,
    meta: { profile: [KL_PROFILES.serviceRequest] },
    extension: [
      { url: KL_EXTENSIONS.preconditionDate, valueDate: dischargeDate! },
      ...(statusReason
        ? [{ url: KL_EXTENSIONS.statusReason, valueCodeableConcept: coding(KL_SYSTEMS.careSocialCodes, statusReason) }]
        : []),
    ],
    // No replaces: the profile requires the replaced ServiceRequest in this Bundle (aggregation bundled), and the
    // library cannot include a conforming one (the earlier plan's level, dates and requester are not known here).
    status: 'active',
    intent: 'plan',
    category: [
      coding(KL_SYSTEMS.careSocialCodes, KL_LEVEL_CATEGORIES[level!]),
      ...(o.almenSplit ? [coding(KL_SYSTEMS.careSocialCodes, KL_ALMEN_SPLIT_CATEGORIES[o.almenSplit])] : []),
    ],
    code: coding(KL_SYSTEMS.careSocialCodes, KL_REHAB_AFTER_HOSPITAL),
    subject: reference(ids.citizen),
    ...(o.offeredStart ? { occurrencePeriod: { start: o.offeredStart } } : {}),
    authoredOn: authoredOn!,
    requester: reference(ids.requester),
    ...(conditions.length > 0 ? { reasonReference: conditions.map((c) => reference(c.id!)) } : {}),
  };
  const entry = (resource: Resource): BundleEntry => ({ fullUrl: `urn:uuid:${resource.id}`, resource });
  const bundle: Bundle = {
    resourceType: 'Bundle',
    meta: { profile: [KL_PROFILES.deliveryReport] },
    type: 'collection',
    timestamp: o.timestamp,
    entry: [patient, organization, serviceRequest, ...conditions].map(entry),
  };
  // Every value checked against its datatype, whatever its source: the one guarantee that no invalid value leaves.
  const invalid = invalidFhirValues(bundle);
  if (invalid.length > 0) return { ok: false, problems: [problem('invalidFhirValue', invalid.join(', '))], facts, ...proposed };
  return { ok: true, bundle, problems: [], facts, ...proposed };
}
