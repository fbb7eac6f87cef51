// npm run bench: speed of medcom-gop next to the bare fast-xml-parser parse, measured side by side in one run.
// Rounds alternate between the contenders so that machine noise hits them alike; the median round counts.
import { existsSync, readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import * as gop from '../dist/index.js';
import { FORMATS, formatResults } from '../dist/format/index.js';

const SAMPLE = new URL('../../shared/samples/ggop-public-example.xml', import.meta.url);
const FIXTURE = new URL('../fixtures/valid/rehabilitering-apopleksi.xml', import.meta.url);

// fast-xml-parser's parse with what a reader of this message needs (order, offsets, no value coercion, and an XML-only
// entity decoder — its default one costs 3× more on text-heavy messages): the floor issue 5 measures against.
// medcom-gop itself runs only fast-xml-parser's XMLValidator and builds its tree in one pass (src/xml/tree.ts).
const PREDEFINED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const entityDecoder = {
  setExternalEntities() {},
  addInputEntities() {},
  reset() {},
  setXmlVersion() {},
  decode: (text) =>
    text.includes('&')
      ? text.replace(/&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g, (_, ref) =>
          ref[0] !== '#' ? PREDEFINED[ref] : String.fromCodePoint(ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)),
        )
      : text,
};
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  captureMetaData: true,
  alwaysCreateTextNode: true,
  processEntities: true,
  entityDecoder,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: 64,
  jPath: false,
});
// fast-xml-parser as most of its users call it: `new XMLParser().parse(text)`, default options. Issue 5's target is
// checkGop at ≤ 0.40× of this, on the public sample and on the ~600 KB built message.
const plainParser = new XMLParser();
const PLAIN_TARGET = 0.4;

function inputs() {
  const list = [];
  const base = existsSync(SAMPLE) ? readFileSync(SAMPLE) : existsSync(FIXTURE) ? readFileSync(FIXTURE) : undefined;
  if (!base) throw new Error('no sample or fixture to measure');
  const small = readFileSync(new URL('../fixtures/valid/minimal.xml', import.meta.url));
  list.push({ name: `small (${(small.length / 1024).toFixed(1)} KB)`, bytes: small });
  list.push({ name: `${existsSync(SAMPLE) ? 'public sample' : 'fixture'} (${Math.round(base.length / 1024)} KB)`, bytes: base });
  // A ~600 KB message, made by the builder: the plan with many journal excerpts, as long discharge letters have.
  const model = gop.parseGop(base).message;
  const excerpt = {
    typeOfExcerpt: 'Uddrag af journalnotat',
    comment: gop.formattedText(
      'Patienten mobiliseret med fysioterapeut. Går 20 meter med rollator, trapper med støtte.\nAftalt videre træning i kommunalt regi.',
    ),
  };
  const large = structuredClone(model);
  large.rehabilitationPlan.journalExcerpt = Array.from({ length: 2300 }, () => excerpt);
  const largeBytes = gop.buildGopBytes(large, { pretty: true });
  list.push({ name: `large (${Math.round(largeBytes.length / 1024)} KB)`, bytes: largeBytes });
  return list;
}

function timeOnce(fn, iterations) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) fn();
  return Number(process.hrtime.bigint() - start) / 1e6 / iterations;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function measure(contenders, bytes) {
  const iterations = Math.max(3, Math.round(2_000_000 / bytes.length)); // rounds of ~50 ms: shorter ones are mostly noise
  for (const c of contenders) timeOnce(c.fn, iterations); // warm-up
  const samples = contenders.map(() => []);
  for (let round = 0; round < 15; round++) {
    contenders.forEach((c, i) => samples[i].push(timeOnce(c.fn, iterations)));
  }
  return samples.map(median);
}

