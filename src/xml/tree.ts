import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { INPUT_001, INPUT_004, INPUT_007 } from '../findings/reader-rules';
import { makeFinding, type Finding } from '../findings/finding';
import { NS } from '../standard/namespaces';
import { guardText, type XmlLimits } from './guard';
import { LineIndex } from './position';

/** An element with its namespace resolved and its place in the source. */
export interface XmlElement {
  /** namespace URI ('' for none) */
  ns: string;
  local: string;
  /** the name as written, with its prefix */
  qname: string;
  /** attributes other than namespace declarations, by qualified name as written */
  attrs: Record<string, string> | undefined;
  children: XmlNode[];
  /** offset of '<' of the start tag in the text */
  start: number;
  /** offset just past the end tag */
  end: number;
}
export type XmlNode = XmlElement | string;

/** The text directly inside an element, surrounding whitespace trimmed (for envelope and identification fields). */
export function textContent(element: XmlElement): string {
  return element.children.filter((c): c is string => typeof c === 'string').join('').trim();
}

export interface XmlDocument {
  root: XmlElement;
  text: string;
  lines: LineIndex;
}

export type XmlResult = { ok: true; doc: XmlDocument } | { ok: false; finding: Finding };

const DECODE: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const REFERENCE = /&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g;

/** XML's own entities and character references only: the guard has already rejected any other reference. */
const entityDecoder = {
  setExternalEntities() {},
  addInputEntities() {},
  reset() {},
  setXmlVersion() {},
  decode(text: string): string {
    if (!text.includes('&')) return text;
    return text.replace(REFERENCE, (_, ref: string) => {
      if (ref[0] !== '#') return DECODE[ref]!;
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0x10ffff ? '\uFFFD' : String.fromCodePoint(code);
    });
  },
};

const META = XMLParser.getMetaDataSymbol() as unknown as symbol;
type FxpNode = Record<string, unknown> & { ':@'?: Record<string, string> };

function parserFor(limits: XmlLimits) {
  return new XMLParser({
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
    maxNestedTags: limits.maxDepth,
    jPath: false,
  });
}

let cachedParser: { limits: XmlLimits; parser: XMLParser } | undefined;

/** Text → element tree with namespaces resolved, or the first reason the text is not acceptable XML. */
export function parseXml(text: string, limits: XmlLimits): XmlResult {
  const lines = new LineIndex(text);
  const guarded = guardText(text, lines, limits);
  if (guarded) return { ok: false, finding: guarded };

  const valid = XMLValidator.validate(text);
  if (valid !== true) return { ok: false, finding: notWellFormed(valid.err, text, lines) };
  if (cachedParser?.limits.maxDepth !== limits.maxDepth) cachedParser = { limits, parser: parserFor(limits) };
  let top: FxpNode[];
  try {
    top = cachedParser.parser.parse(text) as FxpNode[];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (message.startsWith('[SECURITY]')) {
      const name = /"([^"]*)"/.exec(message)?.[1] ?? message;
      const where = text.indexOf(name);
      return { ok: false, finding: makeFinding(INPUT_007, { name }, { path: '/', ...lines.position(Math.max(0, where)) }) };
    }
    if (/nested/i.test(message)) {
      return { ok: false, finding: makeFinding(INPUT_004, { en: `elements are nested deeper than ${limits.maxDepth} levels`, da: `elementer er indlejret dybere end ${limits.maxDepth} niveauer` }, { path: '/', ...lines.position(tooDeepAt(text, limits.maxDepth)) }) };
    }
    return { ok: false, finding: makeFinding(INPUT_001, { en: message, da: `XML-fejl: ${message}` }, { path: '/', line: 1, column: 1 }) };
  }
  return toTree(top, text, lines);
}

interface Scope { [prefix: string]: string }
// Null-prototype scopes: a prefix named __proto__ must find nothing inherited.
const BASE_SCOPE: Scope = Object.assign(Object.create(null) as Scope, { xml: NS.xml, xmlns: NS.xmlns });
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

function reserved(name: string, offset: number, lines: LineIndex): Finding | undefined {
  const local = name.slice(name.indexOf(':') + 1);
  return RESERVED.has(local) ? makeFinding(INPUT_007, { name }, { path: '/', ...lines.position(offset) }) : undefined;
}

/** Where nesting first goes past `maxDepth` (only looked for once the parser has refused the document). */
function tooDeepAt(text: string, maxDepth: number): number {
  let depth = 0;
  for (let i = text.indexOf('<'); i >= 0; i = text.indexOf('<', i + 1)) {
    const next = text[i + 1];
    if (next === '/') depth--;
    else if (next !== '!' && next !== '?') {
      const end = text.indexOf('>', i);
      if (end > 0 && text[end - 1] === '/') continue; // <empty/>
      if (++depth > maxDepth) return i;
    }
  }
  return 0;
}

