import { outerBindings } from '../model/declarations';
import { trimXmlSpace } from '../model/formatted';
import type { ChildSpec, ElementSpec } from '../model/spec';
import type { ExtraElement } from '../model/schema';
import { MEDCOM_NAMESPACES, NS, type NamespaceKey } from '../standard/namespaces';
import { codePointName, firstNonChar } from '../xml/chars';
import { isNcName, nameEnd, RESERVED_NAMES } from '../xml/names';
import { escapeAttribute, markupIn, XmlEncodingError } from '../xml/serialize';
import { parseXml, type XmlElement } from '../xml/tree';
import { describe, shown, type BuildIssue } from './issues';

/** Kept-aside fragments and the finished document are re-read with these: structure is checked, size is not. */
export const REREAD_LIMITS = { maxDepth: 1_000_000, maxAttributes: 1_000_000, maxElements: 100_000_000 };

type Binding = readonly [prefix: string, uri: string];
/** Bindings for one start tag: written (declared there), or relied on as they are in scope (not to be rebound). */
type Declarations = Map<string, { uri: string; write: boolean }>;

/** What is kept aside at one element: checked and prepared before its start tag is written. */
export interface Place {
  /** namespace declarations and attributes for the start tag */
  start: Binding[];
  /** elements and text to write after the standard children (or the value of a text element) */
  content: ExtraElement[];
  /** what stands inside its formatted text, in the order of the content */
  inline: ExtraElement[];
  attributes: Map<ExtraElement, Binding>;
  /** each kept element as written: its markup (with the declarations it carries itself, in the encoding) and tree */
  fragments: Map<ExtraElement, { markup: string; root: XmlElement }>;
  /** the bindings in scope inside the element, when it declares any */
  scope?: Map<string, string>;
}
const NOTHING_KEPT: Place = { start: [], content: [], inline: [], attributes: new Map(), fragments: new Map() };

const isQName = (s: string): boolean => {
  const colon = s.indexOf(':');
  return colon < 0 ? isNcName(s) : isNcName(s.slice(0, colon)) && isNcName(s.slice(colon + 1));
};
const prefixOf = (qname: string): string => {
  const colon = qname.indexOf(':');
  return colon < 0 ? '' : qname.slice(0, colon);
};
/** A namespace declaration as an attribute of a start tag. */
export const declaration = ([prefix, uri]: Binding): Binding => [prefix ? `xmlns:${prefix}` : 'xmlns', uri];
const declarationText = (binding: Binding) => {
  const [name, uri] = declaration(binding);
  return ` ${name}="${escapeAttribute(uri)}"`;
};

/**
 * The checks and preparation of content kept aside: where it may stand, the namespace declarations it needs, each
 * kept element read once (by the reader of src/xml) where only what the model states is in scope.
 */
export class KeptPlaces {
  /** the namespace bindings in scope where the writer is ('' → '' while there is no default namespace) */
  scope: Map<string, string>;

  constructor(
    private readonly prefix: Record<NamespaceKey, string>,
    private readonly highest: number,
    private readonly encoding: string,
    private readonly extrasByPath: Map<string, ExtraElement[]>,
    private readonly issues: BuildIssue[],
  ) {
    this.scope = new Map([
      ['xml', NS.xml],
      ['', ''],
    ]);
    for (const key of ['m104', 'm100'] as const) this.scope.set(prefix[key], NS[key]);
  }

  private issue(path: string, message: string) {
    this.issues.push({ path, message });
  }

