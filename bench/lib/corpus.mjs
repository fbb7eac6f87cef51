// The files the batch and summarizePlans read: many distinct messages made by the builder, written once to a temporary
// folder (each a valid fixture's model with its own message id, letter id and patient).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { batchBytes, batchMessage } from './plans.mjs';

/** The letter id of file `i`: summarizePlans joins the municipality's starts on it. */
export const letterId = (i) => `BENCH${String(i).padStart(8, '0')}`;

export function makeCorpus(n) {
  const dir = mkdtempSync(join(tmpdir(), 'gop-bench-'));
  const start = process.hrtime.bigint();
  const paths = [];
  for (let i = 0; i < n; i++) {
    const path = join(dir, `m${String(i).padStart(5, '0')}.xml`);
    writeFileSync(path, batchBytes(batchMessage(i, { letterId: letterId(i) }), i));
    paths.push(path);
  }
  return {
    dir,
    paths,
    madeSeconds: Number(process.hrtime.bigint() - start) / 1e9,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
