import { STRUCT_001, STRUCT_002, STRUCT_003, STRUCT_004 } from '../findings/reader-rules';
import { makeFinding, type Finding } from '../findings/finding';
import { quoted } from '../values/quote';
import { MEDCOM_NAMESPACES, NS } from '../standard/namespaces';
import { isXmlSpace } from '../xml/chars';
import { nameEnd } from '../xml/names';
import type { XmlDocument, XmlElement, XmlNode } from '../xml/tree';
import { compileRoot, type ChildSpec, type ElementSpec } from './compile';
import { INLINE_STYLES, plainText, trimXmlSpace, type FormattedText, type RichText } from './formatted';
import { GopMessageSchema, type ExtraElement, type GopMessage } from './schema';
import { SourceMap, type Offsets } from './locate';

const ROOT_SPEC = compileRoot(GopMessageSchema);
const MESSAGE_SPEC: ElementSpec = ROOT_SPEC.element!;
/**
 * Schema-location hints (xsi:schemaLocation, xsi:noNamespaceSchemaLocation, or the same names unprefixed, as some
 * senders write them) point at the sender's copy of the XSD: no content, and the public example carries one. They
 * are the one thing the reader drops without a finding. Every other attribute, xml: and xsi: ones included, is kept.
 */
const SCHEMA_HINTS = new Set(['schemaLocation', 'noNamespaceSchemaLocation']);

/** Namespace bindings in scope (prefix → URI, '' the default namespace); null-prototype chains. */
type Scope = Record<string, string>;
const BASE_SCOPE: Scope = Object.assign(Object.create(null) as Scope, { xml: NS.xml });
const ATTRIBUTE_SLOT = -1; // an element's attributes come before its children in the builder's order
const CONTENT_SLOT = Infinity; // what is kept inside an element comes after its standard children

export interface BindResult {
  message: GopMessage;
  findings: Finding[];
  source: SourceMap;
  /** a mandatory element is missing: the object does not meet the GopMessage type */
  incomplete: boolean;
}

/** Element tree → typed model. Matches on (namespace URI, local name); keeps everything it cannot place. */
export function bindMessage(doc: XmlDocument): BindResult {
  const binder = new Binder(doc);
  binder.enter(doc.root);
  const message = binder.object(doc.root, MESSAGE_SPEC) as GopMessage;
  const extras = binder.keptInWritingOrder();
  if (extras.length) message.extraElements = extras;
  return { message, findings: binder.findings, source: new SourceMap(binder.offsets, doc.lines), incomplete: binder.incomplete };
}

/**
 * What the reader makes of the children of an element that stands inside formatted text (`element`, a child of
 * `doc.root`): the content nodes, and what it keeps aside of them. The builder checks a kept-aside inline element with it.
 */
export function readInline(doc: XmlDocument, element: XmlElement): { content: RichText[]; extras: ExtraElement[] } {
  const binder = new Binder(doc);
  binder.enter(doc.root);
  if (element !== doc.root) binder.enter(element);
  const content: RichText[] = [];
  binder.inline(element.children, [], content);
  return { content, extras: binder.extras };
}

/**
 * The namespace declarations written on the start tag at `lt`, in order, as [prefix ('' for xmlns), URI]. For text
 * the reader accepted; on any other text it stops at what it cannot read (never throws, never loops).
 */
