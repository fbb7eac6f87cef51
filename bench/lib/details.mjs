// One series of the steps around checkGop: fast-xml-parser with a reader's options and used safely (validate first),
// parseGop alone, and every formatter on one report, for the small fixture, the base message and the built plan.
import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import * as gop from '../../dist/index.js';
import { FORMATS, formatResults } from '../../dist/format/index.js';
import { config } from './config.mjs';
import { alternate, heading } from './measure.mjs';
import { kb, textOf } from './plans.mjs';

// fast-xml-parser's parse with what a reader of this message needs (order, offsets, no value coercion, and an XML-only
// entity decoder — its default one costs 3× more on text-heavy messages). medcom-gop runs none of fast-xml-parser.
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
const readerParser = new XMLParser({
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
const bare = new XMLParser();

export function runDetails(inputs) {
  heading('Steps around checkGop (one series)');
  const small = readFileSync(config.minimal);
  const all = [{ name: `small fixture (${kb(small.length)})`, bytes: small }, ...inputs];
  const rows = [];
  const rounds = Math.max(3, Math.ceil(config.rounds / 3)); // shown, not targeted: fewer rounds
  for (const input of all) {
    const text = textOf(input.bytes);
    const report = gop.checkGop(input.bytes);
    const contenders = [
      { name: 'fast-xml-parser bare parse (default options)', fn: () => bare.parse(text) },
      { name: "fast-xml-parser parse, a reader's options", fn: () => readerParser.parse(text) },
      {
        name: 'fast-xml-parser validate + parse',
        fn: () => {
          XMLValidator.validate(text);
          readerParser.parse(text);
        },
      },
      { name: 'fast-xml-parser validate (alone)', fn: () => XMLValidator.validate(text) },
      { name: 'parseGop', fn: () => gop.parseGop(input.bytes) },
      { name: 'checkGop', fn: () => gop.checkGop(input.bytes) },
      ...FORMATS.map((format) => ({
        name: `  format ${format} (one report)`,
        fn: () => formatResults(format, [{ file: 'message.xml', report }]),
      })),
    ];
    const ms = alternate(contenders, rounds);
    contenders.forEach((c, i) =>
      rows.push({
        input: input.name,
        step: c.name,
        'ms/message': ms[i].toFixed(3),
        'messages/s': Math.round(1000 / ms[i]),
        'x bare parse': (ms[i] / ms[0]).toFixed(2),
        'x validate+parse': (ms[i] / ms[2]).toFixed(2),
      }),
    );
  }
  console.table(rows);
  console.log(
    'x validate+parse: fast-xml-parser used safely (its XMLValidator first: its parse accepts malformed XML). Formatter rows time formatting one report, not reading it.',
  );
}
