import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseOptions, UsageError, type OptionSpec } from '../args';
import { visibleControls as safe } from '../../values/controls';
import type { Command } from './types';

const OPTIONS: OptionSpec[] = [
  { name: 'open', type: 'boolean', description: "open the page in the system's browser (xdg-open, open, start)" },
];

/**
 * The page beside the bundled CLI (dist/cli.js → dist/web/index.html); run from the sources (tests), this module is
 * src/cli/commands/web.ts and the built page is in dist/ at the top.
 */
const CANDIDATES = [new URL('./web/index.html', import.meta.url), new URL('../../../dist/web/index.html', import.meta.url)];

/** The platform's "open this file" program and its arguments. */
function opener(path: string): [string, string[]] {
  if (process.platform === 'darwin') return ['open', [path]];
  if (process.platform === 'win32') return ['cmd', ['/c', 'start', '""', path]];
  return ['xdg-open', [path]];
}

/** Starts the opener and leaves it running on its own; resolves when it started, rejects when it could not. */
function launch(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: true });
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}

export const webCommand: Command = {
  name: 'web',
  summary: 'the browser page: check and view plans in a browser, offline',
  usage: 'gop web [--open]',
  description:
    'Prints the path of the browser page (index.html in the package, one file that works offline from file://): choose or drop ' +
    'plans there to see their findings, facts and the plan itself, in Danish or English, redacted if asked. Nothing leaves the ' +
    'browser. With --open, opens it in the default browser.',
  options: OPTIONS,
  examples: ['gop web', 'gop web --open'],
  async run(argv, io) {
    const { values, positionals } = parseOptions(argv, OPTIONS);
    if (positionals.length) throw new UsageError('gop web takes no paths (choose or drop the files on the page)');
    const page = CANDIDATES.map((url) => fileURLToPath(url)).find((path) => existsSync(path));
    if (!page) {
      await io.stderr.write(`gop: the browser page is not built: ${safe(fileURLToPath(CANDIDATES[0]!))} is missing (npm run build)\n`);
      return 2;
    }
    await io.stdout.write(`${page}\n`);
    if (values['open'] !== true) return 0;
    const [command, args] = opener(page);
    try {
      await launch(command, args);
      return 0;
    } catch (error) {
      await io.stderr.write(
        `gop: could not open the page with ${command}: ${safe((error as Error).message)}; open the path above in a browser\n`,
      );
      return 2;
    }
  },
};
