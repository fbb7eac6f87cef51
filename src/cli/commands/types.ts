import type { OptionSpec } from '../args';
import type { CliIo } from '../io';

/** One `gop` command: what help prints about it, and what it does. `gop help` is generated from these. */
export interface Command {
  name: string;
  /** one line, for the command list */
  summary: string;
  /** e.g. `gop validate [options] [PATH...]` */
  usage: string;
  /** a paragraph after the usage line */
  description: string;
  options: OptionSpec[];
  examples?: string[];
  /** exit status: 0 fine, 1 findings (or the command's "no"), 2 usage or I/O */
  run(argv: string[], io: CliIo): Promise<number>;
}
