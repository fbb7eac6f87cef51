import { parseGop } from '../../read/parse';
import { redactParseResult } from '../../report/redact';
import { parseOptions, UsageError, type OptionSpec } from '../args';
import { readInput } from '../input';
import { limitsFrom, PARSE_OPTIONS, withCliWording } from '../option-names';
import { openOutput, type Output } from '../output';
import { cannotWriteLine } from '../file-names';
import type { Command } from './types';

const OPTIONS: OptionSpec[] = [
  {
    name: 'redact',
    type: 'boolean',
    description:
      'mask the model as gop validate --redact masks a report: CPR numbers to DDMMYY-XXXX; names, street\naddresses, phone numbers, e-mail addresses and the GP practice\'s name to ***; free text, kept-aside XML,\nfindings and envelope redacted like report texts; the output says "redacted": true;\nmessages name the file "file 1"',
  },
  { name: 'output', short: 'o', type: 'string', value: 'FILE', description: 'write the JSON to FILE instead of standard output' },
  ...PARSE_OPTIONS,
];

export const parseCommand: Command = {
  name: 'parse',
  summary: 'print the typed model as JSON',
  usage: 'gop parse [--redact] [-o FILE] [--max-bytes N …] FILE',
  description: `Reads FILE (or - for standard input) and prints the parse result as JSON: { ok, message | partial, findings, envelope }.
Exit 0 when the message was read, 1 when it could not be, 2 when the file cannot be opened.`,
  options: OPTIONS,
  async run(argv, io) {
    const { values, positionals } = parseOptions(argv, OPTIONS);
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UsageError('gop parse takes exactly one FILE');
    const redact = values['redact'] === true;
    // --redact: the file is "file 1" in any message, never a part of its name.
    const limits = limitsFrom(values);
    const read = await readInput(file, limits.maxBytes, io, 'en', redact, '--max-bytes');
    if (!read.ok) return read.status;
    const result = parseGop(read.bytes, limits);
    // --redact: the model, the findings and the envelope, masked as a redacted report is (and marked "redacted": true).
    const printed = withCliWording(redact ? redactParseResult(result) : result);
    const path = values['output'] as string | undefined;
    let output: Output | undefined;
    try {
      output = openOutput(path, io);
      await output.sink.write(`${JSON.stringify(printed, (key, value) => (key === 'source' ? undefined : value), 2)}\n`);
      await output.commit();
    } catch (error) {
      output?.abort();
      await io.stderr.write(`gop: ${cannotWriteLine(path, (error as Error).message, io.cwd, redact)}\n`);
      return 2;
    }
    return result.ok ? 0 : 1;
  },
};
