import { defined } from '../values/defined';
import { z } from 'zod';
import { LEVELS, LEVEL_LABELS, type Level } from '../standard/codelists';
import type { DeepPartial } from '../model/partial';
import type { GopMessage, Party } from '../model/schema';
import { addDaysIso, daysBetween, isIsoDate, isTime, longDate } from '../values/date';
import { localDate } from '../values/local-date';
import { cprBirthDate } from '../values/cpr';
import { GUARANTEE_DAYS, inForce, inForceFrom } from '../standard/legal-calendar';
import { DeadlineInterpretationSchema, missingDischarge, readDeadline, type DeadlineInterpretation } from './deadline';
import { finishPair } from '../values/quote';
import { lazyObject } from '../values/lazy';
import { readableCopy } from '../input/readable';
import { checkShape } from '../model/shape';
import {
  bindingStart,
  type Candidate,
  type CountFrom,
  QualityStandardSchema,
  type QualityStandard,
  standardFactSchema,
  startBySchema,
  standardFact,
  type StandardProvider,
  UNCERTAIN_FROM,
} from './quality-standard';

/** The facts' schema, built at its first use: a report's facts are computed, never checked against it at the start. */
function factsSchema() {
  const PartyFactSchema = z.object({
    ean: z.string().optional(),
    identifier: z.string().optional(),
    identifierCode: z.string().optional(),
    name: z.string().optional(),
  });

  return z.object({
    level: z.enum(LEVELS).optional(),
    levelLabel: z.object({ da: z.string(), en: z.string() }).optional(),
    provider: z
      .enum(['hospital', 'municipality', 'region'])
      .optional()
      .describe(
        'who provides the rehabilitation: the hospital for specialiseret; the municipality for almen; for rehabilitering the ' +
          `municipality when discharged before ${inForceFrom('regionRehabilitering')} and the region when discharged on or after it. Without a valid ` +
          'discharge date, rehabilitering is decided by the authorisation date (a plan is ready at the latest at discharge); ' +
          'without either date it is left out rather than guessed',
      ),
    admissionDate: z.string().optional(),
    dischargeDate: z.string().optional(),
    authorisedAt: z
      .string()
      .optional()
      .describe('when the plan was signed: YYYY-MM-DDThh:mm, or YYYY-MM-DD when the time is missing or invalid'),
    sentAt: z
      .string()
      .optional()
      .describe('from the message envelope: YYYY-MM-DDThh:mm, or YYYY-MM-DD when the time is missing or invalid'),
    deadlineText: z.string().optional(),
    deadline: DeadlineInterpretationSchema.describe(
      'the start deadline (RehabilitationDeadline) as read: the whole reading of interpretDeadline',
    ),
    earliestStart: z.string().optional().describe('a later start the plan asks for ("tidligst ..."), when its date could be computed'),
    mustStartBy: z
      .string()
      .optional()
      .describe("the latest start date: the plan's own deadline (absolute or relative), where it gives one"),
    guaranteedStartBy: z
      .string()
      .optional()
      .describe(
        'the latest start the provider can offer without the citizen gaining free choice of a private provider ' +
          '(Sundhedsloven § 140 stk. 4): the discharge date, or the later start the plan asks for when that is later, plus 7 ' +
          'calendar days (a start offered on that day keeps the guarantee). Only levels almen and rehabilitering discharged ' +
          'on or after 2018-07-01; given only when the deadline reading settles whether a later start is asked for (and its date); ' +
          'absent, with `guarantee` saying why, otherwise',
      ),
    guarantee: z
      .object({
        applies: z
          .boolean()
          .describe(
            '§ 140 stk. 4 applies to this plan: level almen or rehabilitering, discharged on or after 2018-07-01 (without a valid discharge date: authorised on or after it)',
          ),
        from: z.enum(['discharge', 'laterStart']).optional().describe('what the 7 days run from, when it applies and that is known'),
        ifNoLaterStart: z
          .string()
          .optional()
          .describe(
            'when it applies but guaranteedStartBy is not certain (the deadline could not be read, or asks for a later start without a date): ' +
              'the day the 7 days would end on counted from discharge, which holds only if the plan asks for no later start. Never a guaranteedStartBy',
          ),
        explanation: z.object({ da: z.string(), en: z.string() }),
      })
      .describe('why there is, or is not, a guaranteedStartBy'),
    sender: z
      .object({ ean: z.string().optional(), name: z.string().optional() })
      .describe("the plan's Sender organisation: its EAN and name (organisation, else department)"),
    standard: standardFactSchema().optional(),
    startBy: startBySchema(),
    daysUntilMustStart: z.number().int().optional().describe('mustStartBy minus the reference date, when one was given'),
    consent: z.string().optional(),
    receivers: z.object({
      municipality: PartyFactSchema.optional(),
      gp: PartyFactSchema.optional(),
      gpDeselected: z.boolean(),
      copies: z.array(PartyFactSchema),
    }),
    patient: z.object({
      cpr: z.string().optional(),
      birthDate: z.string().optional(),
      givenName: z.string().optional(),
      surname: z.string().optional(),
    }),
  });
}
let built: ReturnType<typeof factsSchema> | undefined;
/** The schema itself (not the stand-in FactsSchema): what other schemas are built from. */
export const factsSchemaNow = () => (built ??= factsSchema());

