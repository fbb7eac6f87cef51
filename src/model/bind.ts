import { STRUCT_003 } from './diagnostics/struct-003-unknown';
import { makeFinding, type FindingCollector, type Location, type RuleMeta } from '../findings/finding';
import { MEDCOM_NAMESPACES, NS } from '../standard/namespaces';
import { isElement, textOf } from '../xml/query';
import type { XmlDocument, XmlElement } from '../xml/tree';
import { OpenElements, outerBindings, type Scope } from './declarations';
import type { ChildSpec, ElementSpec } from './spec';
import { NO_PLACE, plainText, readInlineNodes, trimXmlSpace, type FormattedText, type InlineHost, type RichText } from './formatted';
import { MESSAGE_SPEC, type ExtraElement, type GopMessage } from './schema';
import { SourceMap } from './locate';
import { PROBLEM_RULE, problemFinding, type StructureProblem } from './structure';

/** The MedCom namespace URIs, each mapped to itself: the constant the specs hold. */
const MEDCOM_URIS = new Map([...MEDCOM_NAMESPACES].map((uri) => [uri, uri]));

const ATTRIBUTE_SLOT = -1; // an element's attributes come before its children in the builder's order
const CONTENT_SLOT = Infinity; // what is kept inside an element comes after its standard children

export interface BindResult {
  message: GopMessage;
  source: SourceMap;
  /** a mandatory element is missing: the object does not meet the GopMessage type */
  incomplete: boolean;
}

/**
 * Element tree → typed model. Matches on (namespace URI, local name); keeps everything it cannot place. Its findings
 * go to `findings` as they are met, each rendered only if the collector keeps it.
 */
export function bindMessage(doc: XmlDocument, findings: FindingCollector): BindResult {
  const source = new SourceMap(MESSAGE_SPEC, doc.lines);
  const binder = new Binder(doc, findings, source);
  binder.enter(doc.root);
  const root = source.open(doc.root.start, -1);
  const message = binder.object(doc.root, MESSAGE_SPEC, root) as GopMessage;
  source.close(root);
  const extras = binder.keptInWritingOrder();
  if (extras.length) message.extraElements = extras;
  return { message, source, incomplete: binder.incomplete };
}

class Binder {
  readonly extras: ExtraElement[] = [];
  incomplete = false;
  /**
   * The place being bound, below the root: the child spec of each level and its 0-based item (0 for a single element).
   * The XML path, the model path and the builder's order are written from it only when something is reported or kept.
   */
  private readonly specs: ChildSpec[] = [];
  private readonly items: number[] = [];
  private readonly elements = new OpenElements();
  /** each namespace URI string of the tree as the standard's own constant when it is one (see ownUri) */
  private readonly uris = new Map<string, string>();
  /** where the builder writes each extra: [child index in the spec, item index] per level, then its slot */
  private readonly orderOf: number[][] = [];

  constructor(
    private readonly doc: XmlDocument,
    private readonly findings: FindingCollector,
    private readonly source: SourceMap,
  ) {}

  /** A finding, rendered only if the collector keeps it: the closure holds its data and location, nothing more. */
  private report<M, K extends keyof M & string>(meta: RuleMeta<M>, messageId: K, data: M[K], location: Location) {
    this.findings.add(meta.id, meta.severity, location, () => makeFinding(meta, messageId, data, location));
  }

  enter(element: XmlElement) {
    this.elements.enter(element);
  }

  leave() {
    this.elements.leave();
  }

  private scope(): Scope {
    return this.elements.scope();
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
    return this.extras
      .map((_, i) => i)
      .sort(compare)
      .map((i) => this.extras[i]!);
  }

  private push(extra: ExtraElement, slot: number) {
    this.extras.push(extra);
    const order: number[] = [];
    for (let i = 0; i < this.specs.length; i++) order.push(this.specs[i]!.index, this.items[i]!);
    order.push(slot);
    this.orderOf.push(order);
    return extra;
  }

  /** The XML path to here, e.g. /Emessage/RehabilitationPlan/JournalExcerpt[2]/Comment (a repeated element's item 1-based). */
  private xmlPath(): string {
    let path = '/Emessage';
    for (let i = 0; i < this.specs.length; i++) {
      const spec = this.specs[i]!;
      path += spec.many ? `/${spec.name}[${this.items[i]! + 1}]` : `/${spec.name}`;
    }
    return path;
  }

