import { z } from 'zod';
import { compileRoot, EITHER, el, flag, formatted, text, type ElementSpec } from './spec';
import type { NamespaceKey } from '../standard/namespaces';

/*
 * The G-GOP 1.0 message, schema first: every type is derived from these schemas with z.infer.
 * Property names are the lowerCamelCase of the element's local name; order is the standard's order.
 * Cardinalities follow ../shared/spec/ggop-message.md ("assumed" where the official XSD is not public):
 * required = [1], .optional() = [0..1], z.array().optional() = [0..n], .min()/.max() bound a repeat.
 */

/** Date and Time: read in either namespace, written in the one the standard uses under that parent. */
const eitherFrom = (ns: NamespaceKey): readonly NamespaceKey[] => (ns === 'm100' ? ['m100', 'm104'] : EITHER);
const dateAndTime = (ns: NamespaceKey) => z.object({ date: text(eitherFrom(ns), 'Date'), time: text(eitherFrom(ns), 'Time') });
const dateMaybeTime = (ns: NamespaceKey) => z.object({ date: text(eitherFrom(ns), 'Date'), time: text(eitherFrom(ns), 'Time').optional() });

/** Sender, Receiver, CCReceiver, Location, ResultReceiver, ContactCounty, ContactMunicipality. */
export const PartySchema = z.object({
  eanIdentifier: text('m100', 'EANIdentifier').optional(),
  identifier: text('m100', 'Identifier').optional(),
  identifierCode: text('m104', 'IdentifierCode').optional(),
  organisationName: text('m100', 'OrganisationName').optional(),
  departmentName: text('m100', 'DepartmentName').optional(),
  unitName: text('m100', 'UnitName').optional(),
  streetName: text('m100', 'StreetName').optional(),
  suburbName: text('m100', 'SuburbName').optional(),
  districtName: text('m100', 'DistrictName').optional(),
  postCodeIdentifier: text('m100', 'PostCodeIdentifier').optional(),
  telephoneSubscriberIdentifier: text('m100', 'TelephoneSubscriberIdentifier').optional(),
  medicalSpecialityCode: text('m100', 'MedicalSpecialityCode').optional(),
});
export type Party = z.infer<typeof PartySchema>;

/** SignedBy, CoWriter, Member. */
export const PersonSchema = z.object({
  identifier: text('m100', 'Identifier').optional(),
  identifierCode: text('m100', 'IdentifierCode').optional(),
  personGivenName: text('m104', 'PersonGivenName'),
  personSurnameName: text('m104', 'PersonSurnameName'),
  personTitle: text('m104', 'PersonTitle').optional(),
  telephoneSubscriberIdentifier: text('m100', 'TelephoneSubscriberIdentifier').optional(),
  departmentName: text('m100', 'DepartmentName').optional(),
});
export type Person = z.infer<typeof PersonSchema>;

export const SenderSchema = PartySchema.extend({
  signedBy: el('m104', 'SignedBy', PersonSchema).optional(),
  coWriter: z.array(el('m104', 'CoWriter', PersonSchema)).optional(),
});

export const TelephoneSchema = z.object({
  telephoneSubscriberIdentifier: text('m100', 'TelephoneSubscriberIdentifier'),
  telephoneSubscriberCode: text('m104', 'TelephoneSubscriberCode').optional(),
});

const NameAndAddress = {
  personSurnameName: text('m100', 'PersonSurnameName'),
  personGivenName: text('m100', 'PersonGivenName'),
  streetName: text('m100', 'StreetName').optional(),
  suburbName: text('m100', 'SuburbName').optional(),
  districtName: text('m100', 'DistrictName').optional(),
  postCodeIdentifier: text('m100', 'PostCodeIdentifier').optional(),
};

export const CoAddressSchema = z.object({
  personSurnameName: text('m100', 'PersonSurnameName').optional(),
  personGivenName: text('m100', 'PersonGivenName').optional(),
  streetName: text('m100', 'StreetName').optional(),
  suburbName: text('m100', 'SuburbName').optional(),
  districtName: text('m100', 'DistrictName').optional(),
  postCodeIdentifier: text('m100', 'PostCodeIdentifier').optional(),
});

