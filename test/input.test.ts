import { describe, expect, it } from 'vitest';
import { parseGop } from '../src/index';
import { decodeBytes } from '../src/input/decode';
import { haveSamples, sampleBytes, tinyMessage, wrapInVansForTest, XDIS91_SAMPLE } from './helpers';
import { readFileSync } from 'node:fs';

const ruleIds = (input: string | Uint8Array) => parseGop(input).findings.map((f) => f.ruleId);

describe('bytes and encodings', () => {
  it('reads UTF-8 with and without a BOM, and ISO-8859-1, windows-1252 and US-ASCII as declared', () => {
    const utf8 = Buffer.from(tinyMessage());
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
    const latin1 = Buffer.from(tinyMessage('Østergård', 'ISO-8859-1'), 'latin1');
    const cp1252 = Buffer.from(tinyMessage('Østergård', 'windows-1252'), 'latin1');
    for (const input of [utf8, bom, latin1, cp1252, tinyMessage()]) {
      const result = parseGop(input);
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.message.rehabilitationPlan.patient.personSurnameName).toBe('Østergård');
    }
    const ascii = parseGop(Buffer.from(tinyMessage('Oestergaard', 'US-ASCII', 'Aase')));
    expect(ascii.ok && ascii.message.rehabilitationPlan.patient.personSurnameName).toBe('Oestergaard');
  });

  it('reads windows-1252 bytes 0x80–0x9F as the characters they stand for (€, ‚, Š, “, ”, Ÿ), not as controls', () => {
    // Node 20's TextDecoder('windows-1252') gives U+0080 for 0x80: the reader decodes by the table.
    const name = Buffer.concat([Buffer.from('Øster', 'latin1'), Buffer.from([0x80, 0x82, 0x8a, 0x93, 0x94, 0x9f])]).toString('latin1');
    const bytes = Buffer.from(tinyMessage(name, 'windows-1252'), 'latin1');
    const result = parseGop(bytes);
    expect(result.ok && result.message.rehabilitationPlan.patient.personSurnameName).toBe('Øster€‚Š“”Ÿ');
  });

  it('decodes character references and the predefined entities', () => {
    const result = parseGop(tinyMessage('&#216;ster&#xE5;rd &amp; S&#248;n &lt;A/S&gt;'));
    expect(result.ok && result.message.rehabilitationPlan.patient.personSurnameName).toBe('Østerård & Søn <A/S>');
  });

  it('rejects bytes that are invalid in the declared encoding (GOP-INPUT-003) with a line', () => {
    const raw = Buffer.from(tinyMessage('Østergård'), 'latin1'); // latin-1 bytes, declared UTF-8
    const result = parseGop(raw);
    expect(result.ok).toBe(false);
    expect(result.findings[0]).toMatchObject({ ruleId: 'GOP-INPUT-003', severity: 'fatal', line: 11, column: 31 });
    expect(ruleIds(Buffer.from(tinyMessage('Østergård', 'US-ASCII'), 'latin1'))).toEqual(['GOP-INPUT-003']);
    expect(ruleIds(Buffer.from(tinyMessage('x', 'EBCDIC-XYZ')))).toEqual(['GOP-INPUT-003']);
  });

  it('rejects UTF-16 as unsupported (GOP-INPUT-003)', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tinyMessage(), 'utf16le')]);
    expect(ruleIds(utf16)).toEqual(['GOP-INPUT-003']);
  });
});

