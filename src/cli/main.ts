import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { buildGopBytes, GopBuildError, GopOptionsError, localDate, parseGop, rules, REFERENCES, createFormatter, addToSummary, emptySummary, validateGop, type CheckOptions, type Report } from '../index';
import { createRedactor, redactParseResult } from '../report/redact';
import { parseValidateArgs, UsageError } from './config';
import { checkCheckOptions } from '../options/index';
import { expandPaths } from './files';
import { HELP, VERSION } from './help';
import { checkFiles } from './run';
import { readInputFile } from './read-file';

/**
 * One worker per core, at most three (each costs ~50 MB; a batch of thousands must stay under 300 MB). On two cores
 * or fewer, one thread: measured on a 2-vCPU machine, 2,000 messages took 1.5 s in one thread and 1.9 s with workers.
 */
const cores = availableParallelism();
const DEFAULT_JOBS = cores <= 2 ? 1 : Math.min(cores, 3);

/** Where output goes: standard output or --output FILE, written as it is produced. */
function openOutput(path: string | undefined) {
  const fd = path ? openSync(path, 'w') : 1;
  // Bytes are written as they are; a string as UTF-8 (what the text formats are).
  return { write: (data: string | Uint8Array) => { if (data.length) { if (typeof data === 'string') writeSync(fd, data); else writeSync(fd, data); } }, close: () => { if (path) closeSync(fd); } };
}

/** --quiet as in eslint: errors only, and warnings no longer count (nor against --max-warnings). */
function onlyErrors(report: Report): Report {
  return { ...report, findings: report.findings.filter((f) => f.severity === 'fatal' || f.severity === 'error'), counts: { ...report.counts, warning: 0, info: 0 } };
}

/** The option names of checkGop as the command line spells them. */
const FLAGS: Record<string, string> = { referenceDate: '--reference-date', severity: '--rule', language: '--lang', redact: '--redact', timeZone: 'time zone' };

/** checkGop's options checked once, before any file: a bad one is a usage error (exit 2), not a stack trace per file. */
function checkOptionsOnce(options: CheckOptions): void {
  try {
    checkCheckOptions(options);
  } catch (error) {
    if (!(error instanceof GopOptionsError)) throw error;
    const flag = (path: string) => {
      const [head, ...rest] = path.split('.');
      return `${FLAGS[head ?? ''] ?? head}${rest.length ? ` ${rest.join('.')}` : ''}`;
    };
    throw new UsageError(error.issues.map((i) => `${flag(i.path)}: ${i.message}`).join('; '));
  }
}

