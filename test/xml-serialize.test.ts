/*
 * The one serializer: escaping of every character XML treats specially, a round trip through our own reader for
 * any text, pretty printing that never touches mixed content, markup re-spelt for a narrower encoding, and depth.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  escapeAttribute,
  escapeText,
  markupIn,
  serializeXml,
  XmlCharacterError,
  XmlEncodingError,
  type OutElement,
} from '../src/xml/serialize';
import { parseXml, type XmlElement } from '../src/xml/tree';

const LIMITS = { maxDepth: 100_000, maxAttributes: 1000, maxElements: 1_000_000 };

function read(xml: string): XmlElement {
  const result = parseXml(xml, LIMITS);
  if (!result.ok) throw new Error(`${result.finding.message}: ${xml}`);
  return result.doc.root;
}

describe('escaping', () => {
  it('text: & < > and CR as references, tab and LF as they are', () => {
    expect(escapeText('a & b < c > d\r\n\te ]]> "\'')).toBe('a &amp; b &lt; c &gt; d&#13;\n\te ]]&gt; "\'');
  });

  it('attribute values: also the double quote, tab, LF and CR', () => {
    expect(escapeAttribute('a & b < c > d "q" \'s\'\t\n\r')).toBe("a &amp; b &lt; c &gt; d &quot;q&quot; 's'&#9;&#10;&#13;");
  });

  it('refuses what XML cannot carry at all (a C0 control, a lone surrogate, U+FFFF)', () => {
    for (const bad of ['\u0001', '\uD800', 'x\uDC00', '\uFFFF']) {
      expect(() => escapeText(bad)).toThrow(XmlCharacterError);
      expect(() => escapeAttribute(bad)).toThrow(XmlCharacterError);
    }
    expect(escapeText('😀')).toBe('😀');
  });
});

describe('serializeXml', () => {
  const xmlString = fc.string({
    unit: fc.constantFrom('a', 'æ', 'ø', 'å', 'Å', '\r', '\n', '\t', ' ', '&', '<', '>', '"', "'", ']]>', '€', '😀'),
  });

  it('any text and attribute value comes back from our reader as it was', () => {
    fc.assert(
      fc.property(xmlString, xmlString, fc.boolean(), (text, value, pretty) => {
        for (const encoding of ['UTF-8', 'ISO-8859-1']) {
          const xml = serializeXml(
            { name: 'r', attributes: [['a', value]], children: [{ name: 'c', children: [text] }] },
            { declaration: { encoding }, pretty },
          );
          if (encoding === 'ISO-8859-1') expect(/[^\u0000-\u00FF]/u.test(xml)).toBe(false);
          const root = read(xml);
          expect(root.attrs).toEqual({ a: value });
          const child = root.children.find((c): c is XmlElement => typeof c !== 'string')!;
          expect(child.children.join('')).toBe(text);
        }
      }),
    );
  });

  it('writes the declaration, empty elements and names as given', () => {
    expect(
      serializeXml(
        { name: 'p:r', attributes: [['xmlns:p', 'urn:x']], children: [{ name: 'e' }, ''] },
        { declaration: { encoding: 'UTF-8' } },
      ),
    ).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<p:r xmlns:p="urn:x"><e/></p:r>');
  });

  it('pretty: indents between elements, never inside an element with text (mixed content stays exact)', () => {
    const tree: OutElement = {
      name: 'r',
      children: [
        { name: 'a', children: [{ name: 'b', children: ['x'] }] },
        { name: 'm', children: ['før ', { name: 'b', children: [{ name: 'i', children: ['y'] }] }, ' efter'] },
      ],
    };
    expect(serializeXml(tree, { pretty: true })).toBe('<r>\n  <a>\n    <b>x</b>\n  </a>\n  <m>før <b><i>y</i></b> efter</m>\n</r>');
    expect(serializeXml(tree, { pretty: true, indent: '\t' })).toContain('\n\t<a>\n\t\t<b>');
    expect(serializeXml(tree)).toBe('<r><a><b>x</b></a><m>før <b><i>y</i></b> efter</m></r>');
    // formatted text of elements only: white space there would be content too
    const formatted: OutElement = { name: 'r', children: [{ name: 'f', preserveSpace: true, children: [{ name: 'Break' }] }] };
    expect(serializeXml(formatted, { pretty: true })).toBe('<r>\n  <f><Break/></f>\n</r>');
  });

  it('markup is written as it is, and a CDATA section counts as text for pretty printing', () => {
    const tree: OutElement = {
      name: 'r',
      children: [{ name: 'a', children: [{ markup: '<![CDATA[x]]>' }] }, { markup: "<k q='1'><!--c--></k>" }],
    };
    expect(serializeXml(tree, { pretty: true })).toBe("<r>\n  <a><![CDATA[x]]></a>\n  <k q='1'><!--c--></k>\n</r>");
  });

  it('a chain 10,000 elements deep does not overflow the stack, and reads back', () => {
    let root: OutElement = { name: 'e', children: ['end'] };
    for (let i = 0; i < 10_000; i++) root = { name: 'e', children: [root] };
    // (pretty with an empty indent: line breaks only, or the output itself would grow with the square of the depth)
    for (const pretty of [false, true]) {
      const xml = serializeXml(root, { pretty, indent: '' });
      let element = read(xml);
      let depth = 0;
      for (;;) {
        const child = element.children.find((c): c is XmlElement => typeof c !== 'string');
        if (!child) break;
        element = child;
        depth++;
      }
      expect(depth).toBe(10_000);
      expect(element.children).toEqual(['end']);
    }
  });
});

describe('markupIn: well-formed markup in an encoding with fewer characters', () => {
  it('references in text and attribute values; CDATA as text between separators; names, comments and PIs refused', () => {
    expect(markupIn('<v:E a="€" b=\'>€\'>x€<![CDATA[<b>€</b>]]><![CDATA[ok]]></v:E>', 0xff)).toBe(
      '<v:E a="&#8364;" b=\'>&#8364;\'>x&#8364;<?gop-text?>&lt;b&gt;&#8364;&lt;/b&gt;<?gop-text?><![CDATA[ok]]></v:E>',
    );
    expect(markupIn('<x>€</x>', 0x10ffff)).toBe('<x>€</x>');
    for (const [markup, where] of [
      ['<名>x</名>', 'a name'],
      ['<x><!-- € --></x>', 'a comment'],
      ['<x><?p €?></x>', 'a processing instruction'],
    ] as const) {
      expect(() => markupIn(markup, 0xff)).toThrow(XmlEncodingError);
      try {
        markupIn(markup, 0xff);
      } catch (error) {
        expect((error as XmlEncodingError).where).toBe(where);
      }
    }
  });
});