export const PatientSchema = z.object({
  civilRegistrationNumber: text('m100', 'CivilRegistrationNumber'),
  ...NameAndAddress,
  occupation: text('m100', 'Occupation').optional(),
  telephoneSubscriber: z.array(el('m104', 'TelephoneSubscriber', TelephoneSchema)).optional(),
  noTelephoneReason: text('m104', 'NoTelephoneReason').optional(),
  emailAddressIdentifier: text('m104', 'EmailAddressIdentifier').optional(),
  coAddress: el('m104', 'CoAddress', CoAddressSchema).optional(),
});
export type Patient = z.infer<typeof PatientSchema>;

export const RelativeSchema = z.object({
  relationCode: text('m100', 'RelationCode'),
  ...NameAndAddress,
  telephoneSubscriber: z.array(el('m104', 'TelephoneSubscriber', TelephoneSchema)).optional(),
  emailAddressIdentifier: text('m104', 'EmailAddressIdentifier').optional(),
});

export const CodedValueSchema = z.object({
  code: text('m104', 'Code'),
  typeCode: text('m104', 'TypeCode'),
  text: text('m104', 'Text').optional(),
});
export type CodedValue = z.infer<typeof CodedValueSchema>;

export const LetterSchema = z.object({
  identifier: text('m104', 'Identifier'),
  versionCode: text('m104', 'VersionCode'),
  statisticalCode: text('m104', 'StatisticalCode').optional(),
  authorisation: el('m104', 'Authorisation', dateAndTime('m100')),
  typeCode: text('m104', 'TypeCode'),
  episodeOfCareIdentifier: text('m104', 'EpisodeOfCareIdentifier').optional(),
});

export const RehabilitationPlanSchema = z.object({
  letter: el('m104', 'Letter', LetterSchema),
  sender: el('m104', 'Sender', SenderSchema),
  receiver: el('m104', 'Receiver', PartySchema),
  gpccReceiver: el(
    'm104',
    'GPCCReceiver',
    z.object({
      ccReceiver: el('m104', 'CCReceiver', PartySchema).optional(),
      deselected: flag('m104', 'Deselected').optional(),
    }),
  ).optional(),
  ccReceiver: z.array(el('m104', 'CCReceiver', PartySchema)).optional(),
  patient: el('m104', 'Patient', PatientSchema),
  relatives: el(
    'm104',
    'Relatives',
    z.object({
      relative: z.array(el('m104', 'Relative', RelativeSchema)).min(1),
    }),
  ).optional(),
  typeOfRehabilitationPlan: text('m104', 'TypeOfRehabilitationPlan'),
  informationForPatientAndRelatives: formatted('m104', 'InformationForPatientAndRelatives').optional(),
  consentInformed: text('m104', 'ConsentInformed'),
  practicalInformation: formatted('m104', 'PracticalInformation').optional(),
  patientSafetyAspects: formatted('m104', 'PatientSafetyAspects').optional(),
  rehabilitationDeadline: text('m104', 'RehabilitationDeadline').optional(),
  currentHospitalContact: el(
    'm104',
    'CurrentHospitalContact',
    z.object({
      start: el('m104', 'Start', dateMaybeTime('m104')),
      expectedEnd: el('m104', 'ExpectedEnd', dateMaybeTime('m104')).optional(),
      expectedEndText: text('m104', 'ExpectedEndText').optional(),
    }),
  ).optional(),
  hospitalAmbulatoryControl: el(
    'm104',
    'HospitalAmbulatoryControl',
    z.object({
      expectedStart: el('m104', 'ExpectedStart', dateMaybeTime('m104')).optional(),
      expectedStartText: text('m104', 'ExpectedStartText').optional(),
      location: el('m104', 'Location', PartySchema).optional(),
    }),
  ).optional(),
  patientHealthSummary: formatted('m100', 'PatientHealthSummary').optional(),
  abilityAtDischargeSummary: formatted('m104', 'AbilityAtDischargeSummary').optional(),
  abilityAtDischargeExtended: formatted('m104', 'AbilityAtDischargeExtended').optional(),
  rehabilitationNeedAndPotential: formatted('m104', 'RehabilitationNeedAndPotential').optional(),
  icd10Diagnoses: el(
    'm104',
    'ICD10Diagnoses',
    z.object({
      icd10Diagnose: z
        .array(
          el(
            'm104',
            'ICD10Diagnose',
            z.object({
              primaryDiagnosis: el('m104', 'PrimaryDiagnosis', CodedValueSchema).optional(),
              secondaryDiagnosis: z.array(el('m104', 'SecondaryDiagnosis', CodedValueSchema)).optional(),
            }),
          ),
        )
        .optional(),
      text: text('m104', 'Text').optional(),
    }),
  ).optional(),
  icfClassifications: el(
    'm104',
    'ICFClassifications',
    z.object({
      icfClassification: z
        .array(
          el(
            'm104',
            'ICFClassification',
            z.object({
              icfCode: el('m104', 'ICFCode', CodedValueSchema),
              icfGradient: el('m104', 'ICFGradient', CodedValueSchema).optional(),
            }),
          ),
        )
        .min(1),
    }),
  ).optional(),
  journalExcerpt: z
    .array(
      el(
        'm104',
        'JournalExcerpt',
        z.object({
          typeOfExcerpt: text('m104', 'TypeOfExcerpt'),
          signer: el(
            'm104',
            'Signer',
            z.object({
              signedBy: el('m104', 'SignedBy', PersonSchema).optional(),
              date: text(EITHER, 'Date').optional(),
            }),
          ).optional(),
          comment: formatted('m104', 'Comment').optional(),
        }),
      ),
    )
    .optional(),
  contactCounty: el('m104', 'ContactCounty', PartySchema).optional(),
  contactMunicipality: el('m104', 'ContactMunicipality', PartySchema).optional(),
  healthCareTeam: el(
    'm104',
    'HealthCareTeam',
    z.object({
      member: z.array(el('m104', 'Member', PersonSchema)).min(1),
    }),
  ).optional(),
  finalResult: el(
    'm104',
    'FinalResult',
    z.object({
      resultReceiver: z
        .array(el('m104', 'ResultReceiver', PartySchema))
        .min(1)
        .max(5),
    }),
  ).optional(),
  reference: z
    .array(
      el(
        'm104',
        'Reference',
        z.object({
          refDescription: text('m104', 'RefDescription').optional(),
          url: text('m104', 'URL').optional(),
        }),
      ),
    )
    .optional(),
});
export type RehabilitationPlan = z.infer<typeof RehabilitationPlanSchema>;

