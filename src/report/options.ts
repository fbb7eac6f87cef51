import { z } from 'zod';
import { SEVERITY_SETTINGS } from '../findings/sink';
import type { MessageSource } from '../read/parse';
import { rulesById } from '../rules/index';
import { LANGUAGES } from '../texts/languages';
import { didYouMean } from '../values/edit-distance';
import { QualityStandardSchema, type QualityStandard } from '../facts/quality-standard';
import {
  BooleanSchema,
  defineOptions,
  kindOf,
  limit,
  orDefault,
  ParseOptionsSchema,
  ReferenceDateSchema,
  TimeZoneSchema,
} from '../options/index';

// The options of checkGop: the severity map knows the catalogue, so it is checked here, after the rules.

/** A rule's severity as an option: 'off' drops its findings. 'fatal' is no setting: it belongs to the rules that stop reading. */
export const SeveritySettingSchema = z.enum(SEVERITY_SETTINGS);
export type SeveritySetting = z.infer<typeof SeveritySettingSchema>;

const SeverityMapSchema = z
  .custom<Record<string, SeveritySetting>>(() => true)
  .superRefine((value, ctx) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      ctx.addIssue({ code: 'custom', message: `must be an object of rule id → off, info, warning or error, not ${kindOf(value)}` });
      return;
    }
    for (const [id, setting] of Object.entries(value as Record<string, unknown>)) {
      const rule = rulesById.get(id);
      if (!rule)
        ctx.addIssue({
          code: 'custom',
          path: [id],
          message: `unknown rule id${didYouMean(id, rulesById.keys())}; the catalogue (rules, gop rules) lists them`,
        });
      else if (rule.severity === 'fatal') {
        ctx.addIssue({
          code: 'custom',
          path: [id],
          message: `${id} is fatal (the document cannot be read as a G-GOP), so its severity cannot be changed`,
        });
      }
      if (setting !== undefined && setting !== null && !(SEVERITY_SETTINGS as readonly unknown[]).includes(setting)) {
        const shown = typeof setting === 'string' ? `"${setting}"` : kindOf(setting);
        const why =
          setting === 'fatal' ? ' (fatal belongs to the input rules that stop reading; no setting makes another rule stop it)' : '';
        ctx.addIssue({ code: 'custom', path: [id], message: `${shown} is no severity setting: use off, info, warning or error${why}` });
      }
    }
  })
  .transform((value) => {
    // An entry of null or undefined changes nothing.
    const out: Record<string, SeveritySetting> = {};
    for (const [id, setting] of Object.entries(value)) if (setting !== undefined && setting !== null) out[id] = setting;
    return out;
  });

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * A quality standard as an option: every problem named by its field, and a misspelt key with the near miss (the
 * contract's own did-you-mean knows only the top level).
 */
const StandardOptionSchema = z
  .custom<QualityStandard>(() => true)
  .superRefine((value, ctx) => {
    if (!isRecord(value)) {
      ctx.addIssue({
        code: 'custom',
        message: `must be a quality standard object ({ name, start, contact?, weekendStarts? }), not ${kindOf(value)}`,
      });
      return;
    }
    const unknownKeys = (object: Record<string, unknown>, known: readonly string[], path: string[]) => {
      for (const key of Object.keys(object))
        if (!known.includes(key))
          ctx.addIssue({
            code: 'custom',
            path: [...path, key],
            message: `unknown field${didYouMean(key, known)}; known are ${known.join(', ')}`,
          });
    };
    unknownKeys(value, Object.keys(QualityStandardSchema.shape), []);
    for (const period of ['start', 'contact'] as const) {
      const given = value[period];
      if (isRecord(given)) unknownKeys(given, ['within', 'unit', 'from'], [period]);
    }
    const parsed = QualityStandardSchema.safeParse(value);
    if (parsed.success) return;
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') continue; // named above, with the near miss
      const message = issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message;
      ctx.addIssue({ code: 'custom', path: issue.path.filter((p) => typeof p !== 'symbol'), message });
    }
  })
  .transform((value) => QualityStandardSchema.parse(value));

/** What the rules and the facts need (checkGop; renderGopHtml's `check`). */
export const ValidateOptionsSchema = z.strictObject({
  /** "today" for anything relative to it: YYYY-MM-DD, or an instant (ISO string or Date) read in `timeZone`; the library never reads the clock */
  referenceDate: orDefault(ReferenceDateSchema).describe(
    '"today" for deadlines and days left: a date (YYYY-MM-DD), or an instant read in the time zone',
  ),
  /** IANA time zone that turns an instant into a Danish calendar date (default Europe/Copenhagen); dates in the plan are already local */
  timeZone: orDefault(TimeZoneSchema).describe(
    'IANA time zone that turns an instant into a Danish calendar date (default Europe/Copenhagen)',
  ),
  /** per-rule severity: 'off' drops a rule's findings. Fatal input rules cannot be changed. */
  severity: orDefault(SeverityMapSchema).describe("change a rule's severity ('off' drops its findings; fatal rules cannot be changed)"),
  /** the language formatters print first; both are always in each finding */
  language: orDefault(
    z.enum(LANGUAGES, {
      error: (issue) => `must be "da" or "en", not ${typeof issue.input === 'string' ? JSON.stringify(issue.input) : kindOf(issue.input)}`,
    }),
  ).describe('language of the messages, printed first (default en; both are in each finding)'),
  /** mask CPR numbers (last four digits), names, street addresses, phone numbers and e-mail addresses */
  redact: orDefault(BooleanSchema).describe(
    'mask CPR numbers (to DDMMYY-XXXX), names, street addresses, phone numbers and e-mail addresses of the message in any spelling, and anything shaped like a CPR number, an e-mail address or a Danish phone number',
  ),
  /** the municipality's quality standard: the facts gain `standard`, and `startBy` weighs its date */
  standard: orDefault(StandardOptionSchema).describe(
    "the municipality's quality standard ({ name, start: { within, unit: days|workingDays, from: discharge }, contact?, weekendStarts?: false }): adds its dates to the facts and weighs them in startBy",
  ),
  /** findings past it are counted, not listed (memory and report size stay bounded); never "no limit" */
  maxFindings: limit(
    1000,
    'most findings a report lists (default 1,000), the first in document order; past them one GOP-INPUT-008 says how many more, by severity, and counts and valid include them',
  ),
});

const isSource = (value: unknown): value is MessageSource =>
  typeof value === 'object' && value !== null && typeof (value as { locate?: unknown }).locate === 'function';

/**
 * checkGop: the reader's limits, the validator's options, and for a message object read by parseGop its `source`
 * (lines and columns; a parse result carries its own).
 */
export const CheckOptionsSchema = z.strictObject({
  ...ParseOptionsSchema.shape,
  ...ValidateOptionsSchema.shape,
  source: orDefault(z.custom<MessageSource>(isSource, { error: 'must be the source of a parseGop result (an object with locate)' })),
});
export type CheckOptions = z.input<typeof CheckOptionsSchema>;
/** CheckOptions as checked: defaults applied, never null. */
export type CheckedOptions = z.output<typeof CheckOptionsSchema>;

export const checkCheckOptions = defineOptions('checkGop', CheckOptionsSchema);
