import { resolve } from 'node:path';
import type { CheckOptions } from '../report/options';
import { checkGop } from '../report/validate';
import type { FileReport, Report } from '../report/report';
import { makeFinding } from '../findings/finding';
import { INPUT_004 } from '../input/diagnostics/input-004-limits';
import { RULESET_VERSION } from '../rules/index';
import { DEFAULT_PARSE_OPTIONS } from '../options/index';
import { receiptFor } from '../receipt/index';
import { receiptKindOf } from '../receipt/decide';
import { readInputFile, readInputFileAsync, type ReadResult } from './read-file';
import type { FormatName, Formatter } from '../format/index';
import type { FormatOptions, Piece } from '../format/types';
import { withCliWording } from './option-names';

/** The receipt a receiver would send, as `gop validate` shows it: its kind (and refuse code), or why there is none. */
type ReceiptShown = NonNullable<FileReport['receipt']>;

/**
 * How the batch's results are shown: a worker formats its own files (the writing thread only places them in order),
 * with a formatter of this name and these options. --quiet drops warnings before they are counted or shown.
 */
export interface ShowSettings {
  format: FormatName;
  options: FormatOptions;
  quiet: boolean;
}

/** A report as shown: what it adds to the summary, and the formatter's piece of it (none: --quiet shows nothing). */
export interface Shown {
  tally: Pick<Report, 'valid' | 'counts'>;
  piece?: Piece;
}

/**
 * What became of one path: a report and its receipt (or, from a worker given ShowSettings, the report as shown), or
 * why it could not be read (I/O: exit 2).
 */
export type Outcome =
  | { file: string; report: Report; receipt: ReceiptShown }
  | { file: string; shown: Shown }
  | { file: string; error: string };

/** What every file of a batch is checked with: the same in this thread and in each worker (its workerData). */
export interface BatchSettings {
  options: CheckOptions;
  /** relative names are read relative to this */
  cwd: string;
  /** --own-ean: the receipt is then negative for a plan addressed to another */
  ownLocationNumbers?: readonly string[];
  /**
   * Read ahead in libuv's thread pool (default) or each file when its turn comes. Measured on two cores with two
   * workers: each read handed to the pool cost the worker a switch of threads, a quarter of its time; with a core to
   * spare the pool's reads overlap the checking.
   */
  readAhead?: boolean;
  /** set: workers format their own files (ShowSettings); unset: they send the reports */
  show?: ShowSettings;
}

/** --quiet as in eslint: errors only, and warnings no longer count (nor against --max-warnings). */
function onlyErrors(report: Report): Report {
  return {
    ...report,
    findings: report.findings.filter((f) => f.severity === 'fatal' || f.severity === 'error'),
    counts: { ...report.counts, warning: 0, info: 0 },
  };
}

/**
 * A file's report as `gop validate` shows it, the file being the `position`th of the run and shown as `file`: its
 * receipt decided on every finding, before --quiet drops warnings (where the file was checked); findings about a limit
 * naming its flag (--max-bytes), not the library's option (maxBytes).
 */
export function showReport(
  file: string,
  outcome: { report: Report; receipt: ReceiptShown },
  position: number,
  formatter: Pick<Formatter, 'piece'>,
  show: ShowSettings,
): Shown {
  const worded = withCliWording(outcome.report);
  const report = show.quiet ? onlyErrors(worded) : worded;
  const tally = { valid: report.valid, counts: report.counts };
  // Quiet text for people: a file without errors prints nothing. Machine formats list every file.
  if (show.quiet && report.findings.length === 0 && (show.format === 'text' || show.format === 'github')) return { tally };
  return { tally, piece: formatter.piece({ file, report, receipt: outcome.receipt, position }) };
}

