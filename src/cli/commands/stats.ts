import { resolve } from 'node:path';
import { QualityStandardSchema, type QualityStandard } from '../../facts/quality-standard';
import { CheckOptionsSchema } from '../../report/options';
import { PERIOD_UNITS, type PeriodUnit, type StartRecord } from '../../stats/schema';
import { SUMMARY_FORMATS, type SummaryFormat } from '../../stats/format';
import type { Language } from '../../texts/languages';
import { visibleControls as safe } from '../../values/controls';
import { didYouMean } from '../../values/edit-distance';
import { localDate } from '../../values/local-date';
import { parseOptions, UsageError, type OptionSpec, type ParsedValues } from '../args';
import { cannotWriteLine } from '../file-names';
import { expandPaths } from '../files';
import type { CliIo } from '../io';
import { libraryOption } from '../option-names';
import { openOutput } from '../output';
import { readInputFile } from '../read-file';
import { INTERRUPTED_STATUS } from '../signals';
import { CLI_TEXTS, detailIn } from '../texts';
import type { Command } from './types';

/** The largest plan read (parseGop's default maxBytes) and the largest standard file: a standard is a few lines. */
const MAX_PLAN_BYTES = 5 * 1024 * 1024;
const MAX_STANDARD_BYTES = 64 * 1024;

const OPTIONS: OptionSpec[] = [
  {
    name: 'starts',
    type: 'string',
    value: 'FILE.csv',
    description:
      "the municipality's records of starts: CSV with the header letterIdentifier,senderEan,decidedLevel,offeredStart,started\n" +
      '(, or ;, UTF-8 or Windows-1252, dates YYYY-MM-DD, DD-MM-YYYY or DD.MM.YYYY); a bad row is reported by its line and left out',
  },
  {
    name: 'standard',
    type: 'string',
    value: 'FILE.json',
    description:
      'the municipality\'s quality standard: {"name": …, "start": {"within": 10, "unit": "days"|"workingDays", "from": "discharge"}}',
  },
  { name: 'by', type: 'string', value: PERIOD_UNITS.join('|'), description: 'the period of the counts (default month)' },
  { name: 'format', short: 'f', type: 'string', value: SUMMARY_FORMATS.join('|'), description: 'output format (default text)' },
  {
    name: 'output',
    short: 'o',
    type: 'string',
    value: 'FILE',
    description: 'write the report to FILE (folders are made; written whole or not at all); - for standard output',
  },
  libraryOption(CheckOptionsSchema, 'language', { instead: 'language of the text and HTML report (default da) and of the messages' }),
  {
    name: 'strict',
    type: 'boolean',
    description: 'exit 1 when a row of the starts file is bad (bad rows are always reported and left out)',
  },
];

/** What this command says on standard error besides the CLI's common lines. */
const WORDS: Record<
  Language,
  { notStandard: (file: string, problem: string) => string; notJson: string; startsProblems: (problems: number, lines: number) => string }
> = {
  en: {
    notStandard: (file, problem) => `${file}: not a quality standard: ${problem}`,
    notJson: 'not JSON',
    startsProblems: (problems, lines) =>
      `the starts file: ${problems} ${problems === 1 ? 'problem' : 'problems'} on ${lines} ${lines === 1 ? 'line' : 'lines'}; those rows are left out`,
  },
  da: {
    notStandard: (file, problem) => `${file}: ikke en kvalitetsstandard: ${problem}`,
    notJson: 'ikke JSON',
    startsProblems: (problems, lines) =>
      `opstartsfilen: ${problems} fejl på ${lines} ${lines === 1 ? 'linje' : 'linjer'}; de rækker er udeladt`,
  },
};