export const FactsSchema = lazyObject(factsSchemaNow);
export type Facts = z.infer<typeof FactsSchema>;

export interface FactOptions {
  /** "today" for anything relative to it: a date (YYYY-MM-DD), or an instant read as a date in `timeZone`. The library never reads the clock. */
  referenceDate?: string | Date;
  /** IANA time zone in which an instant becomes a calendar date (default Europe/Copenhagen) */
  timeZone?: string;
  /** the municipality's quality standard: adds `standard` and takes part in `startBy` (an invalid one is no standard) */
  standard?: QualityStandard;
}

const validDate = (value: string | undefined) => (value !== undefined && isIsoDate(value) ? value : undefined);
const stamp = (date?: string, time?: string) => {
  const day = validDate(date);
  return day && time && isTime(time) ? `${day}T${time}` : day;
};
const partyFact = (party: DeepPartial<Party> | undefined) =>
  party &&
  defined({
    ean: party.eanIdentifier,
    identifier: party.identifier,
    identifierCode: party.identifierCode,
    name: party.organisationName ?? party.departmentName,
  });

type Provider = NonNullable<Facts['provider']>;
type Words = { da: string; en: string };

/** Who provides the rehabilitation, by level and the legal calendar; `date` decides rehabilitering (see FactsSchema). */
function providerOf(level: Level | undefined, date: string | undefined): Provider | undefined {
  if (level === 'specialiseret') return 'hospital';
  if (level === 'almen') return 'municipality';
  if (level === 'rehabilitering' && date) return inForce('regionRehabilitering', date) ? 'region' : 'municipality';
  return undefined;
}

const LAW = { da: 'genoptræningsgarantien (sundhedsloven § 140, stk. 4)', en: 'the rehabilitation guarantee (Health Act s. 140(4))' };
/** The same, as a note after a date. */
const LAW_NOTE = {
  da: '(genoptræningsgarantien, sundhedsloven § 140, stk. 4)',
  en: '(the rehabilitation guarantee, Health Act s. 140(4))',
};
const PROVIDER_NOUN: Record<Provider, Words> = {
  hospital: { da: 'Sygehuset', en: 'The hospital' },
  municipality: { da: 'Kommunen', en: 'The municipality' },
  region: { da: 'Regionen', en: 'The region' },
};

/** A text that starts a sentence. */
const capitalised = ({ da, en }: Words): Words => ({
  da: `${da[0]!.toUpperCase()}${da.slice(1)}`,
  en: `${en[0]!.toUpperCase()}${en.slice(1)}`,
});

interface GuaranteeInput {
  level: Level | undefined;
  provider: Provider | undefined;
  dischargeText: string | undefined;
  dischargeDate: string | undefined;
  /** the date the legal calendar is read at: the discharge date, or without one the authorisation date */
  decidedBy: { date: string; by: 'discharge' | 'authorisation' } | undefined;
  reading: DeadlineInterpretation;
}

/**
 * Sundhedsloven § 140 stk. 4: the latest start to offer (guaranteedStartBy) and, always, why there is one or not. The
 * 7 days run from discharge (day 0), or from the later start the plan asks for when that is later; a later start whose
 * date cannot be read leaves the date unknown rather than guessed.
 */
