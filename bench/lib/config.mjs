// What the bench runs and how long: everything it reads from the environment, in one place.
// BENCH_QUICK=1 is a smoke run (one series, few rounds, small inputs): it shows that every section runs, its numbers
// measure nothing. Each size below can be set on its own (the smoke test sets them tiny).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const env = process.env;
const quick = env.BENCH_QUICK === '1';
const count = (name, full, short) => {
  const value = env[name];
  if (value === undefined || value === '') return quick ? short : full;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got ${JSON.stringify(value)}`);
  return n;
};

/** Two sizes in KB, "16,64". */
function kbList(name, fallback) {
  const value = env[name];
  if (!value) return fallback;
  const sizes = value.split(',').map(Number);
  if (sizes.length !== 2 || !sizes.every((n) => Number.isInteger(n) && n > 0)) throw new Error(`${name} must be two sizes in KB, "16,64"`);
  return sizes;
}

const root = new URL('../../', import.meta.url);
export const rootPath = fileURLToPath(root);
const sample = new URL('../shared/samples/ggop-public-example.xml', root);
const fixture = new URL('fixtures/valid/rehabilitering-apopleksi.xml', root);

export const config = {
  quick,
  /** Series of each targeted measure (the issue asks for three runs). */
  series: Math.max(1, count('BENCH_SERIES', 3, 1)),
  /** Alternating rounds per series; the median round counts. */
  rounds: Math.max(1, count('BENCH_ROUNDS', 15, 3)),
  /** Rungs of the size ladder, from 19 KB, ×4 each (5: up to 4.8 MB). */
  ladderRungs: Math.max(2, count('BENCH_LADDER_RUNGS', 5, 3)),
  /** Spawns of each start-up contender per series. */
  spawns: Math.max(1, count('BENCH_SPAWNS', 11, 3)),
  /** Files in the batch, which summarizePlans reads too. */
  batch: Math.max(1, count('BENCH_BATCH', 20_000, 300)),
  /** ms of calls per contender's turn in a round (turns shorter than ~50 ms are mostly noise). */
  turnMs: count('BENCH_TURN_MS', 50, 5),
  /** Findings of the two redaction inputs. */
  redactionFindings: quick ? [400, 2_000] : [8_000, 40_000],
  /** The two sizes of each adversarial shape (KB). */
  adversarialKb: kbList('BENCH_ADVERSARIAL_KB', quick ? [32, 128] : [256, 1024]),
  /** The public sample where the workspace has it, else the apopleksi fixture (a fresh clone without ../shared). */
  base: existsSync(sample) ? { url: sample, name: 'public sample' } : { url: fixture, name: 'apopleksi fixture' },
  minimal: new URL('fixtures/valid/minimal.xml', root),
  validDir: new URL('fixtures/valid/', root),
  cli: fileURLToPath(new URL('dist/cli.js', root)),
};
