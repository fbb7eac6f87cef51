// Adversarial shapes for `npm run bench` (imported by bench/run.mjs; runnable alone: node bench/adversarial.mjs).
// Each shape is built at two sizes from the public sample (or the apopleksi fixture where the sample is absent), by
// string manipulation, and checkGop is timed at both. A reader that is linear in its input grows by about the size
// ratio; a row growing by more than 1.5× the size ratio is flagged: a shape the reader handles super-linearly.
// Each input is checked once for the kind of result it must give (read without a fatal finding, N findings, or refused
// with a given rule), so the table cannot silently time a document that is turned away at its first byte.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as gop from '../dist/index.js';

const SAMPLE = new URL('../../shared/samples/ggop-public-example.xml', import.meta.url);
const FIXTURE = new URL('../fixtures/valid/rehabilitering-apopleksi.xml', import.meta.url);

const KB = 1024;
/** The two sizes each shape is built at: under the 5 MiB input limit, and (but for the limit shapes) under 100,000 elements. */
export const SIZES = [256 * KB, 1024 * KB];

function baseText() {
  const url = existsSync(SAMPLE) ? SAMPLE : FIXTURE;
  return { name: url === SAMPLE ? 'public sample' : 'apopleksi fixture', text: readFileSync(url, 'utf8').replace(/^\uFEFF/, '') };
}

/** The plan's free-text element that shapes fill (m104 formatted text; m100 inline markup through the mm100 prefix). */
function freeTextSlot(text) {
  for (const name of [
    'PracticalInformation',
    'InformationForPatientAndRelatives',
    'PatientSafetyAspects',
    'RehabilitationNeedAndPotential',
  ]) {
    const match = new RegExp(`<${name}>[^<]*</${name}>`).exec(text);
    if (match) return { name, start: match.index, end: match.index + match[0].length };
  }
  throw new Error('no free-text element to fill in the base message');
}

/** The prefix bound to urn:oio:medcom:municipality:1.0.0 on the root (Bold, Italic, Break live there). */
function m100Prefix(text) {
  const match = /<Emessage[^>]*\sxmlns:([A-Za-z_][\w.-]*)="urn:oio:medcom:municipality:1\.0\.0"/.exec(text);
  if (!match) throw new Error('the base message declares no prefix for urn:oio:medcom:municipality:1.0.0 on its root');
  return match[1];
}

/** `unit(i)` repeated until the text reaches `size` bytes (UTF-8), as a string. */
function fill(size, overhead, unit) {
  const parts = [];
  let bytes = overhead;
  for (let i = 0; bytes < size; i++) {
    const piece = unit(i);
    parts.push(piece);
    bytes += Buffer.byteLength(piece);
  }
  return { body: parts.join(''), count: parts.length };
}

function intoFreeText(base, size, unit, { dropComments = false } = {}) {
  let text = dropComments ? base.replace(/<!--[^]*?-->/g, '') : base;
  const slot = freeTextSlot(text);
  const open = `<${slot.name}>`;
  const close = `</${slot.name}>`;
  const { body, count } = fill(size, Buffer.byteLength(text) - (slot.end - slot.start) + open.length + close.length, unit);
  text = text.slice(0, slot.start) + open + body + close + text.slice(slot.end);
  return { text, count, slot: slot.name };
}

/** Inserted as children of RehabilitationPlan, just before its end tag. */
function intoPlan(base, size, unit) {
  const at = base.lastIndexOf('</RehabilitationPlan>');
  if (at < 0) throw new Error('no </RehabilitationPlan> in the base message');
  const { body, count } = fill(size, Buffer.byteLength(base), unit);
  return { text: base.slice(0, at) + body + base.slice(at), count };
}

const fatal = (report) => report.findings.find((f) => f.severity === 'fatal');
const summary = (report) => {
  const f = fatal(report);
  if (f) return `fatal ${f.ruleId}`;
  const { error, warning } = report.counts;
  return `read, ${error} err ${warning} warn`;
};

