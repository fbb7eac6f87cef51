import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkGop, GopOptionsError, parseGop, rulesById } from '../src/index';
import { decideReceipt, matchReceipt, parseReceipt, receiptFor, REFUSE_CODES, type ReceiptResult } from '../src/receipt/index';
import { NS } from '../src/standard/namespaces';
import type { ElementSpec } from '../src/model/spec';
import { receiptMessageSpec } from '../src/receipt/schema';
import { parseXml, type XmlElement } from '../src/xml/tree';
import { FIXTURES_DIR, SAMPLE, tinyMessage } from './helpers';

/*
 * Receipts (receipts.md): for every fixture and the public sample the answer the default policy gives, and every
 * receipt written is well-formed by our own reader, valid by the receipt schema, in the schema's element order,
 * addressed back to the sender, read back to the same ids and free of the plan's personal values.
 */

const OPTIONS = { receiptIdentifier: 'KVIT0000000001', sentAt: '2019-03-06T08:15' };
const LIMITS = { maxDepth: 64, maxAttributes: 64, maxElements: 100_000 };
const manifest: { file: string; valid: boolean; expectRules: string[] }[] = JSON.parse(
  readFileSync(`${FIXTURES_DIR}manifest.json`, 'utf8'),
);
const fixtures = manifest.map((entry) => ({ ...entry, bytes: new Uint8Array(readFileSync(`${FIXTURES_DIR}${entry.file}`)) }));
const haveSample = existsSync(SAMPLE);
if (!haveSample) console.warn(`receipt tests of the public sample skipped: ${SAMPLE} is absent`);
const all = haveSample
  ? [...fixtures, { file: 'sample', valid: true, expectRules: [] as string[], bytes: new Uint8Array(readFileSync(SAMPLE)) }]
  : fixtures;

const latin1 = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes);
/** The plan's personal values as written (CPR, names), whatever the reader made of the file. */
function personalValues(bytes: Uint8Array): string[] {
  const text = latin1(bytes);
  const values: string[] = [];
  for (const tag of ['CivilRegistrationNumber', 'PersonSurnameName', 'PersonGivenName', 'StreetName'])
    for (const m of text.matchAll(new RegExp(`${tag}>([^<]{2,})<`, 'g'))) if (m[1]!.trim().length > 1) values.push(m[1]!.trim());
  return values;
}

/** Element order: each element's children come in its spec's order. */
function inShapeOrder(element: XmlElement, spec: ElementSpec): boolean {
  let last = -1;
  for (const child of element.children) {
    if (typeof child === 'string') continue;
    const index = spec.children.findIndex((s) => s.name === child.local);
    if (index < last || index < 0 || child.ns !== NS.medcom2005) return false;
    last = index;
    const sub = spec.children[index]!.element;
    if (sub && !inShapeOrder(child, sub)) return false;
  }
  return true;
}

/** Everything every written receipt must be. */
function checkWritten(result: ReceiptResult, bytes: Uint8Array) {
  const receipt = result.receipt!;
  const xml = parseXml(receipt.xml, LIMITS);
  expect(xml.ok, 'well-formed by our reader').toBe(true);
  if (!xml.ok) return;
  expect(xml.doc.root.ns).toBe(NS.medcom2005);
  expect(inShapeOrder(xml.doc.root, receiptMessageSpec().element!)).toBe(true);
  const parsed = parseReceipt(receipt.xml);
  expect(parsed.findings).toEqual([]); // the schema's structure and values: every receipt written is valid
  expect(parsed.ok).toBe(true);
  expect(parsed.kind).toBe(receipt.kind);
  const original = result.report.original!;
  expect(parsed.sender).toBe(original.receiverEan); // swapped
  expect(parsed.receiver).toBe(original.senderEan);
  expect(parsed.originalEnvelopeIdentifier).toBe(original.envelopeIdentifier);
  expect(parsed.originalSender).toBe(original.senderEan);
  expect(parsed.originalReceiver).toBe(original.receiverEan);
  expect(parsed.originalLetters.map((l) => l.identifier)).toEqual(original.letters.map((l) => l.identifier));
  expect(parsed.originalLetters.map((l) => l.versionCode)).toEqual(original.letters.map((l) => l.versionCode));
  expect(parsed.identifier).toBe(OPTIONS.receiptIdentifier);
  expect(parsed.sentAt).toBe(OPTIONS.sentAt);
  expect(matchReceipt(parsed, bytes)).toEqual({ matches: true });
  expect(matchReceipt(parsed, result.report)).toEqual({ matches: true });
  for (const value of personalValues(bytes)) expect(receipt.xml).not.toContain(value);
  if (receipt.kind === 'negative') {
    const texts = [parsed.refuseText, ...parsed.originalLetters.map((l) => l.refuseText)].filter((t) => t !== undefined);
    expect(texts).toEqual([receipt.refuseText]);
    expect([parsed.refuseCode, ...parsed.originalLetters.map((l) => l.refuseCode)].filter(Boolean)).toEqual([receipt.refuseCode]);
  }
}

