import { STRUCT_003 } from './diagnostics/struct-003-unknown';
import { makeFinding, type FindingCollector, type Location, type RuleMeta } from '../findings/finding';
import { MEDCOM_NAMESPACES, NS } from '../standard/namespaces';
import { isElement, textOf } from '../xml/query';
import type { XmlDocument, XmlElement, XmlNode } from '../xml/tree';
import { OpenElements, outerBindings, type Scope } from './declarations';
import type { ChildSpec, ElementSpec } from './spec';
import { plainText, readInlineNodes, trimXmlSpace, type FormattedText, type InlineHost, type RichText } from './formatted';
import { MESSAGE_SPEC, type ExtraElement, type GopMessage } from './schema';
import { SourceMap, type OffsetTree } from './locate';
import { PROBLEM_RULE, problemFinding, type StructureProblem } from './structure';

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
  const binder = new Binder(doc, findings);
  binder.enter(doc.root);
  const offsets: OffsetTree = { start: doc.root.start, props: {} };
  const message = binder.object(doc.root, MESSAGE_SPEC, offsets) as GopMessage;
  const extras = binder.keptInWritingOrder();
  if (extras.length) message.extraElements = extras;
  return { message, source: new SourceMap(offsets, doc.lines), incomplete: binder.incomplete };
}

/** Where a child starts, in the offset tree: its offset, or for an object a node that will hold its properties' too. */
const childOffsets = (element: XmlElement, spec: ChildSpec): number | OffsetTree =>
  spec.kind === 'object' ? { start: element.start, props: {} } : element.start;

class Binder {
  readonly extras: ExtraElement[] = [];
  incomplete = false;
  /** the XML path to here: element names, and each one's 1-based index among its kind (0: a single element) */
  private readonly names: string[] = ['Emessage'];
  private readonly indexes: number[] = [0];
  /** the same place as a model path, for the structure problems */
  private readonly modelPath: (string | number)[] = [];
  private readonly elements = new OpenElements();
  /** where the builder writes what is at `path`: [child index in the spec, item index] per level */
  private readonly order: number[] = [];
  private readonly orderOf: number[][] = [];

  constructor(
    private readonly doc: XmlDocument,
    private readonly findings: FindingCollector,
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
    this.orderOf.push([...this.order, slot]);
    return extra;
  }

  /** The XML path to here, written out only when something is reported or kept (not for every element read). */
  private xmlPath(): string {
    let path = '';
    for (let i = 0; i < this.names.length; i++) path += this.indexes[i] ? `/${this.names[i]}[${this.indexes[i]}]` : `/${this.names[i]}`;
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

  /** The spec for a child: exact match, or the same name in the other MedCom namespace (read, with a warning). */
  private match(element: XmlElement, spec: ElementSpec): ChildSpec | undefined {
    const loose = spec.byLocal.get(element.local);
    if (!loose || loose.nsUris.includes(element.ns)) return loose;
    if (!MEDCOM_NAMESPACES.has(element.ns)) return undefined;
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

  object(element: XmlElement, spec: ElementSpec, offsets: OffsetTree): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.attributes(element);
    for (const child of element.children) {
      if (!isElement(child)) {
        if (trimXmlSpace(child)) this.strayText(child, element);
        continue;
      }
      const childSpec = this.match(child, spec);
      if (!childSpec) {
        this.unknown(child);
        continue;
      }
      const index = childSpec.index;
      if (childSpec.many) {
        const list = ((result[childSpec.prop] as unknown[] | undefined) ??= []);
        if (list.length >= childSpec.max) {
          this.repeated(child, childSpec);
          continue;
        }
        this.names.push(childSpec.name);
        this.indexes.push(list.length + 1);
        this.modelPath.push(childSpec.prop, list.length);
        this.order.push(index, list.length);
        const at = childOffsets(child, childSpec);
        ((offsets.props[childSpec.prop] as (number | OffsetTree)[] | undefined) ??= []).push(at);
        list.push(this.value(child, childSpec, typeof at === 'number' ? undefined : at));
      } else {
        if (result[childSpec.prop] !== undefined) {
          this.repeated(child, childSpec);
          continue;
        }
        this.names.push(childSpec.name);
        this.indexes.push(0);
        this.modelPath.push(childSpec.prop);
        this.order.push(index, 0);
        const at = childOffsets(child, childSpec);
        offsets.props[childSpec.prop] = at;
        result[childSpec.prop] = this.value(child, childSpec, typeof at === 'number' ? undefined : at);
      }
      this.names.pop();
      this.indexes.pop();
      this.modelPath.pop();
      if (childSpec.many) this.modelPath.pop();
      this.order.pop();
      this.order.pop();
    }
    for (const childSpec of spec.children) {
      if (childSpec.min === 0) continue;
      const value = result[childSpec.prop];
      if (value === undefined) {
        this.incomplete = true;
        this.problem(
          { kind: 'missing', path: [...this.modelPath, childSpec.prop], element: childSpec.name, parent: element.local },
          this.where(element.start),
        );
      } else if (value === '' || (childSpec.kind === 'formatted' && (value as FormattedText).text === '')) {
        this.problem(
          { kind: 'empty', path: [...this.modelPath, childSpec.prop], element: childSpec.name },
          this.where(offsets.props[childSpec.prop] as number, childSpec.name),
        );
      }
    }
    return result;
  }

  private repeated(element: XmlElement, spec: ChildSpec) {
    this.problem(
      { kind: 'tooMany', path: [...this.modelPath, spec.prop], element: spec.name, max: spec.max },
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

  /** The child's value; an object's properties' offsets go to `offsets` (its node in the offset tree). */
  private value(element: XmlElement, spec: ChildSpec, offsets: OffsetTree | undefined): unknown {
    this.enter(element);
    try {
      switch (spec.kind) {
        case 'object':
          return this.object(element, spec.element!, offsets!);
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
    for (const child of element.children) if (isElement(child)) this.unknown(child);
    return trimXmlSpace(textOf(element));
  }

  private formatted(element: XmlElement): FormattedText {
    this.attributes(element);
    const content: RichText[] = [];
    this.inline(element.children, [], content);
    return { text: plainText(content), content };
  }

  /** Inline content into `out` (see readInlineNodes): what is not formatting is reported and kept aside. */
  inline(nodes: XmlNode[], at: number[], out: RichText[]): void {
    readInlineNodes(nodes, at, out, this.inlineHost);
  }

  private readonly inlineHost: InlineHost = {
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
    if (node.ns === NS.m100) return;
    this.report(
      STRUCT_003,
      'formattingNamespace',
      { element: node.qname, namespace: node.ns, expected: NS.m100 },
      this.where(node.start, node.local),
    );
  }
}
