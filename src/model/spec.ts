import { z } from 'zod';
import { NS, type NamespaceKey, type XmlNamespaceKey } from '../standard/namespaces';
import { FormattedTextSchema } from './formatted';

/**
 * The model spec: how a zod schema maps to XML (the DSL below, kept in a registry of our own so that JSON Schema and
 * other zod metadata stay free of it) and what the binder, the validator and the builder compile from it.
 */
export interface XmlMapping {
  name: string;
  /** first = the namespace the standard uses (and the builder writes); the rest are accepted silently */
  ns: readonly XmlNamespaceKey[];
  /** formatted text (mixed content with Break/Bold/Italic/Underline) */
  formatted?: true;
  /** not a child element: the element's attribute `name` (attr) or the element's own text (ownText) */
  from?: 'attribute' | 'text';
  /** present or absent, carrying nothing (flag) */
  flag?: true;
  /** the one value the element may hold (fixed): a writer writes it, a check refuses another */
  fixed?: string;
  /** formatted text read as plain text (lines): a Break is a line break, other markup's text is kept */
  lines?: true;
  /** written on one line, its children without indentation (the layout MedCom's examples use for it) */
  oneLine?: true;
}

export const xmlRegistry = z.registry<XmlMapping>();

const nsList = (ns: XmlNamespaceKey | readonly XmlNamespaceKey[]) => (typeof ns === 'string' ? [ns] : ns);

type Layout = Pick<XmlMapping, 'oneLine'>;

/** A copy of `schema` mapped to XML. A copy: one schema (PartySchema) stands under several element names. */
export function el<T extends z.ZodType>(ns: XmlNamespaceKey | readonly XmlNamespaceKey[], name: string, schema: T, layout?: Layout): T {
  return mapped(schema, { name, ns: nsList(ns), ...layout });
}

function mapped<T extends z.ZodType>(schema: T, mapping: XmlMapping): T {
  const copy = schema.clone();
  const described = z.globalRegistry.get(schema); // a description stays with the copy
  if (described) z.globalRegistry.add(copy, described);
  xmlRegistry.add(copy, mapping);
  return copy;
}

/** A leaf element: its text exactly as sent, surrounding whitespace trimmed; `value` constrains it (lengths, a code list). */
export function text<T extends z.ZodType<string> = z.ZodString>(
  ns: XmlNamespaceKey | readonly XmlNamespaceKey[],
  name: string,
  value?: T,
): T {
  return el(ns, name, value ?? (z.string() as z.ZodType<string> as T));
}

/** A leaf element that holds one fixed value (a receipt's Letter/VersionCode). */
export const fixed = <V extends string>(ns: XmlNamespaceKey, name: string, value: V) =>
  mapped(z.literal(value), { name, ns: [ns], fixed: value });

/** Formatted text read as plain text, a Break as a line break (a receipt's RefuseText); `value` constrains it. */
export const lines = <T extends z.ZodType<string>>(ns: XmlNamespaceKey, name: string, value: T) =>
  mapped(value, { name, ns: [ns], lines: true });

/** A property read from the element's attribute `name` (as written), not from a child element. */
export const attr = (name: string) => mapped(z.string(), { name, ns: [], from: 'attribute' });

/** A property holding the element's own text, for an element with attributes and a value (VANS's SenderID). */
export const ownText = () => mapped(z.string(), { name: '#text', ns: [], from: 'text' });

/** Either namespace: the standard's examples put Date and Time in m100 or m104 depending on the parent. */
export const EITHER: readonly NamespaceKey[] = ['m104', 'm100'];

/** A formatted-text element: `{ text, content }`. */
export const formatted = (ns: XmlNamespaceKey, name: string) => mapped(FormattedTextSchema, { name, ns: [ns], formatted: true });

/** An element that is present or absent and carries nothing else, such as `Deselected`. */
export const flag = (ns: XmlNamespaceKey, name: string) => mapped(z.literal(true), { name, ns: [ns], flag: true });

export function xmlMappingOf(schema: z.ZodType): XmlMapping | undefined {
  return xmlRegistry.get(schema);
}