function guaranteeOf({ level, provider, dischargeText, dischargeDate, decidedBy, reading }: GuaranteeInput): {
  date?: string;
  fact: Facts['guarantee'];
} {
  const no = (da: string, en: string) => ({ fact: { applies: false, explanation: { da, en } } });
  if (level === undefined) {
    return no(
      `Planen angiver intet gyldigt specialiseringsniveau, så det kan ikke afgøres, om ${LAW.da} gælder.`,
      `The plan states no valid specialisation level, so it cannot be told whether ${LAW.en} applies.`,
    );
  }
  if (level === 'specialiseret') {
    return no(
      `Genoptræning på specialiseret niveau foregår på sygehuset; ${LAW.da} gælder ikke for den.`,
      `Specialised rehabilitation takes place at the hospital; ${LAW.en} does not apply to it.`,
    );
  }
  if (decidedBy === undefined) {
    const missing = capitalised(missingDischarge(dischargeText));
    return no(
      `${missing.da}, og planen har ingen gyldig godkendelsesdato, så det kan ikke afgøres, om ${LAW.da} gælder.`,
      `${missing.en}, and the plan has no valid authorisation date, so it cannot be told whether ${LAW.en} applies.`,
    );
  }
  if (!inForce('guarantee', decidedBy.date)) {
    const inForceOn = longDate(inForceFrom('guarantee'));
    if (decidedBy.by === 'discharge') {
      return no(
        `Patienten er udskrevet ${decidedBy.date}, før ${LAW.da} trådte i kraft ${inForceOn.da}; den gælder kun udskrivelser fra den dag.`,
        `The patient was discharged on ${decidedBy.date}, before ${LAW.en} came into force on ${inForceOn.en}; it applies only to discharges from that day.`,
      );
    }
    const missing = capitalised(missingDischarge(dischargeText));
    return no(
      `${missing.da}; planen er godkendt ${decidedBy.date}, før ${LAW.da} trådte i kraft ${inForceOn.da}, så den regnes ikke for at gælde.`,
      `${missing.en}; the plan was authorised on ${decidedBy.date}, before ${LAW.en} came into force on ${inForceOn.en}, so it is taken not to apply.`,
    );
  }
  const yes = (date: string | undefined, from: 'discharge' | 'laterStart' | undefined, da: string, en: string) => ({
    date,
    fact: { applies: true, ...(from ? { from } : {}), explanation: { da, en } },
  });
  if (dischargeDate === undefined) {
    const missingMid = missingDischarge(dischargeText);
    return yes(
      undefined,
      undefined,
      `${capitalised(LAW).da} gælder (planen er godkendt ${decidedBy.date}), men ${missingMid.da}, så den seneste dato for tilbud om opstart kan ikke beregnes.`,
      `${capitalised(LAW).en} applies (the plan was authorised on ${decidedBy.date}), but ${missingMid.en}, so the latest start to offer cannot be computed.`,
    );
  }
  const who = PROVIDER_NOUN[provider ?? 'municipality'];
  const earliest = reading.earliestStart;
  const ifNone = addDaysIso(dischargeDate, GUARANTEE_DAYS);
  const uncertain = (da: string, en: string) => ({
    date: undefined,
    fact: { applies: true, ifNoLaterStart: ifNone, explanation: { da, en } },
  });
  if (reading.kind === 'unreadable') {
    const seems = reading.asksLaterStart
      ? { da: ' og ser ud til at gøre opstarten afhængig af noget senere', en: ' and seems to make the start depend on something later' }
      : { da: '', en: '' };
    return uncertain(
      `Tidsfristen kan ikke læses sikkert${seems.da}, så det vides ikke, om planen beder om en senere opstart end udskrivelsen; læs teksten. Genoptræningsgarantiens ${GUARANTEE_DAYS} dage (sundhedsloven § 140, stk. 4) løber fra udskrivelsen ${dischargeDate} kun, hvis planen ikke beder om en senere opstart: så er den seneste dato for tilbud om opstart ${ifNone}.`,
      `The deadline could not be read${seems.en}, so it is not known whether the plan asks for a start later than discharge; read the text. The ${GUARANTEE_DAYS} days of ${LAW.en} run from discharge on ${dischargeDate} only if the plan asks for no later start: then the latest start to offer is ${ifNone}.`,
    );
  }
  if (earliest === undefined && reading.asksLaterStart === true) {
    return uncertain(
      `Planen beder om en senere opstart end udskrivelsen, men datoen for den kan ikke læses; genoptræningsgarantiens ${GUARANTEE_DAYS} dage (sundhedsloven § 140, stk. 4) løber fra den senere opstart, så den seneste dato for tilbud om opstart kan ikke beregnes. ${ifNone} (${GUARANTEE_DAYS} dage efter udskrivelsen) gælder kun, hvis planen ikke beder om en senere opstart.`,
      `The plan asks for a start later than discharge, but its date cannot be read; the ${GUARANTEE_DAYS} days of ${LAW.en} run from that later start, so the latest start to offer cannot be computed. ${ifNone} (${GUARANTEE_DAYS} days after discharge) holds only if the plan asks for no later start.`,
    );
  }
  if (earliest !== undefined && earliest > dischargeDate) {
    const date = addDaysIso(earliest, GUARANTEE_DAYS);
    return yes(
      date,
      'laterStart',
      `${who.da} skal tilbyde opstart senest ${date}, ${GUARANTEE_DAYS} dage efter den senere opstart, planen beder om (tidligst ${earliest}) ${LAW_NOTE.da}; ellers kan borgeren vælge en privat leverandør.`,
      `${who.en} must offer a start by ${date}, ${GUARANTEE_DAYS} days after the later start the plan asks for (no earlier than ${earliest}) ${LAW_NOTE.en}; otherwise the citizen may choose a private provider.`,
    );
  }
  const date = addDaysIso(dischargeDate, GUARANTEE_DAYS);
  const note =
    earliest !== undefined
      ? {
          da: ` Planens tidligste opstart, ${earliest}, ligger ikke efter udskrivelsen.`,
          en: ` The earliest start the plan asks for, ${earliest}, is not after discharge.`,
        }
      : { da: '', en: '' };
  return yes(
    date,
    'discharge',
    `${who.da} skal tilbyde opstart senest ${date}, ${GUARANTEE_DAYS} dage efter udskrivelsen ${dischargeDate} ${LAW_NOTE.da}; ellers kan borgeren vælge en privat leverandør.${note.da}`,
    `${who.en} must offer a start by ${date}, ${GUARANTEE_DAYS} days after discharge on ${dischargeDate} ${LAW_NOTE.en}; otherwise the citizen may choose a private provider.${note.en}`,
  );
}

