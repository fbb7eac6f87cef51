import { NS, type XmlNamespaceKey } from '../standard/namespaces';
import type { OutElement, OutNode } from '../xml/serialize';
import type { ChildSpec, ElementSpec } from './spec';

/**
 * Object → element tree by a compiled spec (compileRoot), the way back of readBySpec: children in the spec's order, a
 * list as one element per item, attributes (attr) and own text (ownText) where the spec puts them, a fixed element's
 * value whatever the object says. The root's namespace is the default one; elements of another namespace of the spec
 * take its key as their prefix, declared on the root. The value is written as given: check it first (the schema's
 * safeParse), and serializeXml (src/xml/serialize.ts) escapes it.
 */
export function writeBySpec(root: ChildSpec, value: Record<string, unknown>): OutElement {
  const defaultNs = root.nsKeys[0]!;
  const used = new Set<XmlNamespaceKey>();
  const element = writeElement(root, value, { defaultNs, used });
  const declarations: [string, string][] = [['xmlns', NS[defaultNs]]];
  for (const key of used) declarations.push([`xmlns:${key}`, NS[key]]);
  return { ...element, attributes: [...declarations, ...(element.attributes ?? [])] };
}

interface Scope {
  defaultNs: XmlNamespaceKey;
  used: Set<XmlNamespaceKey>;
}

function writeElement(spec: ChildSpec, value: unknown, scope: Scope): OutElement {
  const ns = spec.nsKeys[0]!;
  if (ns !== scope.defaultNs) scope.used.add(ns);
  const name = ns === scope.defaultNs ? spec.name : `${ns}:${spec.name}`;
  switch (spec.kind) {
    case 'object': {
      const { attributes, children } = content(spec.element!, value as Record<string, unknown>, scope);
      // one line: an empty text first, and serializeXml adds no white space inside (as in an element with text)
      const layout = spec.oneLine && children.length > 0 ? [''] : [];
      return { name, ...(attributes.length ? { attributes } : {}), children: [...layout, ...children] };
    }
    case 'flag':
      return { name };
    case 'text':
      return { name, children: [spec.fixed ?? String(value)] };
    case 'formatted':
      throw new Error(`writeBySpec writes no formatted text (${spec.name}): the builder does`);
  }
}

function content(spec: ElementSpec, value: Record<string, unknown>, scope: Scope) {
  const attributes: [string, string][] = [];
  for (const { prop, name } of spec.attributes) {
    const v = value[prop];
    if (v !== undefined) attributes.push([name, String(v)]);
  }
  const children: OutNode[] = [];
  if (spec.text !== undefined && value[spec.text] !== undefined) children.push(String(value[spec.text]));
  for (const child of spec.children) {
    const v = value[child.prop];
    if (v === undefined) continue;
    for (const item of child.many ? (v as unknown[]) : [v]) children.push(writeElement(child, item, scope));
  }
  return { attributes, children };
}
