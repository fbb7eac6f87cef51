import { STRUCT_003 } from './diagnostics/struct-003-unknown';
import { makeFinding, type FindingCollector, type Location, type RuleMeta } from '../findings/finding';
import { MEDCOM_NAMESPACES, NS } from '../standard/namespaces';
import { isElement, textOf } from '../xml/query';
import type { ElementObserver, XmlDocument, XmlElement } from '../xml/tree';
import type { LineIndex } from '../xml/position';
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

/** An element the binder builds an object for as its children are read. */
interface ObjectFrame {
  element: XmlElement;
  spec: ElementSpec;
  result: Record<string, unknown>;
  /** its entry in the source map */
  entry: number;
  /** the indentation between its children: the tree shares such strings, so most are this very one */
  blank: string;
  /** where it goes in its parent (undefined for the root), and the list it goes in when its kind is many */
  placed: ChildSpec | undefined;
  list: unknown[] | undefined;
}

/**
 * A tree already read → typed model: the same binder, told of the tree by a walk of it (the tree keeps everything).
 * For a small document this is faster than binding as it is read: each of the two passes runs alone and stays hot.
 */
export function bindMessage(doc: XmlDocument, findings: FindingCollector): BindResult | undefined {
  const binder = new MessageBinder(doc.text, doc.lines, findings, KEEP_ALL);
  tell(binder, doc.root);
  return binder.result();
}
const KEEP_ALL = () => true;

function tell(observer: ElementObserver, element: XmlElement): void {
  observer.open(element);
  const children = element.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (typeof child === 'string') observer.text(child);
    else tell(observer, child);
  }
  observer.close(element);
}

/** What becomes of an element read whole, at its end tag. */
enum Whole {
  Bound,
  Unknown,
  Repeated,
}

/**
 * XML as it is read → typed model: an ElementObserver for the reader (src/xml/tree.ts). Matches on (namespace URI,
 * local name); keeps everything it cannot place. An element the spec makes an object is bound as its children come;
 * any other (text, formatted text, a flag, what is unknown or one too many) when its end tag is read, from its
 * subtree; the tree then lets it go, unless `keepsWhole` says the tree must keep it (what is read after the tree, for
 * the ids and the identification) or it is the root or the root's child. Its findings go to `findings` as they are
 * met, each rendered only if the collector keeps it. Binds nothing of a root other than an m104 Emessage.
 */
export class MessageBinder implements ElementObserver {
  private readonly binder: Binder;
  private readonly source: SourceMap;
  private readonly frames: ObjectFrame[] = [];
  private active = true;
  private depth = 0;
  /** the depth of the open element the tree keeps with everything in it (0: none) */
  private keptFrom = 0;
  /** the depth of the open element read whole at its end tag (0: none): what is inside it waits with it */
  private wholeAt = 0;
  private whole = Whole.Bound;
  private wholeSpec: ChildSpec | undefined;
  /** the list it goes in, when its kind is many */
  private wholeList: unknown[] | undefined;
  /** the innermost object being built */
  private top: ObjectFrame | undefined;
  private bound: BindResult | undefined;

  constructor(
    text: string,
    lines: LineIndex,
    findings: FindingCollector,
    private readonly keepsWhole: (element: XmlElement, depth: number) => boolean,
  ) {
    this.source = new SourceMap(MESSAGE_SPEC, lines);
    this.binder = new Binder(text, lines, findings, this.source);
  }

  /** The model, once the root's end tag was read (undefined for a root it does not bind). */
  result(): BindResult | undefined {
    return this.bound;
  }

  open(element: XmlElement): void {
    const depth = ++this.depth;
    if (this.keptFrom === 0 && this.keepsWhole(element, depth)) this.keptFrom = depth;
    if (!this.active || this.wholeAt !== 0) return;
    const frame = this.top;
    if (!frame) {
      if (depth > 1 || element.local !== 'Emessage' || element.ns !== NS.m104) this.active = false;
      else this.push(this.binder.beginRoot(element));
      return;
    }
    const childSpec = this.binder.match(element, frame.spec);
    let list: unknown[] | undefined;
    let whole = Whole.Bound;
    if (!childSpec) whole = Whole.Unknown;
    else if (childSpec.many) {
      list = (frame.result[childSpec.prop] as unknown[] | undefined) ??= [];
      if (list.length >= childSpec.max) whole = Whole.Repeated;
    } else if (frame.result[childSpec.prop] !== undefined) whole = Whole.Repeated;
    if (whole === Whole.Bound && childSpec!.kind === 'object') {
      this.push(this.binder.beginChild(element, childSpec!, list));
      return;
    }
    this.wholeAt = depth;
    this.whole = whole;
    this.wholeSpec = childSpec;
    this.wholeList = list;
  }

  text(text: string): void {
    if (this.active && this.wholeAt === 0) this.binder.between(this.top!, text);
  }

