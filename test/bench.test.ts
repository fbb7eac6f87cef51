// `npm run bench` as a smoke run (BENCH_QUICK=1, tiny sizes): it completes and prints every section. Its figures
// measure nothing at these sizes, and no time is asserted; speed is read from a full run.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers';

const built = existsSync(`${REPO_ROOT}dist/index.js`) && existsSync(`${REPO_ROOT}dist/cli.js`);

const SECTIONS = [
  'Machine',
  'checkGop against the bare parse and the floor',
  'Steps around checkGop',
  'Size ladder',
  'Start-up against node -e 0',
  'Batch:',
  'The library in worker threads',
  'summarizePlans over',
  'Adversarial shapes',
  'Redaction linearity',
  'Summary: the targets of issue 26',
];

describe.skipIf(!built)('the bench (smoke run; skipped without dist/)', () => {
  it('completes and prints every section, the summary last', async () => {
    const env = {
      ...process.env,
      BENCH_QUICK: '1',
      BENCH_SERIES: '1',
      BENCH_ROUNDS: '1',
      BENCH_TURN_MS: '1',
      BENCH_LADDER_RUNGS: '2',
      BENCH_SPAWNS: '1',
      BENCH_BATCH: '12',
      BENCH_ADVERSARIAL_KB: '24,32',
    };
    const { stdout } = await promisify(execFile)(process.execPath, ['bench/run.mjs'], {
      cwd: REPO_ROOT,
      env,
      maxBuffer: 16 * 1024 * 1024,
    });
    const headings = stdout.split('\n').filter((line) => line.startsWith('## '));
    for (const [i, section] of SECTIONS.entries()) expect(headings[i], `section ${i + 1}`).toMatch(new RegExp(`^## ${section}`));
    expect(headings).toHaveLength(SECTIONS.length);
    for (const target of ['≤ 0.35×', '≤ 5.00×', '≤ 2.20×', '≥ 3,000/s', '≥ 1.60×']) expect(stdout).toContain(target);
    // for comparison with -j 2: both halves checked by two processes at once, every file valid
    expect(stdout).toMatch(/two gop validate -j 1 at once, one per half.*│ 0 +│/);
    expect(stdout).toContain('two gop validate -j 1 at once (a half each) / -j 1');
    // the ceiling of -j 2 over -j 1: the library alone, in one thread and in two at once
    expect(stdout).toMatch(/two threads over one per series: \d+\.\d\d×/);
    expect(stdout).toContain('the library: two threads at once (a half each) / one');
  }, 300_000);
});
