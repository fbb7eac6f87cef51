import { XMLValidator } from 'fast-xml-parser';
import { INPUT_001, INPUT_004, INPUT_007 } from '../findings/reader-rules';
import { makeFinding, type Finding } from '../findings/finding';
import { NS } from '../standard/namespaces';
import { guardText, type XmlLimits } from './guard';
import { isXmlSpace } from './chars';
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

/**
 * A text or attribute value as XML delivers it: line ends normalised (XML 1.0 §2.11, before references, so `&#13;`
 * stays a CR) and XML's own entities and character references decoded (the guard has refused any other reference).
 */
function valueOf(raw: string): string {
  const text = lineEnds(raw);
  if (!text.includes('&')) return text;
  if (!text.includes('&#')) {
    // Named references only: a native pass each (6× faster than a callback per reference), &amp; last so that
    // "&amp;lt;" stays "&lt;".
    return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&');
  }
  return text.replace(REFERENCE, (_, ref: string) => {
    if (ref[0] !== '#') return DECODE[ref]!;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0x10ffff ? '\uFFFD' : String.fromCodePoint(code);
  });
}

function lineEnds(raw: string): string {
  return raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
}

interface Scope { [prefix: string]: string }
// Null-prototype scopes: a prefix named __proto__ must find nothing inherited.
const BASE_SCOPE: Scope = Object.assign(Object.create(null) as Scope, { xml: NS.xml, xmlns: NS.xmlns });
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

function reserved(name: string, offset: number, lines: LineIndex): Finding | undefined {
  const localStart = name.indexOf(':') + 1;
  const first = name.charCodeAt(localStart);
  if (first !== 0x5f /* _ */ && first !== 0x63 /* c */ && first !== 0x70 /* p */) return undefined; // the usual name
  return RESERVED.has(name.slice(localStart)) ? makeFinding(INPUT_007, { name }, { path: '/', ...lines.position(offset) }) : undefined;
}

/**
 * Text → element tree with namespaces resolved, or the first reason the text is not acceptable XML.
 * fast-xml-parser's validator decides well-formedness; the tree is built in one pass of our own, because
 * fast-xml-parser's parse builds an intermediate object tree without namespaces or end offsets that costs 2.5× the
 * validator (bench/run.mjs measures both).
 */
export function parseXml(text: string, limits: XmlLimits): XmlResult {
  const lines = new LineIndex(text);
  const guarded = guardText(text, lines, limits);
  if (guarded) return { ok: false, finding: guarded };
  // The builder goes first: it stops at the first level too deep or reserved name, where the validator would read
  // a hostile document to its end. Where the builder finds the XML broken, the validator's account is the one given.
  const built = buildTree(text, lines, limits);
  if (built.ok || built.finding.ruleId === INPUT_001.id) {
    const valid = XMLValidator.validate(text);
    if (valid !== true) return { ok: false, finding: notWellFormed(valid.err, text, lines) };
  }
  return built;
}

/** The validator's first error, in words a user can act on. */
function notWellFormed(err: { code: string; msg: string; line: number; col: number }, text: string, lines: LineIndex): Finding {
  // fast-xml-parser reports a document that ends early as "Invalid '[...]' found" at 1:1; say what is unclosed, and where.
  const unclosed = /^Invalid '\[(.*)\]' found/s.exec(err.msg);
  if (unclosed) {
    const names = unclosed[1]!.split(',').map((n) => n.trim().replace(/^"|"$/g, '')).filter(Boolean);
    return endsEarly(names, text, lines);
  }
  return makeFinding(INPUT_001, { en: err.msg, da: `XML-fejl: ${err.msg}` }, { path: '/', line: err.line, column: err.col });
}

function endsEarly(open: string[], text: string, lines: LineIndex): Finding {
  const last = open[open.length - 1] ?? '';
  // The innermost few are what a reader needs; a hostile document may leave a million open.
  const chain = (open.length > 8 ? ['…', ...open.slice(-6)] : open).join(' > ');
  return makeFinding(INPUT_001, {
    en: `the document ends before <${last}> is closed (still open: ${chain}); is it truncated?`,
    da: `dokumentet slutter, før <${last}> er lukket (stadig åbne: ${chain}); er det afkortet?`,
  }, { path: '/', ...lines.position(Math.max(0, text.trimEnd().length - 1)) });
}

function malformed(lines: LineIndex, offset: number, en: string, da: string): XmlResult {
  return { ok: false, finding: makeFinding(INPUT_001, { en, da }, { path: '/', ...lines.position(offset) }) };
}

/**
 * One pass over the text (exported for its tests only). It checks what it relies on (tag ends, matching end tags,
 * one root, nothing but markup outside it, comments without "--"), because the validator lets some malformed
 * documents through. Text is merged across comments and split by processing instructions and CDATA sections.
 */
