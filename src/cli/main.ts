import { readFileSync } from 'node:fs';
import { checkGop, parseGop } from '../index';
import { expandPaths } from './files';

const VERSION = '0.1.0';
const USAGE = `gop ${VERSION}: read and validate MedCom genoptræningsplan (G-GOP) messages

Usage:
  gop validate [--exit-zero] PATH...   read each file (directories: every *.xml) and print one line per file
  gop parse FILE                       print the typed model as JSON
  gop --help | --version

Exit codes: 0 no errors, 1 errors found, 2 usage or I/O problem.`;

function readInput(path: string): Uint8Array {
  return path === '-' ? readFileSync(0) : readFileSync(path);
}

function validate(args: string[]): number {
  const exitZero = args.includes('--exit-zero');
  const paths = args.filter((a) => !a.startsWith('--') || a === '-');
  if (paths.length === 0) { console.error('gop validate: no PATH given\n\n' + USAGE); return 2; }
  const { files, missing } = expandPaths(paths);
  let failed = 0;
  for (const path of missing) console.error(`${path}: cannot read (no such file or directory)`);
  for (const file of files) {
    let report;
    try { report = checkGop(readInput(file)); } catch (error) { console.error(`${file}: cannot read (${(error as Error).message})`); failed = 2; continue; }
    const { counts, facts } = report;
    if (!report.valid && failed === 0) failed = 1;
    const first = report.findings.find((f) => f.severity === 'fatal' || f.severity === 'error') ?? report.findings[0];
    const keyFacts = facts ? ` | ${facts.level ?? '?'}, discharged ${facts.dischargeDate ?? '?'}, start by ${facts.mustStartBy ?? '-'}, free choice from ${facts.freeChoiceFrom ?? '-'}` : '';
    console.log(`${report.valid ? 'valid  ' : 'INVALID'} ${file}: ${counts.fatal} fatal, ${counts.error} errors, ${counts.warning} warnings, ${counts.info} info${keyFacts}${first ? `\n        ${first.ruleId} ${first.line ? `${first.line}:${first.column} ` : ''}${first.message}` : ''}`);
  }
  console.log(`${files.length} files read`);
  if (missing.length) return 2;
  return exitZero ? 0 : failed;
}

function parse(args: string[]): number {
  const file = args[0];
  if (!file) { console.error('gop parse: no FILE given'); return 2; }
  let bytes;
  try { bytes = readInput(file); } catch (error) { console.error(`${file}: cannot read (${(error as Error).message})`); return 2; }
  const result = parseGop(bytes);
  console.log(JSON.stringify(result, (key, value) => (key === 'source' ? undefined : value), 2));
  return result.ok ? 0 : 1;
}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') { console.log(USAGE); return command ? 0 : 2; }
  if (command === '--version' || command === '-v') { console.log(VERSION); return 0; }
  if (command === 'validate') return validate(rest);
  if (command === 'parse') return parse(rest);
  console.error(`gop: unknown command "${command}"\n\n${USAGE}`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
