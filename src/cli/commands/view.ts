import { localDate } from '../../values/local-date';
import { CheckOptionsSchema, checkCheckOptions } from '../../report/options';
import { parseOptions, UsageError, type OptionSpec } from '../args';
import { readInput } from '../input';
import { LIMIT_OPTIONS, libraryOption, optionsFrom } from '../option-names';
import { openOutput, type Output } from '../output';
import { cannotWriteLine } from '../file-names';
import type { Command } from './types';

const OPTIONS: OptionSpec[] = [
  { name: 'output', short: 'o', type: 'string', value: 'FILE', description: 'write the HTML to FILE instead of standard output' },
  libraryOption(CheckOptionsSchema, 'language', { instead: 'language of the page: headings, labels and findings (default da)' }),
  {
    name: 'redact',
    type: 'boolean',
    description:
      'mask CPR numbers (DDMMYY-XXXX), names, addresses, phone numbers and e-mail addresses, as gop validate --redact does;\nmessages name the file "file 1"',
  },
  libraryOption(CheckOptionsSchema, 'referenceDate', { also: '(default: today in Europe/Copenhagen)' }),
  {
    name: 'findings',
    type: 'boolean',
    negatable: true,
    description: 'list the findings of the check (default on; --no-findings leaves them out)',
  },
  ...LIMIT_OPTIONS,
];

export const viewCommand: Command = {
  name: 'view',
  summary: 'write a plan as one HTML page to read or print',
  usage: 'gop view [options] FILE',
  description: `Reads and checks FILE (or - for standard input) and writes it as one self-contained HTML page: an overview of the
facts, the findings, the plan's sections in the standard's order and anything kept aside as unknown. No script and no
request (a Content-Security-Policy says so); a printed page carries the patient's name, CPR number and page number.
Exit 0 when the plan was read (findings or not), 1 when it could not be read, 2 on usage or I/O problems.`,
  options: OPTIONS,
  examples: ['gop view plan.xml -o plan.html', 'gop view --lang en --redact --reference-date 2019-03-10 plan.xml > plan.html'],
  async run(argv, io) {
    const { values, positionals } = parseOptions(argv, OPTIONS);
    if (positionals.length !== 1) throw new UsageError('gop view takes exactly one FILE');
    // The limits, --lang and --reference-date, converted and checked as checkGop's options.
    const check = optionsFrom(values, OPTIONS, checkCheckOptions);
    const redact = values['redact'] === true;
    // --redact: the file is "file 1" in any message, never a part of its name (the page itself names no file).
    const read = await readInput(positionals[0]!, check.maxBytes, io, 'en', redact, '--max-bytes');
    if (!read.ok) return read.status;
    // Loaded when used: `gop validate` does not pay for the view at start-up.
    const { renderView } = await import('../../view/index');
    const view = renderView(read.bytes, {
      lang: check.language ?? 'da',
      redact,
      referenceDate: check.referenceDate ?? localDate(io.now(), 'Europe/Copenhagen'),
      findings: values['findings'] !== false,
      check,
    });
    const file = values['output'] as string | undefined;
    let output: Output | undefined;
    try {
      output = openOutput(file, io);
      await output.sink.write(view.html);
      await output.commit();
    } catch (error) {
      output?.abort();
      await io.stderr.write(`gop: ${cannotWriteLine(file, (error as Error).message, io.cwd, redact)}\n`);
      return 2;
    }
    return view.read ? 0 : 1;
  },
};