export function buildTree(text: string, lines: LineIndex, { maxDepth, maxElements }: XmlLimits): XmlResult {
  const open: XmlElement[] = [];
  const scopes: Scope[] = [];
  let current: XmlElement | undefined;
  let scope = BASE_SCOPE;
  let root: XmlElement | undefined;
  let pending = ''; // raw text of the current element not yet added as a child
  let elements = 0;
  const length = text.length;
  const flush = () => {
    if (pending !== '') { current!.children.push(valueOf(pending)); pending = ''; }
  };
  let pos = 0;
  if (/^<\?xml[\s?]/.test(text)) {
    const declaration = XML_DECLARATION.exec(text);
    if (!declaration) return malformed(lines, 0, 'the XML declaration is malformed', 'XML-erklæringen er forkert skrevet');
    pos = declaration[0].length;
  }
  while (pos < length) {
    const lt = text.indexOf('<', pos);
    const textEnd = lt < 0 ? length : lt;
    if (current) pending += text.slice(pos, textEnd);
    else {
      // Outside the root only whitespace, comments and processing instructions may stand (XML 1.0 §2.8).
      let i = pos;
      while (i < textEnd && isXmlSpace(text.charCodeAt(i))) i++;
      if (i < textEnd) return malformed(lines, i, 'there is content outside the root element', 'der er indhold uden for rodelementet');
    }
    if (lt < 0) break;
    const next = text.charCodeAt(lt + 1);
    if (next === 0x21 /* ! */) {
      if (text.startsWith('<!--', lt)) {
        const close = text.indexOf('--', lt + 4);
        if (close < 0) return malformed(lines, lt, 'a comment is not closed', 'en kommentar er ikke afsluttet');
        if (text.charCodeAt(close + 2) !== 0x3e) return malformed(lines, close, 'a comment may not contain "--"', 'en kommentar må ikke indeholde "--"');
        pos = close + 3;
      } else if (text.startsWith('<![CDATA[', lt) && current) {
        const close = text.indexOf(']]>', lt + 9);
        if (close < 0) return malformed(lines, lt, 'a CDATA section is not closed', 'en CDATA-sektion er ikke afsluttet');
        flush();
        current.children.push(lineEnds(text.slice(lt + 9, close))); // CDATA holds no references
        pos = close + 3;
      } else {
        return malformed(lines, lt, 'markup "<!" that XML does not allow here', 'markup "<!", som XML ikke tillader her');
      }
    } else if (next === 0x3f /* ? */) {
      const close = text.indexOf('?>', lt + 2);
      if (close < 0) return malformed(lines, lt, 'a processing instruction is not closed', 'en procesinstruktion er ikke afsluttet');
      const target = /^[^\s?]*/.exec(text.slice(lt + 2, close + 1))![0];
      if (/^xml$/i.test(target)) return malformed(lines, lt, 'an XML declaration may only stand at the very start', 'en XML-erklæring må kun stå allerførst');
      if (!XML_NAME.test(target)) return malformed(lines, lt, 'a processing instruction must start with a name', 'en procesinstruktion skal begynde med et navn');
      flush();
      pos = close + 2;
    } else if (next === 0x2f /* / */) {
      const gt = text.indexOf('>', lt + 2);
      const name = gt < 0 ? '' : text.slice(lt + 2, gt).trimEnd();
      if (!current) return malformed(lines, lt, `the end tag </${name}> closes no element`, `sluttagget </${name}> lukker intet element`);
      if (name !== current.qname) return malformed(lines, lt, `the end tag </${name}> does not match <${current.qname}>`, `sluttagget </${name}> passer ikke til <${current.qname}>`);
      flush();
      current.end = gt + 1;
      current = open.pop();
      scope = scopes.pop() ?? BASE_SCOPE;
      pos = gt + 1;
    } else {
      if (open.length + (current ? 1 : 0) >= maxDepth) {
        return { ok: false, finding: makeFinding(INPUT_004, { en: `elements are nested deeper than ${maxDepth} levels`, da: `elementer er indlejret dybere end ${maxDepth} niveauer` }, { path: '/', ...lines.position(lt) }) };
      }
      if (++elements > maxElements) {
        return { ok: false, finding: makeFinding(INPUT_004, { en: `the document has more than ${maxElements} elements`, da: `dokumentet har mere end ${maxElements} elementer` }, { path: '/', ...lines.position(lt) }) };
      }
      const started = startTag(text, lt, scope, lines);
      if ('finding' in started) return { ok: false, finding: started.finding };
      const { element, elementScope, selfClosing } = started;
      pos = element.end;
      if (current) {
        flush();
        current.children.push(element);
      } else if (root) {
        return malformed(lines, lt, 'more than one root element', 'mere end ét rodelement');
      } else {
        root = element;
      }
      if (!selfClosing) {
        if (current) { open.push(current); scopes.push(scope); }
        current = element;
        scope = elementScope;
      }
    }
  }
  if (current) return { ok: false, finding: endsEarly([...open, current].map((e) => e.qname), text, lines) };
  if (!root) return { ok: false, finding: makeFinding(INPUT_001, { en: 'there is no root element', da: 'der er intet rodelement' }, { path: '/', line: 1, column: 1 }) };
  return { ok: true, doc: { root, text, lines } };
}

