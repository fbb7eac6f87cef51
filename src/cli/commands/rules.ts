import { rules } from '../../rules/index';
import { REFERENCES } from '../../standard/references';
import { parseOptions, UsageError, type OptionSpec } from '../args';
import type { Command } from './types';

const OPTIONS: OptionSpec[] = [
  { name: 'format', short: 'f', type: 'string', value: 'text|json', description: 'a table (default) or every field in both languages' },
];

export const rulesCommand: Command = {
  name: 'rules',
  summary: 'list the rule catalogue',
  usage: 'gop rules [-f text|json]',
  description: 'Lists the rule catalogue: id, severity, reference and title (text), or every field in both languages (json).',
  options: OPTIONS,
  async run(argv, io) {
    const { values, positionals } = parseOptions(argv, OPTIONS);
    if (positionals.length) throw new UsageError('gop rules takes no paths');
    const format = (values['format'] as string | undefined) ?? 'text';
    if (format === 'json') {
      await io.stdout.write(
        `${JSON.stringify(
          rules.map(({ check: _check, messages, referenceKey, ...meta }) => ({
            ...meta,
            referenceUrl: (REFERENCES[referenceKey] as { url?: string }).url,
            messageIds: Object.keys(messages),
          })),
          null,
          2,
        )}\n`,
      );
      return 0;
    }
    if (format !== 'text') throw new UsageError(`gop rules --format ${format}: expected text or json`);
    // One write per line: `gop rules | head -1` ends quietly when the reader goes away.
    for (const rule of rules) {
      if (io.stdout.closed) break;
      await io.stdout.write(`${rule.id.padEnd(15)} ${rule.severity.padEnd(8)} ${rule.reference.padEnd(36)} ${rule.title.en}\n`);
    }
    return 0;
  },
};
