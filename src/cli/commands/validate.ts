import { CLI_TEXTS, detailIn } from '../texts';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { localDate } from '../../values/local-date';
import { createFormatter, FORMATS } from '../../format/index';
import { addToSummary, emptySummary } from '../../format/types';
import type { CheckOptions } from '../../report/options';
import { parseOptions, UsageError, type OptionSpec } from '../args';
import { LIBRARY_SETTINGS, resolveSettings } from '../config';
import { expandPaths } from '../files';
import { VERSION } from '../version';
import { openOutput } from '../output';
import { gatheringSink } from '../io';
import { checkFiles } from '../run';
import { showReport, type ShowSettings } from '../check-file';
import { INTERRUPTED_STATUS } from '../signals';
import { visibleControls as safe } from '../../values/controls';
import { uiIn } from '../../format/ui-texts';
import { cannotWriteLine, detailWithoutName } from '../file-names';
import type { Command } from './types';

/**
 * One worker per core, at most three (each costs ~50 MB; a batch of thousands must stay under 300 MB). On two cores
 * or fewer, one thread. Measured (issue 26) on a 2-vCPU machine busy with other work (load 7.5–8.4), 20,000 messages,
 * three alternating series: one thread 1,236 messages/s (13.3 s of CPU), two workers 1,014/s (16.0 s of CPU, 264 MB):
 * two workers cost 20 % more CPU per message (a second heap, its collector and compiler) and gain only on idle cores.
 * Again at load 1.5–2.1 (nine series): two workers 1.08–1.48× one thread, for 30–45 % more CPU and twice the memory:
 * a gain on a quiet machine, a loss on a busy one, so the default stays one thread there and -j 2 is the user's call.
 */
const cores = availableParallelism();
const DEFAULT_JOBS = cores <= 2 ? 1 : Math.min(cores, 3);

const OPTIONS: OptionSpec[] = [
  { name: 'format', short: 'f', type: 'string', value: FORMATS.join('|'), description: 'output format (default text)' },
  {
    name: 'output',
    short: 'o',
    type: 'string',
    value: 'FILE',
    description: 'write the report to FILE (folders are made; written whole or not at all); - for standard output',
  },
  ...LIBRARY_SETTINGS,
  { name: 'max-warnings', type: 'string', value: 'N', description: 'exit 1 when there are more than N warnings (-1: no limit)' },
  {
    name: 'config',
    short: 'c',
    type: 'string',
    negatable: true,
    value: 'FILE',
    description:
      'JSON file with the same settings (default: the nearest gop.config.json from the working\nfolder upward); --no-config reads none',
  },
  {
    name: 'ignore-pattern',
    type: 'string',
    multiple: true,
    value: 'GLOB',
    description: 'skip files matching GLOB, relative to the working folder (repeatable; also !GLOB as a path)',
  },
  {
    name: 'jobs',
    short: 'j',
    type: 'string',
    value: 'N',
    description: 'worker threads (default: the cores, at most 3; one on 2 cores or fewer and for small batches)',
  },
  {
    name: 'own-ean',
    type: 'string',
    multiple: true,
    value: 'EAN',
    description:
      "one of our own location numbers (repeatable): each file's receipt is then negative\n(ukendt_lokationsnummer) for a plan addressed to another",
  },
  { name: 'quiet', short: 'q', type: 'boolean', description: 'report errors only: no warnings, no lines for files without errors' },
  { name: 'exit-zero', type: 'boolean', description: 'exit 0 even when errors are found (still 2 on usage or I/O problems)' },
  { name: 'stdin-filename', type: 'string', value: 'NAME', description: 'the name standard input (-) is reported under' },
  {
    name: 'color',
    type: 'boolean',
    negatable: true,
    description: 'colours in the text format (default: on a terminal, unless NO_COLOR is set)',
  },
];