  close(element: XmlElement): boolean {
    const depth = this.depth--;
    const kept = this.keptFrom !== 0;
    if (this.keptFrom === depth) this.keptFrom = 0;
    // inside an element read whole, nothing is bound: it is, with all it holds, at its own end tag
    if (!this.active || (this.wholeAt !== 0 && depth > this.wholeAt)) return false;
    if (this.wholeAt === depth) {
      this.wholeAt = 0;
      const spec = this.wholeSpec;
      const list = this.wholeList;
      if (this.whole === Whole.Unknown) this.binder.unknown(element);
      else if (this.whole === Whole.Repeated) this.binder.repeated(element, spec!);
      else if (list) list.push(this.binder.bound(element, spec!, list.length));
      else this.top!.result[spec!.prop] = this.binder.bound(element, spec!, 0);
    } else {
      const frame = this.frames.pop()!;
      this.top = this.frames[this.frames.length - 1];
      const value = this.binder.end(frame);
      if (frame.list) frame.list.push(value);
      else if (frame.placed) this.top!.result[frame.placed.prop] = value;
      else this.bound = this.binder.finish(value as GopMessage, frame.entry);
    }
    return depth > 2 && !kept;
  }

  private push(frame: ObjectFrame) {
    this.frames.push(frame);
    this.top = frame;
  }
}

/** What MessageBinder does at each element: match it, bind it, keep aside and report what does not fit. */
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
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly findings: FindingCollector,
    private readonly source: SourceMap,
  ) {}

  /** A finding, rendered only if the collector keeps it: the closure holds its data and location, nothing more. */
  private report<M, K extends keyof M & string>(meta: RuleMeta<M>, messageId: K, data: M[K], location: Location) {
    this.findings.add(meta.id, meta.severity, location, () => makeFinding(meta, messageId, data, location));
  }

  private enter(element: XmlElement) {
    this.elements.enter(element);
  }

  private leave() {
    this.elements.leave();
  }

  private scope(): Scope {
    return this.elements.scope();
  }

  /** Extras in the order the builder writes them (attributes, then the standard's children, then what was kept inside), so a round trip keeps the array. */
  private keptInWritingOrder(): ExtraElement[] {
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
    return { path, ...this.lines.position(offset) };
  }

  private keep(element: XmlElement, reason: ExtraElement['reason'], inline?: ExtraElement['inline']) {
    const extra: ExtraElement = {
      path: this.xmlPath(),
      reason,
      namespace: element.ns,
      name: element.local,
      xml: this.text.slice(element.start, element.end),
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

  unknown(element: XmlElement, inline?: ExtraElement['inline']) {
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
  match(element: XmlElement, spec: ElementSpec): ChildSpec | undefined {
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

  /** An object begins: its attributes are read; its children come as they are read. */
  private begin(
    element: XmlElement,
    spec: ElementSpec,
    entry: number,
    placed: ChildSpec | undefined,
    list: unknown[] | undefined,
  ): ObjectFrame {
    this.attributes(element);
    return { element, spec, result: {}, entry, blank: '', placed, list };
  }

  /** The root begins (its place is the source map's first entry). */
  beginRoot(element: XmlElement): ObjectFrame {
    this.enter(element);
    return this.begin(element, MESSAGE_SPEC, this.source.open(element.start, -1), undefined, undefined);
  }

  /** A child the spec makes an object begins (the next item of `list` when its kind is many). */
  beginChild(element: XmlElement, spec: ChildSpec, list: unknown[] | undefined): ObjectFrame {
    const entry = this.openPlace(element, spec, list ? list.length : 0);
    this.enter(element);
    return this.begin(element, spec.element!, entry, spec, list);
  }

  /** A child the spec places (item `item` of its kind) is entered: the place below the root and in the source map. */
  private openPlace(element: XmlElement, spec: ChildSpec, item: number): number {
    this.specs.push(spec);
    this.items.push(item);
    return this.source.open(element.start, spec.index);
  }

  private closePlace(entry: number) {
    this.source.close(entry);
    this.specs.pop();
    this.items.pop();
  }

  /** Character data between an object's children: white space passes, anything else is kept aside. */
  between(frame: ObjectFrame, text: string) {
    if (text === frame.blank) return;
    if (trimXmlSpace(text)) this.strayText(text, frame.element);
    else frame.blank = text;
  }

  /** The object's end tag: what is missing or empty is told; the object is done. */
  end(frame: ObjectFrame): Record<string, unknown> {
    const { element, spec, result, entry } = frame;
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
    if (frame.placed) {
      this.leave();
      this.closePlace(entry);
    }
    return result;
  }

  /** The root is done: the model, with what was kept aside in the order the builder writes it. */
  finish(message: GopMessage, root: number): BindResult {
    this.source.close(root);
    const extras = this.keptInWritingOrder();
    if (extras.length) message.extraElements = extras;
    return { message, source: this.source, incomplete: this.incomplete };
  }

  /** The value of a child the spec places (item `item` of its kind), its place recorded in the source map. */
  bound(element: XmlElement, spec: ChildSpec, item: number): unknown {
    const entry = this.openPlace(element, spec, item);
    const value = this.value(element, spec);
    this.closePlace(entry);
    return value;
  }

  repeated(element: XmlElement, spec: ChildSpec) {
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

  /** The value of a child read whole. */
  private value(element: XmlElement, spec: ChildSpec): unknown {
    this.enter(element);
    try {
      switch (spec.kind) {
        case 'object':
          throw new Error(`an object is bound as it is read (${spec.name})`);
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
