import { z } from 'zod';
import { compileRoot, EITHER, el, flag, formatted, text, type ChildSpec, type ElementSpec } from './spec';
import type { NamespaceKey, XmlNamespaceKey } from '../standard/namespaces';
import { factNodeOf, factsOfNode, withFacts, type FactNode, type PlanSection } from './element-facts';
import { lazyObject } from '../values/lazy';
import { MODEL_TABLE } from './model-table';

/*
 * The G-GOP 1.0 message, schema first: every type is derived from these schemas with z.infer.
 * Property names are the lowerCamelCase of the element's local name; order is the standard's order.
 * Cardinalities follow ../shared/spec/ggop-message.md ("assumed" where the official XSD is not public):
 * required = [1], .optional() = [0..1], z.array().optional() = [0..n], .min()/.max() bound a repeat.
 *
 * Built at their first use, not at import: building them (a few hundred zod objects) was the largest part of the CLI's
 * start, and reading, validating and writing need only what is compiled from them, the spec and the element facts,
 * which are stored (src/model/model-table.ts) and compared with a fresh compilation by test/model-table.test.ts.
 */

/*
 * Element facts (src/model/element-facts.ts) are registered where the element is declared: its code list, the form of
 * its value, whether it is personal data, the view section that shows it.
 */
type Ns = XmlNamespaceKey | readonly XmlNamespaceKey[];
const date = (ns: Ns) => withFacts(text(ns, 'Date'), { format: 'date' });
const time = (ns: Ns) => withFacts(text(ns, 'Time'), { format: 'time' });
const phone = (ns: Ns) => withFacts(text(ns, 'TelephoneSubscriberIdentifier'), { format: 'phone', personal: 'number' });
const postCode = () => withFacts(text('m100', 'PostCodeIdentifier'), { format: 'postcode' });
const streetName = () => withFacts(text('m100', 'StreetName'), { personal: 'address' });
const personName = (ns: Ns, name: 'PersonGivenName' | 'PersonSurnameName') => withFacts(text(ns, name), { personal: 'name' });
const email = () => withFacts(text('m104', 'EmailAddressIdentifier'), { format: 'email', personal: 'text' });
const identifierCode = (ns: Ns) => withFacts(text(ns, 'IdentifierCode'), { codeList: 'IdentifierCode' });
/** A part of the plan and the view section that shows it. */
const shownIn = <T extends z.ZodType>(section: PlanSection, schema: T): T => withFacts(schema, { section });

/** Date and Time: read in either namespace, written in the one the standard uses under that parent. */
const eitherFrom = (ns: NamespaceKey): readonly NamespaceKey[] => (ns === 'm100' ? ['m100', 'm104'] : EITHER);
const dateAndTime = (ns: NamespaceKey) => z.object({ date: date(eitherFrom(ns)), time: time(eitherFrom(ns)) });
const dateMaybeTime = (ns: NamespaceKey) => z.object({ date: date(eitherFrom(ns)), time: time(eitherFrom(ns)).optional() });

