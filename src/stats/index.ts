/**
 * `medcom-gop/stats`: the municipality's follow-up numbers over many plans (summarizePlans, createSummary) and its
 * own records of starts (parseStarts).
 */
export { createSummary, summarizePlans, type RetainedEntries, type Summary, type SummaryInput } from './summary';
export {
  PlanSummarySchema,
  StartRecordSchema,
  SummaryOptionsSchema,
  summaryJsonSchema,
  type PlanSummary,
  type StartRecord,
  type SummaryOptions,
} from './schema';
export { parseStarts, STARTS_LIMITS, type ParsedStarts, type StartsProblem } from './starts';
export { renderSummaryHtml, type SummaryHtmlOptions } from './html';
export { SUMMARY_FORMATS, summaryCsv, summaryJson, summaryText } from './format';
