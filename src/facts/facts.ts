import { z } from 'zod';
import { LEVELS, LEVEL_LABELS, type Level } from '../standard/codelists';
import type { DeepPartial } from '../model/partial';
import type { GopMessage, Party } from '../model/schema';
import { addDaysIso, isIsoDate, isTime } from '../values/date';
import { cprBirthDate } from '../values/cpr';
import { interpretDeadline } from './deadline';

/** § 140 stk. 4 (the 7-day rule) applies to discharges from this date. */
export const FREE_CHOICE_IN_FORCE = '2018-07-01';
export const FREE_CHOICE_DAYS = 7;
/** The 2015 order's levels apply to plans authorised from this date. */
export const ORDER_2015_IN_FORCE = '2015-01-01';

const PartyFactSchema = z.object({
  ean: z.string().optional(),
  identifier: z.string().optional(),
  identifierCode: z.string().optional(),
  name: z.string().optional(),
});

export const FactsSchema = z.object({
  level: z.enum(LEVELS).optional(),
  levelLabel: z.object({ da: z.string(), en: z.string() }).optional(),
  provider: z.enum(['municipality', 'hospital']).optional().describe('who provides the rehabilitation'),
  admissionDate: z.string().optional(),
  dischargeDate: z.string().optional(),
  authorisedAt: z.string().optional().describe('when the plan was signed: YYYY-MM-DDThh:mm, or YYYY-MM-DD when the time is missing or invalid'),
  sentAt: z.string().optional().describe('from the message envelope: YYYY-MM-DDThh:mm, or YYYY-MM-DD when the time is missing or invalid'),
  deadlineText: z.string().optional(),
  deadline: z.object({
    date: z.string().optional(),
    kind: z.enum(['absolute', 'relative', 'asap', 'none', 'unreadable']),
    explanation: z.object({ da: z.string(), en: z.string() }),
  }),
  earliestStart: z.string().optional().describe('a later start the plan asks for ("tidligst ..."), from which the 7 days run'),
  mustStartBy: z.string().optional().describe("the latest start date: the plan's own deadline, where it gives one"),
  freeChoiceFrom: z.string().optional().describe('from this date the citizen may choose a private provider (§ 140 stk. 4)'),
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
export type Facts = z.infer<typeof FactsSchema>;

export interface FactOptions {
  /** "today" for anything relative to it: a date (YYYY-MM-DD), or an instant read as a date in `timeZone`. The library never reads the clock. */
  referenceDate?: string | Date;
  /** IANA time zone in which an instant becomes a calendar date (default Europe/Copenhagen) */
  timeZone?: string;
}

export const DEFAULT_TIME_ZONE = 'Europe/Copenhagen';

/** The calendar date of `reference` in `timeZone`: what "today" is in Denmark when a system passes an instant. */
export function localDate(reference: string | Date | undefined, timeZone = DEFAULT_TIME_ZONE): string | undefined {
  if (reference === undefined) return undefined;
  if (typeof reference === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(reference)) return isIsoDate(reference) ? reference : undefined;
  // A date-time without an offset is already wall-clock time in `timeZone`: its date is the date.
  const wallClock = typeof reference === 'string' ? /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.exec(reference) : null;
  if (wallClock) return isIsoDate(wallClock[1]!) ? wallClock[1] : undefined;
  const instant = typeof reference === 'string' ? new Date(reference) : reference;
  if (Number.isNaN(instant.getTime())) return undefined;
  const format = dateFormatIn(timeZone);
  return format ? format.format(instant) : undefined; // an unknown time zone: no reference date rather than a wrong one
}

const dateFormats = new Map<string, Intl.DateTimeFormat | undefined>();
/** Building a DateTimeFormat costs more than checking a whole message: one per time zone. */
function dateFormatIn(timeZone: string): Intl.DateTimeFormat | undefined {
  if (!dateFormats.has(timeZone)) {
    let format: Intl.DateTimeFormat | undefined;
    try {
      format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }); // en-CA: YYYY-MM-DD
    } catch {
      format = undefined;
    }
    dateFormats.set(timeZone, format);
  }
  return dateFormats.get(timeZone);
}

const validDate = (value: string | undefined) => (value !== undefined && isIsoDate(value) ? value : undefined);
const stamp = (date?: string, time?: string) => {
  const day = validDate(date);
  return day && time && isTime(time) ? `${day}T${time}` : day;
};
const partyFact = (party: DeepPartial<Party> | undefined) =>
  party && defined({
    ean: party.eanIdentifier,
    identifier: party.identifier,
    identifierCode: party.identifierCode,
    name: party.organisationName ?? party.departmentName,
  });