const layerOf = (id: string) => rulesById.get(id)?.layer;
const refusing = (rules: string[]) =>
  rules.some((id) => layerOf(id) === 'input') || rules.some((id) => ['GOP-STRUCT-001', 'GOP-STRUCT-002', 'GOP-STRUCT-004'].includes(id));

describe('receiptFor on every fixture and the public sample', () => {
  const noIds: string[] = [];
  for (const fixture of all) {
    it(`${fixture.file}: ${refusing(fixture.expectRules) ? 'negative syntaksfejl' : 'positive'}`, () => {
      const result = receiptFor(fixture.bytes, OPTIONS);
      const original = result.report.original;
      if (!refusing(fixture.expectRules)) {
        expect(result.decision).toEqual({ kind: 'positive' });
        expect(result.receipt?.kind).toBe('positive');
        checkWritten(result, fixture.bytes);
        return;
      }
      expect(result.decision).toMatchObject({ kind: 'negative', refuseCode: 'syntaksfejl', ruleId: fixture.expectRules[0] });
      if (!original?.envelopeIdentifier || !original.senderEan || !original.receiverEan) {
        // Nothing addressed can be built: the reason says so, and there is no XML.
        noIds.push(fixture.file);
        expect(result.receipt).toBeUndefined();
        expect(result.reason).toMatch(/could not be read/);
        return;
      }
      expect(result.receipt?.kind).toBe('negative');
      const rule = rulesById.get(fixture.expectRules[0]!)!;
      expect(result.receipt!.refuseText).toContain(`${rule.id} ${rule.title.da}`);
      expect(result.receipt!.refuseText).toMatch(/\(linje \d+, kolonne \d+\)$/);
      checkWritten(result, fixture.bytes);
    });
  }
  it('builds no receipt only where the ids cannot be read: a DOCTYPE before the root, undecodable bytes, bad base64, no Receiver', () => {
    expect(noIds.sort()).toEqual([
      'invalid/GOP-INPUT-002--billion-laughs.xml',
      'invalid/GOP-INPUT-003--latin1-bytes-declared-utf8.xml',
      'invalid/GOP-INPUT-005--homecare-observation.xml',
      'invalid/GOP-INPUT-006--vans-bad-base64.xml',
    ]);
  });
});

const tiny = tinyMessage();
const other = tiny.replace(
  /<(\w+:)?Identifier>(\d+)<\/(\w+:)?Identifier>/,
  (_m, p, id, q) => `<${p ?? ''}Identifier>${id.slice(0, -1)}9</${q ?? ''}Identifier>`,
);

