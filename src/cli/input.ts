import { resolve } from 'node:path';
import type { CliIo } from './io';
import { readInputFile } from './read-file';
import { visibleControls as safe } from '../values/controls';
import { CLI_TEXTS } from './texts';
import type { Language } from '../texts/languages';
import { uiIn } from '../format/ui-texts';
import { detailWithoutName } from './file-names';

/**
 * One named input for the commands that take a single file (parse, build): its bytes, or the exit status 2 after a
 * line on standard error. The size is checked before reading. With `redact` the line names the file by its
 * placeholder (`file 1`, the run's only file), never by a part of its name.
 */
export async function readInput(
  file: string,
  maxBytes: number,
  io: CliIo,
  language: Language = 'en',
  redact = false,
  /** the flag that raises maxBytes, named in the message when the file is over it */
  limitFlag?: string,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; status: 2 }> {
  const t = CLI_TEXTS[language];
  const shown = redact ? uiIn(language).redactedFile(1) : safe(file);
  if (file === '-' && io.stdin) {
    if (io.stdin.length <= maxBytes) return { ok: true, bytes: io.stdin };
  } else {
    const read = readInputFile(file === '-' ? '-' : resolve(io.cwd, file), maxBytes);
    if (read.ok) return read;
    if (read.reason !== 'tooLarge') {
      const detail = read.reason === 'io' ? read.error : t.notRegularFile(read.kind);
      await io.stderr.write(`gop: ${t.cannotRead(shown, safe(redact ? detailWithoutName(detail, file, io.cwd, shown) : detail))}\n`);
      return { ok: false, status: 2 };
    }
  }
  await io.stderr.write(`gop: ${t.overLimit(shown, maxBytes, limitFlag)}\n`);
  return { ok: false, status: 2 };
}
