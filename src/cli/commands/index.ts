import { describeOptions } from '../args';
import { VERSION } from '../version';
import type { Command } from './types';

/**
 * Every command, in the order `gop help` lists them, each loaded when it runs: a command's module pulls in its part of
 * the library (the statistics' schemas alone were 50 ms of every start), and the bundle evaluates a module only when it
 * is first imported. Help texts are generated from the commands themselves, so `gop help` loads them all.
 */
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  validate: () => import('./validate').then((m) => m.validateCommand),
  parse: () => import('./parse').then((m) => m.parseCommand),
  view: () => import('./view').then((m) => m.viewCommand),
  build: () => import('./build').then((m) => m.buildCommand),
  receipt: () => import('./receipt').then((m) => m.receiptCommand),
  fhir: () => import('./fhir').then((m) => m.fhirCommand),
  stats: () => import('./stats').then((m) => m.statsCommand),
  rules: () => import('./rules').then((m) => m.rulesCommand),
  web: () => import('./web').then((m) => m.webCommand),
};

export const COMMAND_NAMES: readonly string[] = Object.keys(COMMANDS);

/** The command called `name`, or undefined when there is none. */
export function loadCommand(name: string): Promise<Command | undefined> {
  return Object.hasOwn(COMMANDS, name) ? COMMANDS[name]!() : Promise.resolve(undefined);
}

export async function mainHelp(): Promise<string> {
  const commands = await Promise.all(Object.values(COMMANDS).map((load) => load()));
  const width = Math.max(...commands.map((c) => c.usage.length), 'gop help [COMMAND]'.length) + 3;
  const lines = [
    ...commands.map((c) => `  ${c.usage.padEnd(width)}${c.summary}`),
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
