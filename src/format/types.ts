import type { Report } from '../report/report';

/** One validated file: the report and the name it is shown under. */
export interface FileResult {
  file: string;
  report: Report;
}

export interface Summary {
  files: number;
  valid: number;
  invalid: number;
  /** fatal + error findings */
  errors: number;
  warnings: number;
  infos: number;
  /** files that could not be read at all (I/O) */
  unreadable: number;
}

export interface FormatOptions {
  language?: 'da' | 'en';
  /** ANSI colours; the caller decides (a terminal, no NO_COLOR): the formatter never looks at the environment */
  color?: boolean;
  toolVersion?: string;
}

/**
 * Formatters stream: `begin` once, `file` per result as it arrives, `end` with the summary.
 * Nothing is collected, so memory stays flat over any number of files.
 */
export interface Formatter {
  begin(): string;
  file(result: FileResult): string;
  end(summary: Summary): string;
}

export function emptySummary(): Summary {
  return { files: 0, valid: 0, invalid: 0, errors: 0, warnings: 0, infos: 0, unreadable: 0 };
}

export function addToSummary(summary: Summary, report: Report): void {
  summary.files++;
  if (report.valid) summary.valid++;
  else summary.invalid++;
  summary.errors += report.counts.fatal + report.counts.error;
  summary.warnings += report.counts.warning;
  summary.infos += report.counts.info;
}

export const messageIn = (language: FormatOptions['language']) => (f: { message: string; messageDa: string }) => (language === 'da' ? f.messageDa : f.message);