/** What a count "from discharge" runs from, as the guarantee counts: the discharge, or a later start the plan asks for. */
function countFrom(dischargeDate: string | undefined, reading: DeadlineInterpretation): CountFrom {
  if (dischargeDate === undefined) return { why: 'noDischarge' };
  if (reading.kind === 'unreadable') return { why: 'unreadable' };
  const earliest = reading.earliestStart;
  if (earliest === undefined && reading.asksLaterStart) return { why: 'laterStartUndated' };
  return earliest !== undefined && earliest > dischargeDate
    ? { date: earliest, from: 'laterStart' }
    : { date: dischargeDate, from: 'discharge' };
}

const NO_LEVEL = { da: 'planen angiver intet gyldigt specialiseringsniveau', en: 'the plan states no valid specialisation level' };
const NO_DATES = {
  da: 'planen har hverken en gyldig udskrivelsesdato eller en gyldig godkendelsesdato',
  en: 'the plan has neither a valid discharge date nor a valid authorisation date',
};

/** Who provides, as the standard needs it: a provider, or why it cannot be told. */
function standardProvider(level: Level | undefined, provider: Provider | undefined, decidedBy: unknown): StandardProvider {
  if (provider) return provider;
  return { unknown: level === undefined ? NO_LEVEL : decidedBy === undefined ? NO_DATES : NO_LEVEL };
}

function deadlineCandidate(reading: DeadlineInterpretation): Candidate {
  if (reading.kind === 'unreadable')
    return {
      unknown: { da: 'planens tidsfrist kan ikke læses sikkert; læs teksten', en: "the plan's deadline could not be read; read the text" },
    };
  if (reading.kind === 'absolute' || reading.kind === 'relative') {
    return reading.date
      ? { date: reading.date }
      : {
          unknown: {
            da: 'planens egen frist kan ikke gives en dato (se læsningen af tidsfristen)',
            en: "the plan's own deadline cannot be given a date (see the reading of the deadline)",
          },
        };
  }
  return { none: true };
}

