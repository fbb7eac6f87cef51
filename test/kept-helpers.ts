/*
 * Helpers for the tests of content kept aside (extraElements) through the builder: reading a document to its model,
 * and comparing models where a kept element's XML may be written differently but mean the same (ISO-8859-1).
 */
import { parseGop, type GopMessage } from '../src/index';
import type { ExtraElement } from '../src/model/index';
import { parseXml, type XmlElement } from '../src/xml/tree';

/** The message the reader makes of a document; fails with its findings when it makes none. */
export function reread(input: string | Uint8Array): GopMessage {
  const result = parseGop(input);
  if (!result.ok)
    throw new Error(`the document does not read:\n${result.findings.map((f) => `  ${f.ruleId} ${f.path}: ${f.message}`).join('\n')}`);
  return result.message;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/**
 * What a kept element says, whatever its spelling: names with their namespaces, attributes sorted, text with
 * references and CDATA decoded and adjacent text joined (comments and processing instructions are not content).
 */
function meaningOf(extra: ExtraElement): string {
  if (extra.reason === 'text' || extra.reason === 'attribute') return extra.xml;
  const bindings: Record<string, string> = { ...(extra.namespaces ?? {}) };
  const xml = extra.xml;
  const stop = xml.search(/[\s/>]/);
  const qname = xml.slice(1, stop);
  const prefix = qname.includes(':') ? qname.slice(0, qname.indexOf(':')) : '';
  if (!new RegExp(`^<[^>]*\\sxmlns${prefix ? `:${prefix}` : ''}\\s*=`).test(xml)) bindings[prefix] = extra.namespace;
  const declarations = Object.entries(bindings)
    .map(([p, uri]) => ` ${p ? `xmlns:${p}` : 'xmlns'}="${escapeXml(uri)}"`)
    .join('');
  const parsed = parseXml(`<w${declarations}>${xml}</w>`, { maxDepth: 1000, maxAttributes: 1000, maxElements: 100_000 });
  if (!parsed.ok) throw new Error(`a kept element does not read: ${parsed.finding.message}: ${xml}`);
  const write = (e: XmlElement): string => {
    const attributes = Object.entries(e.attrs ?? {})
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
      .join('');
    let body = '';
    for (const child of e.children) body += typeof child === 'string' ? escapeXml(child) : write(child);
    return `<{${e.ns}}${e.local}${attributes}>${body}</>`;
  };
  return write(parsed.doc.root.children[0] as XmlElement);
}

/** The model with each kept element's XML replaced by what it says (and so without the bindings it took from outside). */
export function meaningful(message: GopMessage): GopMessage {
  if (!message.extraElements) return message;
  return {
    ...message,
    extraElements: message.extraElements.map(({ namespaces: _spelling, ...e }) => ({
      ...e,
      xml: meaningOf({ ...e, namespaces: _spelling }),
    })),
  };
}
