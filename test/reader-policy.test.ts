/*
 * The reader's policy (../shared/spec/engineering.md, "The reader's policy"), case by case, as the issue found it broken:
 * well-formed constructs that were refused, malformed ones that were accepted, attribute values not normalised, a
 * decoy Letter/TypeCode that fooled the identification, limits that could be switched off, and the adversarial shapes
 * that were quadratic. Every expectation is the correct behaviour (XML 1.0 fifth edition, Namespaces in XML 1.0).
 *
 * Technique: a real fixture (fixtures/valid/minimal.xml) with one construct put into its free text
 * (RehabilitationNeedAndPotential, formatted text), into the plan as an unknown element, or into the prolog.
 * No timing assertions: the large shapes are checked for correctness only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildGop,
  checkGop,
  GopOptionsError,
  parseGop,
  type GopMessage,
  type ParseOptions,
  type ParseResult,
  type RichText,
} from '../src/index';
import type { ExtraElement } from '../src/model/index';
import { parseXml, type XmlElement } from '../src/xml/tree';
import { FIXTURES_DIR, XDIS91_SAMPLE } from './helpers';

const minimal = readFileSync(`${FIXTURES_DIR}valid/minimal.xml`, 'utf8');
const M104 = 'urn:oio:medcom:municipality:1.0.4';
const LIMITS = { maxDepth: 64, maxAttributes: 64, maxElements: 100_000 };

const FREE_OPEN = '<RehabilitationNeedAndPotential>';
const FREE_CLOSE = '</RehabilitationNeedAndPotential>';
const PLAN_OPEN = '<RehabilitationPlan>';
const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** A document and the offset at which the injected snippet starts in it. */
interface Injected {
  xml: string;
  offset: number;
}
type Place = 'text' | 'plan' | 'prolog';

/** minimal.xml with the free text of RehabilitationNeedAndPotential replaced by `inner`. */
function withFreeText(inner: string, openTag = FREE_OPEN): Injected {
  const start = minimal.indexOf(FREE_OPEN);
  const end = minimal.indexOf(FREE_CLOSE);
  const before = minimal.slice(0, start) + openTag;
  return { xml: before + inner + minimal.slice(end), offset: before.length };
}

/** minimal.xml with `snippet` on a line of its own, first in the RehabilitationPlan. */
function inPlan(snippet: string): Injected {
  const at = minimal.indexOf(PLAN_OPEN) + PLAN_OPEN.length;
  const before = `${minimal.slice(0, at)}\n    `;
  return { xml: before + snippet + minimal.slice(at), offset: before.length };
}

/** minimal.xml with `snippet` on the lines between the XML declaration and the root. */
function inProlog(snippet: string): Injected {
  if (!minimal.startsWith(DECLARATION)) throw new Error('minimal.xml no longer starts with the expected declaration');
  return { xml: `${DECLARATION}${snippet}\n${minimal.slice(DECLARATION.length)}`, offset: DECLARATION.length };
}

const inject = (place: Place, snippet: string): Injected =>
  place === 'text' ? withFreeText(snippet) : place === 'plan' ? inPlan(snippet) : inProlog(snippet);

/** 1-based line and column (UTF-16 code units, as the reader counts them) of an offset; the documents here use LF only. */
function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

const ids = (result: ParseResult) => result.findings.map((f) => f.ruleId);
const fatal = (result: ParseResult) => result.findings.filter((f) => f.severity === 'fatal');

function readOk(xml: string | Uint8Array, options?: ParseOptions): GopMessage {
  const result = parseGop(xml, options);
  expect(fatal(result), JSON.stringify(result.findings.map((f) => `${f.ruleId} ${f.line}:${f.column} ${f.message}`))).toEqual([]);
  expect(result.ok).toBe(true);
  return (result as Extract<ParseResult, { ok: true }>).message;
}

const freeText = (message: GopMessage) => message.rehabilitationPlan.rehabilitationNeedAndPotential!;

/** Content with adjacent text nodes joined and empty ones dropped: how text is split into nodes is not a model value. */
function merged(content: readonly RichText[]): RichText[] {
  const out: RichText[] = [];
  for (const node of content) {
    if (node.type === 'text') {
      if (node.value === '') continue;
      const last = out[out.length - 1];
      if (last?.type === 'text') out[out.length - 1] = { type: 'text', value: last.value + node.value };
      else out.push({ type: 'text', value: node.value });
    } else if (node.type === 'break') out.push({ type: 'break' });
    else out.push({ type: node.type, content: merged(node.content) });
  }
  return out;
}

const contentText = (content: readonly RichText[]): string =>
  content.map((n) => (n.type === 'text' ? n.value : n.type === 'break' ? '\n' : contentText(n.content))).join('');

/**
 * parse → buildGop → parse: the free text comes back the same, and (with `extras`) whatever was kept aside.
 * (Unknown inline markup inside formatted text is written back where it stood; build-kept.test.ts checks it.)
 */