// Expectations: each returns undefined when the report is of the kind the shape is meant to produce, else what is wrong.
const readWithoutFatal = (report) =>
  fatal(report) ? `expected no fatal finding, got ${fatal(report).ruleId}: ${fatal(report).message}` : undefined;
const refusedWith = (ruleId) => (report) =>
  fatal(report)?.ruleId === ruleId ? undefined : `expected fatal ${ruleId}, got ${summary(report)}`;
const atLeastFindings = (ruleId, count) => (report) => {
  const bad = readWithoutFatal(report);
  if (bad) return bad;
  const n = report.findings.filter((f) => f.ruleId === ruleId).length;
  return n >= count ? undefined : `expected ≥ ${count} ${ruleId} findings, got ${n}`;
};

/**
 * The free-text content must have reached the model (checked once, on the smaller input): a reader that dropped
 * the element or its CDATA would otherwise time as "linear".
 */
const freeTextAtLeast = (chars) => (parsed, slot) => {
  if (!parsed.ok) return 'parseGop did not read it';
  const key = slot[0].toLowerCase() + slot.slice(1);
  const length = parsed.message.rehabilitationPlan[key]?.text?.length ?? 0;
  return length >= chars ? undefined : `${slot}: expected ≥ ${chars} characters of text in the model, got ${length}`;
};

/** The shapes: `build(base, size, prefix)` → { text, count, slot? }, `expect(report, count)`, optional `model(parsed, slot, count)`. */
export const SHAPES = [
  {
    id: 'a',
    name: 'CDATA "<!--" unclosed, many "]]>"',
    // The base's own comment is taken out, so that no "-->" anywhere closes the "<!--"s held as CDATA text.
    build: (base, size) => intoFreeText(base, size, (i) => `<![CDATA[note ${i} <!-- not a comment ]]> and text `, { dropComments: true }),
    expect: () => readWithoutFatal,
    model: (count) => freeTextAtLeast(count * 20),
  },
  {
    id: 'b',
    name: 'many one-space CDATA <![CDATA[ ]]>',
    build: (base, size) => intoFreeText(base, size, () => '<![CDATA[ ]]>'),
    expect: () => readWithoutFatal,
    model: () => (parsed, slot) =>
      parsed.ok && parsed.message.rehabilitationPlan[slot[0].toLowerCase() + slot.slice(1)] !== undefined ? undefined : `${slot} not read`,
  },
  {
    id: 'c',
    name: 'numeric character references',
    build: (base, size) => intoFreeText(base, size, () => '&#230;&#xF8;&#229;&#198;&#xD8;&#197; &#x1F600;&#10;'),
    expect: () => readWithoutFatal,
    model: (count) => freeTextAtLeast(count * 8),
  },
  {
    id: 'd1',
    name: '64 attributes (the limit) on each of many elements',
    build: (base, size, p) => {
      const attrs = Array.from({ length: 64 }, (_, k) => ` a${k}="v${k}"`).join('');
      return intoFreeText(base, size, () => `<${p}:Bold${attrs}>x</${p}:Bold> `);
    },
    expect: () => readWithoutFatal,
    model: (count) => freeTextAtLeast(count),
  },
  {
    id: 'd2',
    name: 'one element with far too many attributes',
    build: (base, size, p) => {
      const built = intoFreeText(base, size, (k) => ` a${k}="v"`);
      const slot = freeTextSlot(base).name;
      // The attributes go into one start tag: <Bold a0="v" a1="v" ...>x</Bold>.
      return {
        ...built,
        text: built.text.replace(`<${slot}> a0="v"`, `<${slot}><${p}:Bold a0="v"`).replace(`</${slot}>`, `>x</${p}:Bold></${slot}>`),
      };
    },
    expect: () => refusedWith('GOP-INPUT-004'),
  },
  {
    id: 'e',
    name: 'deep formatted text (Bold/Italic to maxDepth), repeated',
    build: (base, size, p) => {
      // Emessage > RehabilitationPlan > free-text element is 3 levels; the inline nesting fills up to 64 exactly.
      const depth = gop.ParseOptionsSchema.parse({}).maxDepth - 3; // the default limit (DEFAULT_PARSE_OPTIONS is no export since issue 24)
      const names = Array.from({ length: depth }, (_, k) => `${p}:${k % 2 ? 'Italic' : 'Bold'}`);
      const unit =
        names.map((n) => `<${n}>`).join('') +
        'dyb tekst ' +
        [...names]
          .reverse()
          .map((n) => `</${n}>`)
          .join('');
      return intoFreeText(base, size, () => unit);
    },
    expect: () => readWithoutFatal,
    model: (count) => freeTextAtLeast(count * 9),
  },
  {
    id: 'f1',
    name: 'many findings: journal excerpts dated 2012-02-30',
    build: (base, size) =>
      intoPlan(
        base,
        size,
        (i) =>
          `<JournalExcerpt><TypeOfExcerpt>Uddrag ${i}</TypeOfExcerpt><Signer><SignedBy><PersonGivenName>Preben</PersonGivenName><PersonSurnameName>Elkjær</PersonSurnameName></SignedBy><Date>2012-02-30</Date></Signer><Comment>Fri tekst</Comment></JournalExcerpt>\n`,
      ),
    expect: (count) => atLeastFindings('GOP-FORMAT-001', count),
  },
  {
    id: 'f2',
    name: 'many findings: unknown elements <Kaffe>',
    build: (base, size) => intoPlan(base, size, (i) => `<Kaffe>${i}</Kaffe>\n`),
    expect: (count) => atLeastFindings('GOP-STRUCT-003', count),
  },
  {
    id: 'g',
    name: 'long plain text with spaces and newlines',
    build: (base, size) =>
      intoFreeText(
        base,
        size,
        (i) => `Patienten går ${i % 90} meter med rollator,   trapper med støtte.\n        Aftalt videre træning.  `,
      ),
    expect: () => readWithoutFatal,
    model: (count) => freeTextAtLeast(count * 60),
  },
  {
    id: 'h',
    name: 'nested deeper than maxDepth',
    build: (base, size, p) => {
      const slot = freeTextSlot(base).name;
      const built = intoFreeText(base, size, () => `<${p}:Bold></${p}:Bold>`);
      const n = built.count;
      // The same bytes, nested instead of side by side: n levels deep (n far above 64).
      return {
        ...built,
        text: built.text.replace(
          new RegExp(`<${slot}>.*</${slot}>`, 's'),
          `<${slot}>${`<${p}:Bold>`.repeat(n)}x${`</${p}:Bold>`.repeat(n)}</${slot}>`,
        ),
      };
    },
    expect: () => refusedWith('GOP-INPUT-004'),
  },
];

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function timeRun(fn, iterations) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) fn();
  return Number(process.hrtime.bigint() - start) / 1e6 / iterations;
}

