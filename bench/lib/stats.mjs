// summarizePlans over the batch's 20,000 files: ms per plan next to checkGop on the same plans, and the memory it keeps.
// The files are read one at a time by a generator, so that what stays in memory is the summary's, not the inputs'.
// summarizePlans runs over the generator, timed less the time spent reading files, its heap sampled after gc; then
// checkGop and a summary's add() take turns on
// each plan (noise hits both alike). Half the plans have a row in the municipality's starts (started 0–14 days after
// discharge): the join is timed too.
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as gop from '../../dist/index.js';
import * as stats from '../../dist/stats/index.js';
import { config } from './config.mjs';
import { heading } from './measure.mjs';
import { letterId } from './corpus.mjs';
import { templateMessages } from './plans.mjs';

const MB = (bytes) => (bytes / 1024 / 1024).toFixed(1);
const addDays = (iso, days) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const elapsedMs = (start) => Number(process.hrtime.bigint() - start) / 1e6;

export async function runStats(corpus) {
  const PLANS = corpus.paths.length;
  heading(`summarizePlans over ${PLANS.toLocaleString('en')} plans (the batch's files)`);
  // gc() without --expose-gc on the command line, so that `npm run bench` stays one plain `node bench/run.mjs`
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc');
  const templates = templateMessages();
  const plans = templates.map((message) => {
    const facts = gop.checkGop(gop.buildGopBytes(message)).facts;
    return { senderEan: message.rehabilitationPlan.sender.eanIdentifier, discharge: facts?.dischargeDate };
  });
  const starts = [];
  for (let i = 0; i < PLANS; i += 2) {
    const { senderEan, discharge } = plans[i % plans.length];
    if (discharge) starts.push({ letterIdentifier: letterId(i), senderEan, started: addDays(discharge, i % 15) });
  }

  /** The plans as bytes, read when asked for; `made.ms` is the time spent reading them, `each(i)` runs every 100. */
  function* generated(made, each) {
    for (let i = 0; i < PLANS; i++) {
      const start = process.hrtime.bigint();
      const bytes = readFileSync(corpus.paths[i]);
      if (i % 100 === 0) each?.(i);
      made.ms += elapsedMs(start);
      yield bytes;
    }
  }
  /** The process's resident size every 100 plans (its peak), and the heap after a full collection every 5,000 (what is kept). */
  const sampler = () => {
    const heap = [];
    let rss = 0;
    return {
      heap,
      peakRss: () => rss,
      sample: (i) => {
        rss = Math.max(rss, process.memoryUsage.rss());
        if (i % 5000 !== 0 && i !== PLANS) return;
        gc();
        heap.push({ plans: i, heapUsed: process.memoryUsage().heapUsed });
      },
    };
  };

  // warm-up: both passes compile the same code; neither should pay for it alone
  const warm = Array.from({ length: config.quick ? 4 : 40 }, () => templates.map((message) => gop.buildGopBytes(message))).flat();
  for (const bytes of warm) gop.checkGop(bytes);
  await stats.summarizePlans(warm, { starts });
  // summarizePlans as a user calls it, over the generator: its whole time less the time spent reading files, and memory
  // (first: nothing of the timing pass below is in its heap)
  gc();
  const base = process.memoryUsage();
  const summaryMade = { ms: 0 };
  const summaryMemory = sampler();
  const start = process.hrtime.bigint();
  const summary = await stats.summarizePlans(generated(summaryMade, summaryMemory.sample), { starts, by: 'month' });
  const summaryMs = elapsedMs(start) - summaryMade.ms;
  summaryMemory.sample(PLANS);
  if (summary.plans !== PLANS || summary.duplicates !== 0 || summary.unreadable !== 0)
    throw new Error(`summarizePlans counted ${summary.plans} plans, ${summary.duplicates} duplicates, ${summary.unreadable} unreadable`);

  // checkGop and the summary's add() on each plan in turn (the order alternating), so that the machine's noise hits both
  // alike: add() is what summarizePlans runs per plan (checkGop, then the counting and the starts join)
  const made = { ms: 0 };
  let checkMs = 0;
  let addMs = 0;
  const timed = (fn) => {
    const start = process.hrtime.bigint();
    fn();
    return elapsedMs(start);
  };
  const held = stats.createSummary({ starts, by: 'month' });
  let i = 0;
  for (const bytes of generated(made)) {
    if (i++ % 2) {
      checkMs += timed(() => gop.checkGop(bytes));
      addMs += timed(() => held.add(bytes));
    } else {
      addMs += timed(() => held.add(bytes));
      checkMs += timed(() => gop.checkGop(bytes));
    }
  }
  addMs += timed(() => held.result());

  const perPlan = (ms) => (ms / PLANS).toFixed(3);
  console.table([
    { step: "reading a plan's file (not in the rows below)", 'ms/plan': perPlan(made.ms) },
    { step: 'checkGop', 'ms/plan': perPlan(checkMs), 'x checkGop': '1.00' },
    { step: 'summary add(), same plans, in turn with checkGop', 'ms/plan': perPlan(addMs), 'x checkGop': (addMs / checkMs).toFixed(2) },
    {
      step: 'summarizePlans over a generator (a pass of its own)',
      'ms/plan': perPlan(summaryMs),
      'x checkGop': (summaryMs / checkMs).toFixed(2),
    },
  ]);
  const kept = summaryMemory.heap.map(({ plans: n, heapUsed }) => `${n.toLocaleString('en')}: ${MB(heapUsed - base.heapUsed)}`);
  console.log(`  summarizePlans: heap kept after gc over the ${MB(base.heapUsed)} MB before, by plans read (MB): ${kept.join(', ')}`);
  // growth while the plans are read, from 5,000 (the first plans warm caches up) to the last sample before the end
  const during = summaryMemory.heap.filter(({ plans: n }) => n > 0 && n < PLANS);
  const [first, last] = [during[0], during.at(-1)];
  if (last && last.plans > first.plans)
    console.log(`  kept per plan while reading: ${((last.heapUsed - first.heapUsed) / (last.plans - first.plans) / 1024).toFixed(2)} KB`);
  console.log(`  peak RSS of the summarizePlans pass: ${MB(summaryMemory.peakRss())} MB (before: ${MB(base.rss)} MB)`);
  console.log(
    `  ${summary.plans} plans in ${summary.periods.length} periods, ${summary.senders.length} senders; starts: ${summary.starts.rows} rows, ${summary.starts.matched} matched`,
  );
}