/** A flag's value from a list, or a usage error that names the near miss. */
function choice<T extends string>(values: ParsedValues, name: string, choices: readonly T[], fallback: T): T {
  const given = values[name] as string | undefined;
  if (given === undefined) return fallback;
  if ((choices as readonly string[]).includes(given)) return given as T;
  throw new UsageError(`--${name} ${safe(given)}: expected ${choices.join(', ')}${didYouMean(given, choices)}`);
}

type Say = (line: string) => Promise<void>;

/** The file's bytes, or undefined after a line on standard error. */
async function readWhole(file: string, maxBytes: number, io: CliIo, language: Language, say: Say): Promise<Uint8Array | undefined> {
  const read = readInputFile(file === '-' ? '-' : resolve(io.cwd, file), maxBytes);
  if (read.ok) return read.bytes;
  const t = CLI_TEXTS[language];
  if (read.reason === 'tooLarge') await say(t.overLimit(safe(file), maxBytes));
  else await say(t.cannotRead(safe(file), safe(read.reason === 'io' ? read.error : t.notRegularFile(read.kind))));
  return undefined;
}

/** --standard FILE.json: the standard, or undefined after the line that says what is wrong with it. */
async function readStandard(file: string, io: CliIo, language: Language, say: Say): Promise<QualityStandard | undefined> {
  const bytes = await readWhole(file, MAX_STANDARD_BYTES, io, language, say);
  if (!bytes) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    await say(WORDS[language].notStandard(safe(file), WORDS[language].notJson));
    return undefined;
  }
  const parsed = QualityStandardSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(the file)'} ${issue.message}`);
  await say(WORDS[language].notStandard(safe(file), safe(problems.join('; '))));
  return undefined;
}

