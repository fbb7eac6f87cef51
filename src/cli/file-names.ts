import { basename, resolve } from 'node:path';
import { CLI_TEXTS, type CliTexts } from './texts';
import { visibleControls as safe } from '../values/controls';

/** Node's error text without a path it quotes at the end: the path is printed beside it, or not at all (--redact). */
const withoutNodePath = (message: string): string => message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/s, '');

/**
 * What --redact leaves of a detail about a file (an OS error, a worker's failure): Node's quoted path at the end
 * ("no such file or directory, open '/in/Nancy_Berggren/GGOP_2512484916.xml'" → "no such file or directory"), then
 * every spelling of the file's name left in it — as given, absolute, its last part — as `placeholder`.
 */
export function detailWithoutName(detail: string, file: string, cwd: string, placeholder: string): string {
  let out = withoutNodePath(detail);
  const spellings = [resolve(cwd, file), file, basename(file)]
    .filter((spelling) => spelling.length > 1 && spelling !== '..')
    .sort((a, b) => b.length - a.length);
  for (const spelling of spellings) out = out.split(spelling).join(placeholder);
  return out;
}

/**
 * "cannot write FILE: reason" about --output (or -o), `reason` as the command words it; under --redact FILE is "the
 * --output file" and the reason loses the path Node quotes in it.
 */
export function cannotWriteLine(
  path: string | undefined,
  reason: string,
  cwd: string,
  redact: boolean,
  t: CliTexts = CLI_TEXTS.en,
): string {
  const shown = redact ? t.outputFile : safe(path ?? '-');
  return t.cannotWrite(shown, safe(redact ? detailWithoutName(reason, path ?? '-', cwd, shown) : reason));
}
