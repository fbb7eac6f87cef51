import type { Language } from '../texts/languages';
import { UI, uiIn } from './ui-texts';
import type { FileReport, Report } from '../report/report';
import type { Finding } from '../findings/finding';
import type { Facts } from '../facts/facts';
import { daysBetween } from '../values/date';

/** One validated file: the report and the name it is shown under. */
export interface FileResult {
  file: string;
  report: Report;
  /** the receipt a receiver would send, when the caller decided it (gop validate does) */
  receipt?: FileReport['receipt'];
  /**
   * The file's 1-based place in the run's list of files, which names it under redaction (`file 3`). Default: the order
   * the formatter is given the results in; a caller that skips files (unreadable, quiet) gives it, so it stays the same.
   */
  position?: number;
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
  language?: Language;
  /** ANSI colours; the caller decides (a terminal, no NO_COLOR): the formatter never looks at the environment */
  color?: boolean;
  toolVersion?: string;
  /**
   * Show no file name, only its placeholder (`file 3`, `fil 3`; in SARIF the URI `redacted/file-3`): a name is personal
   * data too. A result whose report is redacted (`redacted: true`) is masked so without this option.
   */
  redact?: boolean;
  /**
   * Whether the reports' reference date was given by the user, so that counting days from it belongs in the output.
   * The same files must give the same output on any day: with `false` (the CLI when --reference-date is absent and it
   * took today from the clock) no format shows a reference date or days left — JSON drops `referenceDate` and
   * `facts.daysUntilMustStart`; JUnit, SARIF and text keep only the start dates themselves. Default: shown when a report
   * has a reference date, since the library never reads the clock: a date in a report was given by its caller.
   */
  referenceDateGiven?: boolean;
  /**
   * SARIF: the absolute folder the file names are relative to (the CLI's working folder), as the URI base SRCROOT. A
   * name inside it is a URI relative to SRCROOT, any other an absolute file:// URI; never one with `../`. Without it,
   * SRCROOT's place is not known (the library reads no working folder) and a name that climbs out of it is relative
   * to UP1, UP2, … (that many folders above SRCROOT).
   */
  baseDirectory?: string;
}

/**
 * What a formatter writes of one file before the others are known: plain data (it crosses to the writing thread from
 * a worker), made whole by `place` in the order of the files. `text` is the file's part of the output; the rest is what
 * `place` needs from the file to keep the output's running state (JUnit's unique names, SARIF's bases and reference
 * date, GitHub's annotation limits).
 */
export interface Piece {
  text: string;
  /** JUnit: the name shown, and whether the file failed (the testsuite's head is written in order: names stay unique) */
  name?: string;
  failed?: boolean;
  /** SARIF: the reference date shown (undefined: none) and the URI base of the file's results, when it has any */
  referenceDate?: string;
  uriBase?: string;
  /** GitHub: per finding, its command type, the annotation, and the plain line written once the type's limit is met */
  annotations?: [type: 'error' | 'warning' | 'notice', annotation: string, plain: string][];
}

/**
 * Formatters stream: `begin` once, per result as it arrives `piece` (anywhere, in any order) and `place` (here, in
 * order), `end` with the summary. Nothing is collected, so memory stays flat over any number of files.
 */
export interface Formatter {
  begin(): string;
  /** place(piece(result)): the file's output in one step */
  file(result: FileResult): string;
  piece(result: FileResult): Piece;
  place(piece: Piece): string;
  end(summary: Summary): string;
}

/** A formatter from its parts: `file` is always `place(piece(result))`, so both ways give the same bytes. */
export function streaming(parts: Omit<Formatter, 'file'>): Formatter {
  return { ...parts, file: (result) => parts.place(parts.piece(result)) };
}

export function emptySummary(): Summary {
  return { files: 0, valid: 0, invalid: 0, errors: 0, warnings: 0, infos: 0, unreadable: 0 };
}

export function addToSummary(summary: Summary, report: Pick<Report, 'valid' | 'counts'>): void {
  summary.files++;
  if (report.valid) summary.valid++;
  else summary.invalid++;
  summary.errors += report.counts.fatal + report.counts.error;
  summary.warnings += report.counts.warning;
  summary.infos += report.counts.info;
}

/** How a file is shown: its name, or under redaction its placeholder (and `position`, for a URI). */
interface ShownFile {
  name: string;
  /** set when the name is masked */
  position?: number;
}

/**
 * The name each result is shown under, called once per result in order: its file, or — with `options.redact`, or when
 * its report is redacted — the placeholder of its position (UiTexts.redactedFile), the same in every format.
 */