/** What the binder needs to know about one child property, compiled once from the zod schema. */
export interface ChildSpec {
  prop: string;
  name: string;
  /** namespace URIs accepted without a remark; the first is the standard's */
  nsUris: readonly string[];
  nsKeys: readonly XmlNamespaceKey[];
  min: number;
  max: number;
  many: boolean;
  kind: 'text' | 'formatted' | 'flag' | 'object';
  element?: ElementSpec;
  /** text: the one value it may hold */
  fixed?: string;
  /** text: formatted text read as plain text (a Break is a line break) */
  lines?: true;
  /** object: written on one line */
  oneLine?: true;
  /** its place among its parent's children: the standard's order */
  index: number;
}

export interface ElementSpec {
  children: ChildSpec[];
  /** by local name: no G-GOP element has two children of the same local name in different namespaces */
  byLocal: Map<string, ChildSpec>;
  byProp: Map<string, ChildSpec>;
  /** properties read from the element's own attributes (attr), by attribute name */
  attributes: { prop: string; name: string }[];
  /** the property holding the element's own text (ownText) */
  text?: string;
}

/**
 * An array's .min()/.max() as JSON Schema states them: zod has no public getter for an array's bounds, so its checks
 * (public through .def) go on an array of nothing, which renders without walking the element.
 */
function arrayBounds(array: z.ZodArray): { min: number; max: number } {
  const checks = array.def.checks ?? [];
  if (checks.length === 0) return { min: 0, max: Infinity };
  const json = z.toJSONSchema(z.array(z.unknown()).check(...(checks as z.core.$ZodCheck<unknown[]>[]))) as {
    minItems?: number;
    maxItems?: number;
  };
  return { min: json.minItems ?? 0, max: json.maxItems ?? Infinity };
}

function compileChild(prop: string, schema: z.ZodType): ChildSpec | undefined {
  let min = 1;
  let max = 1;
  let many = false;
  let current = schema;
  // .optional() and z.array() wrap the registered schema in new ones: the mapping is on the innermost.
  const optional = current instanceof z.ZodOptional;
  if (current instanceof z.ZodOptional) {
    min = 0;
    current = current.unwrap() as z.ZodType;
  }
  if (current instanceof z.ZodArray) {
    many = true;
    const bounds = arrayBounds(current);
    // An optional array is absent or has at least its minimum; an absent one needs no items.
    min = optional ? 0 : bounds.min;
    max = bounds.max;
    current = current.element as z.ZodType;
  }
  const mapping = xmlMappingOf(current);
  if (!mapping) return undefined;
  const kind = mapping.formatted ? 'formatted' : mapping.flag ? 'flag' : current instanceof z.ZodObject ? 'object' : 'text';
  return {
    prop,
    name: mapping.name,
    nsKeys: mapping.ns,
    nsUris: mapping.ns.map((key) => NS[key]),
    min,
    max,
    many,
    kind,
    element: current instanceof z.ZodObject && kind === 'object' ? compileElement(current) : undefined,
    index: -1, // set by compileElement
    ...(mapping.fixed === undefined ? {} : { fixed: mapping.fixed }),
    ...(mapping.lines ? { lines: true } : {}),
    ...(mapping.oneLine ? { oneLine: true } : {}),
  };
}

const compiled = new WeakMap<object, ElementSpec>();

export function compileElement(schema: z.ZodObject): ElementSpec {
  const cached = compiled.get(schema);
  if (cached) return cached;
  const spec: ElementSpec = { children: [], byLocal: new Map(), byProp: new Map(), attributes: [] };
  compiled.set(schema, spec);
  for (const [prop, child] of Object.entries(schema.shape)) {
    const own = xmlMappingOf(child instanceof z.ZodOptional ? (child.unwrap() as z.ZodType) : (child as z.ZodType));
    if (own?.from === 'attribute') spec.attributes.push({ prop, name: own.name });
    if (own?.from === 'text') spec.text = prop;
    if (own?.from) continue;
    const childSpec = compileChild(prop, child as z.ZodType);
    if (!childSpec) continue;
    childSpec.index = spec.children.length;
    spec.children.push(childSpec);
    spec.byProp.set(prop, childSpec);
    spec.byLocal.set(childSpec.name, childSpec);
  }
  return spec;
}

/** The root element's own spec, as a child of an imaginary document node. */
export function compileRoot(schema: z.ZodType): ChildSpec {
  const root = compileChild('', schema);
  if (!root?.element) throw new Error('a root schema is an el() object');
  return root;
}