const rows = [];
for (const input of inputs()) {
  const text = Buffer.from(input.bytes)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  const contenders = [
    { name: 'fast-xml-parser parse (floor)', fn: () => parser.parse(text) },
    { name: 'fast-xml-parser plain parse (default options)', fn: () => plainParser.parse(text) },
    {
      name: 'fast-xml-parser validate + parse',
      fn: () => {
        XMLValidator.validate(text);
        parser.parse(text);
      },
    },
    { name: 'fast-xml-parser validate (alone)', fn: () => XMLValidator.validate(text) },
    { name: 'parseGop', fn: () => gop.parseGop(input.bytes) },
  ];
  contenders.push({ name: 'checkGop', fn: () => gop.checkGop(input.bytes) });
  const report = gop.checkGop(input.bytes);
  for (const format of FORMATS) {
    contenders.push({ name: `  format ${format} (one report)`, fn: () => formatResults(format, [{ file: 'message.xml', report }]) });
  }
  const times = measure(contenders, input.bytes);
  contenders.forEach((c, i) =>
    rows.push({
      input: input.name,
      step: c.name,
      'ms/message': times[i].toFixed(3),
      'messages/s': Math.round(1000 / times[i]),
      'x parse': (times[i] / times[0]).toFixed(2),
      'x validate+parse': (times[i] / times[2]).toFixed(2),
      'x plain parse': (times[i] / times[1]).toFixed(2),
    }),
  );
}
console.table(rows);
const TARGET = 1.5;
const verdicts = rows
  .filter((r) => r.step === 'checkGop')
  .map((r) => `${r.input}: ${r['x parse']}× ${Number(r['x parse']) <= TARGET ? '≤' : '>'} ${TARGET}×`);
console.log(`checkGop against the bare parse (target ≤ ${TARGET}×): ${verdicts.join('; ')}`);
console.log('x parse: ratio to the bare fast-xml-parser parse with the options a reader of this message needs (the floor).');
console.log('x validate+parse: ratio to fast-xml-parser used safely: its XMLValidator first, because its parse accepts malformed XML.');
console.log('x plain parse: ratio to `new XMLParser().parse(text)`, fast-xml-parser with its default options.');
console.log('Formatter rows time formatting one report (not reading it).');
console.log(
  `\ncheckGop / fast-xml-parser's plain \`new XMLParser().parse(text)\` (default options); target ≤ ${PLAIN_TARGET.toFixed(2)}× on the public sample and the large built message:`,
);
for (const r of rows.filter((row) => row.step === 'checkGop')) {
  const ratio = Number(r['x plain parse']);
  const plain = rows.find((row) => row.input === r.input && row.step.startsWith('fast-xml-parser plain parse'));
  const targeted = !r.input.startsWith('small');
  const verdict = !targeted
    ? '(not a target input)'
    : ratio <= PLAIN_TARGET
      ? `meets the ${PLAIN_TARGET.toFixed(2)}× target`
      : `MISSES the ${PLAIN_TARGET.toFixed(2)}× target`;
  console.log(
    `  ${r.input.padEnd(24)} checkGop ${r['ms/message'].padStart(8)} ms / plain parse ${plain['ms/message'].padStart(8)} ms = ${ratio.toFixed(2)}×  ${verdict}`,
  );
}

// ---- Adversarial shapes: growth of checkGop with input size, per hostile or unusual shape (bench/adversarial.mjs). ----
import { runAdversarial } from './adversarial.mjs';
runAdversarial();

// ---- Redaction: linear in findings and personal values (issue 12: 8,000 findings took 4.4 s, 40,000 took 298 s). ----
{
  const base = gop.parseGop(readFileSync(new URL('../fixtures/valid/minimal.xml', import.meta.url))).message;
  const redactRows = [];
  for (const count of [8_000, 40_000]) {
    // every relative a personal value (name, phone) and a finding that quotes it (a phone number that is none)
    const message = structuredClone(base);
    message.rehabilitationPlan.relatives = {
      relative: Array.from({ length: count }, (_, i) => ({
        relationCode: 'datter',
        personGivenName: `Navn${i}`,
        personSurnameName: 'Ølgaard',
        telephoneSubscriber: [{ telephoneSubscriberIdentifier: `${String(20_000_000 + i * 7).replace(/(..)(?=.)/g, '$1 ')} x` }],
      })),
    };
    const time = (redact) => median(Array.from({ length: 3 }, () => timeOnce(() => gop.checkGop(message, { redact }), 1)));
    const off = time(false);
    const on = time(true);
    redactRows.push({
      findings: count,
      'checkGop(model) ms': off.toFixed(0),
      'with redact ms': on.toFixed(0),
      'redaction ms': (on - off).toFixed(0),
      'µs/finding': (((on - off) * 1000) / count).toFixed(1),
    });
  }
  console.log('\nRedaction: checkGop of a model with and without redact, each finding quoting a personal value (median of 3)');
  console.table(redactRows);
}