describe('the decision', () => {
  it('a plan for a location number not ours: ukendt_lokationsnummer; ours: positive', () => {
    const report = checkGop(tiny);
    const receiver = report.original!.receiverEan!;
    expect(decideReceipt(report, { ownLocationNumbers: [receiver] })).toEqual({ kind: 'positive' });
    const result = receiptFor(report, { ...OPTIONS, ownLocationNumbers: ['5790000000005'] });
    expect(result.decision).toMatchObject({ kind: 'negative', refuseCode: 'ukendt_lokationsnummer' });
    checkWritten(result, new TextEncoder().encode(tiny));
    expect(parseReceipt(result.receipt!.xml).refuseCode).toBe('ukendt_lokationsnummer'); // the whole message
  });

  it('another Letter/VersionCode: problem_med_version, on the letter', () => {
    const changed = tiny.replace('GGOP100', 'GGOP200');
    expect(changed).not.toBe(tiny);
    const result = receiptFor(changed, OPTIONS);
    expect(result.decision).toMatchObject({ kind: 'negative', refuseCode: 'problem_med_version', scope: 'letter' });
    checkWritten(result, new TextEncoder().encode(changed));
    const parsed = parseReceipt(result.receipt!.xml);
    expect(parsed.refuseCode).toBeUndefined();
    expect(parsed.originalLetters[0]).toMatchObject({ versionCode: 'GGOP200', refuseCode: 'problem_med_version' });
  });

  it('precedence: syntaksfejl of the input before ukendt_lokationsnummer before problem_med_version before structure', () => {
    const truncated = tiny.slice(0, tiny.indexOf('</Emessage>'));
    expect(receiptFor(truncated, { ...OPTIONS, ownLocationNumbers: ['5790000000005'] }).decision).toMatchObject({
      refuseCode: 'syntaksfejl',
    });
    const both = tiny.replace('GGOP100', 'GGOP200');
    expect(receiptFor(both, { ...OPTIONS, ownLocationNumbers: ['5790000000005'] }).decision).toMatchObject({
      refuseCode: 'ukendt_lokationsnummer',
    });
    const noCpr = both.replace(/<(\w+:)?CivilRegistrationNumber>[^<]*<\/(\w+:)?CivilRegistrationNumber>/, '');
    expect(checkGop(noCpr).findings.map((f) => f.ruleId)).toContain('GOP-STRUCT-001');
    expect(receiptFor(noCpr, OPTIONS).decision).toMatchObject({ refuseCode: 'problem_med_version' });
  });

  it('an internal error is not the sender’s: no receipt', () => {
    const report = checkGop(tiny);
    const broken = {
      ...report,
      findings: [
        {
          ...report.findings[0],
          ruleId: 'GOP-INPUT-009',
          severity: 'fatal' as const,
          messageId: 'reader',
          data: {},
          message: 'x',
          messageDa: 'x',
          path: '/',
        },
      ],
    };
    const result = receiptFor(broken, OPTIONS);
    expect(result.decision.kind).toBe('none');
    expect(result.receipt).toBeUndefined();
  });

  it('content findings never refuse; minuspositivkvitt asks for no positive receipt', () => {
    expect(receiptFor(tiny.replace('pluspositivkvitt', 'minuspositivkvitt'), OPTIONS).decision.kind).toBe('none');
  });

  it('a custom policy decides', () => {
    const result = receiptFor(tiny, {
      ...OPTIONS,
      policy: () => ({ kind: 'negative', refuseCode: 'ikke_specificeret', refuseText: 'Nej tak' }),
    });
    expect(result.receipt?.refuseCode).toBe('ikke_specificeret');
    checkWritten(result, new TextEncoder().encode(tiny));
  });

  it('RefuseCode is the closed list', () => {
    expect(REFUSE_CODES).toEqual([
      'ikke_specificeret',
      'ukendt_lokationsnummer',
      'problem_med_modtagerID',
      'problem_med_version',
      'syntaksfejl',
    ]);
  });
});

describe('the receipt cannot be steered by the message', () => {
  it('ids that need escaping are escaped and read back as they were', () => {
    const id = '<a&b>"\']]>';
    const plan = tiny.replace(
      /(<(\w+:)?Envelope>[\s\S]*?<(\w+:)?Identifier>)[^<]*/,
      `$1${id.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}`,
    );
    const result = receiptFor(plan, OPTIONS);
    expect(result.report.original?.envelopeIdentifier).toBe(id);
    checkWritten(result, new TextEncoder().encode(plan));
  });

  it('an id longer than a receipt carries: no receipt, and the reason says which element, not its value', () => {
    const plan = tiny.replace(/(<(\w+:)?Envelope>[\s\S]*?<(\w+:)?Identifier>)[^<]*/, '$1123456789012345678');
    const result = receiptFor(plan, OPTIONS);
    expect(result.decision.kind).toBe('positive');
    expect(result.receipt).toBeUndefined();
    expect(result.reason).toContain('OriginalEnvelopeIdentifier');
    expect(result.reason).not.toContain('123456789012345678');
  });

  it('a document whose ids cannot be read: kind none… of receipt, no XML', () => {
    const result = receiptFor(`<?xml version="1.0"?><Emessage xmlns="${NS.m104}"><Envelope><Sent>`, OPTIONS);
    expect(result.decision).toMatchObject({ kind: 'negative', refuseCode: 'syntaksfejl' });
    expect(result.receipt).toBeUndefined();
    expect(result.reason).toMatch(/could not be read/);
    expect(receiptFor('not xml at all', OPTIONS).receipt).toBeUndefined();
  });

  it('RefuseText quotes nothing from the message', () => {
    const bad = tiny.replace('</Emessage>', '<Kaffe>Østergård 0101011234</Emessage>');
    const result = receiptFor(bad, OPTIONS);
    expect(result.receipt?.kind).toBe('negative');
    expect(result.receipt!.refuseText).toMatch(/^GOP-INPUT-001 Ikke velformet XML \(linje \d+, kolonne \d+\)$/);
    for (const value of ['Østergård', '0101011234', 'Kaffe', ...personalValues(new TextEncoder().encode(tiny))])
      expect(result.receipt!.xml).not.toContain(value);
  });
});