export const EnvelopeSchema = z.object({
  sent: el('m100', 'Sent', dateAndTime('m100')),
  identifier: text('m100', 'Identifier'),
  acknowledgementCode: text('m100', 'AcknowledgementCode'),
});

/**
 * Anything the standard does not know, or more of an element than it allows: kept as sent, never dropped, and written
 * back by the builder where it stood (after the standard's children of the element at `path`; inside formatted text
 * at `inline.at`). The builder checks it as XML before writing it (GopBuildError otherwise).
 */
export const ExtraElementSchema = z.object({
  path: z.string().describe('element path where it was found'),
  reason: z.enum(['unknown', 'repeated', 'text', 'attribute']),
  /** the element's namespace URI; for an attribute, the attribute's ('' for none); '' for text */
  namespace: z.string(),
  /** the element's local name; for an attribute its qualified name as written; '#text' for text */
  name: z.string(),
  /** the element exactly as written in the source (or the attribute value / stray text) */
  xml: z.string(),
  /**
   * Namespace bindings (prefix → URI, '' for the default namespace) that the element uses but that were declared on
   * an ancestor, other than its own prefix's (that one is `namespace`). Absent when there are none.
   */
  namespaces: z.record(z.string(), z.string()).optional().describe('prefixes the element uses from its ancestors (prefix → namespace URI)'),
  /**
   * Inside formatted text: `at` is the index path into `content` (content[at[0]].content[at[1]] …). With `span`, an
   * unknown element whose own content became the `span` nodes from `at` on; without, an attribute on (or text or an
   * element inside) the Break, Bold, … node at `at`.
   */
  inline: z
    .object({
      at: z.array(z.number().int().nonnegative()).min(1),
      span: z.number().int().nonnegative().optional(),
    })
    .optional()
    .describe('the place inside formatted text'),
});
export type ExtraElement = z.infer<typeof ExtraElementSchema>;

export const GopMessageSchema = el(
  'm104',
  'Emessage',
  z.object({
    envelope: el('m100', 'Envelope', EnvelopeSchema),
    rehabilitationPlan: el('m104', 'RehabilitationPlan', RehabilitationPlanSchema),
    extraElements: z.array(ExtraElementSchema).optional(),
  }),
);
export type GopMessage = z.infer<typeof GopMessageSchema>;

/** The message spec compiled once from the schema: what the reader, the validator and the builder walk. */
export const ROOT_SPEC = compileRoot(GopMessageSchema);
export const MESSAGE_SPEC: ElementSpec = ROOT_SPEC.element!;