export function declarationsAt(text: string, lt: number): [string, string][] {
  const out: [string, string][] = [];
  const length = text.length;
  let i = nameEnd(text, lt + 1);
  if (i === lt + 1) return out;
  for (;;) {
    while (i < length && isXmlSpace(text.charCodeAt(i))) i++;
    const start = i;
    i = nameEnd(text, i);
    if (i === start) return out; // '>', '/>' or something that is no attribute
    const name = text.slice(start, i);
    while (i < length && isXmlSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== 0x3d /* = */) return out;
    i++;
    while (i < length && isXmlSpace(text.charCodeAt(i))) i++;
    const quote = text.charCodeAt(i);
    if (quote !== 0x22 && quote !== 0x27) return out;
    const close = text.indexOf(quote === 0x22 ? '"' : "'", i + 1);
    if (close < 0) return out;
    if (name === 'xmlns' || name.startsWith('xmlns:')) out.push([name === 'xmlns' ? '' : name.slice(6), attributeText(text.slice(i + 1, close))]);
    i = close + 1;
  }
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** An attribute value as XML delivers it (§3.3.3: literal white space a space, then references decoded). */
function attributeText(raw: string): string {
  return raw.replace(/\r\n|[\t\n\r]/g, ' ').replace(/&(?:#x([0-9a-fA-F]{1,8})|#([0-9]{1,10})|(amp|lt|gt|quot|apos));/g, (whole, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
    if (named) return PREDEFINED[named]!;
    const code = hex ? parseInt(hex, 16) : Number(dec);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * The bindings an element uses (in element and attribute names, at any depth) that come from outside it — `outer`
 * says what they are there ('' for an unbound default namespace) — other than its own prefix's: what a writer must
 * declare for it to mean the same elsewhere. Undefined when there are none.
 */
export function outerBindings(text: string, element: XmlElement, outer: (prefix: string) => string | undefined): Record<string, string> | undefined {
  const own = prefixOf(element.qname);
  let needed: Record<string, string> | undefined;
  const visit = (el: XmlElement, inside: Set<string> | undefined) => {
    const declarations = declarationsAt(text, el.start);
    if (declarations.length) {
      inside = new Set(inside);
      for (const [prefix] of declarations) inside.add(prefix);
    }
    const use = (prefix: string) => {
      if (prefix === own || prefix === 'xml' || inside?.has(prefix) || (needed && Object.hasOwn(needed, prefix))) return;
      Object.defineProperty((needed ??= {}), prefix, { value: outer(prefix) ?? '', enumerable: true, writable: true, configurable: true });
    };
    use(prefixOf(el.qname));
    for (const name in el.attrs) if (name.includes(':')) use(prefixOf(name));
    for (const child of el.children) if (typeof child !== 'string') visit(child, inside);
  };
  visit(element, undefined);
  return needed;
}

const prefixOf = (qname: string): string => {
  const colon = qname.indexOf(':');
  return colon < 0 ? '' : qname.slice(0, colon);
};

class Binder {
  readonly findings: Finding[] = [];
  readonly extras: ExtraElement[] = [];
  readonly offsets = new WeakMap<object, Offsets>();
  incomplete = false;
  private readonly path: string[] = ['Emessage'];
  /** the elements open around the one being read, and their scopes (computed only when asked for) */
  private readonly open: XmlElement[] = [];
  private readonly scopes: (Scope | undefined)[] = [];
  /** where the builder writes what is at `path`: [child index in the spec, item index] per level */
  private readonly order: number[] = [];
  private readonly orderOf: number[][] = [];

  constructor(private readonly doc: XmlDocument) {}

  enter(element: XmlElement) {
    this.open.push(element);
    this.scopes.push(undefined);
  }

  private leave() {
    this.open.pop();
    this.scopes.pop();
  }

  /** The namespace bindings in scope inside the innermost open element. */
  private scope(): Scope {
    let i = this.scopes.length - 1;
    while (i >= 0 && this.scopes[i] === undefined) i--;
    let scope = i >= 0 ? this.scopes[i]! : BASE_SCOPE;
    for (i++; i < this.open.length; i++) {
      const declarations = declarationsAt(this.doc.text, this.open[i]!.start);
      if (declarations.length) {
        scope = Object.create(scope) as Scope;
        for (const [prefix, uri] of declarations) scope[prefix] = uri;
      }
      this.scopes[i] = scope;
    }
    return scope;
  }

  /** Extras in the order the builder writes them (attributes, then the standard's children, then what was kept inside), so a round trip keeps the array. */
  keptInWritingOrder(): ExtraElement[] {
    if (this.extras.length < 2) return this.extras;
    const keys = this.orderOf;
    const compare = (a: number, b: number) => {
      const ka = keys[a]!;
      const kb = keys[b]!;
      for (let i = 0; i < Math.min(ka.length, kb.length); i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1;
      return ka.length - kb.length || a - b;
    };
    return this.extras.map((_, i) => i).sort(compare).map((i) => this.extras[i]!);
  }

  private push(extra: ExtraElement, slot: number) {
    this.extras.push(extra);
    this.orderOf.push([...this.order, slot]);
    return extra;
  }

  private where(offset: number, segment?: string) {
    const path = '/' + this.path.join('/') + (segment ? `/${segment}` : '');
    return { path, ...this.doc.lines.position(offset) };
  }

  private keep(element: XmlElement, reason: ExtraElement['reason'], inline?: ExtraElement['inline']) {
    const extra: ExtraElement = {
      path: '/' + this.path.join('/'),
      reason,
      namespace: element.ns,
      name: element.local,
      xml: this.doc.text.slice(element.start, element.end),
    };
    const namespaces = this.outerBindings(element);
    if (namespaces) extra.namespaces = namespaces;
    if (inline) extra.inline = inline;
    return this.push(extra, CONTENT_SLOT);
  }

  /** The bindings a kept element takes from outside it (see outerBindings). */
  private outerBindings(element: XmlElement): Record<string, string> | undefined {
    const scope = this.scope();
    return outerBindings(this.doc.text, element, (prefix) => scope[prefix]);
  }

  private unknown(element: XmlElement, inline?: ExtraElement['inline']) {
    const ns = element.ns || '(no namespace)';
    this.findings.push(makeFinding(STRUCT_003, {
      en: `Unknown element <${element.qname}> (namespace ${ns}): the standard has no such element here; it is kept aside (extraElements), not read into the plan.`,
      da: `Ukendt element <${element.qname}> (navnerum ${ns}): standarden har ikke dette element her; det er gemt til side (extraElements) og ikke læst ind i planen.`,
    }, this.where(element.start, element.local)));
    return this.keep(element, 'unknown', inline);
  }

  /** The spec for a child: exact match, or the same name in the other MedCom namespace (read, with a warning). */
  private match(element: XmlElement, spec: ElementSpec): ChildSpec | undefined {
    const loose = spec.byLocal.get(element.local);
    if (!loose || loose.nsUris.includes(element.ns)) return loose;
    if (!MEDCOM_NAMESPACES.has(element.ns)) return undefined;
    {
      const expected = loose.nsUris[0]!;
      this.findings.push(makeFinding(STRUCT_003, {
        en: `<${element.qname}> is in namespace ${element.ns}; the standard puts ${element.local} in ${expected}. It was read all the same.`,
        da: `<${element.qname}> er i navnerummet ${element.ns}; standarden placerer ${element.local} i ${expected}. Det er læst alligevel.`,
      }, this.where(element.start, element.local)));
    }
    return loose;
  }

  /** The attributes of the innermost open element: kept aside with a warning (schema-location hints excepted). */
  private attributes(element: XmlElement, inline?: ExtraElement['inline']) {
    if (!element.attrs) return;
    for (const name in element.attrs) {
      const colon = name.indexOf(':');
      const namespace = colon < 0 ? '' : this.scope()[name.slice(0, colon)] ?? '';
      if ((namespace === '' || namespace === NS.xsi) && SCHEMA_HINTS.has(name.slice(colon + 1))) continue;
      this.findings.push(makeFinding(STRUCT_003, {
        en: `Unknown attribute ${name}="${element.attrs[name]}" on <${element.qname}>: kept aside (extraElements).`,
        da: `Ukendt attribut ${name}="${element.attrs[name]}" på <${element.qname}>: gemt til side (extraElements).`,
      }, this.where(element.start)));
      const extra: ExtraElement = { path: '/' + this.path.join('/'), reason: 'attribute', namespace, name, xml: element.attrs[name]! };
      if (inline) extra.inline = inline;
      // inside formatted text, in the order of the content (the builder writes them as it meets their node)
      this.push(extra, inline ? CONTENT_SLOT : ATTRIBUTE_SLOT);
    }
  }

  object(element: XmlElement, spec: ElementSpec): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    const offsets: Offsets = { start: element.start, props: {} };
    this.offsets.set(result, offsets);
    this.attributes(element);
    for (const child of element.children) {
      if (typeof child === 'string') {
        if (trimXmlSpace(child)) this.strayText(child, element);
        continue;
      }
      const childSpec = this.match(child, spec);
      if (!childSpec) { this.unknown(child); continue; }
      const index = childSpec.index;
      if (childSpec.many) {
        const list = ((result[childSpec.prop] as unknown[] | undefined) ??= []);
        if (list.length >= childSpec.max) { this.repeated(child, childSpec); continue; }
        this.path.push(`${childSpec.name}[${list.length + 1}]`);
        this.order.push(index, list.length);
        list.push(this.value(child, childSpec));
        ((offsets.props[childSpec.prop] as number[] | undefined) ??= []).push(child.start);
      } else {
        if (result[childSpec.prop] !== undefined) { this.repeated(child, childSpec); continue; }
        this.path.push(childSpec.name);
        this.order.push(index, 0);
        result[childSpec.prop] = this.value(child, childSpec);
        offsets.props[childSpec.prop] = child.start;
      }
      this.path.pop();
      this.order.length -= 2;
    }
    for (const childSpec of spec.children) {
      if (childSpec.min === 0) continue;
      const value = result[childSpec.prop];
      if (value === undefined) {
        this.incomplete = true;
        this.findings.push(makeFinding(STRUCT_001, { element: childSpec.name, parent: element.local }, this.where(element.start)));
      } else if (value === '' || (childSpec.kind === 'formatted' && (value as FormattedText).text === '')) {
        this.findings.push(makeFinding(STRUCT_004, { element: childSpec.name }, this.where(offsets.props[childSpec.prop] as number, childSpec.name)));
      }
    }
    return result;
  }

  private repeated(element: XmlElement, spec: ChildSpec) {
    this.findings.push(makeFinding(STRUCT_002, { element: spec.name, max: spec.max }, this.where(element.start, element.local)));
    this.keep(element, 'repeated');
  }

  private strayText(text: string, parent: XmlElement, inline?: ExtraElement['inline']) {
    this.findings.push(makeFinding(STRUCT_003, {
      // Cut to 40 characters when the finding's text is finished, after any redaction (src/values/quote.ts).
      en: `Text "${quoted(text.trim(), 40)}" directly inside <${parent.qname}>, where the standard has only elements: kept aside (extraElements).`,
      da: `Teksten "${quoted(text.trim(), 40)}" står direkte i <${parent.qname}>, hvor standarden kun har elementer: gemt til side (extraElements).`,
    }, this.where(parent.start)));
    const extra: ExtraElement = { path: '/' + this.path.join('/'), reason: 'text', namespace: '', name: '#text', xml: text };
    if (inline) extra.inline = inline;
    this.push(extra, CONTENT_SLOT);
  }

  private value(element: XmlElement, spec: ChildSpec): unknown {
    this.enter(element);
    try {
      switch (spec.kind) {
        case 'object': return this.object(element, spec.element!);
        case 'formatted': return this.formatted(element);
        case 'flag': {
          // A flag carries nothing; text inside one is kept aside and reported, not dropped.
          const text = this.leafText(element);
          if (text) this.strayText(text, element);
          return true;
        }
        case 'text': return this.leafText(element);
      }
    } finally {
      this.leave();
    }
  }

  /** Text exactly as sent, trimmed; an element inside a text element is unknown there. */
  private leafText(element: XmlElement): string {
    this.attributes(element);
    const children = element.children;
    if (children.length === 1 && typeof children[0] === 'string') return trimXmlSpace(children[0]);
    let text = '';
    for (const child of children) {
      if (typeof child === 'string') text += child;
      else this.unknown(child);
    }
    return trimXmlSpace(text);
  }

  private formatted(element: XmlElement): FormattedText {
    this.attributes(element);
    const content: RichText[] = [];
    this.inline(element.children, [], content);
    return { text: plainText(content), content };
  }

  /**
   * Inline content into `out`, which is content[at[0]].content[at[1]]… of the formatted text: what is kept aside on
   * the way records its place there (`inline`), so that the builder writes it back where it stood.
   */
  inline(nodes: XmlNode[], at: number[], out: RichText[]): void {
    for (const node of nodes) {
      if (typeof node === 'string') { out.push({ type: 'text', value: node }); continue; }
      const isMedCom = MEDCOM_NAMESPACES.has(node.ns);
      const here = [...at, out.length];
      // Own properties only: an element named toString must not find Object.prototype's.
      const style = isMedCom && Object.hasOwn(INLINE_STYLES, node.local) ? INLINE_STYLES[node.local as keyof typeof INLINE_STYLES] : undefined;
      if (isMedCom && node.local === 'Break') {
        this.inlineNamespace(node);
        out.push({ type: 'break' });
        if (!node.attrs && node.children.length === 0) continue; // the usual <Break/>: nothing to keep
        this.enter(node);
        this.attributes(node, { at: here });
        for (const child of node.children) {
          if (typeof child !== 'string') this.unknown(child, { at: here });
          else if (trimXmlSpace(child)) this.strayText(child, node, { at: here });
        }
        this.leave();
      } else if (style) {
        this.inlineNamespace(node);
        const content: RichText[] = [];
        out.push({ type: style, content });
        this.enter(node);
        this.attributes(node, { at: here });
        this.inline(node.children, here, content);
        this.leave();
      } else {
        // Unknown markup: reported and kept aside; its words stay in the text so that nothing is lost to a reader,
        // and `span` says which content nodes it wrapped, so that the builder writes it around them again.
        const inline = { at: here, span: 0 };
        this.unknown(node, inline);
        this.enter(node);
        this.inline(node.children, at, out);
        this.leave();
        inline.span = out.length - here[here.length - 1]!;
      }
    }
  }

  private inlineNamespace(node: XmlElement) {
    if (node.ns === NS.m100) return;
    this.findings.push(makeFinding(STRUCT_003, {
      en: `<${node.qname}> is in namespace ${node.ns}; the standard puts formatting elements in ${NS.m100}. It was read all the same.`,
      da: `<${node.qname}> er i navnerummet ${node.ns}; standarden placerer formateringselementer i ${NS.m100}. Det er læst alligevel.`,
    }, this.where(node.start, node.local)));
  }
}

export { ROOT_SPEC, MESSAGE_SPEC };