/** --starts FILE.csv: its good rows; each bad one said on standard error by its line (and column), then left out. */
async function readStarts(
  file: string,
  io: CliIo,
  language: Language,
  say: Say,
): Promise<{ rows: StartRecord[]; problems: number } | undefined> {
  const { parseStarts, STARTS_LIMITS } = await import('../../stats/starts');
  const bytes = await readWhole(file, STARTS_LIMITS.bytes, io, language, say);
  if (!bytes) return undefined;
  const parsed = parseStarts(bytes);
  for (const problem of parsed.problems)
    await say(
      `${safe(file)}:${problem.line}${problem.column === undefined ? '' : `:${problem.column}`}: ${safe(problem.message[language])}`,
    );
  const lines = new Set(parsed.problems.map((p) => p.line)).size;
  if (parsed.problems.length) await say(WORDS[language].startsProblems(parsed.problems.length, lines));
  return { rows: parsed.rows, problems: parsed.problems.length };
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(argv, OPTIONS);
  const format: SummaryFormat = choice(values, 'format', SUMMARY_FORMATS, 'text');
  const by: PeriodUnit = choice(values, 'by', PERIOD_UNITS, 'month');
  const language = choice(values, 'lang', ['da', 'en'] as const, 'da');
  const messages: Language = values['lang'] === undefined ? 'en' : language;
  const t = CLI_TEXTS[messages];
  const say: Say = (line) => io.stderr.write(`gop: ${line}\n`);

  const standardFile = values['standard'] as string | undefined;
  const standard = standardFile === undefined ? undefined : await readStandard(standardFile, io, messages, say);
  if (standardFile !== undefined && !standard) return 2;
  const startsFile = values['starts'] as string | undefined;
  const starts = startsFile === undefined ? undefined : await readStarts(startsFile, io, messages, say);
  if (startsFile !== undefined && !starts) return 2;

  const file = values['output'] as string | undefined;
  let output: ReturnType<typeof openOutput>;
  try {
    output = openOutput(file, io);
  } catch (error) {
    await say(cannotWriteLine(file ?? '', (error as Error).message.replace(/^[A-Z]+: /, ''), io.cwd, false, t));
    return 2;
  }

  const expanded = expandPaths(positionals.length ? positionals : ['.'], { cwd: io.cwd });
  // A report written into the folder being summed up is not one of the plans.
  const files = output.path ? expanded.files.filter((f) => f === '-' || resolve(io.cwd, f) !== output.path) : expanded.files;
  let notRead = 0;
  let seen = 0;
  for (const problem of expanded.problems) {
    const detail = safe(detailIn(messages, problem));
    if (problem.reason === 'notRegular') {
      await say(t.skippedNotRegular(safe(problem.path), detail));
      continue;
    }
    notRead++;
    if (problem.reason === 'missing') await say(t.missing(safe(problem.path), detail));
    else if (problem.reason === 'noMatch') await say(t.noMatch(safe(problem.path), detail));
    else await say(t.cannotList(safe(problem.path), detail));
  }

  // One plan's bytes at a time: the summary keeps counts, not the plans.
  async function* plans(): AsyncGenerator<Uint8Array> {
    for (const path of files) {
      if (io.signal?.aborted) return;
      seen++;
      const bytes = path === '-' && io.stdin ? io.stdin : await readWhole(path, MAX_PLAN_BYTES, io, messages, say);
      if (bytes) yield bytes;
      else notRead++;
    }
  }
  const [{ summarizePlans }, { summaryCsv, summaryJson, summaryText }] = await Promise.all([
    import('../../stats/summary'),
    import('../../stats/format'),
  ]);
  const timeZone = 'Europe/Copenhagen';
  const summary = await summarizePlans(plans(), {
    by,
    timeZone,
    referenceDate: localDate(io.now(), timeZone),
    ...(starts ? { starts: starts.rows } : {}),
    ...(standard ? { standard } : {}),
  });
  if (io.signal?.aborted) {
    output.abort();
    await say(t.interrupted(seen, files.length, file === undefined || file === '-' ? undefined : safe(file)));
    return INTERRUPTED_STATUS;
  }
  let report: string;
  if (format === 'json') report = summaryJson(summary);
  else if (format === 'csv') report = summaryCsv(summary);
  else if (format === 'text') report = summaryText(summary, language);
  else {
    const { renderSummaryHtml } = await import('../../stats/html');
    report = renderSummaryHtml(summary, { language, ...(standard ? { standard } : {}) });
  }
  try {
    await output.sink.write(report);
    await output.commit();
  } catch (error) {
    output.abort();
    await say(cannotWriteLine(file ?? '', (error as Error).message, io.cwd, false, t));
    return 2;
  }
  if (files.length === 0 && notRead === 0) {
    await say(t.noFiles);
    return 2;
  }
  if (notRead > 0) return 2;
  return values['strict'] === true && (starts?.problems ?? 0) > 0 ? 1 : 0;
}

export const statsCommand: Command = {
  name: 'stats',
  summary: "count many plans for the municipality's follow-up: levels, the guarantee, a quality standard",
  usage: 'gop stats [options] [PATH...]',
  description: `Reads every plan in PATH (a file, a folder: every *.xml below it, a glob, !GLOB to leave files out, or - for
standard input; default the working folder), one at a time, and prints the follow-up numbers: plans per period by
level with the municipality's basal/avanceret split (from --starts), starts within the guarantee (§ 140 stk. 4) and
within the quality standard (--standard), days to start, senders, deadlines. A plan sent twice (same sender EAN and
letter id) counts once. Counts only: no CPR number, name or free text. Formats: text, json (the summary, see
schemas/summary.schema.json), csv (one row per period), html (one self-contained page with charts and their tables).
Each bad row of the starts file is reported on standard error with its line and left out; the rest is used.
Exit 0: the report was written (bad start rows too, unless --strict: then 1); 2: usage, a path or file that could
not be read, or a --standard file that is not a standard.`,
  options: OPTIONS,
  examples: [
    'gop stats plans/',
    'gop stats --starts starts.csv --standard standard.json --by quarter -f html -o report.html plans/',
    'gop stats -f csv --by year "plans/**/*.xml" > per-year.csv',
  ],
  run,
};