  /** The model path to here and on to `prop`, for a structure problem. */
  private modelPath(prop: string): (string | number)[] {
    const path: (string | number)[] = [];
    for (let i = 0; i < this.specs.length; i++) {
      const spec = this.specs[i]!;
      if (spec.many) path.push(spec.prop, this.items[i]!);
      else path.push(spec.prop);
    }
    path.push(prop);
    return path;
  }

  private where(offset: number, segment?: string) {
    const path = segment ? `${this.xmlPath()}/${segment}` : this.xmlPath();
    return { path, ...this.doc.lines.position(offset) };
  }

  private keep(element: XmlElement, reason: ExtraElement['reason'], inline?: ExtraElement['inline']) {
    const extra: ExtraElement = {
      path: this.xmlPath(),
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
    return outerBindings(element, (prefix) => scope[prefix]);
  }

  private unknown(element: XmlElement, inline?: ExtraElement['inline']) {
    this.report(STRUCT_003, 'unknownElement', { element: element.qname, namespace: element.ns }, this.where(element.start, element.local));
    return this.keep(element, 'unknown', inline);
  }

  /**
   * The URI as the standard's constant (the strings the specs hold) when it is a MedCom one: comparing those is one
   * pointer, where the tree's own copy of a URI is compared character by character. Looked up once per string.
   */
  private ownUri(ns: string): string {
    let own = this.uris.get(ns);
    if (own === undefined) {
      own = MEDCOM_URIS.get(ns) ?? ns;
      this.uris.set(ns, own);
    }
    return own;
  }

  /** The spec for a child: exact match, or the same name in the other MedCom namespace (read, with a warning). */
  private match(element: XmlElement, spec: ElementSpec): ChildSpec | undefined {
    const loose = spec.byLocal.get(element.local);
    if (!loose) return undefined;
    const ns = this.ownUri(element.ns);
    if (loose.nsUris.includes(ns)) return loose;
    if (!MEDCOM_NAMESPACES.has(ns)) return undefined;
    const expected = loose.nsUris[0]!;
    this.report(
      STRUCT_003,
      'otherNamespace',
      { element: element.qname, namespace: element.ns, local: element.local, expected },
      this.where(element.start, element.local),
    );
    return loose;
  }

  /** The attributes of the innermost open element: kept aside with a warning (schema-location hints excepted). */
  private attributes(element: XmlElement, inline?: ExtraElement['inline']) {
    if (!element.attrs) return;
    let where: Location | undefined; // one for all of the element's attributes: the findings only read it
    for (const [name, namespace, value] of this.elements.keptAttributes(element)) {
      where ??= this.where(element.start);
      this.report(STRUCT_003, 'unknownAttribute', { element: element.qname, attribute: name, value: element.attrs[name]! }, where);
      const extra: ExtraElement = { path: where.path, reason: 'attribute', namespace, name, xml: value };
      if (inline) extra.inline = inline;
      // inside formatted text, in the order of the content (the builder writes them as it meets their node)
      this.push(extra, inline ? CONTENT_SLOT : ATTRIBUTE_SLOT);
    }
  }

  /** The element's properties; `entry` is its entry in the source map. */
  object(element: XmlElement, spec: ElementSpec, entry: number): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.attributes(element);
    let blank = ''; // the indentation between children: the tree shares such strings, so most are this very one
    const children = element.children;
    // indexed: a for...of here allocated an iterator per element (1.5 MB per check of a 4.8 MB plan)
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (typeof child === 'string') {
        if (child === blank) continue;
        if (trimXmlSpace(child)) this.strayText(child, element);
        else blank = child;
        continue;
      }
      const childSpec = this.match(child, spec);
      if (!childSpec) {
        this.unknown(child);
        continue;
      }
      if (childSpec.many) {
        const list = ((result[childSpec.prop] as unknown[] | undefined) ??= []);
        if (list.length >= childSpec.max) this.repeated(child, childSpec);
        else list.push(this.bound(child, childSpec, list.length));
      } else if (result[childSpec.prop] !== undefined) this.repeated(child, childSpec);
      else result[childSpec.prop] = this.bound(child, childSpec, 0);
    }
    for (let i = 0; i < spec.children.length; i++) {
      const childSpec = spec.children[i]!;
      if (childSpec.min === 0) continue;
      const value = result[childSpec.prop];
      if (value === undefined) {
        this.incomplete = true;
        this.problem(
          { kind: 'missing', path: this.modelPath(childSpec.prop), element: childSpec.name, parent: element.local },
          this.where(element.start),
        );
      } else if (value === '' || (childSpec.kind === 'formatted' && (value as FormattedText).text === '')) {
        this.problem(
          { kind: 'empty', path: this.modelPath(childSpec.prop), element: childSpec.name },
          this.where(this.source.childStart(entry, childSpec.index)!, childSpec.name),
        );
      }
    }
    return result;
  }

  /** The value of a child the spec places (item `item` of its kind), its place recorded in the source map. */
  private bound(element: XmlElement, spec: ChildSpec, item: number): unknown {
    this.specs.push(spec);
    this.items.push(item);
    const entry = this.source.open(element.start, spec.index);
    const value = this.value(element, spec, entry);
    this.source.close(entry);
    this.specs.pop();
    this.items.pop();
    return value;
  }

  private repeated(element: XmlElement, spec: ChildSpec) {
    this.problem(
      { kind: 'tooMany', path: this.modelPath(spec.prop), element: spec.name, max: spec.max },
      this.where(element.start, element.local),
    );
    this.keep(element, 'repeated');
  }

  /** Worded where validateGop and the builder word theirs (problemFinding). */
  private problem(problem: StructureProblem, location: Location) {
    const rule = PROBLEM_RULE[problem.kind];
    this.findings.add(rule.id, rule.severity, location, () => problemFinding(problem, location));
  }

  private strayText(text: string, parent: XmlElement, inline?: ExtraElement['inline']) {
    this.report(STRUCT_003, 'strayText', { element: parent.qname, text: text.trim() }, this.where(parent.start));
    const extra: ExtraElement = { path: this.xmlPath(), reason: 'text', namespace: '', name: '#text', xml: text };
    if (inline) extra.inline = inline;
    this.push(extra, CONTENT_SLOT);
  }

  /** The child's value; `entry` is its entry in the source map. */
  private value(element: XmlElement, spec: ChildSpec, entry: number): unknown {
    this.enter(element);
    try {
      switch (spec.kind) {
        case 'object':
          return this.object(element, spec.element!, entry);
        case 'formatted':
          return this.formatted(element);
        case 'flag': {
          // A flag carries nothing; text inside one is kept aside and reported, not dropped.
          const text = this.leafText(element);
          if (text) this.strayText(text, element);
          return true;
        }
        case 'text':
          return this.leafText(element);
      }
    } finally {
      this.leave();
    }
  }

  /** Text exactly as sent, trimmed; an element inside a text element is unknown there. */
  private leafText(element: XmlElement): string {
    this.attributes(element);
    const children = element.children;
    for (let i = 0; i < children.length; i++) if (isElement(children[i]!)) this.unknown(children[i] as XmlElement);
    return trimXmlSpace(textOf(element));
  }

  /** Top-level formatted content is read here, then copied out at its exact length (an array grown by push keeps room for 17). */
  private readonly scratch: RichText[] = [];

  private formatted(element: XmlElement): FormattedText {
    this.attributes(element);
    const n = readInlineNodes(element.children, NO_PLACE, this.scratch, 0, this.inlineHost);
    const content = this.scratch.slice(0, n);
    return { text: plainText(content), content };
  }

  private readonly inlineHost: InlineHost = {
    ownUri: (ns) => this.ownUri(ns),
    enter: (element) => this.enter(element),
    leave: () => this.leave(),
    inlineNamespace: (element) => this.inlineNamespace(element),
    attributes: (element, inline) => this.attributes(element, inline),
    unknown: (element, inline) => {
      this.unknown(element, inline);
    },
    strayText: (text, parent, inline) => this.strayText(text, parent, inline),
  };

  private inlineNamespace(node: XmlElement) {
    if (this.ownUri(node.ns) === NS.m100) return;
    this.report(
      STRUCT_003,
      'formattingNamespace',
      { element: node.qname, namespace: node.ns, expected: NS.m100 },
      this.where(node.start, node.local),
    );
  }
}
