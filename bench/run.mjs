// npm run bench: speed of medcom-gop measured side by side in one run, the targets at the end beside their
// measures. Contenders take turns so that the machine's noise hits them alike; BENCH_SERIES series (default 3) of each
// targeted measure, each printed, and their median. BENCH_QUICK=1: a short smoke run. Every knob: bench/lib/config.mjs.
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { config } from './lib/config.mjs';
import { heading, machineLine, ratio } from './lib/measure.mjs';

if (!existsSync(new URL('../dist/index.js', import.meta.url)) || !existsSync(config.cli)) {
  console.error('bench: dist/ is missing; run `npm run build` first (`npm run bench` does)');
  process.exit(2);
}
const { compareInputs, runCompare } = await import('./lib/compare.mjs');
const { runDetails } = await import('./lib/details.mjs');
const { runLadder } = await import('./lib/ladder.mjs');
const { runStartup } = await import('./lib/startup.mjs');
const { runBatch } = await import('./lib/batch.mjs');
const { runThreads } = await import('./lib/threads.mjs');
const { runAdversarial } = await import('./adversarial.mjs');
const { runRedaction } = await import('./lib/redaction.mjs');
const { runStats } = await import('./lib/stats.mjs');
const { makeCorpus } = await import('./lib/corpus.mjs');
const { targetRow } = await import('./lib/summary.mjs');

const began = process.hrtime.bigint();
const atStart = machineLine();
heading('Machine');
console.log(`at start: ${atStart}`);
console.log(
  `${config.series} series per targeted measure, ${config.rounds} rounds per series${config.quick ? '; BENCH_QUICK=1: a smoke run, its figures measure nothing' : ''}`,
);

/** Runs one section and says how long it took. */
async function section(run) {
  const start = process.hrtime.bigint();
  const result = await run();
  console.log(`(${(Number(process.hrtime.bigint() - start) / 1e9).toFixed(1)} s; load average now ${loadavg()[0].toFixed(2)})`);
  return result;
}

const inputs = compareInputs();
const compared = await section(() => runCompare(inputs));
await section(() => runDetails(inputs));
const ladder = await section(runLadder);
const startup = await section(runStartup);
const corpus = makeCorpus(config.batch);
let batch;
let threads;
try {
  batch = await section(() => runBatch(corpus));
  threads = await section(() => runThreads(corpus));
  await section(() => runStats(corpus));
} finally {
  corpus.remove();
}
await section(() => runAdversarial({ sizes: config.adversarialKb.map((kb) => kb * 1024), rounds: config.quick ? 1 : 9 }));
await section(runRedaction);

heading('Summary: the targets of issue 26');
console.log(`at start: ${atStart}`);
console.log(`at end:   ${machineLine()}`);
const rate = (x) => `${Math.round(x).toLocaleString('en')}/s`;
console.table([
  targetRow({
    measure: `checkGop from bytes / bare parse, ${compared.sample.name}`,
    series: compared.sample.series,
    bound: 0.35,
    format: ratio,
  }),
  targetRow({
    measure: `checkGop from bytes / bare parse, ${compared.large.name}`,
    series: compared.large.series,
    bound: 0.35,
    format: ratio,
  }),
  targetRow({
    measure: `largest growth per ×4 step, ${ladder.sizes[0]} → ${ladder.sizes.at(-1)}`,
    series: ladder.worst,
    bound: 5,
    format: ratio,
  }),
  // no target: a diagnostic (each call pays for its own garbage only), not the measure
  targetRow({ measure: 'the same, each call alone after a full collection', series: ladder.worstAlone, format: ratio }),
  targetRow({ measure: 'start-up: gop validate one file / node -e 0', series: startup.validate, bound: 2.2, format: ratio }),
  targetRow({ measure: "start-up: import('medcom-gop') / node -e 0", series: startup.import, format: ratio }),
  targetRow({
    measure: `gop validate -j 1, ${config.batch.toLocaleString('en')} files`,
    series: batch.j1,
    bound: 3000,
    atMost: false,
    format: rate,
  }),
  targetRow({ measure: 'gop validate -j 2 / -j 1', series: batch.speedUp, bound: 1.6, atMost: false, format: ratio }),
  // no target: for comparison, two whole processes at once (what the two cores give without worker threads)
  targetRow({ measure: 'two gop validate -j 1 at once (a half each) / -j 1', series: batch.pairUp, format: ratio }),
  // no target: the library without the CLI in two worker threads at once over one, the ceiling of -j 2 / -j 1 here
  targetRow({ measure: 'the library: two threads at once (a half each) / one', series: threads.speedUp, format: ratio }),
]);
console.log(
  `met: every series meets the target. Growth per step (medians): ${ladder.growthMedians.map(ratio).join(', ')}; alone: ${ladder.aloneMedians.map(ratio).join(', ')}. The whole run took ${(Number(process.hrtime.bigint() - began) / 1e9 / 60).toFixed(1)} min.`,
);
