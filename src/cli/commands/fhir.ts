import { readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { KlGatewayResult } from '../../fhir/kl-gateway';
import type { KlGatewayOptions, SenderIds } from '../../fhir/options';
import { GopOptionsError } from '../../options/index';
import { DEFAULT_PARSE_OPTIONS } from '../../options/index';
import { visibleControls as safe } from '../../values/controls';
import { parseOptions, UsageError, type OptionSpec } from '../args';
import { inCliWords, optionsUsage } from '../option-names';
import { reportNames } from '../fhir-names';
import { expandPaths } from '../files';
import { readInput } from '../input';
import { openOutput, type Output } from '../output';
import type { CliIo } from '../io';
import type { Command } from './types';

const OPTIONS: OptionSpec[] = [
  { name: 'municipality-sor', type: 'string', value: 'SOR', description: "the receiving municipality's own SOR code (required)" },
  { name: 'requester-sor', type: 'string', value: 'SOR', description: "the sending hospital unit's SOR code (or --sor-map)" },
  {
    name: 'sor-map',
    type: 'string',
    value: 'FILE',
    description: 'JSON { "EAN or sygehusafdelingsnummer": "SOR code", … }: the SOR code of each\nplan’s sender, for batches',
  },
  { name: 'received', type: 'string', value: 'YYYY-MM-DD', description: 'when the plan was received: authoredOn (default: its sent date)' },
  { name: 'timestamp', type: 'string', value: 'INSTANT', description: "the report's Bundle.timestamp (default: now)" },
  {
    name: 'almen-split',
    type: 'string',
    value: 'basal|avanceret',
    description: "the municipality's split of almen (plans of level almen)",
  },
  { name: 'offered-start', type: 'string', value: 'YYYY-MM-DD', description: 'the first contact offered: occurrencePeriod.start' },
  {
    name: 'status-reason',
    type: 'string',
    value: 'REASON',
    description: 'why nothing started within 7 days: Udskudt, AndenKommune, FritValg, Fejl or\nFritValgAfslaaet',
  },
  {
    name: 'output',
    short: 'o',
    type: 'string',
    value: 'FILE|DIR',
    description: 'write the bundle to FILE instead of standard output; for a FOLDER, the\nfolder to write <name>.fhir.json into (required)',
  },
];

const str = (value: unknown) => value as string | undefined;

/** --sor-map: an object of EAN or sygehusafdelingsnummer → SOR code. */
function readSorMap(file: string, io: CliIo): (sender: SenderIds) => string | undefined {
  let map: unknown;
  try {
    map = JSON.parse(readFileSync(resolve(io.cwd, file), 'utf8'));
  } catch (error) {
    throw new UsageError(`--sor-map ${safe(file)}: ${safe((error as Error).message)}`);
  }
  if (map === null || typeof map !== 'object' || Array.isArray(map) || !Object.values(map).every((v) => typeof v === 'string'))
    throw new UsageError(`--sor-map ${safe(file)}: expected a JSON object of EAN or sygehusafdelingsnummer → SOR code (text)`);
  const codes = new Map(Object.entries(map as Record<string, string>));
  return (sender) => (sender.ean && codes.get(sender.ean)) || (sender.identifier && codes.get(sender.identifier)) || undefined;
}

/** The report, or the options' mistakes as a usage error naming the flags. */
async function reportFor(bytes: Uint8Array, options: KlGatewayOptions): Promise<KlGatewayResult> {
  // Loaded when used: `gop validate` does not pay for the FHIR mapping at start-up.
  const { toKlGatewayReport } = await import('../../fhir/kl-gateway');
  try {
    return toKlGatewayReport(bytes, options);
  } catch (error) {
    if (!(error instanceof GopOptionsError)) throw error;
    throw optionsUsage(error.issues);
  }
}

/** The problems and the proposal on standard error; the JSON, when there is a bundle. */
async function say(file: string, result: KlGatewayResult, io: CliIo): Promise<string | undefined> {
  for (const problem of result.problems)
    await io.stderr.write(`gop: ${safe(file)}: no report (${problem.code}): ${safe(inCliWords(problem.en))}\n`);
  if (result.proposedStatusReason)
    await io.stderr.write(
      `gop: ${safe(file)}: the plan asks for a start more than 7 days after discharge: consider --status-reason ${result.proposedStatusReason}\n`,
    );
  else if (result.statusReasonNote) await io.stderr.write(`gop: ${safe(file)}: ${safe(inCliWords(result.statusReasonNote.en))}\n`);
  return result.ok ? `${JSON.stringify(result.bundle, null, 2)}\n` : undefined;
}

async function write(path: string | undefined, text: string, io: CliIo): Promise<boolean> {
  let output: Output | undefined;
  try {
    output = openOutput(path, io);
    await output.sink.write(text);
    await output.commit();
    return true;
  } catch (error) {
    output?.abort();
    await io.stderr.write(`gop: cannot write ${safe(path ?? '-')}: ${safe((error as Error).message)}\n`);
    return false;
  }
}

export const fhirCommand: Command = {
  name: 'fhir',
  summary: 'print the KL Gateway (§ 140) FHIR delivery report for a received plan',
  usage: 'gop fhir --municipality-sor SOR [options] PLAN|FOLDER',
  description: `Reads PLAN (or - for standard input) and prints the FHIR R4 Bundle a municipality reports to KL Gateway
(kl.dk.fhir.rehab 2.2.0): the citizen by CPR number only, the sender by SOR code, the plan's level, discharge date and
diagnoses. For a FOLDER, writes one <name>.fhir.json per plan into the folder given by -o, sub-folders kept
(sub/plan.xml → sub/plan.fhir.json). No report replaces another: plans whose report names would be the same on a
file system that ignores case (plan.xml and plan.XML) get numbered names instead, plan~1.fhir.json and
plan~2.fhir.json in the order of their paths, said on standard error.
Exit 0: every report was made; 1: a plan cannot be reported (why, on standard error); 2: usage or I/O.`,
  options: OPTIONS,
  examples: [
    'gop fhir --municipality-sor 451000016003 --requester-sor 227871000016001 --received 2019-03-06 plan.xml > report.json',
    'gop fhir --municipality-sor 451000016003 --sor-map sor.json --status-reason Udskudt inbox -o reports',
  ],
  async run(argv, io) {
    const { values, positionals } = parseOptions(argv, OPTIONS);
    if (positionals.length !== 1) throw new UsageError('gop fhir takes exactly one PLAN or FOLDER');
    if (values['requester-sor'] !== undefined && values['sor-map'] !== undefined)
      throw new UsageError('give --requester-sor or --sor-map, not both');
    const sorMap = str(values['sor-map']);
    const options: KlGatewayOptions = {
      municipalitySor: str(values['municipality-sor'])!,
      timestamp:
        str(values['timestamp']) ??
        io
          .now()
          .toISOString()
          .replace(/\.\d+Z$/, 'Z'),
      ...(values['requester-sor'] === undefined ? {} : { requesterSor: str(values['requester-sor']) }),
      ...(sorMap === undefined ? {} : { sorForSender: readSorMap(sorMap, io) }),
      ...(values['received'] === undefined ? {} : { receivedAt: str(values['received']) }),
      ...(values['almen-split'] === undefined ? {} : { almenSplit: str(values['almen-split']) as KlGatewayOptions['almenSplit'] }),
      ...(values['offered-start'] === undefined ? {} : { offeredStart: str(values['offered-start']) }),
      ...(values['status-reason'] === undefined ? {} : { statusReason: str(values['status-reason']) as KlGatewayOptions['statusReason'] }),
    };
    const target = positionals[0]!;
    const out = str(values['output']);
    const folder = target !== '-' && statSync(resolve(io.cwd, target), { throwIfNoEntry: false })?.isDirectory() === true;

    if (!folder) {
      const read = await readInput(target, DEFAULT_PARSE_OPTIONS.maxBytes, io);
      if (!read.ok) return read.status;
      const json = await say(target, await reportFor(read.bytes, options), io);
      if (json === undefined) return 1;
      return (await write(out, json, io)) ? 0 : 2;
    }

    if (out === undefined || out === '-')
      throw new UsageError('gop fhir FOLDER needs -o DIR: the folder to write one <name>.fhir.json per plan into');
    const { files, problems } = expandPaths([target], { cwd: io.cwd });
    for (const problem of problems) await io.stderr.write(`gop: ${safe(problem.path)}: ${safe(problem.detail ?? problem.reason)}\n`);
    let status = problems.length > 0 ? 2 : 0;
    const base = resolve(io.cwd, target);
    // Every name decided before anything is written, from the paths alone: the same folder always gives the same names.
    const names = reportNames(files.map((file) => relative(base, resolve(io.cwd, file)).split(sep).join('/')));
    for (const [i, file] of files.entries()) {
      const read = await readInput(file, DEFAULT_PARSE_OPTIONS.maxBytes, io);
      if (!read.ok) {
        status = 2;
        continue;
      }
      const json = await say(file, await reportFor(read.bytes, options), io);
      if (json === undefined) {
        status = Math.max(status, 1);
        continue;
      }
      const { name, clashesWith, clashesWithFolder } = names[i]!;
      const path = join(resolve(io.cwd, out), name);
      if (!(await write(path, json, io))) status = 2;
      else if (clashesWith.length > 0 || clashesWithFolder) {
        const why =
          clashesWith.length > 0
            ? `${clashesWith.map((j) => safe(files[j]!)).join(', ')} would get the same name`
            : 'a folder of reports has that name';
        await io.stderr.write(`gop: ${safe(file)}: report written to ${safe(path)}, a numbered name (${why})\n`);
      }
    }
    return status;
  },
};