  /** Whether the text holds a character the encoding lacks. */
  beyond(text: string): boolean {
    if (this.highest >= 0x10ffff) return false;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > this.highest) return true;
    return false;
  }

  /**
   * Checks and prepares what is kept aside at `path`, before the element's start tag is written: the namespace
   * declarations its content needs (on this element, once; on a kept element itself where this element cannot take
   * them), attributes, and each kept element read once.
   */
  place(path: string, kind: ChildSpec['kind'], spec: ElementSpec | undefined, value: unknown): Place {
    const extras = this.extrasByPath.get(path);
    if (!extras) return NOTHING_KEPT;
    this.extrasByPath.delete(path); // written once, here; what is left at the end had nowhere to go
    const place: Place = { start: [], content: [], inline: [], attributes: new Map(), fragments: new Map() };
    const declare: Declarations = new Map();
    const own = new Map<ExtraElement, { carries: Binding[]; root: XmlElement }>(); // declarations a kept element must carry itself
    for (const extra of extras) {
      if (!this.fits(extra, path, kind)) continue;
      if (extra.reason === 'attribute') {
        const attribute = this.attribute(extra, path, declare);
        if (attribute !== undefined) {
          place.attributes.set(extra, attribute);
          if (extra.inline) place.inline.push(extra);
        }
        continue;
      }
      if (extra.reason === 'text') {
        if (this.textFits(extra, path, kind, place)) (extra.inline ? place.inline : place.content).push(extra);
        continue;
      }
      if (kind === 'object' && !extra.inline) {
        const problem = readAs(extra, spec!, value as Record<string, unknown>);
        if (problem) {
          this.issue(path, problem);
          continue;
        }
      } else if (extra.reason !== 'unknown' && !extra.inline) {
        this.issue(
          path,
          `${describe(extra)} inside a ${kind === 'flag' ? 'flag' : 'text'} element: a reader finds any element there unknown (reason "unknown")`,
        );
        continue;
      }
      const bound = this.bindings(extra, path, declare);
      if (bound === undefined) continue;
      own.set(extra, bound);
      (extra.inline ? place.inline : place.content).push(extra);
    }
    for (const [prefix, { uri, write }] of declare) {
      if (!write) continue;
      (place.scope ??= new Map(this.scope)).set(prefix, uri);
      place.start.push(declaration([prefix, uri]));
    }
    const outside = [...place.attributes.keys()].filter((e) => !e.inline);
    for (const extra of outside) place.start.push(place.attributes.get(extra)!);
    if (outside.length > 1) this.distinctAttributes(outside, path, place.scope ?? this.scope);
    for (const [extra, { carries, root }] of own) {
      const markup = this.markup(extra, path, carries, root);
      if (markup !== undefined) place.fragments.set(extra, { markup, root });
    }
    return place;
  }

  /** Whether what is kept aside has a place of the kind the element offers. */
  private fits(extra: ExtraElement, path: string, kind: ChildSpec['kind']): boolean {
    if (extra.inline && kind !== 'formatted') {
      this.issue(path, `${describe(extra)} has a place inside formatted text (inline), but ${path} holds none`);
      return false;
    }
    if (!extra.inline && kind === 'formatted' && extra.reason !== 'attribute') {
      this.issue(
        path,
        `${describe(extra)} inside formatted text needs its place there (inline.at): without it, it cannot be written where it stood`,
      );
      return false;
    }
    if (extra.reason === 'attribute' && extra.inline?.span !== undefined) {
      this.issue(path, `${describe(extra)}: an attribute belongs to a Break or Bold … (inline.at without span)`);
      return false;
    }
    return true;
  }

  /** Whether text kept aside would be read back as it is, where it is. */
  private textFits(extra: ExtraElement, path: string, kind: ChildSpec['kind'], place: Place): boolean {
    const bad = firstNonChar(extra.xml);
    const problem =
      bad >= 0
        ? `text kept aside holds ${codePointName(extra.xml, bad)}, which XML cannot carry`
        : extra.name !== '#text' || extra.namespace !== ''
          ? `text kept aside has the name "#text" and no namespace, not ${shown(extra.name)} in ${shown(extra.namespace)}`
          : trimXmlSpace(extra.xml) === ''
            ? 'text kept aside is only white space: a reader would not keep it'
            : kind === 'text'
              ? 'text kept aside inside a text element would be read as part of its value'
              : kind === 'flag' && trimXmlSpace(extra.xml) !== extra.xml
                ? 'text kept aside inside a flag element is read trimmed: give it without white space at its ends'
                : kind === 'flag' && place.content.some((e) => e.reason === 'text')
                  ? 'a flag element holds one text kept aside: a reader joins its texts into one'
                  : extra.inline && extra.inline.span !== undefined
                    ? 'text kept aside inside formatted text belongs in a Break (inline.at without span)'
                    : undefined;
    if (problem) this.issue(path, problem);
    return problem === undefined;
  }

  /** A binding a kept-aside element needs: its problem, if it cannot be written at all. */
  private badBinding(prefix: string, uri: string): string | undefined {
    if (prefix !== '' && !isNcName(prefix)) return `${shown(prefix)} is no namespace prefix (an XML name without a colon)`;
    if (prefix === 'xmlns') return 'the prefix xmlns cannot be declared';
    if (RESERVED_NAMES.has(prefix)) return `the prefix ${prefix} is refused by readers (prototype pollution)`;
    if ((prefix === 'xml') !== (uri === NS.xml)) return `the prefix xml and the namespace ${NS.xml} belong to each other only`;
    if (uri === NS.xmlns) return `the namespace ${NS.xmlns} cannot be bound`;
    if (prefix !== '' && uri === '') return `the prefix ${prefix} cannot be bound to no namespace`;
    if (this.beyond(prefix))
      return `the prefix ${shown(prefix)} cannot be written in ${this.encoding}: a name cannot be a character reference`;
    if (firstNonChar(uri) >= 0) return `the namespace ${shown(uri)} holds a character XML cannot carry`;
    return undefined;
  }

  /**
   * The bindings a kept-aside element needs: its own prefix's (`namespace`, unless it declares it itself) and those
   * of `namespaces`, which must be exactly the ones it uses from outside (an unprefixed name without one is in no
   * namespace): it means what the model says wherever it is written. Each is declared on the element that holds it
   * where it is not in scope there, or — when that element cannot take it (it uses the prefix itself, or another kept
   * element needs it bound otherwise) — on the kept element's own start tag. Returns those own declarations and the
   * element as read; undefined when it cannot be written.
   */
  private bindings(extra: ExtraElement, path: string, declare: Declarations): { carries: Binding[]; root: XmlElement } | undefined {
    const xml = extra.xml;
    const refuse = (why: string) => {
      this.issue(path, `${describe(extra)}: ${why}`);
      return undefined;
    };
    const nameStop = xml.charCodeAt(0) === 0x3c ? nameEnd(xml, 1) : 1;
    if (nameStop === 1) return refuse(`its xml does not start with an element (${shown(xml)})`);
    const rootPrefix = prefixOf(xml.slice(1, nameStop));
    const stated = new Map(Object.entries(extra.namespaces ?? {}));
    for (const [prefix, uri] of stated) {
      const bad = this.badBinding(prefix, uri);
      if (bad) return refuse(bad);
    }
    if (stated.has(rootPrefix)) return refuse(`namespaces lists its own prefix ${shown(rootPrefix)}: that binding is its namespace`);
    // read once, where only what the model states is in scope (its own prefix too, unless it declares that itself)
    const rootBad = this.badBinding(rootPrefix, extra.namespace);
    const isolated = new Map(stated);
    if (!rootBad) isolated.set(rootPrefix, extra.namespace);
    const read = this.read(extra, path, isolated, rootBad);
    if (!read) return undefined;
    const { root } = read;
    const declaresOwn = root.declarations?.some(([prefix]) => prefix === rootPrefix) ?? false;
    if (rootBad && !declaresOwn) return refuse(rootBad);
    if (root.ns !== extra.namespace || root.local !== extra.name) {
      this.issue(
        path,
        `${describe(extra)} cannot be written: its xml is the element ${root.local} in ${shown(root.ns || '(no namespace)')}, not ${extra.name} in ${shown(extra.namespace || '(no namespace)')}`,
      );
      return undefined;
    }
    const used = outerBindings(root, (prefix) => isolated.get(prefix) ?? (prefix === '' ? '' : undefined)) ?? {};
    for (const prefix of stated.keys())
      if (!Object.hasOwn(used, prefix))
        return refuse(`namespaces lists ${shown(prefix)}, which it does not take from outside (a reader would not list it)`);
    const needed: Binding[] = [...(declaresOwn ? [] : [[rootPrefix, extra.namespace] as const]), ...Object.entries(used)];
    const carries: Binding[] = [];
    for (const [prefix, uri] of needed) {
      const here = declare.get(prefix);
      if (here) {
        if (here.uri !== uri) carries.push([prefix, uri]);
      } else if (this.scope.get(prefix) === uri) {
        declare.set(prefix, { uri, write: false }); // relied on: no other kept content may rebind it here
      } else if (prefix === this.prefix.m104 || prefix === this.prefix.m100) {
        carries.push([prefix, uri]);
      } else {
        declare.set(prefix, { uri, write: true });
      }
    }
    return { carries, root };
  }

  /** The kept element read by our own reader inside `bindings`: one well-formed element, nothing before or after it. */
  private read(
    extra: ExtraElement,
    path: string,
    bindings: Map<string, string>,
    rootBad: string | undefined,
  ): { root: XmlElement } | undefined {
    const xml = extra.xml;
    const head = `<w${[...bindings]
      .filter(([prefix, uri]) => !(prefix === '' && uri === ''))
      .map(declarationText)
      .join('')}>`;
    const result = parseXml(`${head}${xml}</w>`, REREAD_LIMITS);
    const refuse = (why: string) => {
      this.issue(path, `${describe(extra)} cannot be written: ${why}`);
      return undefined;
    };
    if (!result.ok) {
      if (rootBad) return refuse(rootBad);
      return refuse(`it is not well-formed XML where it stands (${result.finding.message})`);
    }
    const wrapper = result.doc.root;
    const root = wrapper.children[0];
    if (
      wrapper.children.length !== 1 ||
      root === undefined ||
      typeof root === 'string' ||
      root.start !== head.length ||
      root.end !== head.length + xml.length
    ) {
      return refuse(`it must be exactly one element with nothing before or after it, not ${shown(xml)}`);
    }
    return { root };
  }

  /**
   * The kept element as it will be written: with the declarations it must carry itself, and in an encoding with
   * fewer characters re-spelt (references where XML allows them); refused where it allows none.
   */
  private markup(extra: ExtraElement, path: string, carries: Binding[], root: XmlElement): string | undefined {
    const stop = root.qname.length + 1;
    const xml = carries.length ? extra.xml.slice(0, stop) + carries.map(declarationText).join('') + extra.xml.slice(stop) : extra.xml;
    try {
      return markupIn(xml, this.highest);
    } catch (error) {
      if (!(error instanceof XmlEncodingError)) throw error;
      this.issue(
        path,
        `${describe(extra)} cannot be written in ${this.encoding}: ${error.where} holds a character it lacks, and XML allows no reference there`,
      );
      return undefined;
    }
  }

  /** An attribute kept aside: a QName that is no namespace declaration, its prefix bound. */
  private attribute(extra: ExtraElement, path: string, declare: Declarations): Binding | undefined {
    const name = extra.name;
    const refuse = (why: string) => {
      this.issue(path, `the attribute ${shown(name)} kept aside: ${why}`);
      return undefined;
    };
    if (!isQName(name))
      return refuse('this is no XML attribute name (a qualified name: an XML name, at most one colon between prefix and local name)');
    const prefix = prefixOf(name);
    const local = prefix ? name.slice(prefix.length + 1) : name;
    if (name === 'xmlns' || prefix === 'xmlns')
      return refuse('a namespace declaration is no attribute; the builder declares what is needed');
    if (RESERVED_NAMES.has(local) || RESERVED_NAMES.has(prefix)) return refuse('readers refuse this name (prototype pollution)');
    if (this.beyond(name)) return refuse(`it cannot be written in ${this.encoding}: a name cannot be a character reference`);
    const bad = firstNonChar(extra.xml);
    if (bad >= 0) return refuse(`its value holds ${codePointName(extra.xml, bad)}, which XML cannot carry`);
    if (!prefix) {
      if (extra.namespace !== '') return refuse(`an attribute without a prefix is in no namespace, not ${shown(extra.namespace)}`);
      return [name, extra.xml];
    }
    // Read before namespaces were kept, a prefixed attribute had namespace ''; the builder's own prefixes (and xml) still say which.
    const uri =
      extra.namespace ||
      (prefix === 'xml' ? NS.xml : prefix === this.prefix.m104 ? NS.m104 : prefix === this.prefix.m100 ? NS.m100 : undefined);
    if (!uri) return refuse(`its prefix ${prefix} is bound to no namespace (give the namespace)`);
    const badBinding = this.badBinding(prefix, uri);
    if (badBinding) return refuse(badBinding);
    const here = declare.get(prefix);
    if (here) {
      if (here.uri !== uri) return refuse(`its prefix ${prefix} is needed for ${shown(here.uri)} on the same element`);
    } else if (this.scope.get(prefix) === uri) {
      declare.set(prefix, { uri, write: false });
    } else if (prefix === this.prefix.m104 || prefix === this.prefix.m100) {
      return refuse(`its prefix ${prefix} is the builder's for a MedCom namespace, not ${shown(uri)} (choose other prefixes)`);
    } else {
      declare.set(prefix, { uri, write: true });
    }
    return [name, extra.xml];
  }

  /** No two attributes of one start tag with the same name, or the same namespace and local name. */
  distinctAttributes(attributes: readonly ExtraElement[], path: string, scope: Map<string, string>): void {
    const seen = new Set<string>();
    for (const extra of attributes) {
      const prefix = prefixOf(extra.name);
      const expanded = prefix ? `{${scope.get(prefix)}}${extra.name.slice(prefix.length + 1)}` : extra.name;
      if (seen.has(expanded)) this.issue(path, `the attribute ${shown(extra.name)} is kept aside twice on one element`);
      seen.add(expanded);
    }
  }
}

/** Why an element kept aside in an element of the plan would not be read back as kept aside (with its reason), if it would not. */
function readAs(extra: ExtraElement, spec: ElementSpec, value: Record<string, unknown>): string | undefined {
  const child = spec.byLocal.get(extra.name);
  const known = child !== undefined && (child.nsUris.includes(extra.namespace) || MEDCOM_NAMESPACES.has(extra.namespace));
  if (!known)
    return extra.reason === 'unknown'
      ? undefined
      : `${describe(extra)}: a reader finds no such element here, so it would be read back as unknown, not ${extra.reason}`;
  const present = value[child.prop];
  const full = child.many ? Array.isArray(present) && present.length >= child.max : present !== undefined;
  if (!full)
    return `${describe(extra)} is an element of the plan here: written, it would be read as ${child.prop}, not kept aside (put it in the model instead)`;
  return extra.reason === 'repeated'
    ? undefined
    : `${describe(extra)} is an element of the plan here and would be read back as repeated, not ${extra.reason}`;
}
