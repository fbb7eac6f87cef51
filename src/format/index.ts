import { githubFormatter } from './github';
import { jsonFormatter } from './json';
import { junitFormatter } from './junit';
import { sarifFormatter } from './sarif';
import { textFormatter } from './text';
import type { FileResult, Formatter as FormatWriter, FormatOptions, Piece, Summary } from './types';
import { addToSummary, emptySummary } from './types';

export const FORMATS = ['text', 'json', 'junit', 'sarif', 'github'] as const;
export type FormatName = (typeof FORMATS)[number];

/**
 * A streaming formatter: `begin` once, `file` per result as it arrives, `end` once. It keeps its own summary of the
 * results it was given to `file`; `end(summary)` uses the caller's instead (the CLI's counts files it could not read,
 * too). `file` is `place(piece(result))`: a caller that checks files in worker threads has each worker make the piece
 * of its files (a formatter of the same name and options there; `position` given), and places them here in order;
 * `end` then needs the caller's summary.
 */
export interface Formatter {
  begin(): string;
  file(result: FileResult): string;
  piece(result: FileResult): Piece;
  place(piece: Piece): string;
  end(summary?: Summary): string;
}

export function createFormatter(name: FormatName, options: FormatOptions = {}): Formatter {
  const writer = writerFor(name, options);
  const own = emptySummary();
  return {
    begin: () => writer.begin(),
    file: (result) => {
      addToSummary(own, result.report);
      return writer.file(result);
    },
    piece: (result) => writer.piece(result),
    place: (piece) => writer.place(piece),
    end: (summary = own) => writer.end(summary),
  };
}

function writerFor(name: FormatName, options: FormatOptions): FormatWriter {
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
  let out = formatter.begin();
  for (const result of results) out += formatter.file(result);
  return out + formatter.end();
}

export type { FileResult, FormatOptions, Piece, Summary };
export { FileReportSchema, type FileReport } from '../report/report';
