import { githubFormatter } from './github';
import { jsonFormatter } from './json';
import { junitFormatter } from './junit';
import { sarifFormatter } from './sarif';
import { textFormatter } from './text';
import type { FileResult, Formatter, FormatOptions, Summary } from './types';
import { addToSummary, emptySummary } from './types';

export const FORMATS = ['text', 'json', 'junit', 'sarif', 'github'] as const;
export type FormatName = (typeof FORMATS)[number];

export function createFormatter(name: FormatName, options: FormatOptions = {}): Formatter {
  switch (name) {
    case 'text':
      return textFormatter(options);
    case 'json':
      return jsonFormatter(options);
    case 'junit':
      return junitFormatter(options);
    case 'sarif':
      return sarifFormatter(options);
    case 'github':
      return githubFormatter(options);
  }
}

/**
 * All results at once, for callers that have them in hand (the CLI streams instead). A result whose report is redacted
 * (`redacted: true`), or every result with `options.redact`, is shown under a placeholder instead of its file name —
 * `file 3` (`fil 3` in Danish; the URI `redacted/file-3` in SARIF), 3 being its place in `results` or its `position` —
 * since a name like `GGOP_2512484916_Nancy_Berggren.xml` is personal data too.
 */
export function formatResults(name: FormatName, results: Iterable<FileResult>, options: FormatOptions = {}): string {
  const formatter = createFormatter(name, options);
  const summary: Summary = emptySummary();
  let out = formatter.begin();
  for (const result of results) {
    addToSummary(summary, result.report);
    out += formatter.file(result);
  }
  return out + formatter.end(summary);
}

export { addToSummary, emptySummary, type FileResult, type Formatter, type FormatOptions, type Summary };