function guaranteeCandidate(
  level: Level | undefined,
  decidedBy: unknown,
  guarantee: { date?: string; fact: Facts['guarantee'] },
  dischargeDate: string | undefined,
  reading: DeadlineInterpretation,
): Candidate {
  if (level === undefined || (level !== 'specialiseret' && decidedBy === undefined)) {
    const why = level === undefined ? NO_LEVEL : NO_DATES;
    return {
      unknown: {
        da: `det kan ikke afgøres, om genoptræningsgarantien gælder (${why.da})`,
        en: `it cannot be told whether the rehabilitation guarantee applies (${why.en})`,
      },
    };
  }
  if (!guarantee.fact.applies) return { none: true };
  if (guarantee.date) return { date: guarantee.date };
  const count = countFrom(dischargeDate, reading);
  const why = 'why' in count ? UNCERTAIN_FROM[count.why] : { da: 'se garantien', en: 'see the guarantee' };
  return {
    unknown: {
      da: `genoptræningsgarantien gælder, men dens dato er ikke sikker (${why.da})`,
      en: `the rehabilitation guarantee applies, but its date is not certain (${why.en})`,
    },
  };
}

function standardCandidate(standard: NonNullable<Facts['standard']>, provider: StandardProvider): Candidate {
  if (standard.startBy) return { date: standard.startBy };
  if (!standard.applies && typeof provider !== 'object') return { none: true };
  return {
    unknown: standard.applies
      ? {
          da: `kvalitetsstandarden "${standard.name}" gælder, men giver ingen sikker dato (se standarden)`,
          en: `the quality standard "${standard.name}" applies, but gives no certain date (see the standard)`,
        }
      : {
          da: `det kan ikke afgøres, om kvalitetsstandarden "${standard.name}" gælder`,
          en: `it cannot be told whether the quality standard "${standard.name}" applies`,
        },
  };
}

/** The standard's fact (when one is given) and the one start date that binds. */
function datesThatBind(
  given: QualityStandard | undefined,
  { level, provider, dischargeDate, decidedBy, reading }: GuaranteeInput,
  guarantee: { date?: string; fact: Facts['guarantee'] },
): { standard?: Facts['standard']; startBy: Facts['startBy'] } {
  const standardBy = standardProvider(level, provider, decidedBy);
  const standard = given && standardFact(given, standardBy, countFrom(dischargeDate, reading));
  const startBy = bindingStart({
    deadline: deadlineCandidate(reading),
    guarantee: guaranteeCandidate(level, decidedBy, guarantee, dischargeDate, reading),
    ...(standard ? { standard: { name: standard.name, candidate: standardCandidate(standard, standardBy) } } : {}),
    asap: reading.kind === 'asap',
  });
  return { standard, startBy };
}

const NOT_READ: ReadonlySet<string> = new Set(['content', 'extraElements']);

/** What an integrator acts on, derived from the message; every date is YYYY-MM-DD, reproducible from the inputs. */
export function computeFacts(message: DeepPartial<GopMessage>, options: FactOptions = {}): Facts {
  // Never throws on what a JavaScript caller built: the message is read once as plain data (a getter or Proxy trap that
  // throws leaves its value out; the facts read no formatted content and nothing kept aside, which are not copied), and
  // values of the wrong type, cycles and unknown properties are left out (checkShape, as validateGop does); an option
  // of the wrong type is no option (like a date that is no date).
  const shaped = checkShape(readableCopy(message, NOT_READ)).message as DeepPartial<GopMessage>;
  return factsOfShaped(shaped, factOptionsOf(options));
}

/** The options as plain data: an option of the wrong type is no option, an invalid standard no standard. */
export function factOptionsOf(options: unknown): FactOptions {
  const given = readableCopy(options) as FactOptions | undefined;
  const { referenceDate: reference, timeZone: zone, standard: asked } = given !== null && typeof given === 'object' ? given : {};
  const checkedStandard = asked === undefined ? undefined : QualityStandardSchema.safeParse(asked);
  return {
    referenceDate: typeof reference === 'string' || reference instanceof Date ? reference : undefined,
    timeZone: typeof zone === 'string' ? zone : undefined,
    standard: checkedStandard?.success ? checkedStandard.data : undefined,
  };
}

/**
 * computeFacts for a message that is already plain data of the right shape (the reader's model, or checkShape's copy)
 * and options from factOptionsOf: checkGop's way, without copying the whole plan twice more.
 */
