import { GopOptionsError } from '../options/index';
import { didYouMean } from '../values/edit-distance';
import { UsageError } from './args';
import { optionsUsage } from './option-names';
import { COMMAND_NAMES, commandHelp, loadCommand, mainHelp } from './commands/index';
import type { Command } from './commands/types';
import type { CliIo } from './io';
import { visibleControls as safe } from '../values/controls';
import { VERSION } from './version';

export type { CliIo };

/** `gop ARGV`: the exit status. Everything it touches comes through `io`; it never exits the process itself. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  let command: Command | undefined;
  try {
    command = name === undefined ? undefined : await loadCommand(name);
    if (name === undefined) {
      await io.stderr.write(`${await mainHelp()}\n`);
      return 2;
    }
    if (name === '--help' || name === '-h') {
      await io.stdout.write(`${await mainHelp()}\n`);
      return 0;
    }
    if (name === '--version' || name === '-v') {
      await io.stdout.write(`${VERSION}\n`);
      return 0;
    }
    if (name === 'help') {
      const topic = rest[0];
      // `gop help help`: the list of commands is the help about help.
      if (topic === undefined || topic === 'help') {
        await io.stdout.write(`${await mainHelp()}\n`);
        return 0;
      }
      const about = await loadCommand(topic);
      if (!about) throw new UsageError(`no help for "${topic}"${suggestCommand(topic)}`);
      await io.stdout.write(`${commandHelp(about)}\n`);
      return 0;
    }
    if (!command) throw new UsageError(`unknown command "${name}"${suggestCommand(name)}`);
    if (rest.includes('--help') || rest.includes('-h')) {
      await io.stdout.write(`${commandHelp(command)}\n`);
      return 0;
    }
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      await io.stderr.write(`gop: ${safe(error.message)}\nRun "gop help${command ? ` ${command.name}` : ''}" for usage.\n`);
      return 2;
    }
    if (error instanceof GopOptionsError) {
      // An option the command passed on and the library refused: named by its flag, as a usage error is.
      await io.stderr.write(
        `gop: ${safe(optionsUsage(error.issues).message)}\nRun "gop help${command ? ` ${command.name}` : ''}" for usage.\n`,
      );
      return 2;
    }
    let lines = ((error as Error).stack ?? String(error)).split('\n');
    // --redact: the message may name a file ("ENOENT: …, open '/in/Nancy_Berggren.xml'"); the stack's frames are our code.
    if (rest.includes('--redact'))
      lines = [`${(error as Error).name ?? 'Error'} (its message is left out under --redact)`, ...lines.filter((l) => /^\s+at /.test(l))];
    await io.stderr.write(`gop: internal error, please report it: ${lines.map(safe).join('\n')}\n`);
    return 2;
  }
}

const suggestCommand = (given: string) => didYouMean(given, [...COMMAND_NAMES, 'help'], (name) => `"${name}"`);
