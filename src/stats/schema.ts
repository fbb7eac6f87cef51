import { z } from 'zod';
import { defineOptions, kindOf, orDefault, ReferenceDateSchema, TimeZoneSchema } from '../options/index';
import { ValidateOptionsSchema } from '../report/options';
import { isIsoDate } from '../values/date';

/*
 * The follow-up numbers over many plans (issue #25): what summarizePlans returns and what it takes. Every count says
 * what it counts; where the input cannot settle a count, the plan is counted as unknown, never guessed.
 */

const count = (what: string) => z.number().int().nonnegative().describe(what);
const isoDate = z.string().refine(isIsoDate, { error: 'must be a real date, YYYY-MM-DD' }).describe('YYYY-MM-DD');

/** One row of the municipality's own records of starts (the starts CSV, or built in code). */
export const StartRecordSchema = z
  .strictObject({
    letterIdentifier: z.string().min(1).describe("the plan's Letter/Identifier, exactly as in the plan (leading zeros kept)"),
    senderEan: z
      .string()
      .regex(/^\d{13}$/, { error: 'must be an EAN location number: 13 digits' })
      .optional()
      .describe(
        "the plan's Sender/EANIdentifier (13 digits); absent: the row joins on letterIdentifier alone, when exactly one plan has it",
      ),
    decidedLevel: z.enum(['basal', 'avanceret']).optional().describe("the municipality's own split of the plan: basal or avanceret"),
    offeredStart: isoDate.optional().describe('the start the municipality offered, YYYY-MM-DD'),
    started: isoDate.optional().describe('the day the rehabilitation started, YYYY-MM-DD; absent: not started (as far as the row says)'),
  })
  .describe('one record of a start, joined to a plan on (senderEan, letterIdentifier), or letterIdentifier alone when senderEan is absent');
export type StartRecord = z.infer<typeof StartRecordSchema>;