/** The element (its `end` just past the start tag until its end tag is read) and the namespace scope it opens. */
type StartTag = { element: XmlElement; elementScope: Scope; selfClosing: boolean } | { finding: Finding };

/** A start tag at `lt`: its name, attributes and namespace declarations, resolved in the scope it opens. */
function startTag(text: string, lt: number, parentScope: Scope, lines: LineIndex): StartTag {
  const length = text.length;
  let i = lt + 1;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (isXmlSpace(code) || code === 0x3e /* > */ || code === 0x2f /* / */) break;
    i++;
  }
  const qname = text.slice(lt + 1, i);
  const bad = (en: string, da: string) => ({ finding: makeFinding(INPUT_001, { en: `<${qname}>: ${en}`, da: `<${qname}>: ${da}` }, { path: '/', ...lines.position(lt) }) });
  if (qname === '') return bad('a start tag without a name', 'et starttag uden navn');
  const forbidden = reserved(qname, lt, lines);
  if (forbidden) return { finding: forbidden };
  let scope = parentScope;
  let attrs: Record<string, string> | undefined;
  let selfClosing = false;
  for (;;) {
    while (i < length && isXmlSpace(text.charCodeAt(i))) i++;
    const code = text.charCodeAt(i);
    if (code === 0x3e) { i++; break; }
    if (code === 0x2f) {
      if (text.charCodeAt(i + 1) !== 0x3e) return bad('"/" must be followed by ">"', '"/" skal efterfølges af ">"');
      selfClosing = true;
      i += 2;
      break;
    }
    if (i >= length) return bad('the start tag is not closed', 'starttagget er ikke afsluttet');
    const nameStart = i;
    while (i < length) {
      const c = text.charCodeAt(i);
      if (c === 0x3d /* = */ || isXmlSpace(c) || c === 0x3e || c === 0x2f) break;
      i++;
    }
    const name = text.slice(nameStart, i);
    while (i < length && isXmlSpace(text.charCodeAt(i))) i++;
    if (name === '' || text.charCodeAt(i) !== 0x3d) return bad(`the attribute "${name}" has no value`, `attributten "${name}" har ingen værdi`);
    i++;
    while (i < length && isXmlSpace(text.charCodeAt(i))) i++;
    const quote = text[i];
    const close = quote === '"' || quote === "'" ? text.indexOf(quote, i + 1) : -1;
    if (close < 0) return bad(`the value of "${name}" is not quoted`, `værdien af "${name}" står ikke i anførselstegn`);
    const raw = text.slice(i + 1, close);
    if (raw.includes('<')) return bad(`the value of "${name}" contains "<"`, `værdien af "${name}" indeholder "<"`);
    i = close + 1;
    const attributeForbidden = reserved(name, lt, lines);
    if (attributeForbidden) return { finding: attributeForbidden };
    const value = valueOf(raw);
    if (name === 'xmlns' || name.startsWith('xmlns:')) {
      if (scope === parentScope) scope = Object.create(parentScope) as Scope;
      scope[name === 'xmlns' ? '' : name.slice(6)] = value;
    } else {
      (attrs ??= {})[name] = value;
    }
  }
  const colon = qname.indexOf(':');
  const prefix = colon < 0 ? '' : qname.slice(0, colon);
  const ns = scope[prefix];
  if (ns === undefined && prefix !== '') {
    return { finding: makeFinding(INPUT_001, { en: `the namespace prefix "${prefix}" of <${qname}> is not declared`, da: `navnerumspræfikset "${prefix}" i <${qname}> er ikke erklæret` }, { path: '/', ...lines.position(lt) }) };
  }
  const element: XmlElement = { ns: ns ?? '', local: colon < 0 ? qname : qname.slice(colon + 1), qname, attrs, children: [], start: lt, end: i };
  return { element, elementScope: scope, selfClosing };
}

// XML 1.0 §2.3 Name.
const NAME_START = ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const XML_NAME = new RegExp(`^[${NAME_START}][${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040]*$`, 'u');
// XML 1.0 §2.8 XMLDecl: version, then optional encoding and standalone, in that order.
const XML_DECLARATION = /^<\?xml\s+version\s*=\s*(["'])1\.[0-9]+\1(?:\s+encoding\s*=\s*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:\s+standalone\s*=\s*(["'])(?:yes|no)\3)?\s*\?>/;

