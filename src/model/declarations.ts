import { NS } from '../standard/namespaces';
import { isElement } from '../xml/query';
import type { XmlElement } from '../xml/tree';

/*
 * Namespace bindings as the tree keeps them (each element's own declarations): what the binder resolves attribute
 * names with and the builder checks kept content with. Apart from the binder, so that the builder need not import it.
 */

/**
 * Schema-location hints (xsi:schemaLocation, xsi:noNamespaceSchemaLocation, or the same names unprefixed, as some
 * senders write them) point at the sender's copy of the XSD: no content, and the public example carries one. They
 * are the one thing the reader drops without a finding. Every other attribute, xml: and xsi: ones included, is kept.
 */
const SCHEMA_HINTS = new Set(['schemaLocation', 'noNamespaceSchemaLocation']);
const isSchemaHint = (namespace: string, local: string) => (namespace === '' || namespace === NS.xsi) && SCHEMA_HINTS.has(local);

/** Namespace bindings in scope (prefix → URI, '' the default namespace); null-prototype chains. */
export type Scope = Record<string, string>;
const BASE_SCOPE: Scope = Object.assign(Object.create(null) as Scope, { xml: NS.xml });

/** The elements open around a place in the tree, and their scopes (computed only when asked for). */
export class OpenElements {
  private readonly open: XmlElement[] = [];
  /** the scope inside each open element, for the first `known` of them (the rest are left from elements since closed) */
  private readonly scopes: Scope[] = [];
  private known = 0;

  enter(element: XmlElement) {
    this.open.push(element);
  }

  leave() {
    this.open.pop();
    if (this.known > this.open.length) this.known = this.open.length;
  }

  /** The namespace bindings in scope inside the innermost open element. */
  scope(): Scope {
    let scope = this.known > 0 ? this.scopes[this.known - 1]! : BASE_SCOPE;
    for (let i = this.known; i < this.open.length; i++) {
      const declarations = this.open[i]!.declarations;
      if (declarations) {
        scope = Object.create(scope) as Scope;
        for (const [prefix, uri] of declarations) scope[prefix] = uri;
      }
      this.scopes[i] = scope;
    }
    this.known = this.open.length;
    return scope;
  }

  /** The attributes of the innermost open element `element` that a reader keeps aside, as [name, namespace, value]. */
  keptAttributes(element: XmlElement): [string, string, string][] {
    const kept: [string, string, string][] = [];
    if (!element.attrs) return kept;
    for (const name in element.attrs) {
      const colon = name.indexOf(':');
      const namespace = colon < 0 ? '' : (this.scope()[name.slice(0, colon)] ?? '');
      if (!isSchemaHint(namespace, name.slice(colon + 1))) kept.push([name, namespace, element.attrs[name]!]);
    }
    return kept;
  }
}

/**
 * The bindings an element uses (in element and attribute names, at any depth) that come from outside it — `outer`
 * says what they are there ('' for an unbound default namespace) — other than its own prefix's: what a writer must
 * declare for it to mean the same elsewhere. Undefined when there are none.
 */
export function outerBindings(element: XmlElement, outer: (prefix: string) => string | undefined): Record<string, string> | undefined {
  const own = prefixOf(element.qname);
  let needed: Record<string, string> | undefined;
  const visit = (el: XmlElement, inside: Set<string> | undefined) => {
    const declarations = el.declarations;
    if (declarations) {
      inside = new Set(inside);
      for (const [prefix] of declarations) inside.add(prefix);
    }
    const use = (prefix: string) => {
      if (prefix === own || prefix === 'xml' || inside?.has(prefix) || (needed && Object.hasOwn(needed, prefix))) return;
      Object.defineProperty((needed ??= {}), prefix, { value: outer(prefix) ?? '', enumerable: true, writable: true, configurable: true });
    };
    use(prefixOf(el.qname));
    for (const name in el.attrs) if (name.includes(':')) use(prefixOf(name));
    for (const child of el.children) if (isElement(child)) visit(child, inside);
  };
  visit(element, undefined);
  return needed;
}

const prefixOf = (qname: string): string => {
  const colon = qname.indexOf(':');
  return colon < 0 ? '' : qname.slice(0, colon);
};