function expectRoundTrip(message: GopMessage, { extras = false } = {}) {
  const rebuilt = buildGop(message);
  const again = readOk(rebuilt);
  expect(freeText(again).text).toBe(freeText(message).text);
  expect(merged(freeText(again).content)).toEqual(merged(freeText(message).content));
  if (!extras) return;
  const kept = (m: GopMessage) => (m.extraElements ?? []).map((e: ExtraElement) => ({ ...e }));
  expect(kept(again)).toEqual(kept(message));
}

/** Long runs of spaces shown as <N spaces>, so that a failure message stays readable. */
const shown = (text: string) => text.replace(/ {4,}/g, (run) => `<${run.length} spaces>`);

// ---------------------------------------------------------------------------------------------------------------

describe('well-formed constructs in free text are read, not refused', () => {
  interface TextCase {
    name: string;
    inner: string;
    text: string;
    content?: string;
    findings?: string[];
  }
  const cases: TextCase[] = [
    { name: '"&" inside a CDATA section', inner: 'Træning: <![CDATA[Gang & balance]]> dagligt', text: 'Træning: Gang & balance dagligt' },
    {
      name: 'references inside a CDATA section stay as written',
      inner: '<![CDATA[a && b &amp; &#65; &nope;]]>',
      text: 'a && b &amp; &#65; &nope;',
    },
    { name: '"&" inside a comment', inner: 'Gang<!-- a & b --> og balance', text: 'Gang og balance' },
    { name: '"&" inside a processing instruction', inner: 'Gang<?pi a & b?> og balance', text: 'Gang og balance' },
    {
      name: '"<!DOCTYPE" inside a CDATA section',
      inner: 'Se: <![CDATA[<!DOCTYPE x [<!ENTITY e "y">]>]]>',
      text: 'Se: <!DOCTYPE x [<!ENTITY e "y">]>',
    },
    { name: '"<!doctype" (lower case) inside a CDATA section', inner: '<![CDATA[<!doctype html>]]>', text: '<!doctype html>' },
    {
      name: '"<!ENTITY" inside a CDATA section',
      inner: '<![CDATA[<!ENTITY e SYSTEM "file:///etc/passwd">]]>',
      text: '<!ENTITY e SYSTEM "file:///etc/passwd">',
    },
    { name: '"<!DOCTYPE" inside a comment', inner: 'Gang<!-- <!DOCTYPE x> --> og balance', text: 'Gang og balance' },
    { name: '"<!ENTITY" inside a comment', inner: 'Gang<!-- <!ENTITY e "y"> --> og balance', text: 'Gang og balance' },
    { name: '"<!DOCTYPE" inside a processing instruction', inner: 'Gang<?note <!DOCTYPE x>?> og balance', text: 'Gang og balance' },
    { name: '"<!ENTITY" inside a processing instruction', inner: 'Gang<?note <!ENTITY e "y">?> og balance', text: 'Gang og balance' },
    { name: '"]]>" inside a processing instruction', inner: 'Gang<?pi x ]]> y?> og balance', text: 'Gang og balance' },
    { name: '"]]>" inside a comment', inner: 'Gang<!-- x ]]> y --> og balance', text: 'Gang og balance' },
    { name: '"<!--" inside a CDATA section, a real comment after it', inner: '<![CDATA[a <!-- b]]> c<!-- d --> e', text: 'a <!-- b c e' },
    { name: '"]]>" split over two CDATA sections', inner: '<![CDATA[a]]]]><![CDATA[>b]]>', text: 'a]]>b' },
    { name: '"&#00000065;": a decimal reference with many leading zeros', inner: 'x&#00000065;y', text: 'xAy' },
    { name: '"&#x000000041;": a hexadecimal reference with many leading zeros', inner: 'x&#x000000041;y', text: 'xAy' },
    { name: 'a reference with 30 leading zeros', inner: `x&#${'0'.repeat(30)}230;y`, text: 'xæy' },
    {
      name: 'references to the edges of the legal ranges',
      inner: '&#xD7FF;&#xE000;&#xFFFD;&#x10000;&#x10FFFF;&#1114111;',
      text: '\uD7FF\uE000\uFFFD\u{10000}\u{10FFFF}\u{10FFFF}',
    },
    {
      name: '&#9; &#10; &#13; in text stay tab, LF, CR in the content',
      inner: 'a&#9;b&#10;c&#13;d',
      text: 'a b c d',
      content: 'a\tb\nc\rd',
    },
    { name: 'escaped "&", "<" and "]]>" in text', inner: 'Gang &amp; balance &lt;3 ]]&gt; x &gt; y', text: 'Gang & balance <3 ]]> x > y' },
    { name: 'a raw ">" in text', inner: 'puls > 100', text: 'puls > 100' },
    {
      name: 'an unknown element named with U+10000 in free text: kept aside, its words kept',
      inner: 'Gang <𐀀x>og</𐀀x> balance',
      text: 'Gang og balance',
      findings: ['GOP-STRUCT-003'],
    },
  ];

  it.each(cases)('$name', ({ inner, text, content, findings }) => {
    const { xml } = withFreeText(inner);
    const result = parseGop(xml);
    const message = readOk(xml);
    expect(freeText(message).text).toBe(text);
    if (content !== undefined) expect(contentText(freeText(message).content)).toBe(content);
    expect(ids(result)).toEqual(findings ?? []);
  });

  it.each(cases)('round trip (parse → buildGop → parse): $name', ({ inner }) => {
    expectRoundTrip(readOk(withFreeText(inner).xml));
  });
});