/** The validator's first error, in words a user can act on. */
function notWellFormed(err: { code: string; msg: string; line: number; col: number }, text: string, lines: LineIndex): Finding {
  // fast-xml-parser reports a document that ends early as "Invalid '[...]' found" at 1:1; say what is unclosed, and where.
  const unclosed = /^Invalid '\[(.*)\]' found/s.exec(err.msg);
  if (unclosed) {
    const names = unclosed[1]!.split(',').map((n) => n.trim().replace(/^"|"$/g, '')).filter(Boolean);
    const last = names[names.length - 1] ?? '';
    return makeFinding(INPUT_001, {
      en: `the document ends before <${last}> is closed (still open: ${names.join(' > ')}); is it truncated?`,
      da: `dokumentet slutter, før <${last}> er lukket (stadig åbne: ${names.join(' > ')}); er det afkortet?`,
    }, { path: '/', ...lines.position(Math.max(0, text.trimEnd().length - 1)) });
  }
  return makeFinding(INPUT_001, { en: err.msg, da: `XML-fejl: ${err.msg}` }, { path: '/', line: err.line, column: err.col });
}

function toTree(top: FxpNode[], text: string, lines: LineIndex): XmlResult {
  let root: XmlElement | undefined;
  const problems: Finding[] = [];
  for (const node of top) {
    const name = elementName(node);
    if (name === undefined) continue;
    const element = toElement(node, name, BASE_SCOPE, lines, problems);
    if (problems.length) return { ok: false, finding: problems[0]! };
    if (root) {
      return { ok: false, finding: makeFinding(INPUT_001, { en: 'more than one root element', da: 'mere end ét rodelement' }, { path: '/', ...lines.position(element.start) }) };
    }
    root = element;
  }
  if (!root) return { ok: false, finding: makeFinding(INPUT_001, { en: 'there is no root element', da: 'der er intet rodelement' }, { path: '/', line: 1, column: 1 }) };
  // Text outside the root is never well-formed (XML 1.0 §2.8); fast-xml-parser's validator lets `<a/>text` through.
  const prolog = text.slice(0, root.start);
  const declaration = PROLOG.exec(prolog)![0].length;
  if (!MISC.test(prolog.slice(declaration))) return { ok: false, finding: outsideRoot(lines, declaration + prolog.slice(declaration).search(/\S/)) };
  if (!MISC.test(text.slice(root.end))) return { ok: false, finding: outsideRoot(lines, root.end + text.slice(root.end).search(/\S/)) };
  return { ok: true, doc: { root, text, lines } };
}

// Outside the root only the declaration, comments, processing instructions and whitespace may stand.
const MISC = /^(?:\s|<!--(?:[^-]|-(?!-))*-->|<\?(?![Xx][Mm][Ll][\s?])[^?]*(?:\?(?!>)[^?]*)*\?>)*$/;
const PROLOG = /^(?:<\?xml\s[^?]*\?>)?/;

function outsideRoot(lines: LineIndex, offset: number): Finding {
  return makeFinding(INPUT_001, { en: 'there is content outside the root element', da: 'der er indhold uden for rodelementet' }, { path: '/', ...lines.position(Math.max(0, offset)) });
}

/** The one key of a preserveOrder node that names it; text nodes and processing instructions have none we keep. */
function elementName(node: FxpNode): string | undefined {
  for (const key in node) {
    if (key === ':@') continue;
    return key === '#text' || key[0] === '?' ? undefined : key;
  }
  return undefined;
}

function toElement(node: FxpNode, qname: string, parentScope: Scope, lines: LineIndex, problems: Finding[]): XmlElement {
  const rawAttrs = node[':@'];
  let scope = parentScope;
  let attrs: Record<string, string> | undefined;
  if (rawAttrs) {
    for (const name in rawAttrs) {
      const value = rawAttrs[name]!;
      if (name === 'xmlns' || name.startsWith('xmlns:')) {
        if (scope === parentScope) scope = Object.create(parentScope) as Scope;
        scope[name === 'xmlns' ? '' : name.slice(6)] = value;
      } else {
        (attrs ??= {})[name] = value;
      }
    }
  }
  const meta = (node as Record<symbol, { startIndex: number; endIndex?: number } | undefined>)[META];
  const start = meta?.startIndex ?? 0;
  const forbidden = reserved(qname, start, lines);
  if (forbidden) problems.push(forbidden);
  // Namespace declarations too: a prefix named __proto__ is as hostile as an element named so.
  if (rawAttrs) for (const name in rawAttrs) { const bad = reserved(name, start, lines); if (bad) problems.push(bad); }
  const colon = qname.indexOf(':');
  const prefix = colon < 0 ? '' : qname.slice(0, colon);
  const ns = scope[prefix];
  if (ns === undefined && prefix !== '') {
    problems.push(makeFinding(INPUT_001, { en: `the namespace prefix "${prefix}" of <${qname}> is not declared`, da: `navnerumspræfikset "${prefix}" i <${qname}> er ikke erklæret` }, { path: '/', ...lines.position(start) }));
  }
  const children: XmlNode[] = [];
  const element: XmlElement = { ns: ns ?? '', local: colon < 0 ? qname : qname.slice(colon + 1), qname, attrs, children, start, end: meta?.endIndex ?? start };
  const content = node[qname] as FxpNode[];
  for (const child of content) {
    const text = child['#text'];
    if (text !== undefined) {
      children.push(text as string);
      continue;
    }
    const name = elementName(child);
    if (name !== undefined) children.push(toElement(child, name, scope, lines, problems));
  }
  return element;
}
