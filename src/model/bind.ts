import { STRUCT_001, STRUCT_002, STRUCT_003, STRUCT_004 } from '../findings/reader-rules';
import { makeFinding, type Finding } from '../findings/finding';
import { MEDCOM_NAMESPACES, NS } from '../standard/namespaces';
import type { XmlDocument, XmlElement, XmlNode } from '../xml/tree';
import { compileRoot, type ChildSpec, type ElementSpec } from './compile';
import { INLINE_STYLES, plainText, trimXmlSpace, type FormattedText, type RichText } from './formatted';
import { GopMessageSchema, type ExtraElement, type GopMessage } from './schema';
import { SourceMap, type Offsets } from './locate';

const ROOT_SPEC = compileRoot(GopMessageSchema);
const MESSAGE_SPEC: ElementSpec = ROOT_SPEC.element!;
const IGNORED_ATTRIBUTE = /^(xsi:|xml:)|^(schemaLocation|noNamespaceSchemaLocation)$/;

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
  const message = binder.object(doc.root, MESSAGE_SPEC) as GopMessage;
  if (binder.extras.length) message.extraElements = binder.extras;
  return { message, findings: binder.findings, source: new SourceMap(binder.offsets, doc.lines), incomplete: binder.incomplete };
}

class Binder {
  readonly findings: Finding[] = [];
  readonly extras: ExtraElement[] = [];
  readonly offsets = new WeakMap<object, Offsets>();
  incomplete = false;
  private readonly path: string[] = ['Emessage'];

  constructor(private readonly doc: XmlDocument) {}

  private where(offset: number, segment?: string) {
    const path = '/' + this.path.join('/') + (segment ? `/${segment}` : '');
    return { path, ...this.doc.lines.position(offset) };
  }

  private keep(element: XmlElement, reason: ExtraElement['reason']) {
    this.extras.push({
      path: '/' + this.path.join('/'),
      reason,
      namespace: element.ns,
      name: element.local,
      xml: this.doc.text.slice(element.start, element.end),
    });
  }

  private unknown(element: XmlElement) {
    const ns = element.ns || '(no namespace)';
    this.findings.push(makeFinding(STRUCT_003, {
      en: `Unknown element <${element.qname}> (namespace ${ns}): the standard has no such element here; it is kept aside (extraElements), not read into the plan.`,
      da: `Ukendt element <${element.qname}> (navnerum ${ns}): standarden har ikke dette element her; det er gemt til side (extraElements) og ikke læst ind i planen.`,
    }, this.where(element.start, element.local)));
    this.keep(element, 'unknown');
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

  private attributes(element: XmlElement) {
    if (!element.attrs) return;
    for (const name in element.attrs) {
      if (IGNORED_ATTRIBUTE.test(name)) continue;
      this.findings.push(makeFinding(STRUCT_003, {
        en: `Unknown attribute ${name}="${element.attrs[name]}" on <${element.qname}>: kept aside (extraElements).`,
        da: `Ukendt attribut ${name}="${element.attrs[name]}" på <${element.qname}>: gemt til side (extraElements).`,
      }, this.where(element.start)));
      this.extras.push({ path: '/' + this.path.join('/'), reason: 'attribute', namespace: '', name, xml: element.attrs[name]! });
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
      if (childSpec.many) {
        const list = ((result[childSpec.prop] as unknown[] | undefined) ??= []);
        if (list.length >= childSpec.max) { this.repeated(child, childSpec); continue; }
        this.path.push(`${childSpec.name}[${list.length + 1}]`);
        list.push(this.value(child, childSpec));
        ((offsets.props[childSpec.prop] as number[] | undefined) ??= []).push(child.start);
      } else {
        if (result[childSpec.prop] !== undefined) { this.repeated(child, childSpec); continue; }
        this.path.push(childSpec.name);
        result[childSpec.prop] = this.value(child, childSpec);
        offsets.props[childSpec.prop] = child.start;
      }
      this.path.pop();
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

  private strayText(text: string, parent: XmlElement) {
    this.findings.push(makeFinding(STRUCT_003, {
      en: `Text "${text.trim().slice(0, 40)}" directly inside <${parent.qname}>, where the standard has only elements: kept aside (extraElements).`,
      da: `Teksten "${text.trim().slice(0, 40)}" står direkte i <${parent.qname}>, hvor standarden kun har elementer: gemt til side (extraElements).`,
    }, this.where(parent.start)));
    this.extras.push({ path: '/' + this.path.join('/'), reason: 'text', namespace: '', name: '#text', xml: text });
  }

  private value(element: XmlElement, spec: ChildSpec): unknown {
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
    const content = this.inline(element.children);
    return { text: plainText(content), content };
  }

  private inline(nodes: XmlNode[]): RichText[] {
    const content: RichText[] = [];
    for (const node of nodes) {
      if (typeof node === 'string') { content.push({ type: 'text', value: node }); continue; }
      const isMedCom = MEDCOM_NAMESPACES.has(node.ns);
      if (isMedCom && node.local === 'Break') {
        this.inlineNamespace(node);
        content.push({ type: 'break' });
        for (const child of node.children) if (typeof child !== 'string' || trimXmlSpace(child)) this.unknownInline(child, node);
        continue;
      }
      // Own properties only: an element named toString must not find Object.prototype's.
      const style = isMedCom && Object.hasOwn(INLINE_STYLES, node.local) ? INLINE_STYLES[node.local as keyof typeof INLINE_STYLES] : undefined;
      if (style) {
        this.inlineNamespace(node);
        content.push({ type: style, content: this.inline(node.children) });
      } else {
        // Unknown markup: reported and kept aside; its words stay in the text so that nothing is lost to a reader.
        this.unknown(node);
        content.push(...this.inline(node.children));
      }
    }
    return content;
  }

  private unknownInline(node: XmlNode, parent: XmlElement) {
    if (typeof node === 'string') this.strayText(node, parent);
    else this.unknown(node);
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
