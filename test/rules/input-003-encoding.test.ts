import { INPUT_003 } from '../../src/input/diagnostics/input-003-encoding';
import { MIN, replace } from './plan';
import { testRule } from './test-rule';

/** Each character as one byte: ISO-8859-1 for the Danish letters of minimal.xml. */
const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const utf8 = (text: string) => new TextEncoder().encode(text);

testRule(INPUT_003, {
  others: [],
  valid: [
    { name: 'ISO-8859-1 bytes, declared so', xml: latin1(replace(MIN, 'encoding="UTF-8"', 'encoding="ISO-8859-1"')) },
    { name: 'UTF-8 bytes with a byte order mark', xml: utf8(`\uFEFF${MIN}`) },
  ],
  invalid: [
    {
      name: 'UTF-16 (a little-endian byte order mark)',
      xml: new Uint8Array([0xff, 0xfe, 0x3c, 0x00]),
      findings: [{ messageId: 'utf16', path: '/' }],
    },
    {
      name: 'ISO-8859-1 bytes declared UTF-8 (ø is 0xF8)',
      xml: latin1(MIN),
      findings: [{ messageId: 'invalidUtf8', path: '/', data: { byte: '0xF8', declared: true } }],
    },
    {
      name: 'an encoding the reader does not know (KOI8-R)',
      xml: utf8(replace(MIN, 'encoding="UTF-8"', 'encoding="KOI8-R"')),
      findings: [{ messageId: 'unsupportedEncoding', path: '/', data: { label: 'KOI8-R' } }],
    },
    {
      name: 'a number instead of text or bytes',
      model: 42,
      findings: [{ messageId: 'notTextOrBytes', path: '/', data: { kind: 'a number' } }],
    },
  ],
});
