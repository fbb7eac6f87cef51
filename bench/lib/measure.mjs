// Timing helpers: contenders take turns round by round, so that the machine's noise hits them alike; medians count.
import { spawnSync } from 'node:child_process';
import { availableParallelism, cpus, freemem, loadavg, totalmem } from 'node:os';
import { config } from './config.mjs';

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Milliseconds per call of `fn`, over `iterations` calls. */
export function timeOnce(fn, iterations = 1) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) fn();
  return Number(process.hrtime.bigint() - start) / 1e6 / iterations;
}

/**
 * Calls per turn for `fn`: a warm-up of two turns' worth (at least two calls, the first ones compile), then as many
 * calls as make one turn of `config.turnMs` at the warmed speed (50 ms: shorter turns are mostly noise), at least one.
 */
function callsPerTurn(fn) {
  const start = process.hrtime.bigint();
  let calls = 0;
  do {
    fn();
    calls++;
  } while (calls < 2 || (Number(process.hrtime.bigint() - start) / 1e6 < 2 * config.turnMs && calls < 100_000));
  const warmed = timeOnce(fn, Math.max(1, Math.round(calls / 2)));
  return Math.max(1, Math.round(config.turnMs / Math.max(warmed, 0.0001)));
}

/** Median ms per call of each contender over `rounds` rounds, in each of which every contender takes its turn. */
export function alternate(contenders, rounds) {
  const iterations = contenders.map((c) => callsPerTurn(c.fn));
  const samples = contenders.map(() => []);
  for (let round = 0; round < rounds; round++) contenders.forEach((c, i) => samples[i].push(timeOnce(c.fn, iterations[i])));
  return samples.map(median);
}

/**
 * Wall-clock ms of one child process. A run that exits other than with one of `ok` is tried once more after a pause
 * (dist/ may be half rebuilt at that moment), with a note; a second failure throws.
 */
export function spawnMs(command, args, { ok = [0], ...options } = {}) {
  for (let attempt = 1; ; attempt++) {
    const start = process.hrtime.bigint();
    const run = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (ok.includes(run.status)) return { ms, run };
    const what = `${command} ${args.join(' ').slice(0, 160)} exited ${run.status}: ${(run.stderr ?? '').trim().split('\n').slice(0, 3).join(' / ')}`;
    if (attempt === 2) throw new Error(what);
    console.log(`  ${what}; once more in 5 s (the run is not counted)`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5000);
  }
}

const measured = (x, digits) => (x === undefined || Number.isNaN(x) ? '-' : x.toFixed(digits));

/**
 * `config.series` series of whole runs over `n` messages: every contender runs once per series, the order turning from
 * series to series so that the machine's noise hits them alike. A run returns { seconds, cpu, rss?, status? } (cpu:
 * CPU seconds of every thread; NaN where not measured). Returns each series' results by contender key, and a table row
 * per run.
 */
export async function runInTurns(contenders, n) {
  const perSeries = [];
  const rows = [];
  for (let s = 1; s <= config.series; s++) {
    const result = {};
    for (let k = 0; k < contenders.length; k++) {
      const c = contenders[(k + s - 1) % contenders.length];
      result[c.key] = await c.run();
    }
    perSeries.push(result);
    for (const c of contenders) {
      const r = result[c.key];
      rows.push({
        series: `series ${s}`,
        run: c.name,
        seconds: r.seconds.toFixed(2),
        'messages/s': Math.round(n / r.seconds),
        ...('rss' in r ? { 'peak RSS MB': measured(r.rss, 0) } : {}),
        'CPU s': measured(r.cpu, 2),
        'cores busy': measured(r.cpu / r.seconds, 2),
        ...('status' in r ? { exit: r.status } : {}),
      });
    }
  }
  return { perSeries, rows };
}

export const heading = (title) => console.log(`\n## ${title}`);

/** Load averages, cores and memory: how busy the machine was, so that a reader knows the noise. */
export function machineLine() {
  const [one, five, fifteen] = loadavg().map((n) => n.toFixed(2));
  const gb = (bytes) => (bytes / 1024 ** 3).toFixed(1);
  const model = cpus()[0]?.model?.trim() ?? 'unknown CPU';
  return `load average ${one}, ${five}, ${fifteen} (1, 5, 15 min) on ${availableParallelism()} cores (${model}); memory ${gb(freemem())} of ${gb(totalmem())} GB free; node ${process.version}`;
}

export const ratio = (x) => `${x.toFixed(2)}×`;
