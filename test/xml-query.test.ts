// Each element's own namespace declarations (what the binder and the builder build scopes from, instead of re-reading
// the text), checked against fast-xml-parser's attributes; and the small questions src/xml/query.ts answers.
import { readdirSync, readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../src/input/decode';
import { attributeOf, childElements, firstChild, isElement, textOf } from '../src/xml/query';
import { parseXml, type XmlElement } from '../src/xml/tree';
import { FIXTURES_DIR, SAMPLE, haveSamples } from './helpers';

const LIMITS = { maxDepth: 64, maxAttributes: 64, maxElements: 100_000 };

function tree(text: string): XmlElement {
  const result = parseXml(text, LIMITS);
  if (!result.ok) throw new Error(`not read: ${result.finding.message}`);
  return result.doc.root;
}

describe('namespace declarations on each element', () => {
  it('keeps the declarations of its own start tag, in the order written, values decoded', () => {
    const root = tree('<g:a id="1" xmlns:g="urn:&amp;x" xmlns="urn:d"><b xmlns:h="urn:h&#10;"><c/></b></g:a>');
    expect(root.declarations).toEqual([
      ['g', 'urn:&x'],
      ['', 'urn:d'],
    ]);
    const b = root.children[0] as XmlElement;
    expect(b.declarations).toEqual([['h', 'urn:h\n']]);
    expect((b.children[0] as XmlElement).declarations).toBeUndefined();
    expect(root.attrs).toEqual({ id: '1' });
  });

  it('keeps an undeclared default namespace and a declared xml prefix', () => {
    const root = tree('<a xmlns="urn:1"><b xmlns="" xmlns:xml="http://www.w3.org/XML/1998/namespace"/></a>');
    expect((root.children[0] as XmlElement).declarations).toEqual([
      ['', ''],
      ['xml', 'http://www.w3.org/XML/1998/namespace'],
    ]);
  });

  it('still refuses a prefix declared twice on one tag', () => {
    expect(parseXml('<a xmlns:p="urn:1" xmlns:p="urn:1"/>', LIMITS).ok).toBe(false);
    expect(parseXml('<a xmlns="urn:1" xmlns="urn:2"/>', LIMITS).ok).toBe(false);
    expect(parseXml('<a xmlns:p="urn:1"><b xmlns:p="urn:1"/></a>', LIMITS).ok).toBe(true);
  });

  const oracle = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: true,
    htmlEntities: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
  });
  type OracleNode = Record<string, unknown>;
  /** Every element's declarations in document order, as [prefix, URI] lists ('' for none). */
  const fromOracle = (node: OracleNode, out: string[]) => {
    const qname = Object.keys(node).find((k) => k !== ':@')!;
    const attrs = Object.entries((node[':@'] ?? {}) as Record<string, string>).filter(([k]) => k === 'xmlns' || k.startsWith('xmlns:'));
    out.push(attrs.map(([k, v]) => `${k === 'xmlns' ? '' : k.slice(6)}=${v}`).join(' '));
    for (const child of node[qname] as OracleNode[])
      if (!('#text' in child) && !Object.keys(child)[0]!.startsWith('?')) fromOracle(child, out);
    return out;
  };
  const fromOurs = (element: XmlElement, out: string[]) => {
    out.push((element.declarations ?? []).map(([prefix, uri]) => `${prefix}=${uri}`).join(' '));
    for (const child of childElements(element)) fromOurs(child, out);
    return out;
  };

  it('are the xmlns attributes fast-xml-parser reads, on every fixture and the public sample', () => {
    const files = ['valid', 'invalid'].flatMap((dir) =>
      readdirSync(`${FIXTURES_DIR}${dir}`)
        .filter((f) => f.endsWith('.xml'))
        .map((f) => `${FIXTURES_DIR}${dir}/${f}`),
    );
    if (haveSamples) files.push(SAMPLE);
    let compared = 0;
    for (const file of files) {
      const decoded = decodeBytes(readFileSync(file), 5e6);
      if (!decoded.ok) continue;
      const result = parseXml(decoded.text, LIMITS);
      if (!result.ok) continue;
      const root = (oracle.parse(decoded.text) as OracleNode[]).find((n) => !('#text' in n) && !Object.keys(n)[0]!.startsWith('?'))!;
      expect(fromOurs(result.doc.root, []), file).toEqual(fromOracle(root, []));
      compared++;
    }
    expect(compared).toBeGreaterThan(10);
  });
});

describe('query helpers', () => {
  const root = tree('<a xmlns="urn:1" xmlns:o="urn:2" k="v">x<b>1</b>y<o:b>2</o:b><c/><b>3<d/>4</b></a>');

  it('tells elements from character data', () => {
    expect(root.children.map(isElement)).toEqual([false, true, false, true, true, true]);
  });

  it('finds children by local name and namespace', () => {
    expect(childElements(root).map((e) => e.qname)).toEqual(['b', 'o:b', 'c', 'b']);
    expect(childElements(root, 'b').map(textOf)).toEqual(['1', '2', '34']);
    expect(childElements(root, 'b', 'urn:1').map(textOf)).toEqual(['1', '34']);
    expect(childElements(root, 'b', (ns) => ns === 'urn:2').map(textOf)).toEqual(['2']);
    expect(firstChild(root, 'b', 'urn:2')?.qname).toBe('o:b');
    expect(firstChild(root, 'e')).toBeUndefined();
    expect(firstChild(undefined, 'b')).toBeUndefined();
    expect(childElements(undefined)).toEqual([]);
  });

  it('gives the direct text and attributes, nothing inherited', () => {
    expect(textOf(root)).toBe('xy');
    expect(attributeOf(root, 'k')).toBe('v');
    expect(attributeOf(root, 'constructor')).toBeUndefined();
    expect(attributeOf(firstChild(root, 'c')!, 'k')).toBeUndefined();
  });
});