describe('options', () => {
  it('a bad sentAt, receiptIdentifier, statisticalCode or location number throws GopOptionsError', () => {
    for (const bad of [
      { ...OPTIONS, sentAt: '2019-02-30T08:00' },
      { ...OPTIONS, sentAt: '2019-03-06 08:00' },
      { ...OPTIONS, receiptIdentifier: '123456789012345' },
      { ...OPTIONS, receiptIdentifier: '' },
      { ...OPTIONS, statisticalCode: 'XCTL0300X' },
      { ...OPTIONS, ownLocationNumbers: ['123'] },
      { ...OPTIONS, unknown: 1 },
      { sentAt: OPTIONS.sentAt },
    ]) {
      expect(() => receiptFor(tiny, bad as never), JSON.stringify(bad)).toThrow(GopOptionsError);
    }
    expect(() => receiptFor(tiny, undefined as never)).toThrow(GopOptionsError);
  });
});

describe('report.original', () => {
  it('the inner plan’s ids for a VANS-wrapped plan', () => {
    const report = checkGop(readFileSync(`${FIXTURES_DIR}valid/almen-vans-wrapped.xml`));
    expect(report.envelope).toBeDefined();
    expect(report.original?.envelopeIdentifier).toMatch(/^\d+$/);
    expect(report.original?.letters).toHaveLength(1);
  });

  it('from the well-formed prefix of a broken document; redaction leaves the ids that cannot hold personal data', () => {
    const truncated = tiny.slice(0, tiny.indexOf('</Emessage>') - 30);
    const whole = checkGop(tiny).original;
    const report = checkGop(truncated, { redact: true });
    // EANs, the sent time, codes and Letter/Identifier L-1 stay; the 8-digit Envelope/Identifier could be a phone number
    const expected = { ...whole, envelopeIdentifier: '[masked, 8 characters]' };
    expect(report.original).toEqual(expected);
    expect(checkGop(tiny, { redact: true }).original).toEqual(expected);
    expect(checkGop(tiny).original?.envelopeIdentifier).toBe('00012345');
  });

  it('a bad character stops the reader; the prefix before it is still read', () => {
    const at = tiny.indexOf('</Emessage>');
    const report = checkGop(`${tiny.slice(0, at)}\u0001${tiny.slice(at)}`);
    expect(report.findings[0]?.ruleId).toBe('GOP-INPUT-001');
    expect(report.original?.envelopeIdentifier).toBe(checkGop(tiny).original?.envelopeIdentifier);
  });
});