/**
 * Median ms per checkGop for each input, rounds alternating between them so that machine noise hits both sizes alike.
 * A round is at least ~20 ms of calls; where one call is slow (a super-linear shape), fewer rounds, so a quadratic row
 * costs seconds, not minutes.
 */
/** Every finding kept (the default keeps 1,000): the "many findings" shapes then measure the work on every unit. */
const ALL_FINDINGS = { maxFindings: 1_000_000 };

function timeInputs(byteArrays, most) {
  const first = byteArrays.map((bytes) => timeRun(() => gop.checkGop(bytes, ALL_FINDINGS), 1)); // warm-up, and the cost of one call
  const iterations = first.map((ms) => Math.max(1, Math.min(200, Math.round(20 / Math.max(ms, 0.01)))));
  const slowest = Math.max(...first);
  const rounds = Math.min(most, slowest > 2000 ? 1 : slowest > 300 ? 3 : 9);
  const samples = byteArrays.map(() => []);
  for (let r = 0; r < rounds; r++)
    byteArrays.forEach((bytes, i) => samples[i].push(timeRun(() => gop.checkGop(bytes, ALL_FINDINGS), iterations[i])));
  return { ms: samples.map(median), rounds };
}

/** Builds, checks and times every shape; returns the table rows and the flagged shapes. `rounds`: at most (a smoke run: 1). */
export function runAdversarial({ log = console.log, sizes = SIZES, rounds: most = 9 } = {}) {
  const base = baseText();
  const prefix = m100Prefix(base.text);
  const rows = [];
  const flagged = [];
  const problems = [];
  for (const shape of SHAPES) {
    const inputs = sizes.map((size) => {
      const built = shape.build(base.text, size, prefix);
      return { ...built, bytes: Buffer.from(built.text, 'utf8') };
    });
    // The kind of result, once per input (the first timed call is separate, below).
    const results = inputs.map((input) => {
      const report = gop.checkGop(input.bytes, ALL_FINDINGS);
      const wrong = shape.expect(input.count)(report);
      return { report, wrong };
    });
    if (shape.model) {
      const smaller = inputs[0];
      const wrong = shape.model(smaller.count)(gop.parseGop(smaller.bytes), smaller.slot);
      if (wrong) results[0].wrong = (results[0].wrong ? `${results[0].wrong}; ` : '') + wrong;
    }
    const sizeRatio = inputs[1].bytes.length / inputs[0].bytes.length;
    let { ms, rounds } = timeInputs(
      inputs.map((i) => i.bytes),
      most,
    );
    let growth = ms[1] / ms[0];
    const growths = [growth];
    // On a shared machine one pass can be skewed by load; a row is flagged only if a second pass agrees.
    if (growth > 1.5 * sizeRatio) {
      const again = timeInputs(
        inputs.map((i) => i.bytes),
        most,
      );
      growths.push(again.ms[1] / again.ms[0]);
      if (again.ms[1] / again.ms[0] < growth) ({ ms, rounds } = again);
      growth = Math.min(...growths);
    }
    const superLinear = growth > 1.5 * sizeRatio;
    if (superLinear) flagged.push({ shape, inputs, ms, sizeRatio, growth });
    for (const [i, r] of results.entries())
      if (r.wrong) problems.push(`(${shape.id}) ${Math.round(inputs[i].bytes.length / KB)} KB: ${r.wrong}`);
    rows.push({
      shape: `(${shape.id}) ${shape.name}`,
      sizes: inputs.map((i) => `${Math.round(i.bytes.length / KB)} KB`).join(' / '),
      units: inputs.map((i) => i.count).join(' / '),
      'ms small': ms[0].toFixed(2),
      'ms large': ms[1].toFixed(2),
      'size ×': sizeRatio.toFixed(2),
      'time ×': growths.map((g) => g.toFixed(2)).join(' then '),
      verdict: superLinear ? 'SUPER-LINEAR' : 'ok',
      result: results.map((r) => summary(r.report)).join(' / '),
      expected: results.every((r) => !r.wrong) ? 'yes' : 'NO',
      ...(rounds < 9 ? { rounds } : {}),
    });
  }
  log('\n## Adversarial shapes');
  log(
    `checkGop on each shape built from the ${base.name} at ~${sizes.map((s) => `${s / KB} KB`).join(' and ')} (median ms; flagged where time × > 1.5 × size × on two passes)`,
  );
  console.table(rows);
  log(
    "units: how many times the shape's unit was repeated. time ×: ms large / ms small (a second pass where the first exceeded 1.5 × size ×; the table shows the milder).",
  );
  log(
    'result: what checkGop made of each input; expected: whether that is the kind of result the shape must give (valid shapes: no fatal finding, and the text reached the model).',
  );
  for (const p of problems) log(`  NOT AS EXPECTED ${p}`);
  for (const f of flagged)
    log(
      `  SUPER-LINEAR (${f.shape.id}) ${f.shape.name}: ${f.ms[0].toFixed(1)} ms → ${f.ms[1].toFixed(1)} ms (×${f.growth.toFixed(1)}) for ×${f.sizeRatio.toFixed(2)} the bytes`,
    );
  if (problems.length) log(`  ${problems.length} input(s) not of the expected kind: their times do not measure the shape.`);
  if (!flagged.length) log('  no shape grew super-linearly.');
  return { rows, flagged, problems };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) runAdversarial();