export function fileNamer(options: FormatOptions): (result: FileResult) => ShownFile {
  const ui = uiIn(options.language);
  let count = 0;
  return ({ file, report, position = count + 1 }) => {
    count++;
    if (!options.redact && report.redacted !== true) return { name: file };
    return { name: ui.redactedFile(position), position };
  };
}

export const messageIn = (language: FormatOptions['language']) => (f: { message: string; messageDa: string }) =>
  language === 'da' ? f.messageDa : f.message;

/** `file:line:column`, `file:line` when the finding has no column, `file` when it has no line (never "undefined"). */
export function locationOf(file: string, finding: Pick<Finding, 'line' | 'column'>): string {
  if (!finding.line) return file;
  return finding.column ? `${file}:${finding.line}:${finding.column}` : `${file}:${finding.line}`;
}

/**
 * What the plan says of its start dates, the same on any day, and — only when the reference date is shown — the days
 * from it to each start date, in numbers and in words.
 */
export interface DaysLeft {
  /** what the deadline was read as (facts.deadline.kind): 'unreadable' and 'none' are told apart */
  deadlineKind: Facts['deadline']['kind'];
  mustStartBy?: string;
  guaranteedStartBy?: string;
  /** no guaranteedStartBy is certain: the date that holds only if the plan asks for no later start (facts.guarantee.ifNoLaterStart) */
  guaranteeIfNoLaterStart?: string;
  /** the deadline and the guarantee in words, as the text summary says them ("deadline could not be read: read the text") */
  startDates: { da: string; en: string };
  /** the date that binds (facts.startBy.date) and which one it is; absent when not certain or when nothing binds */
  startBy?: string;
  startByBecause?: NonNullable<Facts['startBy']['because']>;
  /** the quality standard's start date, when one was given and it applies with a certain date */
  standardStartBy?: string;
  /** the binding date (or why there is none) and the standard's dates in words, as the text summary says them */
  startByWords: { da: string; en: string };
  /** set only when the reference date is shown (showsReferenceDate) */
  referenceDate?: string;
  daysUntilMustStart?: number;
  daysUntilGuaranteedStart?: number;
  /** "reference date 2019-03-10: 4 days left until the plan's deadline, …" */
  words?: { da: string; en: string };
}

const dayWords = (days: number, what: 'deadline' | 'guarantee') => ({ da: UI.da.days(days, what), en: UI.en.days(days, what) });

/** Whether a report's reference date, and the days counted from it, belong in the output (FormatOptions.referenceDateGiven). */
export const showsReferenceDate = (options: FormatOptions, report: Report): boolean =>
  options.referenceDateGiven !== false && report.referenceDate !== undefined;

/** Undefined without facts; the days only when the reference date is shown (the library never reads the clock). */
export function daysLeft(report: Report, options: FormatOptions): DaysLeft | undefined {
  const { referenceDate, facts } = report;
  if (!facts) return undefined;
  const out: DaysLeft = {
    deadlineKind: facts.deadline.kind,
    startDates: {
      da: `${UI.da.deadline(facts)}, ${UI.da.guarantee(facts)}`,
      en: `${UI.en.deadline(facts)}, ${UI.en.guarantee(facts)}`,
    },
    startByWords: { da: UI.da.startBy(facts), en: UI.en.startBy(facts) },
  };
  if (facts.startBy.date) out.startBy = facts.startBy.date;
  if (facts.startBy.because) out.startByBecause = facts.startBy.because;
  if (facts.standard?.startBy) out.standardStartBy = facts.standard.startBy;
  if (facts.mustStartBy) out.mustStartBy = facts.mustStartBy;
  if (facts.guaranteedStartBy) out.guaranteedStartBy = facts.guaranteedStartBy;
  else if (facts.guarantee.ifNoLaterStart) out.guaranteeIfNoLaterStart = facts.guarantee.ifNoLaterStart;
  if (!referenceDate || !showsReferenceDate(options, report)) return out;
  out.referenceDate = referenceDate;
  const words = { da: UI.da.referenceDate(referenceDate), en: UI.en.referenceDate(referenceDate) };
  const parts: { da: string; en: string }[] = [];
  if (facts.mustStartBy) {
    out.daysUntilMustStart = facts.daysUntilMustStart ?? daysBetween(referenceDate, facts.mustStartBy);
    parts.push(dayWords(out.daysUntilMustStart, 'deadline'));
  }
  if (facts.guaranteedStartBy) {
    out.daysUntilGuaranteedStart = daysBetween(referenceDate, facts.guaranteedStartBy);
    parts.push(dayWords(out.daysUntilGuaranteedStart, 'guarantee'));
  }
  if (parts.length) {
    words.da += `: ${parts.map((p) => p.da).join(', ')}`;
    words.en += `: ${parts.map((p) => p.en).join(', ')}`;
  }
  out.words = words;
  return out;
}