describe('matchReceipt and parseReceipt', () => {
  it('false for another plan, with the reason', () => {
    const parsed = parseReceipt(receiptFor(tiny, OPTIONS).receipt!.xml);
    expect(matchReceipt(parsed, tiny).matches).toBe(true);
    const result = matchReceipt(parsed, other);
    expect(result.matches).toBe(false);
    expect(result.reason).toBeDefined();
  });

  it('a G-GOP is not a receipt (GOP-INPUT-005 notReceipt); nor is anything thrown at it', () => {
    const parsed = parseReceipt(tiny);
    expect(parsed.ok).toBe(false);
    expect(parsed.findings.map((f) => [f.ruleId, f.messageId])).toEqual([['GOP-INPUT-005', 'notReceipt']]);
    for (const input of [null, 42, {}, '', new Uint8Array([0xff, 0xfe, 0])]) expect(() => parseReceipt(input as never)).not.toThrow();
  });

  it('reports structure and value problems with the reader’s rule ids', () => {
    const xml = receiptFor(tiny, OPTIONS).receipt!.xml;
    const missing = parseReceipt(xml.replace(/<OriginalEnvelopeIdentifier>[^<]*<\/OriginalEnvelopeIdentifier>/, ''));
    expect(missing.findings.map((f) => f.ruleId)).toEqual(['GOP-STRUCT-001']);
    const empty = parseReceipt(xml.replace(/<OriginalEnvelopeIdentifier>[^<]*</, '<OriginalEnvelopeIdentifier><'));
    expect(empty.findings.map((f) => f.ruleId)).toEqual(['GOP-STRUCT-004']);
    const twice = parseReceipt(xml.replace(/(<Sender>[\s\S]*?<\/Sender>)/, '$1$1'));
    expect(twice.findings.map((f) => f.ruleId)).toEqual(['GOP-STRUCT-002']);
    const wrongCode = parseReceipt(xml.replace('XC0330Q', 'XC0230Q'));
    expect(wrongCode.findings.map((f) => [f.ruleId, f.messageId])).toEqual([['GOP-INPUT-005', 'receiptValue']]);
    expect(wrongCode.findings[0]!.line).toBeGreaterThan(1);
    const none = parseReceipt(`<Emessage xmlns="${NS.medcom2005}"><Envelope/></Emessage>`);
    expect(none.ok).toBe(false);
    expect(none.findings.map((f) => f.ruleId)).toContain('GOP-STRUCT-001');
  });

  it('reads a receipt inside a VANSEnvelope Message', async () => {
    const { wrapInVans } = await import('../src/write/index');
    const xml = receiptFor(tiny, OPTIONS).receipt!.xml;
    const wrapped = wrapInVans(xml, {
      sender: { id: '5790000123456' },
      receiver: { id: '5790000654321' },
      envelopeIdentifier: '0f8fad5b-d9cb-469f-a165-70867728950e',
      messageIdentifier: '1f8fad5b-d9cb-469f-a165-70867728950e',
      sentDateTime: '2019-03-06T08:15:00',
      document: { name: 'MCM:XCTL03', version: 'XC0330Q' },
    });
    const parsed = parseReceipt(wrapped);
    expect(parsed.ok).toBe(true);
    expect(parsed.originalEnvelopeIdentifier).toBe(checkGop(tiny).original?.envelopeIdentifier);
  });

  it('NegativeVansReceipt (XC0130Q) reads as negativeVans', () => {
    const xml = receiptFor(tiny, { ...OPTIONS, policy: () => ({ kind: 'negative', refuseCode: 'syntaksfejl', refuseText: 'x' }) }).receipt!
      .xml;
    const vans = xml.replace(/NegativeReceipt>/g, 'NegativeVansReceipt>').replace('XC0230Q', 'XC0130Q');
    expect(parseReceipt(vans)).toMatchObject({ ok: true, kind: 'negativeVans' });
  });
});

describe('hostile input: parseReceipt refuses what parseGop refuses, with the same rule ids', () => {
  const dir = `${FIXTURES_DIR}hostile/`;
  const ids = (findings: { ruleId: string }[]) => [...new Set(findings.map((f) => f.ruleId))].sort();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.xml'))) {
    it(file, () => {
      const bytes = new Uint8Array(readFileSync(`${dir}${file}`));
      const gop = parseGop(bytes);
      const receipt = parseReceipt(bytes);
      const refused = gop.findings.filter((f) => f.severity === 'fatal');
      if (refused.length === 0) return; // not refused by the reader (CDATA holding markup is text): nothing to compare
      expect(receipt.ok).toBe(false);
      expect(ids(receipt.findings.filter((f) => f.severity === 'fatal'))).toEqual(ids(refused));
    });
  }

  const good = receiptFor(tiny, OPTIONS).receipt!.xml;
  const body = good.slice(good.indexOf('<Emessage'));
  const rewrapped: [string, string, string][] = [
    ['a DOCTYPE', `<?xml version="1.0"?>\n<!DOCTYPE Emessage [<!ENTITY x "y">]>\n${body}`, 'GOP-INPUT-002'],
    [
      'an entity bomb',
      `<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n${body.replace('<Identifier>', '<Identifier>&lol2;')}`,
      'GOP-INPUT-002',
    ],
    ['a __proto__ element', good.replace('<Envelope>', '<Envelope><__proto__>x</__proto__>'), 'GOP-INPUT-007'],
    ['a constructor attribute', good.replace('<Envelope>', '<Envelope constructor="x">'), 'GOP-INPUT-007'],
    ['80 levels deep', good.replace('<Envelope>', `<Envelope>${'<a>'.repeat(80)}${'</a>'.repeat(80)}`), 'GOP-INPUT-004'],
    ['an undefined entity', good.replace('<Identifier>', '<Identifier>&nbsp;'), 'GOP-INPUT-001'],
  ];
  for (const [what, xml, rule] of rewrapped) {
    it(`a receipt with ${what}: ${rule}`, () => {
      const parsed = parseReceipt(xml);
      expect(parsed.ok).toBe(false);
      expect(parsed.findings.map((f) => f.ruleId)).toEqual([rule]);
      expect(parseGop(xml).findings.map((f) => f.ruleId)).toEqual([rule]);
      expect(Object.hasOwn(Object.prototype, 'x')).toBe(false);
    });
  }
});
