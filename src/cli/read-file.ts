import { readFileSync } from 'node:fs';

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; error: string };

/** A file's bytes, or why not in words (no Node error code prefix); `-` is standard input. */
export function readInputFile(file: string): ReadResult {
  try {
    return { ok: true, bytes: readFileSync(file === '-' ? 0 : file) };
  } catch (error) {
    return { ok: false, error: (error as Error).message.replace(/^[A-Z]+: /, '') };
  }
}