async function validate(argv: string[]): Promise<number> {
  const { config, paths, stdinFilename } = parseValidateArgs(argv, process.cwd());
  const { files, missing } = expandPaths(paths);
  for (const path of missing) process.stderr.write(`gop: ${path}: no such file or directory\n`);
  const options: CheckOptions = {
    // The command line may read the clock; the library never does. Today is taken once, as a Danish date.
    referenceDate: config.referenceDate ?? localDate(new Date(), 'Europe/Copenhagen'),
    timeZone: 'Europe/Copenhagen',
    severity: config.rules,
    language: config.lang,
    redact: config.redact,
  };
  checkOptionsOnce(options);
  const format = config.format ?? 'text';
  let output;
  try {
    output = openOutput(config.output);
  } catch (error) {
    process.stderr.write(`gop: cannot write ${config.output}: ${(error as Error).message.replace(/^[A-Z]+: /, '')}\n`);
    return 2;
  }
  const color = format === 'text' && !config.output && process.stdout.isTTY === true && !process.env.NO_COLOR;
  const formatter = createFormatter(format, { language: config.lang, color, toolVersion: VERSION });
  const summary = emptySummary();
  summary.unreadable = missing.length;
  const progress = process.stderr.isTTY === true && files.length > (process.stdout.rows || 24);
  let seen = 0;
  output.write(formatter.begin());
  try {
    await checkFiles(files, options, config.jobs ?? DEFAULT_JOBS, (outcome) => {
      seen++;
      if (progress) process.stderr.write(`\r${seen}/${files.length} `);
      if ('error' in outcome) {
        summary.unreadable++;
        process.stderr.write(`${progress ? '\r' : ''}gop: ${outcome.file}: cannot read (${outcome.error})\n`);
        return;
      }
      const report = config.quiet ? onlyErrors(outcome.report) : outcome.report;
      addToSummary(summary, report);
      output.write(formatter.file({ file: outcome.file === '-' && stdinFilename ? stdinFilename : outcome.file, report }));
    });
  } finally {
    if (progress) process.stderr.write('\r\x1b[K');
    output.write(formatter.end(summary));
    output.close();
  }
  if (summary.unreadable > 0 || files.length === 0) {
    if (files.length === 0) process.stderr.write('gop: no files to validate\n');
    return 2;
  }
  if (config.exitZero) return 0;
  if (summary.errors > 0) return 1;
  if (config.maxWarnings !== undefined && summary.warnings > config.maxWarnings) {
    process.stderr.write(`gop: ${summary.warnings} warnings, more than --max-warnings ${config.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

function parse(argv: string[]): number {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { redact: { type: 'boolean' } } });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('gop parse takes exactly one FILE');
  const read = readInputFile(file);
  if (!read.ok) {
    process.stderr.write(`gop: ${file}: cannot read (${read.error})\n`);
    return 2;
  }
  const result = parseGop(read.bytes);
  // --redact: the model, the findings and the envelope, masked as a redacted report is (and marked "redacted": true).
  const printed = values.redact ? redactParseResult(result) : result;
  process.stdout.write(JSON.stringify(printed, (key, value) => (key === 'source' ? undefined : value), 2) + '\n');
  return result.ok ? 0 : 1;
}

/** A JSON model (or the output of gop parse) → G-GOP XML. */
function build(argv: string[]): number {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { encoding: { type: 'string' }, pretty: { type: 'boolean' }, output: { type: 'string' }, strict: { type: 'boolean' }, redact: { type: 'boolean' } } });
  if (positionals.length !== 1) throw new UsageError('gop build takes exactly one FILE.json');
  const encoding = values.encoding ?? 'UTF-8';
  if (encoding !== 'UTF-8' && encoding !== 'ISO-8859-1') throw new UsageError(`--encoding ${encoding}: expected UTF-8 or ISO-8859-1`);
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(positionals[0] === '-' ? 0 : positionals[0]!, 'utf8'));
  } catch (error) {
    process.stderr.write(`gop: ${positionals[0]}: cannot read JSON (${(error as Error).message})\n`);
    return 2;
  }
  // `gop parse` output carries the model under "message" (or "partial" when it was incomplete).
  const wrapped = input as { message?: unknown; partial?: unknown; findings?: unknown };
  const message = wrapped && typeof wrapped === 'object' && 'findings' in wrapped ? wrapped.message ?? wrapped.partial : input;
  try {
    let bytes: Uint8Array;
    if (values.redact) {
      // The messages quote the plan's values: with --redact, the validator's are those of a redacted report (masked
      // before they are cut), the builder's own are redacted like any text. Same checks as buildGopBytes's strict.
      const redactor = createRedactor(message as never);
      try {
        bytes = buildGopBytes(message as never, { encoding, pretty: values.pretty });
      } catch (error) {
        if (!(error instanceof GopBuildError)) throw error;
        throw new GopBuildError(error.issues.map((issue) => ({ path: issue.path, message: redactor.text(issue.message) })));
      }
      const errors = values.strict ? validateGop(message as never, { redact: true }).findings.filter((f) => f.severity === 'error' || f.severity === 'fatal') : [];
      if (errors.length) throw new GopBuildError(errors.map((f) => ({ path: f.path, message: `${f.ruleId}: ${f.message}` })));
    } else {
      bytes = buildGopBytes(message as never, { encoding, pretty: values.pretty, strict: values.strict });
    }
    const output = openOutput(values.output);
    output.write(bytes); // as built: a Latin-1 plan's bytes are Latin-1, not its text re-encoded as UTF-8
    output.close();
    return 0;
  } catch (error) {
    if (!(error instanceof GopBuildError)) throw error;
    process.stderr.write(`gop: ${error.message}\n`);
    return 1;
  }
}

function listRules(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { format: { type: 'string' } }, strict: true });
  if (values.format === 'json') {
    process.stdout.write(JSON.stringify(rules.map(({ check: _check, messages: _messages, ...meta }) => ({ ...meta, reference: REFERENCES[meta.reference] })), null, 2) + '\n');
    return 0;
  }
  if (values.format && values.format !== 'text') throw new UsageError(`gop rules --format ${values.format}: expected text or json`);
  for (const rule of rules) process.stdout.write(`${rule.id.padEnd(15)} ${rule.severity.padEnd(8)} ${REFERENCES[rule.reference].label.padEnd(36)} ${rule.title.en}\n`);
  return 0;
}

function help(topic?: string): number {
  const text = HELP[topic ?? 'main'];
  if (!text) throw new UsageError(`no help for "${topic}"`);
  process.stdout.write(text + '\n');
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined) { process.stderr.write(HELP.main + '\n'); return 2; }
    if (command === '--help' || command === '-h') return help();
    if (command === '--version' || command === '-v') { process.stdout.write(VERSION + '\n'); return 0; }
    if (rest.includes('--help') || rest.includes('-h')) return help(command);
    switch (command) {
      case 'help': return help(rest[0]);
      case 'validate': return await validate(rest);
      case 'parse': return parse(rest);
      case 'rules': return listRules(rest);
      case 'build': return build(rest);
      default: throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`gop: ${(error as Error).message}\nRun "gop help${command && HELP[command] ? ` ${command}` : ''}" for usage.\n`);
      return 2;
    }
    if (error instanceof GopOptionsError) { process.stderr.write(`gop: ${error.message}\n`); return 2; }
    process.stderr.write(`gop: ${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