const EARLIEST = /^\s*(?:opstart\s+|start\s+)?(?:tidligst|ikke\s+før|først)\s+/i;

/**
 * A later start the plan asks for: "tidligst 14.03.2019", "tidligst 2 uger efter udskrivelse". Undefined when the
 * text is no such phrase; `{ date: undefined }` when it is one but the date cannot be computed (no discharge date).
 */
export function earliestStartOf(deadlineText: string | undefined, dischargeText: string | undefined): { date?: string; explanation: { da: string; en: string } } | undefined {
  if (!deadlineText || !EARLIEST.test(deadlineText)) return undefined;
  const later = interpretDeadline(deadlineText.replace(EARLIEST, ''), dischargeText);
  if (later.kind !== 'absolute' && later.kind !== 'relative') return undefined;
  return later.date
    ? { date: later.date, explanation: { da: `Planen beder om opstart tidligst ${later.date}; den angiver ingen seneste frist.`, en: `The plan asks for a start no earlier than ${later.date}; it gives no latest deadline.` } }
    : { explanation: { da: `Planen beder om en senere opstart, men datoen kan ikke beregnes: ${later.explanation.da}`, en: `The plan asks for a later start, but its date cannot be computed: ${later.explanation.en}` } };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** What an integrator acts on, derived from the message; every date is YYYY-MM-DD, reproducible from the inputs. */
export function computeFacts(message: DeepPartial<GopMessage>, options: FactOptions = {}): Facts {
  const plan = message.rehabilitationPlan ?? {};
  const levelCode = plan.typeOfRehabilitationPlan;
  const level = (LEVELS as readonly string[]).includes(levelCode ?? '') ? (levelCode as Level) : undefined;
  // The discharge date as written goes to the deadline reader, so that its explanation can say "invalid", not "missing".
  const dischargeText = plan.currentHospitalContact?.expectedEnd?.date;
  const dischargeDate = validDate(dischargeText);
  const deadlineText = plan.rehabilitationDeadline;
  const later = earliestStartOf(deadlineText, dischargeText);
  const earliestStart = later?.date;
  const interpreted = later ? { kind: 'none' as const, explanation: later.explanation } : interpretDeadline(deadlineText, dischargeText);
  const deadline = { kind: interpreted.kind, explanation: interpreted.explanation, ...('date' in interpreted && interpreted.date ? { date: interpreted.date } : {}) };
  const mustStartBy = deadline.kind === 'absolute' || deadline.kind === 'relative' ? deadline.date : undefined;
  const freeChoiceApplies = dischargeDate !== undefined && dischargeDate >= FREE_CHOICE_IN_FORCE && (level === 'almen' || level === 'rehabilitering');
  const runsFrom = earliestStart && dischargeDate && earliestStart > dischargeDate ? earliestStart : dischargeDate;
  const referenceDate = localDate(options.referenceDate, options.timeZone);
  const cpr = plan.patient?.civilRegistrationNumber;
  const facts: Facts = {
    level,
    levelLabel: level && LEVEL_LABELS[level],
    provider: level && (level === 'specialiseret' ? 'hospital' : 'municipality'),
    admissionDate: validDate(plan.currentHospitalContact?.start?.date),
    dischargeDate,
    authorisedAt: stamp(plan.letter?.authorisation?.date, plan.letter?.authorisation?.time),
    sentAt: stamp(message.envelope?.sent?.date, message.envelope?.sent?.time),
    deadlineText,
    deadline,
    earliestStart,
    mustStartBy,
    freeChoiceFrom: freeChoiceApplies && runsFrom ? addDaysIso(runsFrom, FREE_CHOICE_DAYS) : undefined,
    daysUntilMustStart: mustStartBy && referenceDate ? daysBetween(referenceDate, mustStartBy) : undefined,
    consent: plan.consentInformed,
    receivers: defined({
      municipality: partyFact(plan.receiver),
      gp: partyFact(plan.gpccReceiver?.ccReceiver),
      gpDeselected: plan.gpccReceiver?.deselected === true,
      copies: (plan.ccReceiver ?? []).map((p) => partyFact(p)!),
    }),
    patient: defined({
      cpr,
      birthDate: cpr ? cprBirthDate(cpr) : undefined,
      givenName: plan.patient?.personGivenName,
      surname: plan.patient?.personSurnameName,
    }),
  };
  return defined(facts);
}

/** JSON has no undefined: absent facts are left out, so that reports compare and serialise cleanly. */
function defined<T extends object>(value: T): T {
  // A copy rather than `delete`, which would turn the object into a slow dictionary for everything after.
  const out = {} as T;
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] !== undefined) out[key] = value[key];
  return out;
}