/** The parts several elements share, and the Letter. */
function partSchemas() {
  /** Sender, Receiver, CCReceiver, Location, ResultReceiver, ContactCounty, ContactMunicipality. */
  const PartySchema = z.object({
    eanIdentifier: withFacts(text('m100', 'EANIdentifier'), { format: 'gln' }).optional(),
    identifier: text('m100', 'Identifier').optional(),
    identifierCode: identifierCode('m104').optional(),
    organisationName: text('m100', 'OrganisationName').optional(),
    departmentName: text('m100', 'DepartmentName').optional(),
    unitName: text('m100', 'UnitName').optional(),
    streetName: streetName().optional(),
    suburbName: text('m100', 'SuburbName').optional(),
    districtName: text('m100', 'DistrictName').optional(),
    postCodeIdentifier: postCode().optional(),
    telephoneSubscriberIdentifier: phone('m100').optional(),
    medicalSpecialityCode: text('m100', 'MedicalSpecialityCode').optional(),
  });

  /** SignedBy, CoWriter, Member. */
  const PersonSchema = z.object({
    identifier: text('m100', 'Identifier').optional(),
    identifierCode: identifierCode('m100').optional(),
    personGivenName: personName('m104', 'PersonGivenName'),
    personSurnameName: personName('m104', 'PersonSurnameName'),
    personTitle: text('m104', 'PersonTitle').optional(),
    telephoneSubscriberIdentifier: phone('m100').optional(),
    departmentName: text('m100', 'DepartmentName').optional(),
  });

  const SenderSchema = PartySchema.extend({
    signedBy: shownIn('signers', el('m104', 'SignedBy', PersonSchema)).optional(),
    coWriter: z.array(shownIn('signers', el('m104', 'CoWriter', PersonSchema))).optional(),
  });

  const TelephoneSchema = z.object({
    telephoneSubscriberIdentifier: phone('m100'),
    telephoneSubscriberCode: withFacts(text('m104', 'TelephoneSubscriberCode'), { codeList: 'TelephoneSubscriberCode' }).optional(),
  });

  const NameAndAddress = {
    personSurnameName: personName('m100', 'PersonSurnameName'),
    personGivenName: personName('m100', 'PersonGivenName'),
    streetName: streetName().optional(),
    suburbName: text('m100', 'SuburbName').optional(),
    districtName: text('m100', 'DistrictName').optional(),
    postCodeIdentifier: postCode().optional(),
  };

  const CoAddressSchema = z.object({
    personSurnameName: personName('m100', 'PersonSurnameName').optional(),
    personGivenName: personName('m100', 'PersonGivenName').optional(),
    streetName: streetName().optional(),
    suburbName: text('m100', 'SuburbName').optional(),
    districtName: text('m100', 'DistrictName').optional(),
    postCodeIdentifier: postCode().optional(),
  });

  const PatientSchema = z.object({
    civilRegistrationNumber: withFacts(text('m100', 'CivilRegistrationNumber'), { format: 'cpr', personal: 'cpr' }),
    ...NameAndAddress,
    occupation: text('m100', 'Occupation').optional(),
    telephoneSubscriber: z.array(el('m104', 'TelephoneSubscriber', TelephoneSchema)).optional(),
    noTelephoneReason: withFacts(text('m104', 'NoTelephoneReason'), { personal: 'text' }).optional(),
    emailAddressIdentifier: email().optional(),
    coAddress: el('m104', 'CoAddress', CoAddressSchema).optional(),
  });

  const RelativeSchema = z.object({
    relationCode: withFacts(text('m100', 'RelationCode'), { codeList: 'RelationCode' }),
    ...NameAndAddress,
    telephoneSubscriber: z.array(el('m104', 'TelephoneSubscriber', TelephoneSchema)).optional(),
    emailAddressIdentifier: email().optional(),
  });

  const CodedValueSchema = z.object({
    code: text('m104', 'Code'),
    typeCode: text('m104', 'TypeCode'),
    text: text('m104', 'Text').optional(),
  });
  /** A diagnosis or an ICF code: the form of its Code and the code list of its TypeCode depend on which it is. */
  const codedValue = (format: 'sksDiagnosis' | 'icf', typeCodes: 'DiagnosisTypeCode' | 'IcfTypeCode') =>
    CodedValueSchema.extend({
      code: withFacts(text('m104', 'Code'), { format }),
      typeCode: withFacts(text('m104', 'TypeCode'), { codeList: typeCodes }),
    });
  const DiagnosisSchema = codedValue('sksDiagnosis', 'DiagnosisTypeCode');
  const IcfSchema = codedValue('icf', 'IcfTypeCode');

  const LetterSchema = z.object({
    identifier: text('m104', 'Identifier'),
    versionCode: withFacts(text('m104', 'VersionCode'), { codeList: 'VersionCode' }),
    statisticalCode: text('m104', 'StatisticalCode').optional(),
    authorisation: el('m104', 'Authorisation', dateAndTime('m100')),
    typeCode: withFacts(text('m104', 'TypeCode'), { codeList: 'LetterTypeCode' }),
    episodeOfCareIdentifier: text('m104', 'EpisodeOfCareIdentifier').optional(),
  });
  return {
    PartySchema,
    PersonSchema,
    SenderSchema,
    TelephoneSchema,
    CoAddressSchema,
    PatientSchema,
    RelativeSchema,
    CodedValueSchema,
    DiagnosisSchema,
    IcfSchema,
    LetterSchema,
  };
}
type Parts = ReturnType<typeof partSchemas>;

