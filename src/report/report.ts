import { z } from 'zod';
import { factsSchemaNow } from '../facts/facts';
import { findingSchemasNow } from '../findings/finding';
import { OriginalIdsSchema } from '../read/original';
import { VansEnvelopeInfoSchema } from '../read/vans';
import { REFUSE_CODES } from '../standard/receipts';
import { lazyObject } from '../values/lazy';

export type { OriginalIds } from '../read/original';

/** The report's schemas, built at their first use: a start that validates makes reports, never checks them. */
function reportSchemas() {
  const CountsSchema = z.object({
    fatal: z.number().int(),
    error: z.number().int(),
    warning: z.number().int(),
    info: z.number().int(),
  });

  /** What validation answers: is the plan complete and lawful, what is wrong, and what must happen by when. */
  const ReportSchema = z.object({
    valid: z.boolean().describe('no fatal and no error finding'),
    findings: z
      .array(findingSchemasNow().FindingSchema)
      .describe(
        'in document order (line, column, then layer; findings without a line first), at most maxFindings of them; past ' +
          'that one GOP-INPUT-008 comes last and says how many more were left out',
      ),
    facts: factsSchemaNow().optional(),
    counts: CountsSchema.describe(
      'every finding by severity: those listed (GOP-INPUT-008 too) plus those left out past maxFindings (omitted); ' +
        'valid is decided on all of them',
    ),
    omitted: CountsSchema.optional().describe(
      'present when maxFindings left findings out: how many of each severity are counted but not listed',
    ),
    referenceDate: z
      .string()
      .optional()
      .describe(
        'the reference date ("today") used, YYYY-MM-DD: the referenceDate option as a calendar date in timeZone; ' +
          'facts.daysUntilMustStart counts from it. Absent when none was given',
      ),
    envelope: VansEnvelopeInfoSchema.optional(),
    original: OriginalIdsSchema.optional(),
    rulesetVersion: z.string(),
    redacted: z
      .literal(true)
      .optional()
      .describe(
        'present when the report was redacted (redact: true, --redact): every value from the message is a placeholder such as "[masked, 12 characters]" (never data), the patient\'s CPR number DDMMYY-XXXX',
      ),
  });

  /** One element of `gop validate --format json`: a report with the file it is about. */
  const FileReportSchema = z
    .object({ file: z.string() })
    .extend(ReportSchema.shape)
    .extend({
      receipt: z
        .object({
          kind: z.enum(['positive', 'negative', 'none']),
          refuseCode: z.enum(REFUSE_CODES).optional(),
          reason: z.string().optional().describe('kind none: why no receipt can be addressed'),
        })
        .optional()
        .describe("the receipt a receiver would send (decideReceipt, the default policy; --own-ean checks the receiver's location number)"),
    });
  return { CountsSchema, ReportSchema, FileReportSchema };
}
let built: ReturnType<typeof reportSchemas> | undefined;
const schemas = () => (built ??= reportSchemas());

export const CountsSchema = lazyObject(() => schemas().CountsSchema);
/** What validation answers: is the plan complete and lawful, what is wrong, and what must happen by when. */
export const ReportSchema = lazyObject(() => schemas().ReportSchema);
export type Report = z.infer<typeof ReportSchema>;
export type Counts = z.infer<typeof CountsSchema>;

/** One element of `gop validate --format json`: a report with the file it is about. */
export const FileReportSchema = lazyObject(() => schemas().FileReportSchema);
export type FileReport = z.infer<typeof FileReportSchema>;

/** The JSON Schema of the CLI's JSON output, generated from the zod schemas (checked in as schemas/report.schema.json). */
export function reportJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(z.array(schemas().FileReportSchema).describe('medcom-gop validation reports, one per file'), {
    target: 'draft-2020-12',
  }) as Record<string, unknown>;
  return { ...schema, $id: 'https://www.npmjs.com/package/medcom-gop/schemas/report.schema.json', title: 'medcom-gop report' };
}
