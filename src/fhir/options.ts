import { z } from 'zod';
import { GopOptionsError, kindOf, type OptionsIssue } from '../options/index';
import { ALMEN_SPLITS, STATUS_REASONS, type AlmenSplit, type StatusReason } from '../standard/kl-gateway';
import { isIsoDate } from '../values/date';
import { isFhirValue } from './datatypes';

/** What the caller's mapping gets: the plan's Sender, as written. */
export interface SenderIds {
  ean?: string;
  identifier?: string;
  identifierCode?: string;
}

export interface KlGatewayOptions {
  /** the receiving municipality's own SOR code: Patient.managingOrganization (required; the plan has only its EAN) */
  municipalitySor: string;
  /** the sending hospital unit's SOR code: the requester Organization. This or `sorForSender` is required */
  requesterSor?: string;
  /**
   * maps the plan's Sender (EAN, sygehusafdelingsnummer) to its SOR code, undefined when unknown; for batches. What it
   * throws is passed on: it is the caller's own code
   */
  sorForSender?: (sender: SenderIds) => string | undefined;
  /** when the municipality received the plan, YYYY-MM-DD: ServiceRequest.authoredOn (default: the plan's sent date) */
  receivedAt?: string;
  /** the report's Bundle.timestamp, an instant (2019-03-08T10:00:00+01:00 or …Z): the caller's clock, required */
  timestamp: string;
  /** the municipality's own split of almen: category[1]. Only for plans of level almen */
  almenSplit?: AlmenSplit;
  /** the first contact the municipality offers, YYYY-MM-DD: occurrencePeriod.start */
  offeredStart?: string;
  /** why nothing started within the 7-day guarantee: request-statusReason */
  statusReason?: StatusReason;
  // No `replaces`: KL's profile lets ServiceRequest.replaces point only at a ServiceRequest in the same Bundle
  // (aggregation bundled), and all the library would have of it is an id, not the plan it stood for. The option is
  // refused by name (GopOptionsError), so that no caller's `replaces` is dropped without a word.
}

const SOR = /^[0-9]{6,18}$/;

export const isSor = (value: unknown): value is string => typeof value === 'string' && SOR.test(value);

const shown = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value) : kindOf(value));
const sor = (what: string) =>
  z
    .string({ error: (issue) => `must be ${what} (a SOR code: 6–18 digits), not ${kindOf(issue.input)}` })
    .refine(isSor, { error: `must be ${what}: a SOR code, 6–18 digits` });
const date = (what: string) =>
  z
    .string({ error: (issue) => `must be ${what} as YYYY-MM-DD, not ${kindOf(issue.input)}` })
    .refine((v) => isIsoDate(v) && isFhirValue('date', v), { error: `must be ${what} as YYYY-MM-DD, a real date` });
const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (issue) => `must be ${values.map((v) => `"${v}"`).join(', ')}, not ${shown(issue.input)}` });

export const KlGatewayOptionsSchema = z
  .strictObject({
    municipalitySor: sor("the receiving municipality's SOR code"),
    requesterSor: sor("the sending hospital unit's SOR code").optional(),
    sorForSender: z
      .custom<(sender: SenderIds) => string | undefined>((v) => typeof v === 'function', {
        error: (issue) => `must be a function ({ ean, identifier, identifierCode }) → SOR code, not ${kindOf(issue.input)}`,
      })
      .optional(),
    receivedAt: date('the date the plan was received').optional(),
    timestamp: z
      .string({ error: (issue) => `must be the report's instant (e.g. 2019-03-08T10:00:00+01:00), not ${kindOf(issue.input)}` })
      .refine((v) => isFhirValue('instant', v), {
        error: 'must be an instant with seconds and a time zone, e.g. 2019-03-08T10:00:00+01:00 (the library reads no clock)',
      }),
    almenSplit: oneOf(ALMEN_SPLITS).optional(),
    offeredStart: date('the offered first contact').optional(),
    statusReason: oneOf(STATUS_REASONS).optional(),
  })
  .superRefine((o, ctx) => {
    if (o.requesterSor === undefined && o.sorForSender === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['requesterSor'],
        message: 'requesterSor or sorForSender is required (the plan names its sender by EAN only)',
      });
    if (o.requesterSor !== undefined && o.sorForSender !== undefined)
      ctx.addIssue({ code: 'custom', path: ['sorForSender'], message: 'give requesterSor or sorForSender, not both' });
  });

const KNOWN = Object.keys(KlGatewayOptionsSchema.shape);

const UNREADABLE = 'options cannot be read (a revoked Proxy, or a property that throws)';
const REPLACES_REFUSED =
  "is not supported: KL's profile allows ServiceRequest.replaces only to a ServiceRequest in the same Bundle " +
  '(aggregation bundled), and an id alone cannot be one; leave it out (a plan sent again keeps its ids)';

/**
 * The options checked: every problem at once, as GopOptionsError; null and undefined are the default. They are read
 * once, into a plain object: an options object that cannot be read (a revoked Proxy, a throwing getter) is a
 * GopOptionsError too, never the TypeError it throws.
 */
export function checkKlGatewayOptions(options: unknown): z.output<typeof KlGatewayOptionsSchema> {
  const name = 'toKlGatewayReport';
  let own: Record<string, unknown>;
  try {
    if (options === null || typeof options !== 'object' || Array.isArray(options)) {
      throw new GopOptionsError(name, [{ path: '', message: `options must be an object, not ${kindOf(options)}` }]);
    }
    own = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined && v !== null));
  } catch (error) {
    if (error instanceof GopOptionsError) throw error;
    throw new GopOptionsError(name, [{ path: '', message: UNREADABLE }]);
  }
  const issues: OptionsIssue[] = [];
  if ('replaces' in own) {
    issues.push({ path: 'replaces', message: REPLACES_REFUSED });
    delete own['replaces'];
  }
  try {
    const parsed = KlGatewayOptionsSchema.safeParse(own);
    if (parsed.success && issues.length === 0) return parsed.data;
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        if (issue.code === 'unrecognized_keys')
          for (const key of issue.keys) issues.push({ path: key, message: `unknown option; known are ${KNOWN.join(', ')}` });
        else issues.push({ path: issue.path.map(String).join('.'), message: issue.message });
      }
  } catch {
    // A value that throws when looked at (a revoked Proxy as an option's value), here or in an issue's message.
    issues.push({ path: '', message: UNREADABLE });
  }
  throw new GopOptionsError(name, issues);
}