async function run(argv: string[], io: Parameters<Command['run']>[1]): Promise<number> {
  const { values, positionals } = parseOptions(argv, OPTIONS);
  // checkGop's options are checked here, once, before any file: a bad one is a usage error, not a problem per file.
  const { config, options: settings, paths, stdinFilename } = resolveSettings(values, positionals, io.cwd);
  const timeZone = settings.timeZone ?? 'Europe/Copenhagen';
  const lang = settings.language;
  // The command line may read the clock; the library never does. Today is taken once, as a Danish date.
  const options: CheckOptions = { ...settings, timeZone, referenceDate: settings.referenceDate ?? localDate(io.now(), timeZone) };
  const ownEans = values['own-ean'] as string[] | undefined;
  const notEan = ownEans?.find((ean) => !/^\d{13}$/.test(ean));
  if (notEan !== undefined) throw new UsageError(`--own-ean ${safe(notEan)}: an EAN location number is 13 digits`);
  const say = (line: string) => io.stderr.write(`gop: ${line}\n`);
  const t = CLI_TEXTS[lang ?? 'en'];
  // --redact: a file or folder name is personal data too ("GGOP_2512484916_Nancy_Berggren.xml"). No part of one leaves:
  // a file is "file N" (its place in the list of files, as every format names it), any other path "path N".
  const redact = settings.redact === true;
  const fileShown = (file: string, position: number) => (redact ? uiIn(lang).redactedFile(position) : safe(file));
  const pathNumbers = new Map<string, number>();
  const pathShown = (path: string) => {
    if (!redact) return safe(path);
    if (!pathNumbers.has(path)) pathNumbers.set(path, pathNumbers.size + 1);
    return t.redactedPath(pathNumbers.get(path)!);
  };
  /** A detail about a path, without the path (Node's words may quote it). */
  const detailShown = (detail: string, path: string, placeholder: string) =>
    safe(redact ? detailWithoutName(detail, path, io.cwd, placeholder) : detail);
  const outputShown = redact ? t.outputFile : safe(config.output ?? '');

  const format = config.format ?? 'text';
  const toStdout = config.output === undefined || config.output === '-';
  let output: ReturnType<typeof openOutput>;
  try {
    output = openOutput(config.output, io);
  } catch (error) {
    await say(cannotWriteLine(config.output ?? '', (error as Error).message.replace(/^[A-Z]+: /, ''), io.cwd, redact, t));
    return 2;
  }

  const expanded = expandPaths(paths, { cwd: io.cwd, ignorePatterns: config.ignorePatterns });
  // A report written into the folder being validated is not one of the messages (a JUnit report is *.xml).
  const files = output.path ? expanded.files.filter((f) => f === '-' || resolve(io.cwd, f) !== output.path) : expanded.files;
  let unreadable = 0;
  for (const problem of expanded.problems) {
    const path = pathShown(problem.path);
    const detail = detailShown(detailIn(lang ?? 'en', problem), problem.path, path);
    if (problem.reason === 'notRegular') {
      await say(t.skippedNotRegular(path, detail));
      continue;
    }
    unreadable++;
    if (problem.reason === 'missing') await say(t.missing(path, detail));
    else if (problem.reason === 'noMatch') await say(redact ? t.noMatchRedacted(path, detail) : t.noMatch(path, detail));
    else await say(t.cannotList(path, detail));
  }

  const colorSetting = values['color'] as boolean | undefined;
  const color = format === 'text' && toStdout && (colorSetting ?? (io.stdout.isTTY && !io.env['NO_COLOR']));
  // Days left only when the user gave the reference date: a default of today would change the output every day.
  const show: ShowSettings = {
    format,
    options: {
      language: lang,
      color,
      toolVersion: VERSION,
      redact,
      referenceDateGiven: settings.referenceDate !== undefined,
      // the working folder's path may name a person: not written under --redact
      ...(redact ? {} : { baseDirectory: io.cwd }),
    },
    quiet: config.quiet === true,
  };
  const formatter = createFormatter(format, show.options);
  const summary = emptySummary();
  const progress = io.stderr.isTTY && files.length > (io.stdout.rows || 24);
  const stopped = () => output.sink.closed || io.signal?.aborted === true;
  const sink = gatheringSink(output.sink);
  let seen = 0;
  try {
    await sink.write(formatter.begin());
    await checkFiles(
      files,
      { options, cwd: io.cwd, ...(ownEans ? { ownLocationNumbers: ownEans } : {}), show },
      {
        jobs: config.jobs ?? DEFAULT_JOBS,
        stdin: io.stdin,
        stop: stopped,
        execArgv: io.execArgv,
        workerScript: io.workerScript,
      },
      async (outcome) => {
        seen++;
        if (progress) await io.stderr.write(`\r${seen}/${files.length} `);
        const shown = outcome.file === '-' && stdinFilename ? stdinFilename : outcome.file;
        // Outcomes come in the order of `files`: `seen` is this one's place in it.
        const position = seen;
        if ('error' in outcome) {
          unreadable++;
          const name = fileShown(shown, position);
          // in its place among the results, where both streams go to one terminal
          await sink.flush();
          await io.stderr.write(`${progress ? '\r' : ''}gop: ${t.cannotRead(name, detailShown(outcome.error, outcome.file, name))}\n`);
          return;
        }
        // Shown by the worker that checked it, or here.
        const { tally, piece } = 'shown' in outcome ? outcome.shown : showReport(shown, outcome, position, formatter, show);
        addToSummary(summary, tally);
        if (piece) await sink.write(formatter.place(piece));
      },
    );
    await sink.flush();
    if (progress) await io.stderr.write('\r\x1b[K');
    if (io.signal?.aborted) {
      output.abort();
      await say(t.interrupted(seen, files.length, toStdout ? undefined : outputShown));
      return INTERRUPTED_STATUS;
    }
    summary.unreadable = unreadable;
    await sink.write(formatter.end(summary));
    await sink.flush();
    await output.commit();
  } catch (error) {
    output.abort();
    throw error;
  }
  if (output.sink.closed && toStdout) return statusOf(summary, config, unreadable, true);
  if (files.length === 0 && unreadable === 0) {
    await say(t.noFiles);
    return 2;
  }
  const status = statusOf(summary, config, unreadable, false);
  if (status === 1 && summary.errors === 0) await say(t.tooManyWarnings(summary.warnings, config.maxWarnings!));
  return status;
}

