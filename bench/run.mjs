// npm run bench: speed of medcom-gop next to the bare fast-xml-parser parse, measured side by side in one run.
// Rounds alternate between the contenders so that machine noise hits them alike; the median round counts.
import { existsSync, readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import * as gop from '../dist/index.js';

const SAMPLE = new URL('../../shared/samples/ggop-public-example.xml', import.meta.url);
const FIXTURE = new URL('../fixtures/valid/rehabilitering-apopleksi.xml', import.meta.url);

// The same parser options medcom-gop needs (order, offsets, no value coercion): the floor for our work.
const parser = new XMLParser({
  preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, parseAttributeValue: false,
  trimValues: false, captureMetaData: true, alwaysCreateTextNode: true, processEntities: true, ignoreDeclaration: true,
  ignorePiTags: true, jPath: false,
});

function inputs() {
  const list = [];
  const base = existsSync(SAMPLE) ? readFileSync(SAMPLE) : existsSync(FIXTURE) ? readFileSync(FIXTURE) : undefined;
  if (!base) throw new Error('no sample or fixture to measure');
  list.push({ name: existsSync(SAMPLE) ? 'public sample' : 'fixture', bytes: base });
  // A ~500 KB message: the same plan with many journal excerpts, as long discharge letters have.
  const text = base.toString('utf8');
  const excerpt = /<JournalExcerpt>[\s\S]*?<\/JournalExcerpt>/.exec(text)?.[0] ?? '';
  const many = excerpt.repeat(Math.ceil(500_000 / Math.max(1, excerpt.length)));
  const large = excerpt ? text.replace(excerpt, many) : text;
  list.push({ name: `large (${Math.round(Buffer.byteLength(large) / 1024)} KB)`, bytes: Buffer.from(large) });
  return list;
}

function timeOnce(fn, iterations) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) fn();
  return Number(process.hrtime.bigint() - start) / 1e6 / iterations;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function measure(contenders, bytes) {
  const iterations = Math.max(3, Math.round(200_000 / bytes.length));
  for (const c of contenders) timeOnce(c.fn, iterations); // warm-up
  const samples = contenders.map(() => []);
  for (let round = 0; round < 15; round++) {
    contenders.forEach((c, i) => samples[i].push(timeOnce(c.fn, iterations)));
  }
  return samples.map(median);
}

const rows = [];
for (const input of inputs()) {
  const text = input.bytes.toString('utf8').replace(/^\uFEFF/, '');
  const contenders = [
    { name: 'fast-xml-parser parse (floor)', fn: () => parser.parse(text) },
    { name: 'fast-xml-parser validate + parse', fn: () => { XMLValidator.validate(text); parser.parse(text); } },
    { name: 'parseGop', fn: () => gop.parseGop(input.bytes) },
  ];
  if (typeof gop.checkGop === 'function') contenders.push({ name: 'checkGop', fn: () => gop.checkGop(input.bytes) });
  const times = measure(contenders, input.bytes);
  contenders.forEach((c, i) => rows.push({
    input: input.name,
    step: c.name,
    'ms/message': times[i].toFixed(3),
    'messages/s': Math.round(1000 / times[i]),
    'x parse': (times[i] / times[0]).toFixed(2),
    'x validate+parse': (times[i] / times[1]).toFixed(2),
  }));
}
console.table(rows);
console.log('x parse: ratio to the bare parse; x validate+parse: ratio to fast-xml-parser used safely (validator first, as it must be: its parse accepts malformed XML).');
