// The files the batch and summarizePlans read: many distinct messages made by the builder, written once to a temporary
// folder (each a valid fixture's model with its own message id, letter id and patient). Two subfolders, a and b, hold
// every other file: the batch also runs one `gop validate -j 1` per half at once (what two cores give without worker threads).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { batchBytes, batchMessage } from './plans.mjs';

/** The letter id of file `i`: summarizePlans joins the municipality's starts on it. */
export const letterId = (i) => `BENCH${String(i).padStart(8, '0')}`;

export function makeCorpus(n) {
  const dir = mkdtempSync(join(tmpdir(), 'gop-bench-'));
  const start = process.hrtime.bigint();
  const paths = [];
  const halves = [join(dir, 'a'), join(dir, 'b')];
  for (const half of halves) mkdirSync(half);
  for (let i = 0; i < n; i++) {
    const path = join(halves[i % 2], `m${String(i).padStart(5, '0')}.xml`);
    writeFileSync(path, batchBytes(batchMessage(i, { letterId: letterId(i) }), i));
    paths.push(path);
  }
  return {
    dir,
    halves,
    paths,
    madeSeconds: Number(process.hrtime.bigint() - start) / 1e9,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