/** The exit status: 2 for anything not read, else 1 for errors or too many warnings, else 0. */
function statusOf(
  summary: ReturnType<typeof emptySummary>,
  config: { exitZero?: boolean; maxWarnings?: number },
  unreadable: number,
  partial: boolean,
): number {
  if (unreadable > 0) return 2;
  if (config.exitZero) return 0;
  if (summary.errors > 0) return 1;
  if (!partial && config.maxWarnings !== undefined && config.maxWarnings >= 0 && summary.warnings > config.maxWarnings) return 1;
  return 0;
}

export const validateCommand: Command = {
  name: 'validate',
  summary: 'validate files, folders (every *.xml below), globs or - (standard input)',
  usage: 'gop validate [options] [PATH...]',
  description: `Validates each message and prints a report. PATH is a file, a folder (every *.xml below it, skipping
node_modules and dot-folders), a glob ("fixtures/**/*.xml", quoted), !GLOB to leave files out, or - for standard
input. Default PATH: the working folder. A file named twice (or by two spellings) is validated once.
Exit 0: no errors; 1: errors (or warnings over --max-warnings); 2: a usage problem, or a path that could not be read.`,
  options: OPTIONS,
  examples: [
    'gop validate fixtures',
    'gop validate -f sarif -o reports/gop.sarif "messages/**/*.xml" "!messages/drafts/**"',
    'gop validate --rule GOP-LAW-005=off --max-warnings 0 plan.xml',
    'cat plan.xml | gop validate -f json -',
  ],
  run,
};