/** RehabilitationPlan's children from Letter to HospitalAmbulatoryControl, in the standard's order. */
function planHead({ PartySchema, SenderSchema, PatientSchema, RelativeSchema, LetterSchema }: Parts) {
  return {
    letter: shownIn('plan', el('m104', 'Letter', LetterSchema)),
    sender: shownIn('plan', el('m104', 'Sender', SenderSchema)),
    receiver: shownIn('receivers', el('m104', 'Receiver', PartySchema)),
    gpccReceiver: shownIn(
      'receivers',
      el(
        'm104',
        'GPCCReceiver',
        z.object({
          ccReceiver: el('m104', 'CCReceiver', PartySchema).optional(),
          deselected: flag('m104', 'Deselected').optional(),
        }),
      ),
    ).optional(),
    ccReceiver: z.array(shownIn('receivers', el('m104', 'CCReceiver', PartySchema))).optional(),
    patient: shownIn('patient', el('m104', 'Patient', PatientSchema)),
    relatives: shownIn(
      'relatives',
      el(
        'm104',
        'Relatives',
        z.object({
          relative: z.array(el('m104', 'Relative', RelativeSchema)).min(1),
        }),
      ),
    ).optional(),
    typeOfRehabilitationPlan: withFacts(text('m104', 'TypeOfRehabilitationPlan'), {
      codeList: 'TypeOfRehabilitationPlan',
      section: 'plan',
    }),
    informationForPatientAndRelatives: shownIn('information', formatted('m104', 'InformationForPatientAndRelatives')).optional(),
    consentInformed: withFacts(text('m104', 'ConsentInformed'), { codeList: 'ConsentInformed', section: 'consent' }),
    practicalInformation: shownIn('practical', formatted('m104', 'PracticalInformation')).optional(),
    patientSafetyAspects: shownIn('safety', formatted('m104', 'PatientSafetyAspects')).optional(),
    rehabilitationDeadline: shownIn('deadline', text('m104', 'RehabilitationDeadline')).optional(),
    currentHospitalContact: shownIn(
      'hospital-contact',
      el(
        'm104',
        'CurrentHospitalContact',
        z.object({
          start: el('m104', 'Start', dateMaybeTime('m104')),
          expectedEnd: el('m104', 'ExpectedEnd', dateMaybeTime('m104')).optional(),
          expectedEndText: text('m104', 'ExpectedEndText').optional(),
        }),
      ),
    ).optional(),
    hospitalAmbulatoryControl: shownIn(
      'follow-up',
      el(
        'm104',
        'HospitalAmbulatoryControl',
        z.object({
          expectedStart: el('m104', 'ExpectedStart', dateMaybeTime('m104')).optional(),
          expectedStartText: text('m104', 'ExpectedStartText').optional(),
          location: el('m104', 'Location', PartySchema).optional(),
        }),
      ),
    ).optional(),
  };
}

/** RehabilitationPlan's children from PatientHealthSummary on. */
function planTail({ PartySchema, PersonSchema, DiagnosisSchema, IcfSchema }: Parts) {
  return {
    patientHealthSummary: shownIn('health', formatted('m100', 'PatientHealthSummary')).optional(),
    abilityAtDischargeSummary: shownIn('ability', formatted('m104', 'AbilityAtDischargeSummary')).optional(),
    abilityAtDischargeExtended: shownIn('ability', formatted('m104', 'AbilityAtDischargeExtended')).optional(),
    rehabilitationNeedAndPotential: shownIn('need', formatted('m104', 'RehabilitationNeedAndPotential')).optional(),
    icd10Diagnoses: shownIn(
      'diagnoses',
      el(
        'm104',
        'ICD10Diagnoses',
        z.object({
          icd10Diagnose: z
            .array(
              el(
                'm104',
                'ICD10Diagnose',
                z.object({
                  primaryDiagnosis: el('m104', 'PrimaryDiagnosis', DiagnosisSchema).optional(),
                  secondaryDiagnosis: z.array(el('m104', 'SecondaryDiagnosis', DiagnosisSchema)).optional(),
                }),
              ),
            )
            .optional(),
          text: text('m104', 'Text').optional(),
        }),
      ),
    ).optional(),
    icfClassifications: shownIn(
      'icf',
      el(
        'm104',
        'ICFClassifications',
        z.object({
          icfClassification: z
            .array(
              el(
                'm104',
                'ICFClassification',
                z.object({
                  icfCode: el('m104', 'ICFCode', IcfSchema),
                  icfGradient: el('m104', 'ICFGradient', IcfSchema).optional(),
                }),
              ),
            )
            .min(1),
        }),
      ),
    ).optional(),
    journalExcerpt: z
      .array(
        shownIn(
          'journal',
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
                  date: date(EITHER).optional(),
                }),
              ).optional(),
              comment: formatted('m104', 'Comment').optional(),
            }),
          ),
        ),
      )
      .optional(),
    contactCounty: shownIn('contacts', el('m104', 'ContactCounty', PartySchema)).optional(),
    contactMunicipality: shownIn('contacts', el('m104', 'ContactMunicipality', PartySchema)).optional(),
    healthCareTeam: shownIn(
      'team',
      el(
        'm104',
        'HealthCareTeam',
        z.object({
          member: z.array(el('m104', 'Member', PersonSchema)).min(1),
        }),
      ),
    ).optional(),
    finalResult: shownIn(
      'final-result',
      el(
        'm104',
        'FinalResult',
        z.object({
          resultReceiver: z
            .array(el('m104', 'ResultReceiver', PartySchema))
            .min(1)
            .max(5),
        }),
      ),
    ).optional(),
    reference: z
      .array(
        shownIn(
          'references',
          el(
            'm104',
            'Reference',
            z.object({
              refDescription: text('m104', 'RefDescription').optional(),
              url: text('m104', 'URL').optional(),
            }),
          ),
        ),
      )
      .optional(),
  };
}

