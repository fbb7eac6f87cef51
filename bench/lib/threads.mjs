// The library in worker threads, without the CLI: one thread over all the batch's files, then two at once over a half
// each (the halves of the two-process row). No target: it is the most two threads can give over one on this machine,
// the ceiling of `gop validate -j 2` over `-j 1`, which add reading directories, formatting and writing. Process CPU
// over wall time shows the cores each kept busy: one thread alone keeps more than one, because V8 compiles the hot
// code and helps the collector on other threads (its platform's), which then have a core of their own.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { heading, median, ratio, runInTurns } from './measure.mjs';

const script = new URL('./thread-check.mjs', import.meta.url);

/** Runs one thread per list of paths, all at once; wall seconds from the first start to the last end, and CPU seconds. */
async function inThreads(lists) {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  await Promise.all(
    lists.map(
      (paths) =>
        new Promise((resolve, reject) => {
          const worker = new Worker(script, { workerData: { paths } });
          worker.once('message', resolve);
          worker.once('error', reject);
        }),
    ),
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  return { seconds, cpu: (used.user + used.system) / 1e6 };
}

/** Returns the series of the speed-up of two threads over one. */
export async function runThreads(corpus) {
  const n = corpus.paths.length;
  const halves = corpus.halves.map((dir) => readdirSync(dir).map((name) => join(dir, name)));
  heading(`The library in worker threads: ${n.toLocaleString('en')} files in one thread, and a half each in two at once`);
  console.log(
    'No CLI: each thread reads its files and calls checkGop, start-up of the thread included. Cores busy: the CPU of the whole process (every thread) over wall time.',
  );
  const contenders = [
    { name: 'one thread, every file', key: 'one', run: () => inThreads([corpus.paths]) },
    { name: 'two threads at once, a half each', key: 'two', run: () => inThreads(halves) },
  ];
  const { perSeries, rows } = await runInTurns(contenders, n);
  console.table(rows);
  const speedUp = perSeries.map((r) => r.one.seconds / r.two.seconds);
  console.log(`  two threads over one per series: ${speedUp.map(ratio).join(', ')}; median ${ratio(median(speedUp))}`);
  return { speedUp };
}