describe('well-formed names, attributes and declarations in the plan are read, not refused', () => {
  interface PlanCase {
    name: string;
    snippet: string;
    extra?: Partial<ExtraElement>[];
    findings: string[];
  }
  const cases: PlanCase[] = [
    {
      name: 'an unknown element named with U+10000 (XML 1.0 5th ed. NameStartChar)',
      snippet: '<𐀀x>tekst</𐀀x>',
      extra: [{ reason: 'unknown', namespace: M104, name: '𐀀x', xml: '<𐀀x>tekst</𐀀x>' }],
      findings: ['GOP-STRUCT-003'],
    },
    {
      name: 'an unknown element named with U+EFFFF',
      snippet: '<\u{EFFFF}>t</\u{EFFFF}>',
      extra: [{ reason: 'unknown', name: '\u{EFFFF}' }],
      findings: ['GOP-STRUCT-003'],
    },
    {
      name: 'a supplementary-plane name character after the first',
      snippet: '<Foo\u{10FFF}>t</Foo\u{10FFF}>',
      extra: [{ reason: 'unknown', name: 'Foo\u{10FFF}' }],
      findings: ['GOP-STRUCT-003'],
    },
    {
      name: 'a prefix with a supplementary-plane character',
      snippet: '<p𐀀:Foo xmlns:p𐀀="urn:example:x">t</p𐀀:Foo>',
      extra: [{ reason: 'unknown', namespace: 'urn:example:x', name: 'Foo' }],
      findings: ['GOP-STRUCT-003'],
    },
    {
      name: 'an attribute named with U+10000',
      snippet: '<Foo 𐀀a="1">t</Foo>',
      extra: [{ reason: 'unknown', name: 'Foo' }],
      findings: ['GOP-STRUCT-003'],
    },
    {
      name: '"]]>" inside an attribute value of an unknown element',
      snippet: '<Foo a="x ]]> y">t</Foo>',
      extra: [{ reason: 'unknown', name: 'Foo', xml: '<Foo a="x ]]> y">t</Foo>' }],
      findings: ['GOP-STRUCT-003'],
    },
    {
      name: '"&amp;" and ">" inside an attribute value',
      snippet: '<Foo a="x &amp; y > z">t</Foo>',
      extra: [{ reason: 'unknown', name: 'Foo' }],
      findings: ['GOP-STRUCT-003'],
    },
    {
      name: 'the xml prefix bound to its own namespace',
      snippet: '<Foo xmlns:xml="http://www.w3.org/XML/1998/namespace" xml:lang="da">t</Foo>',
      extra: [{ reason: 'unknown', name: 'Foo' }],
      findings: ['GOP-STRUCT-003'],
    },
    {
      name: 'the same local name in two namespaces',
      snippet: '<Foo xmlns:a="urn:a" xmlns:b="urn:b" a:x="1" b:x="2">t</Foo>',
      extra: [{ reason: 'unknown', name: 'Foo' }],
      findings: ['GOP-STRUCT-003'],
    },
    {
      name: 'a prefixed and an unprefixed attribute with the same local name',
      snippet: '<Foo xmlns:a="urn:a" a:x="1" x="2">t</Foo>',
      extra: [{ reason: 'unknown', name: 'Foo' }],
      findings: ['GOP-STRUCT-003'],
    },
    {
      name: 'a default namespace undeclared with xmlns=""',
      snippet: '<Foo xmlns="">t</Foo>',
      extra: [{ reason: 'unknown', namespace: '', name: 'Foo' }],
      findings: ['GOP-STRUCT-003'],
    },
  ];

  it.each(cases)('$name', ({ snippet, extra, findings }) => {
    const { xml } = inPlan(snippet);
    const result = parseGop(xml);
    const message = readOk(xml);
    expect(ids(result)).toEqual(findings);
    expect(message.extraElements).toEqual(
      (extra ?? []).map((e) => expect.objectContaining({ path: '/Emessage/RehabilitationPlan', ...e })),
    );
  });

  // The builder writes an element kept aside verbatim, adding a namespace declaration where its prefix is not one of
  // ours: for names beyond ASCII and for xmlns="" that step is the builder's (src/write), not the reader's.
  it.each(cases)('round trip (parse → buildGop → parse, reader and builder): $name', ({ snippet }) => {
    expectRoundTrip(readOk(inPlan(snippet).xml), { extras: true });
  });

  it('"]]>" inside an unknown attribute of the free-text element: read, the attribute kept aside with a warning', () => {
    const { xml } = withFreeText('Gang', '<RehabilitationNeedAndPotential note="a ]]> b">');
    const result = parseGop(xml);
    const message = readOk(xml);
    expect(ids(result)).toEqual(['GOP-STRUCT-003']);
    expect(result.findings[0]!.severity).toBe('warning');
    expect(freeText(message).text).toBe('Gang');
    expect(message.extraElements).toEqual([expect.objectContaining({ reason: 'attribute', name: 'note', xml: 'a ]]> b' })]);
    expectRoundTrip(message, { extras: true });
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('malformed documents are refused, at the construct (GOP-INPUT-001)', () => {
  /** `at`: where the construct starts in the snippet; `from`: the earliest column accepted (the tag holding it). */
  interface BadCase {
    name: string;
    place: Place;
    snippet: string;
    at: string;
    from?: string;
    rule?: string;
  }
  const cases: BadCase[] = [
    // character references to characters XML forbids (XML 1.0 §4.1 WFC: Legal Character)
    { name: '&#0;', place: 'text', snippet: 'a &#0; b', at: '&#0;' },
    { name: '&#x0;', place: 'text', snippet: 'a &#x0; b', at: '&#x0;' },
    { name: '&#000;', place: 'text', snippet: 'a &#000; b', at: '&#000;' },
    { name: '&#27; (ESC)', place: 'text', snippet: 'a &#27; b', at: '&#27;' },
    { name: '&#x1F;', place: 'text', snippet: 'a &#x1F; b', at: '&#x1F;' },
    { name: '&#xD800; (a lone high surrogate)', place: 'text', snippet: 'a &#xD800; b', at: '&#xD800;' },
    { name: '&#xDFFF; (a lone low surrogate)', place: 'text', snippet: 'a &#xDFFF; b', at: '&#xDFFF;' },
    { name: '&#55296; (U+D800 in decimal)', place: 'text', snippet: 'a &#55296; b', at: '&#55296;' },
    { name: '&#xFFFE;', place: 'text', snippet: 'a &#xFFFE; b', at: '&#xFFFE;' },
    { name: '&#xFFFF;', place: 'text', snippet: 'a &#xFFFF; b', at: '&#xFFFF;' },
    { name: '&#x110000; (beyond Unicode)', place: 'text', snippet: 'a &#x110000; b', at: '&#x110000;' },
    { name: '&#9999999; (beyond Unicode)', place: 'text', snippet: 'a &#9999999; b', at: '&#9999999;' },
    { name: '&#99999999999999999999; (beyond any integer)', place: 'text', snippet: 'a &#99999999999999999999; b', at: '&#9' },
    { name: '&#0; in an attribute value', place: 'plan', snippet: '<Foo a="x&#0;y">t</Foo>', at: '&#0;', from: '<Foo' },
    { name: '&#xD800; in an attribute value', place: 'plan', snippet: '<Foo a="&#xD800;">t</Foo>', at: '&#xD800;', from: '<Foo' },
    { name: '&#x110000; in an attribute value', place: 'plan', snippet: '<Foo a="&#x110000;">t</Foo>', at: '&#x110000;', from: '<Foo' },
    // namespace constraints, for attribute prefixes as for element prefixes
    { name: 'an unbound attribute prefix <Foo q:a="1">', place: 'plan', snippet: '<Foo q:a="1">t</Foo>', at: 'q:a', from: '<Foo' },
    {
      name: 'two attributes with the same namespace URI and local name',
      place: 'plan',
      snippet: '<Foo xmlns:a="urn:u" xmlns:b="urn:u" a:x="1" b:x="2">t</Foo>',
      at: 'b:x',
      from: '<Foo',
    },
    {
      name: 'xmlns:p="" (a prefix cannot be undeclared in XML 1.0)',
      place: 'plan',
      snippet: '<Foo xmlns:p="">t</Foo>',
      at: 'xmlns:p',
      from: '<Foo',
    },
    { name: 'xmlns:p="" with the prefix used', place: 'plan', snippet: '<p:Foo xmlns:p="">t</p:Foo>', at: 'xmlns:p', from: '<p:Foo' },
    {
      name: 'the prefix xml bound to another namespace',
      place: 'plan',
      snippet: '<Foo xmlns:xml="urn:other">t</Foo>',
      at: 'xmlns:xml',
      from: '<Foo',
    },
    {
      name: 'the prefix xmlns declared (to its own URI)',
      place: 'plan',
      snippet: '<Foo xmlns:xmlns="http://www.w3.org/2000/xmlns/">t</Foo>',
      at: 'xmlns:xmlns',
      from: '<Foo',
    },
    {
      name: 'the prefix xmlns declared (to another URI)',
      place: 'plan',
      snippet: '<Foo xmlns:xmlns="urn:x">t</Foo>',
      at: 'xmlns:xmlns',
      from: '<Foo',
    },
    {
      name: 'another prefix bound to the xml namespace',
      place: 'plan',
      snippet: '<Foo xmlns:p="http://www.w3.org/XML/1998/namespace">t</Foo>',
      at: 'xmlns:p',
      from: '<Foo',
    },
    {
      name: 'the default namespace bound to the xml namespace',
      place: 'plan',
      snippet: '<Foo xmlns="http://www.w3.org/XML/1998/namespace">t</Foo>',
      at: 'xmlns=',
      from: '<Foo',
    },
    {
      name: 'another prefix bound to the xmlns namespace',
      place: 'plan',
      snippet: '<Foo xmlns:p="http://www.w3.org/2000/xmlns/">t</Foo>',
      at: 'xmlns:p',
      from: '<Foo',
    },
    {
      name: 'the default namespace bound to the xmlns namespace',
      place: 'plan',
      snippet: '<Foo xmlns="http://www.w3.org/2000/xmlns/">t</Foo>',
      at: 'xmlns=',
      from: '<Foo',
    },
    { name: 'an element with the prefix xmlns', place: 'plan', snippet: '<xmlns:Foo>t</xmlns:Foo>', at: '<xmlns:Foo>' },
    // plain well-formedness of tags
    { name: 'an end tag whose name ends in a no-break space', place: 'plan', snippet: '<Foo>t</Foo\u00A0>', at: '</Foo' },
    { name: 'a nested end tag ending in a no-break space', place: 'plan', snippet: '<Foo><Bar>t</Bar\u00A0></Foo>', at: '</Bar' },
    { name: 'a duplicate attribute a="1" a="2"', place: 'plan', snippet: '<Foo a="1" a="2">t</Foo>', at: 'a="2"', from: '<Foo' },
    {
      name: 'a duplicate namespace declaration',
      place: 'plan',
      snippet: '<Foo xmlns:a="urn:u" xmlns:a="urn:v">t</Foo>',
      at: 'xmlns:a="urn:v"',
      from: '<Foo',
    },
    { name: 'no whitespace between attributes a="1"b="2"', place: 'plan', snippet: '<Foo a="1"b="2">t</Foo>', at: 'b="2"', from: '<Foo' },
    // opaque sections must not hide a stray "]]>" (XML 1.0 §2.4) — found while writing these tests
    { name: 'a stray "]]>" in text', place: 'text', snippet: 'a ]]> b', at: ']]>' },
    {
      name: 'a stray "]]>" in text between a CDATA section holding "<!--" and a real comment',
      place: 'text',
      snippet: '<![CDATA[<!--]]> a ]]> b <!-- c -->',
      at: ']]> b',
    },
  ];

  it.each(cases)('$name', ({ place, snippet, at, from, rule }) => {
    const { xml, offset } = inject(place, snippet);
    if (!snippet.includes(at)) throw new Error(`bad case: "${at}" is not in the snippet`);
    const construct = positionAt(xml, offset + snippet.indexOf(at));
    const earliest = positionAt(xml, offset + snippet.indexOf(from ?? at));
    const result = parseGop(xml);
    expect(result.ok).toBe(false);
    const first = result.findings[0];
    expect(first, 'no finding at all').toBeDefined();
    expect(first).toMatchObject({ ruleId: rule ?? 'GOP-INPUT-001', severity: 'fatal', line: construct.line });
    expect(first!.column, `column ${first!.column} is not in ${earliest.column}..${construct.column}`).toBeGreaterThanOrEqual(
      earliest.column,
    );
    expect(first!.column).toBeLessThanOrEqual(construct.column);
    expect(checkGop(xml).valid).toBe(false);
  });

  it('the model never holds a NUL or a lone surrogate from a reference', () => {
    for (const ref of ['&#0;', '&#xD800;', '&#xDC00;', '&#x110000;', '&#9999999;']) {
      const result = parseGop(withFreeText(`a${ref}b`).xml);
      expect(result.ok, ref).toBe(false);
      const text = result.ok ? freeText(result.message).text : '';
      expect(text).not.toMatch(/\u0000|\uFFFD|[\uD800-\uDFFF]/);
    }
  });
});

describe('real declarations are still refused (GOP-INPUT-002), opaque sections in the prolog notwithstanding', () => {
  it.each([
    { name: 'a DOCTYPE', snippet: '<!DOCTYPE Emessage>', line: 2 },
    { name: 'a DOCTYPE with an internal subset', snippet: '<!DOCTYPE Emessage [<!ENTITY e "x">]>', line: 2 },
    { name: 'a DOCTYPE after a comment holding "&"', snippet: '<!-- a & b -->\n<!DOCTYPE Emessage>', line: 3 },
    { name: 'a DOCTYPE after a comment holding "<![CDATA["', snippet: '<!-- <![CDATA[ -->\n<!DOCTYPE Emessage>', line: 3 },
    { name: 'a DOCTYPE after a processing instruction holding "<!--"', snippet: '<?pi <!-- ?>\n<!DOCTYPE Emessage>', line: 3 },
  ])('$name', ({ snippet, line }) => {
    const result = parseGop(inProlog(snippet).xml);
    expect(result.ok).toBe(false);
    expect(result.findings[0]).toMatchObject({ ruleId: 'GOP-INPUT-002', severity: 'fatal', line, column: 1 });
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('attribute values are normalised (XML 1.0 § 3.3.3)', () => {
  function attrs(text: string): Record<string, string> | undefined {
    const result = parseXml(text, LIMITS);
    if (!result.ok) throw new Error(`not read: ${result.finding.message}`);
    return (result.doc.root as XmlElement).attrs;
  }

  it.each([
    { name: 'a tab becomes a space', raw: 'a\tb', value: 'a b' },
    { name: 'a LF becomes a space', raw: 'a\nb', value: 'a b' },
    { name: 'a CR becomes a space', raw: 'a\rb', value: 'a b' },
    { name: 'CR LF becomes one space', raw: 'a\r\nb', value: 'a b' },
    { name: 'leading and trailing white space stay (CDATA attribute type)', raw: '\t a \n', value: '  a  ' },
    { name: '&#9; stays a tab', raw: 'a&#9;b', value: 'a\tb' },
    { name: '&#10; stays a LF', raw: 'a&#10;b', value: 'a\nb' },
    { name: '&#13; stays a CR', raw: 'a&#13;b', value: 'a\rb' },
    { name: '&#xD;&#xA; stay CR LF', raw: 'a&#xD;&#xA;b', value: 'a\r\nb' },
    { name: 'a reference next to a literal tab', raw: '&#9;\t', value: '\t ' },
  ])('parseXml: $name', ({ raw, value }) => {
    expect(attrs(`<a b="${raw}"/>`)).toEqual({ b: value });
    expect(attrs(`<a b='${raw}'/>`)).toEqual({ b: value });
  });

  it('parseGop: an unknown attribute kept aside holds the normalised value', () => {
    const { xml } = withFreeText('Gang', '<RehabilitationNeedAndPotential note="a\tb\nc\r\nd&#9;e&#10;f&#13;g">');
    const message = readOk(xml);
    expect(message.extraElements).toEqual([expect.objectContaining({ reason: 'attribute', name: 'note', xml: 'a b c d\te\nf\rg' })]);
  });

  // Once the reader normalises, the builder (src/write, escapeXml) must write tab and LF in attribute values as
  // references, as it already does for CR.
  it('round trip (reader and builder): tab, LF and CR from references in an attribute kept aside come back', () => {
    const message = readOk(withFreeText('Gang', '<RehabilitationNeedAndPotential note="x&#9;y&#10;z&#13;w">').xml);
    expect(message.extraElements?.[0]?.xml).toBe('x\ty\nz\rw');
    expectRoundTrip(message, { extras: true });
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('a decoy Letter/TypeCode does not decide what the document is', () => {
  const DECOY = '<Foo><Letter><TypeCode>GGOP</TypeCode><VersionCode>GGOP100</VersionCode></Letter></Foo>';
  const haveXdis = existsSync(XDIS91_SAMPLE);
  if (!haveXdis) console.log(`reader-policy: ${XDIS91_SAMPLE} is absent; the XDIS91 decoy tests are skipped`);
  /** the sample as text (ISO-8859-1), never copied into the repo */
  const xdis = () => readFileSync(XDIS91_SAMPLE).toString('latin1');
  const latin1 = (text: string) => Buffer.from(text, 'latin1');

  function expectNotGop(input: string | Uint8Array) {
    const result = parseGop(input);
    expect(result.ok).toBe(false);
    expect(result.findings[0]).toMatchObject({ ruleId: 'GOP-INPUT-005', severity: 'fatal' });
    const report = checkGop(input);
    expect(report.valid).toBe(false);
    expect(report.findings[0]!.ruleId).toBe('GOP-INPUT-005');
  }

  it.skipIf(!haveXdis)('the XDIS91 sample with a decoy first in its Emessage: GOP-INPUT-005', () => {
    const text = xdis();
    const rootOpen = text.indexOf('>', text.indexOf('<xdis:Emessage')) + 1;
    expectNotGop(latin1(text.slice(0, rootOpen) + DECOY + text.slice(rootOpen)));
  });

  it.skipIf(!haveXdis)(
    'the XDIS91 sample moved into the G-GOP namespace, its body named RehabilitationPlan, with a decoy first in it: GOP-INPUT-005',
    () => {
      const text = xdis()
        .replace('http://rep.oio.dk/sundcom.dk/medcom.dk/xml/schemas/2006/07/01/', M104)
        .replaceAll('xdis:ClinicalEmail>', 'xdis:RehabilitationPlan>');
      expectNotGop(latin1(text)); // without the decoy: the real Letter/TypeCode is XDIS91
      const planOpen = text.indexOf('<xdis:RehabilitationPlan>') + '<xdis:RehabilitationPlan>'.length;
      expectNotGop(latin1(text.slice(0, planOpen) + DECOY + text.slice(planOpen)));
      const rootOpen = text.indexOf('>', text.indexOf('<xdis:Emessage')) + 1;
      expectNotGop(latin1(text.slice(0, rootOpen) + DECOY + text.slice(rootOpen)));
    },
  );

  /** An Emessage in the G-GOP namespace whose plan carries an XDIS91 letter. */
  const xdisLetter = (decoyInPlan: string, decoyInRoot = '') => `<?xml version="1.0" encoding="UTF-8"?>
<Emessage xmlns="${M104}" xmlns:m100="urn:oio:medcom:municipality:1.0.0">
  <m100:Envelope><m100:Sent><m100:Date>2019-03-05</m100:Date><m100:Time>10:15</m100:Time></m100:Sent>
    <m100:Identifier>00012345</m100:Identifier><m100:AcknowledgementCode>pluspositivkvitt</m100:AcknowledgementCode></m100:Envelope>
  ${decoyInRoot}
  <RehabilitationPlan>
    ${decoyInPlan}
    <Letter><Identifier>L-1</Identifier><VersionCode>XD9134L</VersionCode>
      <Authorisation><m100:Date>2019-03-05</m100:Date><m100:Time>09:00</m100:Time></Authorisation><TypeCode>XDIS91</TypeCode></Letter>
    <Sender><m100:EANIdentifier>5790001354145</m100:EANIdentifier></Sender>
    <Receiver><m100:EANIdentifier>5790000121441</m100:EANIdentifier></Receiver>
    <Patient><m100:CivilRegistrationNumber>0101701234</m100:CivilRegistrationNumber>
      <m100:PersonSurnameName>Østergård</m100:PersonSurnameName><m100:PersonGivenName>Åse</m100:PersonGivenName></Patient>
    <TypeOfRehabilitationPlan>almen</TypeOfRehabilitationPlan>
    <ConsentInformed>ja</ConsentInformed>
  </RehabilitationPlan>
</Emessage>`;

  it.each([
    { name: 'no decoy', xml: xdisLetter('') },
    { name: 'a decoy first in the plan, before the real Letter', xml: xdisLetter(DECOY) },
    { name: 'a decoy nested deeper in the plan', xml: xdisLetter(`<Foo>${DECOY}</Foo>`) },
    { name: 'a decoy between the Envelope and the plan', xml: xdisLetter('', DECOY) },
    { name: 'a decoy in the Envelope', xml: xdisLetter('').replace('<m100:Identifier>00012345', `${DECOY}<m100:Identifier>00012345`) },
  ])('an Emessage whose RehabilitationPlan/Letter/TypeCode is XDIS91, $name: GOP-INPUT-005', ({ xml }) => {
    expectNotGop(xml);
  });

  it('an Emessage with a ClinicalEmail instead of a plan, holding a decoy: GOP-INPUT-005', () => {
    expectNotGop(
      `<Emessage xmlns="${M104}"><ClinicalEmail>${DECOY}<Letter><TypeCode>XDIS91</TypeCode></Letter></ClinicalEmail></Emessage>`,
    );
  });

  it('a real G-GOP with a decoy of another TypeCode before its plan is still a G-GOP (the decoy kept aside)', () => {
    const decoy = '<Foo><Letter><TypeCode>XDIS91</TypeCode><VersionCode>XD9134L</VersionCode></Letter></Foo>';
    const xml = minimal.replace('  <RehabilitationPlan>', `  ${decoy}\n  <RehabilitationPlan>`);
    const message = readOk(xml);
    expect(message.rehabilitationPlan.letter.typeCode).toBe('GGOP');
    expect(message.extraElements).toEqual([expect.objectContaining({ reason: 'unknown', name: 'Foo', path: '/Emessage' })]);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('limits cannot be switched off', () => {
  const LIMIT_KEYS = ['maxBytes', 'maxDepth', 'maxAttributes', 'maxElements'] as const;
  type LimitKey = (typeof LIMIT_KEYS)[number];

  /** For each limit, a document over its default (and within the others'). Built lazily, once. */
  const overDefault: Record<LimitKey, () => string> = {
    maxBytes: once(() => withFreeText('a'.repeat(6 * 1024 * 1024)).xml), // default 5 MiB
    maxDepth: once(() => inPlan(`${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}`).xml), // default 64
    maxAttributes: once(() => inPlan(`<Foo ${Array.from({ length: 1000 }, (_, i) => `a${i}="${i}"`).join(' ')}/>`).xml), // default 64
    maxElements: once(() => inPlan(`<Foo>${'<a/>'.repeat(100_001)}</Foo>`).xml), // default 100,000
  };
  function once<T>(make: () => T): () => T {
    let value: T | undefined;
    return () => (value ??= make());
  }

  it('maxBytes: 100 accepts 100 bytes and refuses 101 (text and bytes)', () => {
    const doc = (size: number) => `<a>${'x'.repeat(size - 7)}</a>`;
    expect(doc(101).length).toBe(101);
    for (const input of [doc(101), Buffer.from(doc(101))]) {
      expect(parseGop(input, { maxBytes: 100 }).findings[0]).toMatchObject({ ruleId: 'GOP-INPUT-004', severity: 'fatal' });
    }
    for (const input of [doc(100), Buffer.from(doc(100))]) {
      expect(ids(parseGop(input, { maxBytes: 100 }))).not.toContain('GOP-INPUT-004'); // not a G-GOP, but not too large
    }
  });

  it.each(LIMIT_KEYS)('%s: undefined and null mean the default, which still refuses a document over it (GOP-INPUT-004)', (key) => {
    const xml = overDefault[key]();
    expect(parseGop(xml).findings[0]).toMatchObject({ ruleId: 'GOP-INPUT-004' }); // the default on its own
    for (const value of [undefined, null]) {
      const options = { [key]: value } as ParseOptions;
      expect(parseGop(xml, options).findings[0]).toMatchObject({ ruleId: 'GOP-INPUT-004', severity: 'fatal' });
      if (key === 'maxBytes') expect(parseGop(Buffer.from(xml), options).findings[0]).toMatchObject({ ruleId: 'GOP-INPUT-004' });
      expect(checkGop(xml, options)).toMatchObject({ valid: false, findings: [expect.objectContaining({ ruleId: 'GOP-INPUT-004' })] });
      // no error: a normal message reads as with no options
      readOk(minimal, options);
    }
  });

  const INVALID: { name: string; value: unknown }[] = [
    { name: 'NaN', value: NaN },
    { name: 'a negative number', value: -1 },
    { name: 'zero', value: 0 },
    { name: 'a non-integer', value: 1.5 },
    { name: 'Infinity', value: Infinity },
    { name: 'a string', value: '100' },
    { name: 'an object', value: {} },
  ];
  const table = LIMIT_KEYS.flatMap((key) => INVALID.map(({ name, value }) => ({ key, name, value })));

  it.each(table)('$key = $name: parseGop and checkGop throw GopOptionsError naming the option (never "no limit")', ({ key, value }) => {
    const options = { [key]: value } as unknown as ParseOptions;
    for (const call of [() => parseGop(minimal, options), () => checkGop(minimal, options)]) {
      let thrown: unknown;
      try {
        call();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(GopOptionsError);
      const error = thrown as GopOptionsError;
      expect(error.name).toBe('GopOptionsError');
      expect(error.issues).toEqual([{ path: key, message: expect.stringContaining('positive whole number') }]);
      expect(error.message).toContain(key);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('large adversarial shapes read correctly (the steps must be linear; no timing asserted)', () => {
  // SLOW BEFORE THE REWRITE (kept: it is the point): the old guard (src/xml/guard.ts at 7546c7b) blanks comments with
  // /<!--[\s\S]*?-->/g once the text holds "]]>", and each "<!--" in a CDATA section scans to the end of the text:
  // this case took 14 s there (the issue measured 93 s for its 1 MB shape). Correct either way; timeout 30 s.
  it('a ~1 MB plan whose CDATA sections each hold "<!--", each closed by "]]>"', { timeout: 30_000 }, () => {
    const n = 60_000;
    const inner = '<![CDATA[<!-- ]]>'.repeat(n);
    expect(inner.length).toBeGreaterThan(1_000_000);
    const message = readOk(withFreeText(inner).xml);
    expect(freeText(message).text).toBe('<!-- '.repeat(n).trimEnd());
  });

  it('a ~1 MB plan with one "<!--" in a CDATA section and many "]]>" after it in CDATA', { timeout: 30_000 }, () => {
    const n = 80_000;
    const inner = `<![CDATA[<!--]]>${'x<![CDATA[y]]>'.repeat(n)}`;
    expect(inner.length).toBeGreaterThan(1_000_000);
    const message = readOk(withFreeText(inner).xml);
    expect(freeText(message).text).toBe(`<!--${'xy'.repeat(n)}`);
  });

  // Before the rewrite plainText's / *\n */g backtracked over a long run of spaces made of many text nodes (4 s here,
  // the issue: 1.3 MB 7 s). Whether runs collapse across text nodes (to 'x y') is the model's choice, not asserted here.
  it('50,000 one-space CDATA sections: every space in the content, the plain text x, spaces, y', { timeout: 30_000 }, () => {
    const n = 50_000;
    const message = readOk(withFreeText(`x${'<![CDATA[ ]]>'.repeat(n)}y`).xml);
    expect(shown(contentText(freeText(message).content))).toBe(shown(`x${' '.repeat(n)}y`));
    expect(shown(freeText(message).text)).toMatch(/^x( +|<\d+ spaces>)y$/);
  });

  it('50,000 one-space CDATA sections between line breaks: the spaces around each Break go', { timeout: 30_000 }, () => {
    const n = 50_000;
    const message = readOk(withFreeText(`x${'<![CDATA[ ]]>'.repeat(n)}<mm100:Break/>${'<![CDATA[ ]]>'.repeat(n)}y`).xml);
    expect(freeText(message).text).toBe('x\ny');
  });
});
