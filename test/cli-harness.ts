// `gop` in-process: main(argv, io) with captured streams. Most CLI tests use this; those about the real shell (pipes,
// signals, workers, the bin entry) spawn dist/cli.js instead (runGop in helpers.ts).
import { main } from '../src/cli/main';
import { memorySink } from '../src/cli/io';
import { REPO_ROOT, type CliRun, type CliRunOptions } from './helpers';

export interface InProcessOptions extends CliRunOptions {
  /** "now" for the CLI's default reference date */
  now?: Date;
  isTTY?: boolean;
}

export async function gopInProcess(args: string[], options: InProcessOptions = {}): Promise<CliRun> {
  const stdout = memorySink({ isTTY: options.isTTY });
  const stderr = memorySink();
  const input =
    options.input === undefined
      ? undefined
      : typeof options.input === 'string'
        ? new TextEncoder().encode(options.input)
        : new Uint8Array(options.input);
  const status = await main(args, {
    stdout,
    stderr,
    cwd: options.cwd ?? REPO_ROOT,
    env: options.env ?? { NO_COLOR: '1' },
    now: () => options.now ?? new Date('2026-12-01T12:00:00Z'),
    stdin: input ?? new Uint8Array(0),
    workerScript: null,
  });
  return { status, stdout: stdout.text(), stderr: stderr.text() };
}
