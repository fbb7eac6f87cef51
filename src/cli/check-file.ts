import { resolve } from 'node:path';
import type { CheckOptions } from '../report/options';
import { checkGop } from '../report/validate';
import type { Report } from '../report/report';
import { makeFinding } from '../findings/finding';
import { INPUT_004 } from '../input/diagnostics/input-004-limits';
import { RULESET_VERSION } from '../rules/index';
import { DEFAULT_PARSE_OPTIONS } from '../options/index';
import { readInputFile } from './read-file';

/** What became of one path: a report, or why it could not be read (I/O: exit 2). */
export type Outcome = { file: string; report: Report } | { file: string; error: string };

/** A file over the size limit, rejected before it is read: the same finding the reader gives for too many bytes. */
function oversizeReport(size: number, exact: boolean, maxBytes: number): Report {
  const finding = exact
    ? makeFinding(INPUT_004, 'fileTooLarge', { size, max: maxBytes }, { path: '/' })
    : makeFinding(INPUT_004, 'fileOverLimit', { max: maxBytes }, { path: '/' });
  return { valid: false, findings: [finding], counts: { fatal: 1, error: 0, warning: 0, info: 0 }, rulesetVersion: RULESET_VERSION };
}

/**
 * Reads and checks one file, with the size checked before reading (a 1.5 GB file or /dev/zero costs nothing).
 * `file` is the name as shown; it is read relative to `cwd`. `stdin` stands for `-` when given (tests).
 */
export function checkFile(file: string, options: CheckOptions, cwd: string, stdin?: Uint8Array): Outcome {
  const maxBytes = options.maxBytes ?? DEFAULT_PARSE_OPTIONS.maxBytes;
  if (file === '-' && stdin)
    return { file, report: stdin.length > maxBytes ? oversizeReport(stdin.length, true, maxBytes) : checkGop(stdin, options) };
  const read = readInputFile(file === '-' ? '-' : resolve(cwd, file), maxBytes);
  if (read.ok) return { file, report: checkGop(read.bytes, options) };
  if (read.reason === 'tooLarge') return { file, report: oversizeReport(read.size, read.exact, maxBytes) };
  if (read.reason === 'notRegular') return { file, error: `not a regular file (${read.kind})` };
  return { file, error: read.error };
}
