// The size ladder: plans of 19 KB, 75 KB, 300 KB, 1.2 MB and 4.8 MB (×4 each, under the 5 MiB input limit), made by
// the builder like the 600 KB plan. A reader linear in its input grows ~4× per step; the bound is 5×.
import { XMLParser } from 'fast-xml-parser';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as gop from '../../dist/index.js';
import { allocatedPerCall } from './allocation.mjs';
import { config } from './config.mjs';
import { alternate, heading, median, ratio, timeOnce } from './measure.mjs';
import { KB, kb, planOfSize, textOf } from './plans.mjs';

const bare = new XMLParser();

/** Returns the series of the largest growth per step, and the growth of every step (medians). */
export async function runLadder() {
  const rungs = Array.from({ length: config.ladderRungs }, (_, k) => {
    const bytes = planOfSize(19 * KB * 4 ** k);
    // a plan refused at its limits would time a refusal, not a reading
    const fatal = gop.checkGop(bytes).findings.find((f) => f.severity === 'fatal');
    if (fatal) throw new Error(`the ${kb(bytes.length)} plan is refused: ${fatal.ruleId} ${fatal.message}`);
    return { bytes, text: textOf(bytes) };
  });
  const rounds = Math.max(3, Math.ceil(config.rounds / 3)); // a round of all rungs takes seconds at 4.8 MB
  heading(`Size ladder ${rungs.map((r) => kb(r.bytes.length)).join(' → ')}`);
  console.log(
    `checkGop from bytes and the bare parse at each size, all rungs alternating in each round (${rounds} rounds per series, medians); growth: time / time of the rung before.`,
  );
  const perSeries = [];
  for (let s = 1; s <= config.series; s++) {
    const contenders = rungs.flatMap((r) => [{ fn: () => gop.checkGop(r.bytes) }, { fn: () => bare.parse(r.text) }]);
    const ms = alternate(contenders, rounds);
    perSeries.push(rungs.map((_, k) => ({ check: ms[2 * k], bare: ms[2 * k + 1] })));
  }
  // The same calls one at a time, each from a collected heap: a call then pays for its own garbage only, not for
  // what the contender before it left (the bare parse of 4.8 MB leaves hundreds of MB).
  setFlagsFromString('--expose-gc'); // gc() without a flag on the command line: `npm run bench` stays plain
  const gc = runInNewContext('gc');
  const alone = [];
  for (let s = 1; s <= config.series; s++) {
    const times = rungs.map(() => ({ check: [], bare: [] }));
    for (let round = 0; round < rounds; round++)
      rungs.forEach((r, k) => {
        gc();
        times[k].check.push(timeOnce(() => gop.checkGop(r.bytes)));
        gc();
        times[k].bare.push(timeOnce(() => bare.parse(r.text)));
      });
    alone.push(times.map((t) => ({ check: median(t.check), bare: median(t.bare) })));
  }
  // Work done rather than time: what a check allocates (the collector's work grows with it, and with what stays live)
  const allocated = [];
  for (const r of rungs) {
    const calls = Math.max(1, Math.round(rungs.at(-1).bytes.length / r.bytes.length)); // about the same bytes each
    allocated.push(await allocatedPerCall(() => gop.checkGop(r.bytes), calls));
  }
  const rows = [];
  const growthOf = (series, k) => series.map((x) => x[k].check / x[k - 1].check);
  const growthMedians = [];
  const aloneMedians = [];
  rungs.forEach((r, k) => {
    const growth = k ? growthOf(perSeries, k) : [];
    const growthAlone = k ? growthOf(alone, k) : [];
    if (k) growthMedians.push(median(growth));
    if (k) aloneMedians.push(median(growthAlone));
    rows.push({
      size: kb(r.bytes.length),
      'size ×': k ? (r.bytes.length / rungs[k - 1].bytes.length).toFixed(2) : '',
      'checkGop ms': median(perSeries.map((x) => x[k].check)).toFixed(2),
      'bare parse ms': median(perSeries.map((x) => x[k].bare)).toFixed(2),
      'x bare parse': ratio(median(perSeries.map((x) => x[k].check / x[k].bare))),
      ...Object.fromEntries(perSeries.map((_, s) => [`growth s${s + 1}`, k ? ratio(growth[s]) : ''])),
      'growth median': k ? ratio(median(growth)) : '',
      'alone: checkGop ms': median(alone.map((x) => x[k].check)).toFixed(2),
      'alone: x bare': ratio(median(alone.map((x) => x[k].check / x[k].bare))),
      'alone: growth': k ? growthAlone.map(ratio).join(' ') : '',
      'allocated MB': (allocated[k] / 1e6).toFixed(2),
      'allocated / size': (allocated[k] / r.bytes.length).toFixed(1),
    });
  });
  console.table(rows);
  console.log(
    "ms: medians over the series; growth per series, then its median. alone: each call timed by itself right after a full garbage collection (one per series and round), growth per series. allocated: bytes one checkGop allocates (V8's sampling heap profiler, collected objects included: an estimate), and as a multiple of the plan's size.",
  );
  // per series, the worst step: the target holds only when every step holds
  const worstOf = (series) => series.map((one) => Math.max(...one.slice(1).map((x, k) => x.check / one[k].check)));
  return {
    worst: worstOf(perSeries),
    worstAlone: worstOf(alone),
    growthMedians,
    aloneMedians,
    sizes: rungs.map((r) => kb(r.bytes.length)),
  };
}