// ---- CLI start-up: one small file, against a bare `node -e 0`, spawns alternating (issue 5: ≤ 2.5×). ----
{
  const STARTUP_TARGET = 2.5;
  const SPAWNS = Number(process.env.BENCH_SPAWNS ?? 11);
  const cliPath = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
  const minimal = fileURLToPath(new URL('../fixtures/valid/minimal.xml', import.meta.url));
  const spawnMs = (args) => {
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
    return ms;
  };
  const runs = { bare: [], cli: [] };
  spawnMs(['-e', '0']);
  spawnMs([cliPath, 'validate', minimal]); // warm the file cache
  for (let i = 0; i < SPAWNS; i++) {
    runs.bare.push(spawnMs(['-e', '0']));
    runs.cli.push(spawnMs([cliPath, 'validate', minimal]));
  }
  const bare = median(runs.bare);
  const cliMs = median(runs.cli);
  const ratio = cliMs / bare;
  console.log(`\nCLI start-up (median of ${SPAWNS} spawns each, alternating), target ≤ ${STARTUP_TARGET}×:`);
  console.table([
    { run: 'node -e 0', 'ms (median)': bare.toFixed(1), 'x node -e 0': '1.00' },
    { run: 'node dist/cli.js validate fixtures/valid/minimal.xml', 'ms (median)': cliMs.toFixed(1), 'x node -e 0': ratio.toFixed(2) },
  ]);
  console.log(`  start-up ratio ${ratio.toFixed(2)}× ${ratio <= STARTUP_TARGET ? '≤' : '>'} ${STARTUP_TARGET}× target`);
}

// ---- Batch: the CLI over 2,000 messages, one job and the default, side by side (issue 4/5). ----
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, availableParallelism } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BATCH = Number(process.env.BENCH_BATCH ?? 2000);
const validDir = new URL('../fixtures/valid/', import.meta.url);
// Batch inputs are produced by the builder: each valid fixture's model with its own message id and patient.
const templates = readdirSync(validDir)
  .filter((f) => f.endsWith('.xml'))
  .map((f) => gop.parseGop(readFileSync(new URL(f, validDir))).message);