/** ExtraElementSchema alone: checking a model's extraElements needs no more of the model. */
function extraElementSchema() {
  return z.object({
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
    namespaces: z
      .record(z.string(), z.string())
      .optional()
      .describe('prefixes the element uses from its ancestors (prefix → namespace URI)'),
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
}

/** The message and all its parts, built at the first use of any of them. */
function messageSchemas() {
  const parts = partSchemas();
  const RehabilitationPlanSchema = z.object({ ...planHead(parts), ...planTail(parts) });
  const EnvelopeSchema = z.object({
    sent: el('m100', 'Sent', dateAndTime('m100')),
    identifier: text('m100', 'Identifier'),
    acknowledgementCode: withFacts(text('m100', 'AcknowledgementCode'), { codeList: 'AcknowledgementCode' }),
  });
  const ExtraElementSchema = extraSchema();
  const GopMessageSchema = el(
    'm104',
    'Emessage',
    z.object({
      envelope: shownIn('plan', el('m100', 'Envelope', EnvelopeSchema)),
      rehabilitationPlan: el('m104', 'RehabilitationPlan', RehabilitationPlanSchema),
      extraElements: z.array(ExtraElementSchema).optional(),
    }),
  );
  return { ...parts, RehabilitationPlanSchema, EnvelopeSchema, ExtraElementSchema, GopMessageSchema };
}

let built: ReturnType<typeof messageSchemas> | undefined;
const schemas = () => (built ??= messageSchemas());
let extraBuilt: ReturnType<typeof extraElementSchema> | undefined;
const extraSchema = () => (extraBuilt ??= extraElementSchema());

/** Sender, Receiver, CCReceiver, Location, ResultReceiver, ContactCounty, ContactMunicipality. */
export const PartySchema = lazyObject(() => schemas().PartySchema);
export type Party = z.infer<typeof PartySchema>;

/** SignedBy, CoWriter, Member. */
export const PersonSchema = lazyObject(() => schemas().PersonSchema);
export type Person = z.infer<typeof PersonSchema>;

export const SenderSchema = lazyObject(() => schemas().SenderSchema);
export const TelephoneSchema = lazyObject(() => schemas().TelephoneSchema);
export const CoAddressSchema = lazyObject(() => schemas().CoAddressSchema);

export const PatientSchema = lazyObject(() => schemas().PatientSchema);
export type Patient = z.infer<typeof PatientSchema>;

export const RelativeSchema = lazyObject(() => schemas().RelativeSchema);

export const CodedValueSchema = lazyObject(() => schemas().CodedValueSchema);
export type CodedValue = z.infer<typeof CodedValueSchema>;

export const LetterSchema = lazyObject(() => schemas().LetterSchema);

export const RehabilitationPlanSchema = lazyObject(() => schemas().RehabilitationPlanSchema);
export type RehabilitationPlan = z.infer<typeof RehabilitationPlanSchema>;

export const EnvelopeSchema = lazyObject(() => schemas().EnvelopeSchema);

/**
 * Anything the standard does not know, or more of an element than it allows: kept as sent, never dropped, and written
 * back by the builder where it stood (after the standard's children of the element at `path`; inside formatted text
 * at `inline.at`). The builder checks it as XML before writing it (GopBuildError otherwise).
 */
export const ExtraElementSchema = lazyObject(extraSchema);
export type ExtraElement = z.infer<typeof ExtraElementSchema>;

export const GopMessageSchema = lazyObject(() => schemas().GopMessageSchema);
export type GopMessage = z.infer<typeof GopMessageSchema>;

/** What src/model/model-table.ts stores: the message spec and the message's element facts, compiled from the schema. */
interface ModelTable {
  spec: ChildSpec;
  facts: FactNode;
}

/** The table compiled from the schemas now: what the stored one must equal. */
export function compileModelTable(): ModelTable {
  const root = schemas().GopMessageSchema;
  return { spec: compileRoot(root), facts: factNodeOf(root) };
}

const TABLE = MODEL_TABLE as ModelTable;

/** The message spec (compiled from the schema, stored): what the reader, the validator and the builder walk. */
export const ROOT_SPEC: ChildSpec = TABLE.spec;
export const MESSAGE_SPEC: ElementSpec = ROOT_SPEC.element!;

/** The message's element facts, by model path or element path: what the rules, redaction, the view and test data read. */
export const MESSAGE_FACTS = factsOfNode(() => TABLE.facts);
