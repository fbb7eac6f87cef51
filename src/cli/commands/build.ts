import { checkGop } from '../../report/validate';
import { createRedactor } from '../../report/redact';
import { parseOptions, UsageError, type OptionSpec } from '../args';
import { readInput } from '../input';
import { openOutput, type Output } from '../output';
import { cannotWriteLine } from '../file-names';
import { uiIn } from '../../format/ui-texts';
import { visibleControls as safe } from '../../values/controls';
import { BuildOptionsSchema, checkBuildOptions } from '../../write/options';
import { libraryOptions, optionsFrom } from '../option-names';
import type { Command } from './types';

/** A JSON model of the largest plan the reader accepts (5 MiB) is well under this. */
const MAX_JSON_BYTES = 64 * 1024 * 1024;

const OPTIONS: OptionSpec[] = [
  ...libraryOptions(BuildOptionsSchema, ['encoding', 'pretty', 'strict', 'prefixes']),
  {
    name: 'redact',
    type: 'boolean',
    description:
      'mask the values quoted in the problems, as gop validate --redact does (the XML is never redacted);\nmessages name the file "file 1"',
  },
  { name: 'output', short: 'o', type: 'string', value: 'FILE', description: 'write the XML to FILE instead of standard output' },
];

export const buildCommand: Command = {
  name: 'build',
  summary: 'write a JSON model (or gop parse output) as G-GOP XML',
  usage: 'gop build [options] FILE.json',
  description: `Writes the model in FILE.json (or - for standard input) as a G-GOP message. FILE.json is a message object, or the
output of gop parse (its "message" is used). Refuses — exit 1, with every problem listed — a model that does not meet
the schema; with --strict also one with error findings. Exit 2 when the file cannot be read.`,
  options: OPTIONS,
  examples: ['gop parse plan.xml > plan.json && gop build plan.json > again.xml'],
  async run(argv, io) {
    const { values, positionals } = parseOptions(argv, OPTIONS);
    if (positionals.length !== 1) throw new UsageError('gop build takes exactly one FILE.json');
    const { strict, ...written } = optionsFrom(values, OPTIONS, checkBuildOptions);
    const file = positionals[0]!;
    const redact = values['redact'] === true;
    // --redact: the file is "file 1" in any message, never a part of its name.
    const read = await readInput(file, MAX_JSON_BYTES, io, 'en', redact);
    if (!read.ok) return read.status;
    let input: unknown;
    try {
      input = JSON.parse(new TextDecoder().decode(read.bytes));
    } catch (error) {
      const reason = (error as Error).message;
      // Node quotes the text around the mistake ("Kirsten Hø"... is not valid JSON): under --redact only where it is.
      const where = /position \d+(?: \(line \d+ column \d+\))?/.exec(reason)?.[0];
      const shown = redact
        ? `${uiIn('en').redactedFile(1)}: cannot read JSON (${where ? `at ${where}` : 'not valid JSON'})`
        : `${safe(file)}: cannot read JSON (${safe(reason)})`;
      await io.stderr.write(`gop: ${shown}\n`);
      return 2;
    }
    // `gop parse` output carries the model under "message" (or "partial" when it was incomplete).
    const wrapped = input as { message?: unknown; partial?: unknown; findings?: unknown };
    const message = wrapped && typeof wrapped === 'object' && 'findings' in wrapped ? (wrapped.message ?? wrapped.partial) : input;
    // Loaded when used: `gop validate` does not pay for the builder at start-up.
    const { buildGopBytes, GopBuildError } = await import('../../write/build');
    let bytes: Uint8Array;
    try {
      if (redact) {
        // The problems quote the plan's values: with --redact, the validator's are those of a redacted report (masked
        // before they are cut), the builder's own are redacted like any text. Same checks as buildGopBytes's strict.
        const redactor = createRedactor(message as never);
        try {
          bytes = buildGopBytes(message as never, written);
        } catch (error) {
          if (!(error instanceof GopBuildError)) throw error;
          throw new GopBuildError(error.issues.map((issue) => ({ path: issue.path, message: redactor.text(issue.message) })));
        }
        const errors = strict
          ? checkGop(message as never, { redact: true }).findings.filter((f) => f.severity === 'error' || f.severity === 'fatal')
          : [];
        if (errors.length) throw new GopBuildError(errors.map((f) => ({ path: f.path, message: `${f.ruleId}: ${f.message}` })));
      } else {
        bytes = buildGopBytes(message as never, { ...written, strict });
      }
    } catch (error) {
      if (!(error instanceof GopBuildError)) throw error;
      // One problem per line (each line escaped on its own: a message never spans two).
      const lines = error.issues.map((issue) => `  ${safe(issue.path)}: ${safe(issue.message)}\n`);
      await io.stderr.write(
        `gop: cannot build the G-GOP message (${error.issues.length} ${error.issues.length === 1 ? 'problem' : 'problems'}):\n${lines.join('')}`,
      );
      return 1;
    }
    const path = values['output'] as string | undefined;
    let output: Output | undefined;
    try {
      output = openOutput(path, io);
      await output.sink.write(bytes); // as built: a Latin-1 plan's bytes are Latin-1, not its text re-encoded as UTF-8
      await output.commit();
    } catch (error) {
      output?.abort();
      await io.stderr.write(`gop: ${cannotWriteLine(path, (error as Error).message, io.cwd, redact)}\n`);
      return 2;
    }
    return 0;
  },
};
