import { describeOptions } from '../args';
import { VERSION } from '../version';
import { buildCommand } from './build';
import { fhirCommand } from './fhir';
import { parseCommand } from './parse';
import { receiptCommand } from './receipt';
import { rulesCommand } from './rules';
import { statsCommand } from './stats';
import type { Command } from './types';
import { validateCommand } from './validate';
import { viewCommand } from './view';
import { webCommand } from './web';

/** Every command, in the order `gop help` lists them. Help texts are generated from this table. */
const COMMANDS: readonly Command[] = [
  validateCommand,
  parseCommand,
  viewCommand,
  buildCommand,
  receiptCommand,
  fhirCommand,
  statsCommand,
  rulesCommand,
  webCommand,
];

export const commandsByName = new Map(COMMANDS.map((c) => [c.name, c]));

export function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.usage.length), 'gop help [COMMAND]'.length) + 3;
  const lines = [
    ...COMMANDS.map((c) => `  ${c.usage.padEnd(width)}${c.summary}`),
    `  ${'gop help [COMMAND]'.padEnd(width)}help for a command`,
    `  ${'gop --version'.padEnd(width)}the version`,
  ];
  return `gop ${VERSION} — read and validate MedCom genoptræningsplan (G-GOP) messages

Usage:
${lines.join('\n')}

Exit codes: 0 no errors; 1 errors found (or warnings over --max-warnings); 2 usage or I/O problem.`;
}

export function commandHelp(command: Command): string {
  const examples = command.examples?.length ? `\n\nExamples:\n${command.examples.map((e) => `  ${e}`).join('\n')}` : '';
  return `${command.usage}\n\n${command.description}\n\nOptions:\n${describeOptions(command.options)}${examples}`;
}
