import { resolve } from 'node:path';
import type { CliIo } from './io';
import { readInputFile } from './read-file';
import { visibleControls as safe } from '../values/controls';
import { CLI_TEXTS } from '../texts/cli';
import type { Language } from '../texts/languages';

/**
 * One named input for the commands that take a single file (parse, build): its bytes, or the exit status 2 after a
 * line on standard error. The size is checked before reading.
 */
export async function readInput(
  file: string,
  maxBytes: number,
  io: CliIo,
  language: Language = 'en',
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; status: 2 }> {
  const t = CLI_TEXTS[language];
  if (file === '-' && io.stdin) {
    if (io.stdin.length <= maxBytes) return { ok: true, bytes: io.stdin };
  } else {
    const read = readInputFile(file === '-' ? '-' : resolve(io.cwd, file), maxBytes);
    if (read.ok) return read;
    if (read.reason !== 'tooLarge') {
      await io.stderr.write(`gop: ${t.cannotRead(safe(file), safe(read.reason === 'io' ? read.error : t.notRegularFile(read.kind)))}\n`);
      return { ok: false, status: 2 };
    }
  }
  await io.stderr.write(`gop: ${t.overLimit(safe(file), maxBytes)}\n`);
  return { ok: false, status: 2 };
}
