import { INPUT_001 } from './diagnostics/input-001-not-well-formed';
import { INPUT_002 } from './diagnostics/input-002-doctype';
import { INPUT_004 } from '../input/diagnostics/input-004-limits';
import { INPUT_007 } from './diagnostics/input-007-reserved-name';
import { makeFinding, type Finding, type MessageData, type RuleMeta } from '../findings/finding';
import { NS } from '../standard/namespaces';
import { codePointName, firstNonChar, isXmlSpace } from './chars';
import { interned, isNameCharAt, lastName, nameEnd, type QNameParts, qnameParts, RESERVED_NAMES, sameAs, startsNcName } from './names';
import { LineIndex } from './position';
import { textOf } from './query';

/** A namespace declaration as written on a start tag: prefix ('' for xmlns) and URI, the value decoded. */
type NamespaceDeclaration = readonly [prefix: string, uri: string];

/** An element with its namespace resolved and its place in the source. */
export interface XmlElement {
  /** namespace URI ('' for none) */
  ns: string;
  local: string;
  /** the name as written, with its prefix */
  qname: string;
  /** attributes other than namespace declarations, by qualified name as written */
  attrs: Record<string, string> | undefined;
  /** the namespace declarations on its start tag, in the order written (undefined for none): its scope is its ancestors' and these */
  declarations: NamespaceDeclaration[] | undefined;
  children: XmlNode[];
  /** offset of '<' of the start tag in the text */
  start: number;
  /** offset just past the end tag */
  end: number;
}
export type XmlNode = XmlElement | string;

/** The children of every element without any: one frozen array rather than one each. */
const NO_CHILDREN: XmlNode[] = Object.freeze([]) as unknown as XmlNode[];

export interface XmlLimits {
  /** deepest element nesting accepted */
  maxDepth: number;
  /** most attributes on one element */
  maxAttributes: number;
  /** most elements in the document */
  maxElements: number;
}

/** The text directly inside an element, surrounding whitespace trimmed (for envelope and identification fields). */
export function textContent(element: XmlElement): string {
  return textOf(element).trim();
}

export interface XmlDocument {
  root: XmlElement;
  text: string;
  lines: LineIndex;
}

/**
 * What was read before the first error: the elements whose start tags came before it, namespaces resolved by this same
 * pass (the well-formed prefix). `unclosed` are those whose end tag was not reached: their text may be incomplete.
 */
interface XmlPrefix {
  root: XmlElement;
  unclosed: ReadonlySet<XmlElement>;
}

export type XmlResult = { ok: true; doc: XmlDocument } | { ok: false; finding: Finding; prefix?: XmlPrefix };

/**
 * Told of the document as it is read, in document order: what lets a reader of the model bind while the text is
 * read, so that the tree of a large plan is never all alive at once. Told nothing of a document refused before its
 * first element; a refusal later ends the telling (what it was told is then for nothing).
 */
export interface ElementObserver {
  /** a start tag was read (name, namespace, attributes and declarations set; its end not yet) */
  open(element: XmlElement): void;
  /** character data of the innermost open element, as the tree keeps it: one string per child */
  text(text: string): void;
  /** the element's end tag was read (an empty element's: at once): true when the tree need not keep it */
  close(element: XmlElement): boolean;
}

export interface ParseXmlOptions {
  /** the document's lines, when the caller needs them before the tree is read */
  lines?: LineIndex;
  observer?: ElementObserver;
}

/** Why the reader stops: a rule, its details and the offset it concerns. Thrown inside the pass, caught at its top. */
class Refusal {
  constructor(
    readonly rule: RuleMeta,
    readonly messageId: string,
    readonly data: MessageData,
    readonly offset: number,
  ) {}
  /** the tree read before the refusal (set by readDocument) */
  prefix: XmlPrefix | undefined;
}
type Malformed = (typeof INPUT_001)['messages'];
const malformed = <K extends keyof Malformed & string>(
  offset: number,
  messageId: K,
  data: Parameters<Malformed[K]['en']>[0] = {} as never,
): Refusal => new Refusal(INPUT_001, messageId, data, offset);
const overLimit = (offset: number, messageId: 'depth' | 'elements' | 'attributes', max: number): Refusal =>
  new Refusal(INPUT_004, messageId, { max }, offset);

