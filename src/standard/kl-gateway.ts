import type { Level } from './codelists';

/*
 * KL Gateway § 140 rehabilitation reporting (kl.dk.fhir.rehab 2.2.0, FHIR 4.0.1; ../../../shared/spec/kl-gateway.md):
 * the one place its profiles, extensions, systems and codes are written.
 */

const PROFILE_BASE = 'http://fhir.kl.dk/rehab/StructureDefinition/';
export const KL_PROFILES = {
  deliveryReport: `${PROFILE_BASE}klgateway-140-delivery-report`,
  citizen: `${PROFILE_BASE}klgateway-140-citizen`,
  organization: `${PROFILE_BASE}klgateway-140-organization`,
  serviceRequest: `${PROFILE_BASE}klgateway-140-servicerequest`,
  focusCondition: `${PROFILE_BASE}klgateway-140-focus-condition`,
} as const;

export const KL_EXTENSIONS = {
  /** the discharge date, valueDate (required on the ServiceRequest) */
  preconditionDate: `${PROFILE_BASE}PreconditionDate`,
  /** why nothing started within the 7-day guarantee, valueCodeableConcept */
  statusReason: 'http://hl7.org/fhir/StructureDefinition/request-statusReason',
} as const;

export const KL_SYSTEMS = {
  /** CPR numbers */
  cpr: 'urn:oid:1.2.208.176.1.2',
  /** SOR codes (Sundhedsvæsenets Organisationsregister) */
  sor: 'urn:oid:1.2.208.176.1.1',
  /** SKS-D: the SKS diagnosis codes */
  sksD: 'urn:oid:1.2.208.176.2.4.12',
  careSocialCodes: 'http://fhir.kl.dk/term/CodeSystem/CareSocialCodes',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
} as const;

type Code = { code: string; display: string };

/** ServiceRequest.code: "Kommunal genoptræning efter sygehusophold". */
export const KL_REHAB_AFTER_HOSPITAL: Code = {
  code: '7fc66c15-0cb3-4c89-9e18-f3a01e6a6592',
  display: 'Kommunal genoptræning efter sygehusophold',
};

/** ServiceRequest.category[0]: the plan's level (exactly one of these). */
export const KL_LEVEL_CATEGORIES: Record<Level, Code> = {
  almen: { code: 'ffd81f78-352e-4589-a195-5350dd1df2a4', display: 'almen' },
  specialiseret: { code: '0c8e2bfc-1350-45d1-90da-c07e2645d073', display: 'specialiseret' },
  rehabilitering: { code: '83c89857-8fb8-4163-97b1-eb1a56345c29', display: 'rehabilitering' },
};

export const ALMEN_SPLITS = ['basal', 'avanceret'] as const;
export type AlmenSplit = (typeof ALMEN_SPLITS)[number];
/** ServiceRequest.category[1], optional: the municipality's own split of almen, never read from the plan. */
export const KL_ALMEN_SPLIT_CATEGORIES: Record<AlmenSplit, Code> = {
  basal: { code: '8b962281-2ab6-4b10-9c91-4bac592d6d49', display: 'basal' },
  avanceret: { code: 'b679c454-2da2-46dd-9425-0e52d4aa2bf3', display: 'avanceret' },
};

/** The option names of the status reasons (ours, ASCII); what is sent is the code and display of KL_STATUS_REASONS. */
export const STATUS_REASONS = ['Udskudt', 'AndenKommune', 'FritValg', 'Fejl', 'FritValgAfslaaet'] as const;
export type StatusReason = (typeof STATUS_REASONS)[number];
/**
 * The request-statusReason codes: why nothing started within the 7-day guarantee. Displays exactly as CareSocialCodes
 * in kl.dk.fhir.term 2.2.0 has them, its typo "Anden kommmune" (three m's) included: a display that differs from the
 * CodeSystem's is an error to a terminology check (test/kl-gateway.test.ts holds the CodeSystem's list).
 */
export const KL_STATUS_REASONS: Record<StatusReason, Code> = {
  Udskudt: { code: 'a8632e22-bf0c-4f5a-92a7-70977ba104d5', display: 'Udskudt' },
  AndenKommune: { code: 'f64b8f5e-8ced-4a8b-ab73-8994fb524915', display: 'Anden kommmune' },
  FritValg: { code: '3796fa11-305f-47d6-b164-45b05489afb2', display: 'Frit valg' },
  Fejl: { code: '8ac7be88-5d16-4dbd-a61a-ab02673f4b34', display: 'Fejl' },
  FritValgAfslaaet: { code: '46a6bc1f-bfe8-4390-a71f-44ad4a384b9d', display: 'Frit valg afslået' },
};

/**
 * The namespace of our name-based resource ids: uuidV5('http://fhir.kl.dk/rehab#medcom-gop', the RFC 4122 URL
 * namespace). Changing it changes every id ever reported.
 */
export const KL_ID_NAMESPACE = '2cc09930-1dc0-5b2f-9cb0-75d8c99ba673';
