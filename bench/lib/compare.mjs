// checkGop from bytes and from text, redaction off and on, against fast-xml-parser's bare `new XMLParser().parse(text)`
// (default options, as most of its users call it) and the floor: decode the bytes and look at every character once.
import { XMLParser } from 'fast-xml-parser';
import * as gop from '../../dist/index.js';
import { config } from './config.mjs';
import { alternate, heading, median, ratio } from './measure.mjs';
import { baseBytes, kb, planWithExcerpts, textOf } from './plans.mjs';

const bare = new XMLParser();
const decoder = new TextDecoder();
let _sink = 0; // a store the compiler must keep, so the scan is not optimised away
/** The floor: what any reader of the bytes pays at least. */
function decodeAndScan(bytes) {
  const text = decoder.decode(bytes);
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum = (sum + text.charCodeAt(i)) | 0;
  _sink ^= sum;
}

/** Start tags and empty-element tags: `<` and a name's first letter (comments, PIs and end tags start otherwise). */
const elements = (bytes) => textOf(bytes).match(/<[A-Za-z_]/g)?.length ?? 0;

/** The public sample (or the fixture) and the ~600 KB plan (2,300 journal excerpts), built as in issue 5. */
export function compareInputs() {
  const excerpts = config.quick ? 200 : 2300;
  const large = planWithExcerpts(excerpts);
  return [
    { name: `${config.base.name} (${kb(baseBytes.length)})`, bytes: baseBytes, key: 'sample' },
    { name: `built plan (${kb(large.length)})`, bytes: large, key: 'large', excerpts },
  ];
}

const COLUMNS = [
  ['floor', 'floor ×'],
  ['bytes', 'checkGop bytes ×'],
  ['text', 'checkGop text ×'],
  ['bytesRedact', 'bytes, redact ×'],
  ['textRedact', 'text, redact ×'],
];

/** Returns, per input key, the series of checkGop-from-bytes ratios to the bare parse. */
export function runCompare(inputs) {
  heading('checkGop against the bare parse and the floor');
  console.log(
    `ms per message of fast-xml-parser's \`new XMLParser().parse(text)\` (bare parse), and each contender as a multiple of it; ${config.rounds} alternating rounds per series, medians.`,
  );
  const rows = [];
  const byInput = {};
  for (const input of inputs) {
    const text = textOf(input.bytes);
    const contenders = [
      { key: 'bare', fn: () => bare.parse(text) },
      { key: 'floor', fn: () => decodeAndScan(input.bytes) },
      { key: 'bytes', fn: () => gop.checkGop(input.bytes) },
      { key: 'text', fn: () => gop.checkGop(text) },
      { key: 'bytesRedact', fn: () => gop.checkGop(input.bytes, { redact: true }) },
      { key: 'textRedact', fn: () => gop.checkGop(text, { redact: true }) },
    ];
    const series = [];
    for (let s = 1; s <= config.series; s++) {
      const ms = alternate(contenders, config.rounds);
      const r = Object.fromEntries(contenders.map((c, i) => [c.key, ms[i] / ms[0]]));
      r.redaction = ms[4] / ms[2] - 1;
      series.push({ bareMs: ms[0], ...r });
      rows.push(row(input.name, `series ${s}`, ms[0], r));
    }
    const keys = ['bareMs', 'redaction', ...COLUMNS.map(([key]) => key)];
    const mid = Object.fromEntries(keys.map((key) => [key, median(series.map((x) => x[key]))]));
    rows.push(row(input.name, 'median', mid.bareMs, mid));
    byInput[input.key] = { name: input.name, series: series.map((x) => x.bytes) };
  }
  console.table(rows);
  console.log(
    'redaction adds: (bytes, redact) / (bytes) − 1; each median row: the median of each column. The floor decodes the bytes (UTF-8) and reads every character once.',
  );
  for (const input of inputs.filter((i) => i.excerpts))
    console.log(
      `${input.name}: the base message with ${input.excerpts.toLocaleString('en')} journal excerpts, ${elements(input.bytes).toLocaleString('en')} elements.`,
    );
  return byInput;
}

function row(input, series, bareMs, r) {
  return {
    input,
    series,
    'bare parse ms': bareMs.toFixed(3),
    ...Object.fromEntries(COLUMNS.map(([key, title]) => [title, ratio(r[key])])),
    'redaction adds': `${Math.round(r.redaction * 100)} %`,
  };
}