describe('hostile and broken documents', () => {
  it('rejects a DOCTYPE with an entity bomb (GOP-INPUT-002) where it starts, expanding nothing', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><Emessage>&lol9;</Emessage>`;
    const result = parseGop(bomb);
    expect(result.ok).toBe(false);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['GOP-INPUT-002']);
    // stopped at the DOCTYPE itself (work done, not time: the column is where <!DOCTYPE starts)
    expect(result.findings[0]).toMatchObject({ line: 1, column: bomb.indexOf('<!DOCTYPE') + 1 });
  });

  it('rejects a DOCTYPE after a comment and a lower-case one', () => {
    expect(ruleIds('<?xml version="1.0"?>\n<!-- hello -->\n<!DOCTYPE x SYSTEM "file:///etc/passwd"><x/>')).toEqual(['GOP-INPUT-002']);
    expect(ruleIds('<!doctype x><x/>')).toEqual(['GOP-INPUT-002']);
  });

  it('reports a truncated message as GOP-INPUT-001 with line and column', () => {
    const full = tinyMessage();
    const result = parseGop(full.slice(0, full.indexOf('<TypeOfRehabilitationPlan>') + 10));
    expect(result.ok).toBe(false);
    expect(result.findings[0]).toMatchObject({ ruleId: 'GOP-INPUT-001', severity: 'fatal' });
    expect(result.findings[0]!.line).toBe(12);
    expect(result.findings[0]!.message).toContain('still open: Emessage > RehabilitationPlan');
  });

  it('reports mismatched tags, undefined entities, bare ampersands, NUL and two roots as GOP-INPUT-001', () => {
    expect(ruleIds('<a><b></a>')).toEqual(['GOP-INPUT-001']);
    expect(ruleIds(tinyMessage('Hansen &nbsp;'))).toEqual(['GOP-INPUT-001']);
    expect(parseGop(tinyMessage('Hansen &nbsp;')).findings[0]).toMatchObject({ line: 11, column: 38 });
    expect(ruleIds(tinyMessage('Hansen & Søn'))).toEqual(['GOP-INPUT-001']);
    expect(ruleIds(tinyMessage('Hansen\u0000'))).toEqual(['GOP-INPUT-001']);
    expect(ruleIds('<a/><b/>')).toEqual(['GOP-INPUT-001']);
    expect(ruleIds('<p:a>x</p:a>')).toEqual(['GOP-INPUT-001']);
    expect(ruleIds('')).toEqual(['GOP-INPUT-001']);
  });

  it('catches what the lenient parser lets through: attributes, names, stray markup, text around the root', () => {
    const malformed = [
      '<a b=1/>',
      '<a b="1" b="2"/>',
      '<1a/>',
      '< a/>',
      '<a b/>',
      '<a>x</a',
      '<a/>text',
      'text<a/>',
      '<a><![CDATA[x</a>',
      '<a></b>',
      '<a><b></a></b>',
      '<a x="1"y="2"/>',
      '<a></a></a>',
      '</a>',
      '<a><b>x</b',
      '<a b="x\'/>',
      '<a><b/ ></a>',
      '<-a/>',
      '<a b="1"c="2"/>',
      '<r><n>aar</d</n></r>',
      '<r><n>efter o</peration for</n></r>',
      '<r><a/>x</d<b/></r>',
      '<a>]]></a>',
      '<a><b/></a><c/>',
    ];
    for (const doc of malformed) expect(ruleIds(doc), doc).toEqual(['GOP-INPUT-001']);
    const wellFormed = [
      '<a></a >',
      '<a\n/>',
      '<a/><!-- c -->',
      '<a/><?pi x?>',
      '<a >x</a>',
      '<a\tb="1"/>',
      '<a b = "1"/>',
      '<?xml version="1.0"?>\n<!-- c -->\n<?pi?>\n<a/>\n<!-- end -->\n',
      '<a><b></b ></a>',
      '<a><![CDATA[</b>]]></a>',
      '<a>&lt;b&gt;</a>',
    ];
    for (const doc of wellFormed) expect(ruleIds(doc), doc).toEqual(['GOP-INPUT-005']); // read fine: just not a G-GOP
  });

  it('rejects input over maxBytes and nesting over maxDepth (GOP-INPUT-004)', () => {
    expect(parseGop(tinyMessage(), { maxBytes: 100 }).findings[0]).toMatchObject({ ruleId: 'GOP-INPUT-004' });
    expect(parseGop(Buffer.from(tinyMessage()), { maxBytes: 100 }).findings[0]).toMatchObject({ ruleId: 'GOP-INPUT-004' });
    const deep = '<a>'.repeat(10_000) + '</a>'.repeat(10_000);
    expect(ruleIds(deep)).toEqual(['GOP-INPUT-004']);
    // stopped at the first element past the depth limit, not at the end (work done, not time)
    const column = parseGop(deep).findings[0]!.column!;
    expect(column).toBeLessThan(deep.length / 10);
  });

  it('rejects an element with a flood of attributes fast (GOP-INPUT-004)', () => {
    const flood = `<Emessage ${Array.from({ length: 100_000 }, (_, i) => `a${i}="1"`).join(' ')}/>`;
    expect(ruleIds(flood)).toEqual(['GOP-INPUT-004']);
  });

  it('rejects __proto__, constructor and prototype names (GOP-INPUT-007) and pollutes nothing', () => {
    for (const doc of [
      '<a><__proto__><polluted>1</polluted></__proto__></a>',
      '<a><x:constructor xmlns:x="u">1</x:constructor></a>',
      '<a prototype="1"/>',
    ]) {
      expect(ruleIds(doc)).toEqual(['GOP-INPUT-007']);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('says so when given neither text nor bytes (GOP-INPUT-003), as JavaScript callers can', () => {
    for (const input of [undefined, null, 42, {}, []] as unknown[]) {
      expect(parseGop(input as string).findings).toEqual([
        expect.objectContaining({ ruleId: 'GOP-INPUT-003', severity: 'fatal', line: 1 }),
      ]);
    }
  });

  it('decodeBytes, which every reader uses (plans, receipts, envelopes), takes any view of bytes and names a detached one', () => {
    const bytes = new Uint8Array(Buffer.from(tinyMessage('Østergård', 'ISO-8859-1'), 'latin1'));
    const expected = decodeBytes(bytes, 1_000_000);
    expect(expected).toMatchObject({ ok: true, encoding: 'ISO-8859-1' });
    for (const view of [bytes.slice().buffer, new DataView(bytes.slice().buffer), Buffer.from(bytes)])
      expect(decodeBytes(view, 1_000_000)).toEqual(expected);
    const moved = bytes.slice();
    structuredClone(moved.buffer, { transfer: [moved.buffer] });
    const detached = decodeBytes(moved, 1_000_000);
    expect(detached).toMatchObject({ ok: false, finding: { ruleId: 'GOP-INPUT-003', messageId: 'notTextOrBytes' } });
    expect(!detached.ok && detached.finding.message).toContain('a detached ArrayBuffer');
    expect(decodeBytes(null as never, 10)).toMatchObject({ ok: false, finding: { ruleId: 'GOP-INPUT-003', data: { kind: 'null' } } });
  });

  it('never throws, whatever it is given', () => {
    for (const input of [undefined, null, 42, {}, [], new Uint8Array([0xff, 0xfe, 0x00]), '\uFEFF', '<'] as unknown[]) {
      expect(() => parseGop(input as string)).not.toThrow();
      expect(parseGop(input as string).ok).toBe(false);
    }
  });
});

describe('what is not a G-GOP (GOP-INPUT-005)', () => {
  it.skipIf(!haveSamples)('recognises the XDIS91 letter and says what it is', () => {
    const result = parseGop(readFileSync(XDIS91_SAMPLE));
    expect(result.ok).toBe(false);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.ruleId).toBe('GOP-INPUT-005');
    expect(result.findings[0]!.message).toContain('XDIS91');
    expect(result.findings[0]!.message).toContain('XDIS');
  });

  it('names another root, another body and another TypeCode', () => {
    expect(parseGop('<html><body/></html>').findings[0]!.message).toContain('<html>');
    const other = tinyMessage()
      .replace('<RehabilitationPlan>', '<HomeCareObservation>')
      .replace('</RehabilitationPlan>', '</HomeCareObservation>');
    expect(parseGop(other).findings[0]!.message).toContain('<HomeCareObservation>');
    const typeCode = parseGop(tinyMessage().replace('<TypeCode>GGOP</TypeCode>', '<TypeCode>XRPT01</TypeCode>'));
    expect(typeCode.findings.map((f) => f.ruleId)).toEqual(['GOP-INPUT-005']);
    expect(typeCode.findings[0]!.message).toContain('XRPT01');
  });
});

describe('VANSEnvelope', () => {
  const inner = Buffer.from(tinyMessage());

  it('unwraps the base64 Data and returns the envelope facts', () => {
    const result = parseGop(wrapInVansForTest(inner));
    expect(result.ok).toBe(true);
    expect(result.envelope?.envelopeIdentifier).toBe('ENV-0001');
    expect(result.findings).toEqual([]);
  });

  it('reports bad base64 as GOP-INPUT-006 with no message', () => {
    const result = parseGop(wrapInVansForTest(inner, { data: 'this is *not* base64!' }));
    expect(result.ok).toBe(false);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['GOP-INPUT-006']);
    expect(result.findings[0]!.path).toBe('/VANSEnvelope/Message/Data');
    expect(result.envelope?.sender?.id).toBe('5790001354145');
  });

  it('reports metadata that disagrees with the payload as GOP-INPUT-006 and still reads the message', () => {
    const result = parseGop(wrapInVansForTest(inner, { size: '17' }));
    expect(result.ok).toBe(true);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['GOP-INPUT-006']);
    expect(result.findings[0]!.message).toContain(String(inner.length));
  });

  it('does not unwrap an envelope inside an envelope, however deep', () => {
    let doc: string = tinyMessage();
    for (let i = 0; i < 6; i++) doc = wrapInVansForTest(Buffer.from(doc));
    const result = parseGop(doc);
    expect(result.ok).toBe(false);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['GOP-INPUT-005']);
  });

  it.skipIf(!haveSamples)('reads base64 that decodes to garbage as an input finding, not a crash', () => {
    const garbage = Buffer.from(sampleBytes().subarray(0, 300)).map((b) => b ^ 0x5a);
    const result = parseGop(wrapInVansForTest(garbage));
    expect(result.ok).toBe(false);
    expect(result.findings[0]!.ruleId).toMatch(/^GOP-INPUT-00[1-5]$/);
  });
});
