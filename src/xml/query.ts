import type { XmlElement, XmlNode } from './tree';

/*
 * Small questions asked of the tree, so that readers say what they look for instead of repeating the node type guards.
 * A namespace test is a URI, or a predicate where more than one URI counts (the two MedCom namespaces).
 */

/** A namespace to match: one URI, or a test of the URI. */
export type NamespaceTest = string | ((ns: string) => boolean);

/** Whether a child node is an element (not character data). */
export const isElement = (node: XmlNode): node is XmlElement => typeof node !== 'string';

const matches = (element: XmlElement, local: string, ns: NamespaceTest | undefined): boolean =>
  element.local === local && (ns === undefined || (typeof ns === 'string' ? element.ns === ns : ns(element.ns)));

/** The child elements, in order; only those named `local` (in `ns`, when given) if a name is given. */
export function childElements(element: XmlElement | undefined, local?: string, ns?: NamespaceTest): XmlElement[] {
  const out: XmlElement[] = [];
  if (!element) return out;
  for (const child of element.children) if (isElement(child) && (local === undefined || matches(child, local, ns))) out.push(child);
  return out;
}

/** The first child element named `local` (in `ns`, when given). */
export function firstChild(element: XmlElement | undefined, local: string, ns?: NamespaceTest): XmlElement | undefined {
  if (!element) return undefined;
  for (const child of element.children) if (isElement(child) && matches(child, local, ns)) return child;
  return undefined;
}

/** The character data directly inside an element, joined as read (child elements' text not included). */
export function textOf(element: XmlElement): string {
  const children = element.children;
  if (children.length === 1 && typeof children[0] === 'string') return children[0];
  let text = '';
  for (let i = 0; i < children.length; i++) if (!isElement(children[i]!)) text += children[i];
  return text;
}

/** An attribute's value by its name as written (undefined when absent; nothing inherited counts). */
export function attributeOf(element: XmlElement, qname: string): string | undefined {
  const attrs = element.attrs;
  return attrs && Object.hasOwn(attrs, qname) ? attrs[qname] : undefined;
}
