import { localDate } from '../../values/local-date';
import { LANGUAGES, type Language } from '../../texts/languages';
import { isIsoDate } from '../../values/date';
import { visibleControls as safe } from '../../values/controls';
import { parseOptions, UsageError, type OptionSpec } from '../args';
import { readInput } from '../input';
import { LIMIT_OPTIONS, limitsFrom } from '../option-names';
import { openOutput, type Output } from '../output';
import { cannotWriteLine } from '../file-names';
import type { Command } from './types';

const OPTIONS: OptionSpec[] = [
  { name: 'output', short: 'o', type: 'string', value: 'FILE', description: 'write the HTML to FILE instead of standard output' },
  { name: 'lang', type: 'string', value: 'da|en', description: 'language of the page: headings, labels and findings (default da)' },
  {
    name: 'redact',
    type: 'boolean',
    description:
      'mask CPR numbers (DDMMYY-XXXX), names, addresses, phone numbers and e-mail addresses, as gop validate --redact does;\nmessages name the file "file 1"',
  },
  {
    name: 'reference-date',
    type: 'string',
    value: 'YYYY-MM-DD',
    description: '"today" for the days left until the deadlines (default: today in Europe/Copenhagen)',
  },
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
    const lang = (values['lang'] as string | undefined) ?? 'da';
    if (!(LANGUAGES as readonly string[]).includes(lang)) throw new UsageError(`--lang ${safe(lang)}: expected da or en`);
    const given = values['reference-date'] as string | undefined;
    if (given !== undefined && !isIsoDate(given)) throw new UsageError(`--reference-date ${safe(given)}: expected a real date, YYYY-MM-DD`);
    const redact = values['redact'] === true;
    // --redact: the file is "file 1" in any message, never a part of its name (the page itself names no file).
    const limits = limitsFrom(values);
    const read = await readInput(positionals[0]!, limits.maxBytes, io, 'en', redact, '--max-bytes');
    if (!read.ok) return read.status;
    // Loaded when used: `gop validate` does not pay for the view at start-up.
    const { renderView } = await import('../../view/index');
    const view = renderView(read.bytes, {
      lang: lang as Language,
      redact,
      referenceDate: given ?? localDate(io.now(), 'Europe/Copenhagen'),
      findings: values['findings'] !== false,
      check: limits,
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