export const PERIOD_UNITS = ['month', 'quarter', 'year'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

const LevelCountsSchema = z
  .object({
    almen: count('plans of level almen'),
    specialiseret: count('plans of level specialiseret'),
    rehabilitering: count('plans of level rehabilitering'),
    unknown: count('plans without a valid level (TypeOfRehabilitationPlan)'),
  })
  .describe('the plans of the period by level, as the plan states it');

const PeriodSchema = z.object({
  period: z
    .string()
    .regex(/^(\d{4}(-\d{2}|-Q[1-4])?|unknown)$/)
    .describe(
      "the period: '2024-03' (by month), '2024-Q1' (by quarter) or '2024' (by year), of the plan's discharge date, or without a valid one " +
        "its authorisation date; 'unknown' when the plan has neither",
    ),
  plans: count('plans in the period (counted once, as `plans`)'),
  levels: LevelCountsSchema,
  decided: z
    .object({
      basal: count('plans of the period whose one matched start row says decidedLevel basal'),
      avanceret: count('plans of the period whose one matched start row says decidedLevel avanceret'),
    })
    .describe(
      "the municipality's own split (decidedLevel of the starts): a plan counts when exactly one start row, or rows that agree, " +
        'match it; plans without a decided level, or whose match is ambiguous or conflicting, are in neither',
    ),
});

const UnknownReasonsSchema = z
  .object({
    dateNotCertain: count('the date could not be computed for certain (e.g. no discharge date, or a deadline that could not be read)'),
    ambiguousStart: count(
      'a start row without senderEan has this letter identifier and so do other plans: which plan it is cannot be told',
    ),
    conflictingStarts: count('two or more start rows match this plan and disagree on started or decidedLevel'),
    noIdentity: count(
      'start rows were given but the plan cannot be joined to them: a redacted report (masked ids), or no sender EAN or letter identifier',
    ),
    notComputed: count('the standard applies but the report was made without it (or with another standard): it has no date for it'),
  })
  .describe('why the plans in `unknown` are unknown; each plan counts under its first reason in this order');

const followUp = (what: string, date: string) =>
  z.object({
    applies: count(`plans ${what} applies to: startedWithin + startedLate + notStarted + unknown`),
    startedWithin: count(`plans it applies to with a certain ${date} and a matched start on or before it`),
    startedLate: count(`plans it applies to with a certain ${date} and a matched start after it`),
    notStarted: count(
      `plans it applies to with a certain ${date} and no start recorded: no start row matches, or the one that does has no started date`,
    ),
    unknown: count(`plans it applies to that cannot be put in the three above: see unknownReasons`),
    unknownReasons: UnknownReasonsSchema,
    notDetermined: count(
      `plans for which it cannot be told whether ${what} applies: no valid level, or no valid discharge or authorisation date where the ` +
        'level alone does not decide. Not in `applies`',
    ),
  });

/** What summarizePlans and createSummary's result() return: counts only, no personal data. */
export const PlanSummarySchema = z
  .object({
    plans: count(
      'readable plans, each counted once: a later input with the same (sender EAN, Letter/Identifier) is in `duplicates` instead; ' +
        'keyless plans are in it too',
    ),
    keyless: count(
      'readable plans counted without de-duplication and never joined to a start row, because their identity cannot be used: ' +
        'a redacted report (its ids are masked), or a plan without a sender EAN or Letter/Identifier. Included in `plans`',
    ),
    unreadable: count('inputs that were not a readable plan: a fatal finding, no facts, or not bytes, text or a checkGop report'),
    duplicates: count('inputs with the (sender EAN, Letter/Identifier) of a plan already counted: not counted again anywhere'),
    by: z.enum(PERIOD_UNITS).describe('the period unit of `periods`'),
    periods: z
      .array(PeriodSchema)
      .describe("one entry per period with plans, in time order, 'unknown' last; their plans add up to `plans`"),
    senders: z
      .array(
        z.object({
          ean: z
            .string()
            .optional()
            .describe("the sender's EAN location number (Sender/EANIdentifier); absent for the plans whose sender EAN could not be read"),
          name: z
            .string()
            .optional()
            .describe("the sender organisation's name from the first plan that gives one (never from a redacted report)"),
          plans: count('plans from this sender'),
        }),
      )
      .describe('plans per sending hospital, most plans first, then by EAN; their plans add up to `plans`'),
    deadlines: z
      .object({
        absolute: count('plans whose deadline is read as a date'),
        relative: count('plans whose deadline is read as a period after discharge'),
        asap: count('plans whose deadline is read as "as soon as possible"'),
        none: count('plans that give no latest start'),
        unreadable: count('plans whose deadline could not be read for certain (never guessed)'),
      })
      .describe('plans by the kind of their start deadline (facts.deadline.kind); they add up to `plans`'),
    guarantee: followUp('the guarantee (sundhedsloven § 140 stk. 4; facts.guarantee.applies)', 'guaranteedStartBy').describe(
      'the rehabilitation guarantee: started on or before guaranteedStartBy, after it, not started, or unknown',
    ),
    standard: followUp(
      "the municipality's quality standard (the plans the municipality provides: facts.standard.applies)",
      'standard date (facts.standard.startBy)',
    )
      .extend({ name: z.string().describe("the standard's name") })
      .optional()
      .describe('present when a standard was given: the same counts against its start date'),
    daysToStart: z
      .object({
        plans: count(
          'plans with a matched started date and a guarantee that applies with a certain date (so a certain day it counts from)',
        ),
        median: z
          .number()
          .int()
          .optional()
          .describe(
            'nearest-rank median (rank ⌈0.5·n⌉) of whole days from the day the guarantee counts from to started; absent without plans',
          ),
        p90: z.number().int().optional().describe('nearest-rank 90th percentile (rank ⌈0.9·n⌉) of the same days; absent without plans'),
        histogram: z
          .array(
            z.object({
              days: z.number().int().describe('whole days'),
              plans: count('plans that started this many days after the day the guarantee counts from'),
            }),
          )
          .describe('the same days, one entry per number of days that occurs, in order (negative: started before it)'),
      })
      .describe(
        'days from the day the guarantee counts from (the discharge date, or the later start the plan asks for) to the recorded start',
      ),
    starts: z
      .object({
        rows: count('start rows given'),
        matched: count('rows that match exactly one plan (and agree with any other row matching it)'),
        unmatched: count(
          'rows that match no plan: no plan with that (senderEan, letterIdentifier), or letterIdentifier for a row without senderEan',
        ),
        ambiguous: count('rows without senderEan whose letterIdentifier two or more plans have: joined to none of them'),
        conflicting: count('rows that match a plan another row also matches, when the rows disagree: the plan is unknown'),
      })
      .describe('how the start rows were joined to the plans; rows = matched + unmatched + ambiguous + conflicting'),
  })
  .describe('medcom-gop summary of many plans: counts for the municipality’s follow-up, no personal data');
export type PlanSummary = z.infer<typeof PlanSummarySchema>;

export const SummaryOptionsSchema = z.strictObject({
  starts: orDefault(
    z.array(StartRecordSchema, {
      error: (issue) => `must be an array of start records (parseStarts gives one), not ${kindOf(issue.input)}`,
    }),
  ).describe("the municipality's records of starts, joined to the plans"),
  // checkGop's own: the same checks, a misspelt field named with its near miss
  standard: ValidateOptionsSchema.shape.standard,
  by: orDefault(
    z.enum(PERIOD_UNITS, {
      error: (issue) =>
        `must be "month", "quarter" or "year", not ${typeof issue.input === 'string' ? JSON.stringify(issue.input) : kindOf(issue.input)}`,
    }),
  ).describe('the period of `periods` (default month)'),
  referenceDate: orDefault(ReferenceDateSchema).describe('"today" for the reports checkGop makes of bytes and text'),
  timeZone: orDefault(TimeZoneSchema).describe('IANA time zone for referenceDate (default Europe/Copenhagen)'),
});
/** summarizePlans' and createSummary's options. */
export type SummaryOptions = z.input<typeof SummaryOptionsSchema>;
export type CheckedSummaryOptions = z.output<typeof SummaryOptionsSchema>;

export const checkSummaryOptions = defineOptions('summarizePlans', SummaryOptionsSchema);

/** The JSON Schema of a summary (checked in as schemas/summary.schema.json). */
export function summaryJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PlanSummarySchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return { ...schema, $id: 'https://www.npmjs.com/package/medcom-gop/schemas/summary.schema.json', title: 'medcom-gop summary' };
}
