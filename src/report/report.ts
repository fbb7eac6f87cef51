import { z } from 'zod';
import { FactsSchema } from '../facts/facts';
import { FindingSchema } from '../findings/finding';
import { VansEnvelopeInfoSchema } from '../read/vans';

export const CountsSchema = z.object({ fatal: z.number().int(), error: z.number().int(), warning: z.number().int(), info: z.number().int() });

/** What validation answers: is the plan complete and lawful, what is wrong, and what must happen by when. */
export const ReportSchema = z.object({
  valid: z.boolean().describe('no fatal and no error finding'),
  findings: z.array(FindingSchema),
  facts: FactsSchema.optional(),
  counts: CountsSchema,
  envelope: VansEnvelopeInfoSchema.optional(),
  rulesetVersion: z.string(),
});
export type Report = z.infer<typeof ReportSchema>;
export type Counts = z.infer<typeof CountsSchema>;