/** A file over the size limit, rejected before it is read: the same finding the reader gives for too many bytes. */
function oversizeReport(size: number, exact: boolean, maxBytes: number): Report {
  const finding = exact
    ? makeFinding(INPUT_004, 'fileTooLarge', { size, max: maxBytes }, { path: '/' })
    : makeFinding(INPUT_004, 'fileOverLimit', { max: maxBytes }, { path: '/' });
  return { valid: false, findings: [finding], counts: { fatal: 1, error: 0, warning: 0, info: 0 }, rulesetVersion: RULESET_VERSION };
}

/**
 * The receipt of a report under the default policy. Its kind comes from the decision alone; only when the message's
 * ids might not fit a receipt is the receipt written (with placeholder ids), so that one no receipt can carry shows as
 * none, with the reason.
 */
function receiptOf(report: Report, ownLocationNumbers: readonly string[] | undefined): ReceiptShown {
  const kind = receiptKindOf(report, ownLocationNumbers);
  if (kind) return kind;
  const { decision, receipt, reason } = receiptFor(report, {
    receiptIdentifier: 'validate',
    sentAt: '2000-01-01T00:00',
    ...(ownLocationNumbers ? { ownLocationNumbers } : {}),
  });
  if (!receipt) return { kind: 'none', reason: reason ?? (decision.kind === 'none' ? decision.reason : 'no receipt') };
  return receipt.kind === 'negative' && receipt.refuseCode ? { kind: 'negative', refuseCode: receipt.refuseCode } : { kind: receipt.kind };
}

const maxBytesOf = (options: CheckOptions) => options.maxBytes ?? DEFAULT_PARSE_OPTIONS.maxBytes;

function reported(file: string, report: Report, settings: BatchSettings): Outcome {
  return { file, report, receipt: receiptOf(report, settings.ownLocationNumbers) };
}

/** Checks what was read of `file` (the name as shown). */
export function checkRead(file: string, read: ReadResult, settings: BatchSettings): Outcome {
  if (read.ok) return reported(file, checkGop(read.bytes, settings.options), settings);
  if (read.reason === 'tooLarge') return reported(file, oversizeReport(read.size, read.exact, maxBytesOf(settings.options)), settings);
  if (read.reason === 'notRegular') return { file, error: `not a regular file (${read.kind})` };
  return { file, error: read.error };
}

/** Reads `file` (not `-`) in this thread, now, the size checked before reading. */
export const readNow = (file: string, settings: BatchSettings): ReadResult =>
  readInputFile(resolve(settings.cwd, file), maxBytesOf(settings.options));

/** Starts reading `file` (not `-`), the size checked before reading: in the thread pool unless settings say not. */
export function readAhead(file: string, settings: BatchSettings): Promise<ReadResult> {
  if (settings.readAhead === false) return Promise.resolve(readNow(file, settings));
  return readInputFileAsync(resolve(settings.cwd, file), maxBytesOf(settings.options));
}

/**
 * How many files are read ahead of the one being checked: enough to keep the reads ahead of the checking, few enough
 * that files at the size limit (5 MiB by default) hold at most about 32 MB.
 */
export const readAheadWindow = (settings: BatchSettings) =>
  settings.readAhead === false ? 1 : Math.max(1, Math.min(8, Math.floor((32 * 1024 * 1024) / maxBytesOf(settings.options))));

/**
 * Reads and checks one file at once, in this thread, with the size checked before reading (a 1.5 GB file or /dev/zero
 * costs nothing). `stdin` stands for `-` when given (tests).
 */
export function checkFile(file: string, settings: BatchSettings, stdin?: Uint8Array): Outcome {
  const maxBytes = maxBytesOf(settings.options);
  if (file === '-' && stdin)
    return reported(
      file,
      stdin.length > maxBytes ? oversizeReport(stdin.length, true, maxBytes) : checkGop(stdin, settings.options),
      settings,
    );
  return checkRead(file, readInputFile(file === '-' ? '-' : resolve(settings.cwd, file), maxBytes), settings);
}