/**
 * Text → element tree with namespaces resolved, or the first reason the text is not acceptable XML.
 * This one pass is the authority on well-formed, namespace-well-formed XML 1.0 (fifth edition), and the security
 * policy rides on it: no DOCTYPE or entity declaration, limits on depth, elements and attributes, reserved names.
 */
export function parseXml(text: string, limits: XmlLimits, options: ParseXmlOptions = {}): XmlResult {
  const lines = options.lines ?? new LineIndex(text);
  try {
    checkChars(text);
    return { ok: true, doc: { root: readDocument(text, limits, options.observer), text, lines } };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    const finding = makeFinding(error.rule, error.messageId, error.data, { path: '/', ...lines.position(error.offset) });
    const prefix = error.prefix ?? (error.messageId === 'charNotAllowed' ? prefixBefore(text, error.offset, limits) : undefined);
    return prefix ? { ok: false, finding, prefix } : { ok: false, finding };
  }
}

/** The tree of the text before a character XML cannot hold (checkChars refuses before the tree is read): one more pass over that prefix. */
function prefixBefore(text: string, offset: number, limits: XmlLimits): XmlPrefix | undefined {
  try {
    return { root: readDocument(text.slice(0, offset), limits), unclosed: new Set() };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    return error.prefix;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// characters (§2.2) and references (§4.1)

/** §2.2 Char everywhere in the text. */
function checkChars(text: string): void {
  const bad = firstNonChar(text);
  if (bad < 0) return;
  const code = codePointName(text, bad);
  throw malformed(bad, 'charNotAllowed', { code });
}

const isChar = (c: number): boolean =>
  c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Decodes the references in `raw` (which starts at `offset` in the text): XML's five entities and character
 * references naming a Char (leading zeros allowed). Any other `&` is an error; no DTD declares more entities.
 */
function decodeReferences(raw: string, offset: number): string {
  let amp = raw.indexOf('&');
  if (amp < 0) return raw;
  let out = '';
  let last = 0;
  const length = raw.length;
  while (amp >= 0) {
    out += raw.slice(last, amp);
    let i = amp + 1;
    if (raw.charCodeAt(i) === 0x23 /* # */) {
      i++;
      const hex = raw.charCodeAt(i) === 0x78; /* x */
      if (hex) i++;
      const digits = i;
      let code = 0;
      for (; i < length; i++) {
        const c = raw.charCodeAt(i);
        const digit =
          c >= 0x30 && c <= 0x39 ? c - 0x30 : hex && c >= 0x61 && c <= 0x66 ? c - 0x57 : hex && c >= 0x41 && c <= 0x46 ? c - 0x37 : -1;
        if (digit < 0) break;
        if (code <= 0x10ffff) code = code * (hex ? 16 : 10) + digit; // past the last code point it stays too large
      }
      if (i === digits || raw.charCodeAt(i) !== 0x3b /* ; */) {
        throw malformed(offset + amp, 'charRefSyntax');
      }
      if (!isChar(code)) {
        const shown = raw.slice(amp, i + 1);
        throw malformed(offset + amp, 'charRefNotChar', { reference: shown });
      }
      out += String.fromCodePoint(code);
    } else {
      const end = nameEnd(raw, i);
      const name = raw.slice(i, end);
      if (end === i || raw.charCodeAt(end) !== 0x3b) {
        throw malformed(offset + amp, 'bareAmpersand');
      }
      const value = Object.hasOwn(PREDEFINED, name) ? PREDEFINED[name] : undefined;
      if (value === undefined) {
        throw malformed(offset + amp, 'undefinedEntity', { name });
      }
      out += value;
      i = end;
    }
    last = i + 1;
    amp = raw.indexOf('&', last);
  }
  return out + raw.slice(last);
}

/** Line ends as XML delivers them (§2.11): CR LF and a lone CR become LF. */
function lineEnds(raw: string): string {
  return raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
}

const ATTRIBUTE_WHITESPACE = /\r\n|[\t\n\r]/g;
const HAS_ATTRIBUTE_WHITESPACE = /[\t\n\r]/;

/** Character data: line ends normalised before references are decoded, so that `&#13;` stays a CR. */
function textValue(raw: string, offset: number): string {
  if (raw.includes(']]>')) {
    throw malformed(offset + raw.indexOf(']]>'), 'cdataEndInText');
  }
  return decodeReferences(lineEnds(raw), offset);
}

/** An attribute value, normalised as XML 1.0 §3.3.3 says for CDATA attributes: each literal white space a space. */
function attributeValue(raw: string, offset: number): string {
  const lt = raw.indexOf('<');
  if (lt >= 0) throw malformed(offset + lt, 'ltInAttribute');
  const spaced = HAS_ATTRIBUTE_WHITESPACE.test(raw) ? raw.replace(ATTRIBUTE_WHITESPACE, ' ') : raw;
  // A CR LF pair became one space, so offsets after it shift by one: errors are still placed on the right value.
  return decodeReferences(spaced, offset);
}

// ---------------------------------------------------------------------------------------------------------------
// namespaces (Namespaces in XML 1.0, third edition)

interface Scope {
  [prefix: string]: string;
}
// Null-prototype scopes: a prefix named __proto__ must find nothing inherited.
const BASE_SCOPE: Scope = Object.assign(Object.create(null) as Scope, { xml: NS.xml });

function checkReserved(name: string, offset: number): void {
  const localStart = name.indexOf(':') + 1;
  const first = name.charCodeAt(localStart);
  if (first !== 0x5f /* _ */ && first !== 0x63 /* c */ && first !== 0x70 /* p */) return; // the usual name
  const local = name.slice(localStart);
  if (RESERVED_NAMES.has(local)) throw new Refusal(INPUT_007, 'reservedName', { name }, offset);
}

/**
 * Offset of the colon of the QName just read by `nameEnd` from `start` to `end` (-1 for none); a name with two colons
 * or an empty part is no QName (Namespaces in XML §3).
 */
function qnameColon(text: string, start: number, end: number, offset: number): number {
  const { colon, colons } = lastName;
  if (colons === 0) return -1;
  if (colons > 1 || colon === start || colon + 1 === end || !startsNcName(text, colon + 1)) {
    const name = text.slice(start, end);
    throw malformed(offset, 'badQName', { name });
  }
  return colon;
}

/** A namespace declaration in the start tag at `lt`: the constraints of Namespaces in XML §3. */
function declare(scope: Scope, prefix: string, uri: string, lt: number): void {
  const shown = prefix === '' ? 'xmlns' : `xmlns:${prefix}`;
  const refuse = (messageId: 'declareXmlnsPrefix' | 'bindXmlnsNamespace' | 'rebindXmlPrefix' | 'bindXmlNamespace' | 'undeclarePrefix') =>
    malformed(lt, messageId, { attribute: shown, uri });
  if (prefix === 'xmlns') throw refuse('declareXmlnsPrefix');
  if (uri === NS.xmlns) throw refuse('bindXmlnsNamespace');
  if (prefix === 'xml') {
    if (uri !== NS.xml) throw refuse('rebindXmlPrefix');
  } else if (uri === NS.xml) {
    throw refuse('bindXmlNamespace');
  } else if (uri === '' && prefix !== '') {
    throw refuse('undeclarePrefix');
  }
  scope[prefix] = uri;
}

// ---------------------------------------------------------------------------------------------------------------
// the document (§2.1, §2.8), elements (§3.1) and the rest of markup

// §2.8 XMLDecl: version, then optional encoding and standalone, in that order; S is XML's white space only.
const XML_DECLARATION =
  /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.[0-9]+\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\3)?[ \t\r\n]*\?>/;
const DECLARATION = /^<!(DOCTYPE|ENTITY)/i;

function readDocument(text: string, { maxDepth, maxElements, maxAttributes }: XmlLimits, observer?: ElementObserver): XmlElement {
  const length = text.length;
  const open: XmlElement[] = [];
  let current: XmlElement | undefined;
  let root: XmlElement | undefined;
  const names = NAMES;
  const children = new OpenChildren(observer);

  try {
    return readElements();
  } catch (error) {
    // The elements read so far stay readable (a receipt still needs the envelope's identifiers).
    if (error instanceof Refusal && root) {
      const unclosed = current ? [...open, current] : open;
      children.settle(unclosed);
      error.prefix = { root, unclosed: new Set(unclosed) };
    }
    throw error;
  } finally {
    names.release();
    children.release();
    lastTag.scope = BASE_SCOPE; // nor through the last tag's scope
  }

  function readElements(): XmlElement {
    // What only this loop reads is its own (not shared with the handler above): kept in registers, not the closure.
    const scopes: Scope[] = [];
    let scope = BASE_SCOPE;
    let elements = 0;
    const lookahead = new Lookahead(text);
    let pos = 0;
    if (text.startsWith('<?xml') && (isXmlSpace(text.charCodeAt(5)) || text.charCodeAt(5) === 0x3f)) {
      const declaration = XML_DECLARATION.exec(text);
      if (!declaration) throw malformed(0, 'badXmlDeclaration');
      pos = declaration[0].length;
    }
    while (pos < length) {
      const lt = text.indexOf('<', pos);
      const textEnd = lt < 0 ? length : lt;
      if (textEnd > pos) {
        if (current) {
          // Most character data holds no reference, CR or "]]>": one look-ahead each, moved on only when passed.
          children.pending += lookahead.next(pos) < textEnd ? textValue(text.slice(pos, textEnd), pos) : plainTextAt(text, pos, textEnd);
        } else {
          // Outside the root only white space, comments and processing instructions may stand (§2.8).
          let i = pos;
          while (i < textEnd && isXmlSpace(text.charCodeAt(i))) i++;
          if (i < textEnd) throw malformed(i, 'contentOutsideRoot');
        }
      }
      if (lt < 0) break;
      const next = text.charCodeAt(lt + 1);
      if (next === 0x21 /* ! */) {
        if (text.startsWith('<!--', lt)) {
          // §2.5: "--" may not occur inside a comment, so the first "--" must end it.
          const close = text.indexOf('--', lt + 4);
          if (close < 0) throw malformed(lt, 'commentNotClosed');
          if (text.charCodeAt(close + 2) !== 0x3e) throw malformed(close, 'commentDoubleHyphen');
          pos = close + 3;
        } else if (text.startsWith('<![CDATA[', lt)) {
          if (!current) throw malformed(lt, 'cdataOutsideRoot');
          const close = text.indexOf(']]>', lt + 9);
          if (close < 0) throw malformed(lt, 'cdataNotClosed');
          children.flush();
          children.text(lineEnds(text.slice(lt + 9, close))); // CDATA holds no references
          pos = close + 3;
        } else {
          const declaration = DECLARATION.exec(text.slice(lt, lt + 9));
          if (declaration) {
            throw new Refusal(INPUT_002, declaration[1]!.toUpperCase() === 'DOCTYPE' ? 'doctype' : 'entity', {}, lt);
          }
          throw malformed(lt, 'markupNotAllowed');
        }
      } else if (next === 0x3f /* ? */) {
        pos = processingInstruction(text, lt);
        children.flush();
      } else if (next === 0x2f /* / */) {
        if (!current) {
          const name = text.slice(lt + 2, nameEnd(text, lt + 2));
          throw malformed(lt, 'endTagClosesNothing', { name });
        }
        // §3.1 ETag: '</' Name S? '>', the name exactly as in the start tag.
        const qname = current.qname;
        let i = lt + 2 + qname.length;
        const nameMatches = text.startsWith(qname, lt + 2) && !isNameCharAt(text, i);
        while (nameMatches && i < length && isXmlSpace(text.charCodeAt(i))) i++;
        if (!nameMatches || text.charCodeAt(i) !== 0x3e) {
          const written = text.slice(lt + 2, nameEnd(text, lt + 2));
          if (nameMatches) throw malformed(lt, 'endTagNotClosed', { name: qname });
          throw malformed(lt, 'endTagMismatch', { name: written, open: qname });
        }
        children.flush();
        current.end = i + 1;
        children.close(current);
        if (observer?.close(current) && open.length > 0) children.drop();
        current = open.pop();
        scope = scopes.pop() ?? BASE_SCOPE;
        pos = i + 1;
      } else {
        if (open.length + (current ? 1 : 0) >= maxDepth) {
          throw overLimit(lt, 'depth', maxDepth);
        }
        if (++elements > maxElements) {
          throw overLimit(lt, 'elements', maxElements);
        }
        if (!current && root) throw malformed(lt, 'multipleRoots');
        const element = startTag(text, lt, scope, maxAttributes, names);
        if (!element)
          throw endsEarly(
            [...open, ...(current ? [current] : [])].map((e) => e.qname).concat(text.slice(lt + 1, nameEnd(text, lt + 1))),
            text,
          );
        const { scope: elementScope, selfClosing } = lastTag;
        pos = element.end;
        if (current) {
          children.flush();
          children.add(element);
        } else {
          root = element;
        }
        observer?.open(element);
        if (selfClosing) {
          if (observer?.close(element) && current) children.drop();
        } else {
          if (current) {
            open.push(current);
            scopes.push(scope);
          }
          children.open();
          current = element;
          scope = elementScope;
        }
      }
    }
    if (current)
      throw endsEarly(
        [...open, current].map((e) => e.qname),
        text,
      );
    if (!root) throw malformed(0, 'noRoot');
    return root;
  }
}

/** The stack OpenChildren lends out between documents, emptied; undefined while a document is being read. */
let spareNodes: XmlNode[] | undefined;
/** A stack longer than this is not kept: it would hold that much memory from then on. */
const MAX_SPARE_NODES = 1 << 16;

/**
 * The children of the open elements, one after the other on one stack: each element gets an array of exactly its
 * children when its end tag is read (an array grown by push starts at 16 slots, and most elements hold one text).
 * The stack is kept for the next document: grown to a plan's thousands of excerpts (one element's children) it
 * would otherwise be grown again, by half each time, for every plan.
 */
class OpenChildren {
  /** decoded character data of the innermost open element not yet added as a child (comments do not end it) */
  pending = '';
  private readonly nodes: XmlNode[] = spareNodes ?? [];
  private top = 0;
  /** the most children on the stack at once in this document: what `release` empties */
  private high = 0;
  private readonly observer: ElementObserver | undefined;
  /** where each open element's children start on `nodes`, the innermost's in `from` */
  private readonly froms: number[] = [];
  private from = 0;

  constructor(observer: ElementObserver | undefined) {
    spareNodes = undefined; // a document read meanwhile (none is, today) gets its own
    this.observer = observer;
  }

  /** A child of the innermost open element. */
  add(node: XmlNode): void {
    this.nodes[this.top++] = node;
  }

  /** Character data as a child of the innermost open element, the observer told. */
  text(text: string): void {
    this.nodes[this.top++] = text;
    this.observer?.text(text);
  }

  /** The character data read so far becomes a child (markup other than a comment ends it). */
  flush(): void {
    if (this.pending !== '') {
      this.text(this.pending);
      this.pending = '';
    }
  }

  /** The child added last is not kept (an element the observer took whole). */
  drop(): void {
    this.nodes[--this.top] = '';
  }

  /** An element opens (it was added to its parent first): what follows is its children. */
  open(): void {
    this.froms.push(this.from);
    this.from = this.top;
  }

  /** The innermost open element closes: it gets its children. */
  close(element: XmlElement): void {
    const top = this.top;
    if (top > this.from) {
      element.children = this.nodes.slice(this.from, top);
      if (top > this.high) this.high = top;
    }
    this.top = this.from;
    this.from = this.froms.pop() ?? 0;
  }

  /** On a refusal, the open elements (outermost first) get the children read so far. */
  settle(open: readonly XmlElement[]): void {
    const starts = [...this.froms.slice(1), this.from];
    open.forEach((element, k) => {
      element.children = this.nodes.slice(starts[k], k + 1 < starts.length ? starts[k + 1] : this.top);
    });
  }

  /** The document is read: the stack is emptied (it must not keep the tree alive) and kept for the next one. */
  release(): void {
    const nodes = this.nodes;
    nodes.fill('', 0, Math.max(this.high, this.top));
    if (nodes.length <= MAX_SPARE_NODES) spareNodes = nodes;
  }
}

/**
 * Where the next '&', CR and "]]>" stand: what makes character data need work. Each is searched again only once the
 * reader has passed it, and never again once there is none, so all the searching together reads the text once.
 */
class Lookahead {
  private amp = -1;
  private cr = -1;
  private cdataEnd = -1;
  constructor(private readonly text: string) {}

  /** The first of them at or after `from` (the text's length when there is none). */
  next(from: number): number {
    const text = this.text;
    if (this.amp < from) {
      const at = text.indexOf('&', from);
      this.amp = at < 0 ? text.length : at;
    }
    if (this.cr < from) {
      const at = text.indexOf('\r', from);
      this.cr = at < 0 ? text.length : at;
    }
    if (this.cdataEnd < from) {
      const at = text.indexOf(']]>', from);
      this.cdataEnd = at < 0 ? text.length : at;
    }
    return Math.min(this.amp, this.cr, this.cdataEnd);
  }
}

/** A line break and spaces, by length: the indentation between the tags of a pretty-printed plan, one string per depth. */
const INDENTS: string[] = [];

/**
 * Character data without references or CRs as it stands in the text. Indentation (most gaps between tags) is a shared
 * string rather than a new one per gap: a large plan's tree holds tens of thousands of them.
 */
function plainTextAt(text: string, start: number, end: number): string {
  const length = end - start;
  if (length <= 128 && text.charCodeAt(start) === 0x0a) {
    let i = start + 1;
    while (i < end && text.charCodeAt(i) === 0x20) i++;
    if (i === end) return (INDENTS[length] ??= `\n${' '.repeat(length - 1)}`);
  }
  return text.slice(start, end);
}

/** §2.6: '<?' PITarget (S text)? '?>', the target a Name other than xml, and without a colon (Namespaces §7). */
function processingInstruction(text: string, lt: number): number {
  const close = text.indexOf('?>', lt + 2);
  if (close < 0) throw malformed(lt, 'piNotClosed');
  const targetEnd = nameEnd(text, lt + 2);
  const target = text.slice(lt + 2, targetEnd);
  if (target === '' || targetEnd > close) throw malformed(lt, 'piNoTarget');
  if (target.toLowerCase() === 'xml') throw malformed(lt, 'xmlDeclarationNotFirst');
  if (target.includes(':')) throw malformed(lt, 'piTargetColon', { target });
  if (targetEnd !== close && !isXmlSpace(text.charCodeAt(targetEnd))) {
    throw malformed(targetEnd, 'piTargetSpace', { target });
  }
  return close + 2;
}

function endsEarly(open: string[], text: string): Refusal {
  const last = open[open.length - 1] ?? '';
  // The innermost few are what a reader needs; a hostile document may leave a million open.
  const chain = (open.length > 8 ? ['…', ...open.slice(-6)] : open).join(' > ');
  return malformed(Math.max(0, text.trimEnd().length - 1), 'truncated', { element: last, open: chain });
}

interface ElementName extends QNameParts {
  /** the scope of this document this name was last resolved in (most elements share one) and the namespace it gave */
  scope: Scope | undefined;
  ns: string;
}

/**
 * The element names met, each read once: a plan repeats a few dozen names thousands of times, and a string per start
 * tag (two with a prefix) was most of what its tree held. The names are shared by the documents a process reads; what
 * they resolved to in a document is forgotten when it has been read (`release`), so no document's text stays alive.
 * A table by first, middle and last character and length, two entries to a bucket: a clash only costs a new entry,
 * and a document of many names cannot grow it. A name enters it only once checked (QName, not reserved).
 */
class ElementNames {
  private readonly slots: (ElementName | undefined)[] = new Array(4096).fill(undefined);
  /** the names resolved in the document being read */
  private readonly resolved: ElementName[] = [];

  /**
   * The known name that fills a start tag without attributes (`<name>` or `<name/>`, most tags of a plan), found
   * without reading it as a Name: it was read as one when first met.
   */
  beforeTagEnd(text: string, start: number): ElementName | undefined {
    let end = text.indexOf('>', start);
    if (text.charCodeAt(end - 1) === 0x2f /* / */) end--;
    return end > start ? this.known(text, start, end) : undefined;
  }

  /** The name from `start` to `end` (read by nameEnd, its first colon at `colon`), its first one read in the start tag at `lt`. */
  take(text: string, start: number, end: number, colon: number, lt: number): ElementName {
    const known = this.known(text, start, end);
    if (known) return known;
    const { qname, prefix, local } = qnameParts(text, start, end, colon);
    checkReserved(qname, lt);
    const name: ElementName = { qname, prefix, local, scope: undefined, ns: '' };
    const slot = ElementNames.slot(text, start, end);
    this.slots[slot + 1] = this.slots[slot];
    this.slots[slot] = name;
    return name;
  }

  /** The element name's namespace in `scope`, kept on the name: the next element of that name in that scope needs no lookup. */
  resolve(name: ElementName, scope: Scope, lt: number): void {
    const { prefix, qname } = name;
    if (prefix === 'xmlns') throw malformed(lt, 'elementXmlnsPrefix', { element: qname });
    const ns = scope[prefix];
    if (ns === undefined && prefix !== '') {
      throw malformed(lt, 'undeclaredPrefix', { element: qname, prefix });
    }
    if (name.scope === undefined) this.resolved.push(name);
    name.scope = scope;
    name.ns = ns ?? '';
  }

  /** The document has been read: its scopes and namespaces (slices of its text) are let go. */
  release(): void {
    for (const name of this.resolved) {
      name.scope = undefined;
      name.ns = '';
    }
    this.resolved.length = 0;
  }

  private known(text: string, start: number, end: number): ElementName | undefined {
    const slot = ElementNames.slot(text, start, end);
    const slots = this.slots;
    const length = end - start;
    const first = slots[slot];
    if (first !== undefined && sameAs(first.qname, text, start, length)) return first;
    const second = slots[slot + 1];
    if (second !== undefined && sameAs(second.qname, text, start, length)) return second;
    return undefined;
  }

  /** The bucket (two slots) of the name from `start` to `end`. */
  private static slot(text: string, start: number, end: number): number {
    const length = end - start;
    const c = text.charCodeAt(start) * 31 + text.charCodeAt(start + (length >> 1)) * 17 + text.charCodeAt(end - 1) * 7;
    return (c + length * 131) & 4094;
  }
}

const NAMES = new ElementNames();

/** What startTag read besides the element (set by each call, read right after it: no object per tag). */
const lastTag: { scope: Scope; selfClosing: boolean } = { scope: BASE_SCOPE, selfClosing: false };

/**
 * §3.1 STag / EmptyElemTag at `lt`: its name, attributes (white space between them, each once, quoted, normalised)
 * and namespace declarations, resolved in the scope it opens. The element's `end` is just past the start tag until
 * its end tag is read.
 */
function startTag(text: string, lt: number, parentScope: Scope, maxAttributes: number, names: ElementNames): XmlElement | undefined {
  const length = text.length;
  const nameStart = lt + 1;
  let name = names.beforeTagEnd(text, nameStart);
  let i: number;
  if (name) {
    i = nameStart + name.qname.length;
  } else {
    i = nameEnd(text, nameStart);
    const colon = qnameColon(text, nameStart, i, lt); // right after nameEnd: it reads lastName
    if (i === nameStart) throw malformed(lt, 'startTagNoName');
    name = names.take(text, nameStart, i, colon, lt);
  }
  const qname = name.qname;
  let scope = parentScope;
  let attrs: Record<string, string> | undefined;
  // Prefixed attribute names, resolved once the whole tag (and so every declaration in it) is read.
  let prefixed: string[] | undefined;
  let count = 0;
  let declarations: NamespaceDeclaration[] | undefined;
  let selfClosing = false;
  for (;;) {
    const spaceStart = i;
    while (i < length && isXmlSpace(text.charCodeAt(i))) i++;
    const code = text.charCodeAt(i);
    if (code === 0x3e /* > */) {
      i++;
      break;
    }
    if (code === 0x2f /* / */) {
      if (text.charCodeAt(i + 1) !== 0x3e) throw malformed(i, 'slashWithoutGt', { element: qname });
      selfClosing = true;
      i += 2;
      break;
    }
    if (i >= length) return undefined; // the text ends inside the start tag
    const attributeStart = i;
    i = nameEnd(text, i);
    const attribute = text.slice(attributeStart, i);
    if (attribute === '') throw malformed(attributeStart, 'charInStartTag', { element: qname, char: text[attributeStart]! });
    const attributeColon = qnameColon(text, attributeStart, i, attributeStart); // right after nameEnd: it reads lastName
    if (spaceStart === attributeStart) throw badAttribute(qname, attributeStart, 'spaceBeforeAttribute', attribute);
    if (++count > maxAttributes) {
      throw overLimit(lt, 'attributes', maxAttributes);
    }
    while (i < length && isXmlSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== 0x3d /* = */) throw badAttribute(qname, attributeStart, 'attributeNoValue', attribute);
    i++;
    while (i < length && isXmlSpace(text.charCodeAt(i))) i++;
    const quote = text.charCodeAt(i);
    const close = quote === 0x22 || quote === 0x27 ? text.indexOf(quote === 0x22 ? '"' : "'", i + 1) : -1;
    if (close < 0) throw badAttribute(qname, attributeStart, 'attributeNotQuoted', attribute);
    checkReserved(attribute, lt);
    const value = attributeValue(text.slice(i + 1, close), i + 1);
    i = close + 1;
    if (attribute === 'xmlns' || (attributeColon === attributeStart + 5 && attribute.startsWith('xmlns:'))) {
      const prefix = attribute === 'xmlns' ? '' : attribute.slice(6);
      // The tag's own scope holds exactly what it declares: a second declaration of a prefix is already there.
      if (scope === parentScope) scope = Object.create(parentScope) as Scope;
      else if (Object.hasOwn(scope, prefix)) throw badAttribute(qname, attributeStart, 'attributeTwice', attribute);
      // Every element's `ns` is this string, compared with the namespaces the model knows: interned, that is by identity.
      const uri = value.length <= 1024 ? interned(value) : value;
      declare(scope, prefix, uri, lt);
      (declarations ??= []).push([prefix, uri]);
    } else {
      attrs ??= {};
      if (Object.hasOwn(attrs, attribute)) throw badAttribute(qname, attributeStart, 'attributeTwice', attribute);
      attrs[attribute] = value;
      if (attributeColon >= 0) (prefixed ??= []).push(attribute);
    }
  }
  if (name.scope !== scope) names.resolve(name, scope, lt);
  if (prefixed) checkPrefixedAttributes(prefixed, scope, qname, lt);
  const element: XmlElement = {
    ns: name.ns,
    local: name.local,
    qname,
    attrs,
    declarations,
    children: NO_CHILDREN,
    start: lt,
    end: i,
  };
  lastTag.scope = scope;
  lastTag.selfClosing = selfClosing;
  return element;
}

function badAttribute(
  element: string,
  offset: number,
  messageId: 'spaceBeforeAttribute' | 'attributeNoValue' | 'attributeNotQuoted' | 'attributeTwice',
  attribute: string,
): Refusal {
  return malformed(offset, messageId, { element, attribute });
}

/** Every attribute prefix bound, and no two attributes with the same namespace and local name (Namespaces §6.3). */
function checkPrefixedAttributes(names: string[], scope: Scope, qname: string, lt: number): void {
  const seen = names.length > 1 ? new Set<string>() : undefined;
  for (const name of names) {
    const colon = name.indexOf(':');
    const prefix = name.slice(0, colon);
    const ns = scope[prefix];
    if (ns === undefined) {
      throw malformed(lt, 'undeclaredAttributePrefix', { element: qname, attribute: name, prefix });
    }
    if (seen) {
      const expanded = `${ns} ${name.slice(colon + 1)}`;
      if (seen.has(expanded)) {
        throw malformed(lt, 'attributeTwiceInNamespace', { element: qname, local: name.slice(colon + 1), namespace: ns });
      }
      seen.add(expanded);
    }
  }
}