const dir = mkdtempSync(join(tmpdir(), 'gop-bench-'));
for (let i = 0; i < BATCH; i++) {
  const message = structuredClone(templates[i % templates.length]);
  message.envelope.identifier = String(10_000_000 + i);
  const day = String(1 + (i % 28)).padStart(2, '0');
  message.rehabilitationPlan.patient.civilRegistrationNumber = `${day}0${1 + (i % 9)}${String(40 + (i % 50)).padStart(2, '0')}${String(1000 + (i % 8999)).slice(-4)}`;
  const encoding = i % 4 === 0 ? 'ISO-8859-1' : 'UTF-8';
  writeFileSync(join(dir, `msg-${String(i).padStart(5, '0')}.xml`), gop.buildGopBytes(message, { encoding, pretty: i % 2 === 0 }));
}

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
function runCli(jobs) {
  // maxRSS of the whole process (worker threads included), reported by the process itself at exit.
  const script =
    `process.argv=['node','gop','validate','--format','json','--output','/dev/null','--jobs','${jobs}',${JSON.stringify(dir)}];` +
    `process.on('exit',()=>process.stderr.write('RSS '+process.resourceUsage().maxRSS+'\\n'));await import(${JSON.stringify(`file://${cli}`)});`;
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const rss = Number(/RSS (\d+)/.exec(run.stderr)?.[1] ?? NaN) / 1024;
  return { seconds, rss, status: run.status };
}
function runXmllint() {
  const which = spawnSync('sh', ['-c', 'command -v xmllint'], { encoding: 'utf8' });
  if (which.status !== 0) return undefined;
  // GNU time, where installed, gives its peak memory (in KB); xmllint cannot report it itself.
  const time = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', 'RSS %M'] : [];
  const command = [...time, 'sh', '-c', `xmllint --noout ${JSON.stringify(dir)}/*.xml`];
  const start = process.hrtime.bigint();
  const run = spawnSync(command[0], command.slice(1), { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { seconds, rss: Number(/RSS (\d+)/.exec(run.stderr)?.[1] ?? NaN) / 1024, status: run.status };
}
const batchRows = [];
const cores = availableParallelism();
const parallel = Math.min(cores, 3);
for (const [name, run] of [
  ['gop validate --jobs 1', () => runCli(1)],
  [`gop validate --jobs ${parallel} (worker threads)`, () => runCli(parallel)],
  ['xmllint --noout (native floor)', runXmllint],
]) {
  const result = run();
  if (!result) {
    batchRows.push({ run: name, note: 'xmllint not installed' });
    continue;
  }
  batchRows.push({
    run: name,
    seconds: result.seconds.toFixed(2),
    'messages/s': Math.round(BATCH / result.seconds),
    'peak RSS MB': result.rss ? result.rss.toFixed(0) : '-',
    exit: result.status ?? '',
  });
}
rmSync(dir, { recursive: true, force: true });
console.log(
  `\nBatch: ${BATCH} messages built from the valid fixtures (own ids and patients, UTF-8 and ISO-8859-1), whole process including start-up`,
);
console.table(batchRows);

// ---- summarizePlans over 20,000 plans: ms per plan next to checkGop on the same plans, and the memory it keeps. ----
// The plans are made one at a time by a generator (each valid fixture's model with its own letter id, message id and
// patient), so that what stays in memory is the summary's, not the inputs'. summarizePlans runs over the generator,
// timed less the time spent making plans, its heap sampled after gc; then checkGop and a summary's add() take turns on
// each plan (noise hits both alike). Half the plans have a row in the municipality's starts (started 0–14
// days after discharge): the join is timed too.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
await (async () => {
  const PLANS = Number(process.env.BENCH_STATS_PLANS ?? 20_000);
  console.log(`\nsummarizePlans over ${PLANS.toLocaleString('en')} plans`);
  // the root export, or the medcom-gop/stats subpath
  const stats = typeof gop.summarizePlans === 'function' ? gop : await import('../dist/stats/index.js').catch(() => ({}));
  if (typeof stats.summarizePlans !== 'function') {
    console.log('  skipped: neither dist/index.js nor dist/stats/index.js has summarizePlans');
    return;
  }
  // gc() without --expose-gc on the command line, so that `npm run bench` stays one plain `node bench/run.mjs`
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc');
  const plans = templates.map((message) => {
    const facts = gop.checkGop(gop.buildGopBytes(message)).facts;
    return { message, senderEan: message.rehabilitationPlan.sender.eanIdentifier, discharge: facts?.dischargeDate };
  });
  const letterId = (i) => `BENCH${String(i).padStart(8, '0')}`;
  const addDays = (iso, days) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const starts = [];
  for (let i = 0; i < PLANS; i += 2) {
    const { senderEan, discharge } = plans[i % plans.length];
    if (discharge) starts.push({ letterIdentifier: letterId(i), senderEan, started: addDays(discharge, i % 15) });
  }

  /** The plans as bytes, made when asked for; `made.ms` is the time spent making them, `each(i)` runs every 100. */
  function* generated(made, each) {
    for (let i = 0; i < PLANS; i++) {
      const start = process.hrtime.bigint();
      const message = structuredClone(plans[i % plans.length].message);
      message.envelope.identifier = String(20_000_000 + i);
      message.rehabilitationPlan.letter.identifier = letterId(i);
      const day = String(1 + (i % 28)).padStart(2, '0');
      message.rehabilitationPlan.patient.civilRegistrationNumber = `${day}0${1 + (i % 9)}${String(40 + (i % 50)).padStart(2, '0')}${String(1000 + (i % 8999)).slice(-4)}`;
      const bytes = gop.buildGopBytes(message, { encoding: i % 4 === 0 ? 'ISO-8859-1' : 'UTF-8', pretty: i % 2 === 0 });
      if (i % 100 === 0) each?.(i);
      made.ms += Number(process.hrtime.bigint() - start) / 1e6;
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
  const warm = Array.from({ length: 40 }, () => plans.map(({ message }) => gop.buildGopBytes(message))).flat();
  for (const bytes of warm) gop.checkGop(bytes);
  await stats.summarizePlans(warm, { starts });
  // summarizePlans as a user calls it, over the generator: its whole time less the time spent making plans, and memory
  // (first: nothing of the timing pass below is in its heap)
  gc();
  const base = process.memoryUsage();
  const MB = (bytes) => (bytes / 1024 / 1024).toFixed(1);
  const summaryMade = { ms: 0 };
  const summaryMemory = sampler();
  const start = process.hrtime.bigint();
  const summary = await stats.summarizePlans(generated(summaryMade, summaryMemory.sample), { starts, by: 'month' });
  const summaryMs = Number(process.hrtime.bigint() - start) / 1e6 - summaryMade.ms;
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
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  {
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
  }

  const perPlan = (ms) => (ms / PLANS).toFixed(3);
  console.table([
    { step: 'making a plan (the builder; not in the rows below)', 'ms/plan': perPlan(made.ms) },
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
})();