export function factsOfShaped(message: DeepPartial<GopMessage>, options: FactOptions): Facts {
  const plan = message.rehabilitationPlan ?? {};
  const levelCode = plan.typeOfRehabilitationPlan;
  const level = (LEVELS as readonly string[]).includes(levelCode ?? '') ? (levelCode as Level) : undefined;
  // The discharge date as written goes to the deadline reader, so that its explanation can say "invalid", not "missing".
  const dischargeText = plan.currentHospitalContact?.expectedEnd?.date;
  const dischargeDate = validDate(dischargeText);
  const authorisationDate = validDate(plan.letter?.authorisation?.date);
  const deadlineText = plan.rehabilitationDeadline;
  const reading = readDeadline(deadlineText, { dischargeDate: dischargeText, planDate: authorisationDate });
  const deadline = reading;
  const mustStartBy = reading.kind === 'absolute' || reading.kind === 'relative' ? reading.date : undefined;
  const decidedBy = dischargeDate
    ? { date: dischargeDate, by: 'discharge' as const }
    : authorisationDate
      ? { date: authorisationDate, by: 'authorisation' as const }
      : undefined;
  const provider = providerOf(level, decidedBy?.date);
  const guarantee = guaranteeOf({ level, provider, dischargeText, dischargeDate, decidedBy, reading });
  const { standard, startBy } = datesThatBind(
    options.standard,
    { level, provider, dischargeText, dischargeDate, decidedBy, reading },
    guarantee,
  );
  const referenceDate = localDate(options.referenceDate, options.timeZone);
  const cpr = plan.patient?.civilRegistrationNumber;
  // One object in the facts' order, each fact only when it has a value: JSON has no undefined (as defined() gives it,
  // without a copy and a spread per plan; named stores, not one keyed store for twenty names).
  const facts = {} as Facts;
  if (level !== undefined) {
    facts.level = level;
    facts.levelLabel = LEVEL_LABELS[level];
  }
  if (provider !== undefined) facts.provider = provider;
  const admissionDate = validDate(plan.currentHospitalContact?.start?.date);
  if (admissionDate !== undefined) facts.admissionDate = admissionDate;
  if (dischargeDate !== undefined) facts.dischargeDate = dischargeDate;
  const authorisedAt = stamp(plan.letter?.authorisation?.date, plan.letter?.authorisation?.time);
  if (authorisedAt !== undefined) facts.authorisedAt = authorisedAt;
  const sentAt = stamp(message.envelope?.sent?.date, message.envelope?.sent?.time);
  if (sentAt !== undefined) facts.sentAt = sentAt;
  if (deadlineText !== undefined) facts.deadlineText = deadlineText;
  // The explanations quote values of the message, cut short; as written (values whole) they are kept for redaction.
  const written = { deadline: deadline.explanation, guarantee: guarantee.fact.explanation };
  facts.deadline = { ...deadline, explanation: finishPair(written.deadline) };
  if (reading.earliestStart !== undefined) facts.earliestStart = reading.earliestStart;
  if (mustStartBy !== undefined) facts.mustStartBy = mustStartBy;
  if (guarantee.date !== undefined) facts.guaranteedStartBy = guarantee.date;
  facts.guarantee = { ...guarantee.fact, explanation: finishPair(written.guarantee) };
  facts.sender = defined({ ean: plan.sender?.eanIdentifier, name: plan.sender?.organisationName ?? plan.sender?.departmentName });
  if (standard !== undefined) facts.standard = standard;
  facts.startBy = startBy;
  if (mustStartBy && referenceDate) facts.daysUntilMustStart = daysBetween(referenceDate, mustStartBy);
  if (plan.consentInformed !== undefined) facts.consent = plan.consentInformed;
  facts.receivers = defined({
    municipality: partyFact(plan.receiver),
    gp: partyFact(plan.gpccReceiver?.ccReceiver),
    gpDeselected: plan.gpccReceiver?.deselected === true,
    copies: (plan.ccReceiver ?? []).map((p) => partyFact(p)!),
  });
  facts.patient = defined({
    cpr,
    birthDate: cpr ? cprBirthDate(cpr) : undefined,
    givenName: plan.patient?.personGivenName,
    surname: plan.patient?.personSurnameName,
  });
  WRITTEN.set(facts, written);
  return facts;
}

type Explanations = { deadline: { da: string; en: string }; guarantee: { da: string; en: string } };
const WRITTEN = new WeakMap<Facts, Explanations>();

/** The explanations of facts made by computeFacts as written, quoted values whole: redaction starts from these. */
export function writtenExplanations(facts: Facts): Explanations {
  return WRITTEN.get(facts) ?? { deadline: facts.deadline.explanation, guarantee: facts.guarantee.explanation };
}
