// The batch: `gop validate` over many built messages with one job and with two, the library alone in this process
// (read each file, checkGop), and `xmllint --noout` (the native floor, where installed). Whole processes, start-up
// included; the order of the contenders turns from series to series.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import * as gop from '../../dist/index.js';
import { config } from './config.mjs';
import { heading, median, ratio, runInTurns, spawnMs } from './measure.mjs';
import { templateCount } from './plans.mjs';

const GNU_TIME = '/usr/bin/time';

function xmllintMissing() {
  const which = spawnSync('sh', ['-c', 'command -v xmllint'], { encoding: 'utf8' });
  return which.status === 0 ? undefined : 'xmllint not installed (Debian: apt-get install libxml2-utils)';
}

/** One whole process, with its peak resident size where GNU time is installed (it covers worker threads, not xmllint's children). */
function timed(command, args, cwd) {
  const [cmd, all] = existsSync(GNU_TIME) ? [GNU_TIME, ['-f', 'RSS %M CPU %U %S', command, ...args]] : [command, args];
  const { ms, run } = spawnMs(cmd, all, { cwd }); // every file is valid: anything but 0 is a failure
  const rss = Number(/RSS (\d+)/.exec(run.stderr)?.[1] ?? Number.NaN) / 1024;
  const cpu = /CPU ([\d.]+) ([\d.]+)/.exec(run.stderr);
  // CPU seconds of every thread (workers, the collector's and the compiler's helpers): the cores the run kept busy
  return { seconds: ms / 1000, rss, cpu: cpu ? Number(cpu[1]) + Number(cpu[2]) : Number.NaN, status: run.status };
}

/** Runs `command… half` for each half of the files at once (sh waits for both; GNU time sums their CPU). */
const BOTH_HALVES = 'a=$1; b=$2; shift 2; "$@" "$a" & p=$!; "$@" "$b" & q=$!; wait $p; s=$?; wait $q; exit $((s | $?))';

/** Returns the series of messages/s with one job, and of the speed-up of two jobs over one. */
export async function runBatch(corpus) {
  const n = corpus.paths.length;
  const dir = corpus.dir;
  const names = corpus.paths.map((path) => relative(dir, path));
  heading(`Batch: ${n.toLocaleString('en')} files, gop validate -j 1 and -j 2 against xmllint`);
  console.log(
    `${n.toLocaleString('en')} messages built from the ${templateCount} valid fixtures (own ids and patients; every fourth ISO-8859-1, every second pretty) in ${corpus.madeSeconds.toFixed(1)} s. Whole process, start-up included; ${config.series} series, the order turning.`,
  );
  const cliArgs = (jobs, folder = dir) => [
    config.cli,
    'validate',
    '--format',
    'json',
    '--output',
    '/dev/null',
    '--jobs',
    String(jobs),
    folder,
  ];
  const missing = xmllintMissing();
  const contenders = [
    { name: 'gop validate -j 1', key: 'j1', run: () => timed(process.execPath, cliArgs(1), dir) },
    { name: 'gop validate -j 2 (worker threads)', key: 'j2', run: () => timed(process.execPath, cliArgs(2), dir) },
    {
      // no target: two whole processes at once, what the two cores give without threads (they share caches, memory and, on a virtual machine, the host)
      name: 'two gop validate -j 1 at once, one per half',
      key: 'pair',
      run: () => timed('sh', ['-c', BOTH_HALVES, 'sh', ...corpus.halves, process.execPath, ...cliArgs(1).slice(0, -1)], dir),
    },
    {
      name: 'the library in this process (read + checkGop)',
      key: 'library',
      run: () => {
        const t = process.hrtime.bigint();
        for (const path of corpus.paths) gop.checkGop(readFileSync(path));
        return { seconds: Number(process.hrtime.bigint() - t) / 1e9, rss: Number.NaN, cpu: Number.NaN, status: '' };
      },
    },
    ...(missing
      ? []
      : [{ name: 'xmllint --noout (native floor)', key: 'xmllint', run: () => timed('xmllint', ['--noout', ...names], dir) }]),
  ];
  const { perSeries, rows } = await runInTurns(contenders, n);
  for (const c of contenders)
    rows.push({ series: 'median', run: c.name, 'messages/s': Math.round(median(perSeries.map((r) => n / r[c.key].seconds))) });
  console.table(rows);
  if (missing) console.log(`  xmllint skipped: ${missing}`);
  const speedUp = perSeries.map((r) => r.j1.seconds / r.j2.seconds);
  const pairUp = perSeries.map((r) => r.j1.seconds / r.pair.seconds);
  console.log(`  -j 2 over -j 1 per series: ${speedUp.map(ratio).join(', ')}; median ${ratio(median(speedUp))}`);
  console.log(
    `  two -j 1 processes at once over -j 1 (for comparison: two cores without threads): ${pairUp.map(ratio).join(', ')}; median ${ratio(median(pairUp))}`,
  );
  return { j1: perSeries.map((r) => n / r.j1.seconds), speedUp, pairUp };
}
