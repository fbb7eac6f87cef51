import type { z } from 'zod';
import { NS, type NamespaceKey } from '../standard/namespaces';
import { xmlMappingOf, type XmlMapping } from './dsl';

/** What the binder needs to know about one child property, compiled once from the zod schema. */
export interface ChildSpec {
  prop: string;
  name: string;
  /** namespace URIs accepted without a remark; the first is the standard's */
  nsUris: readonly string[];
  nsKeys: readonly NamespaceKey[];
  min: number;
  max: number;
  many: boolean;
  kind: 'text' | 'formatted' | 'flag' | 'object';
  element?: ElementSpec;
  /** its place among its parent's children: the standard's order */
  index: number;
}

export interface ElementSpec {
  children: ChildSpec[];
  /** by local name: no G-GOP element has two children of the same local name in different namespaces */
  byLocal: Map<string, ChildSpec>;
  byProp: Map<string, ChildSpec>;
}

type Def = { type: string; innerType?: z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType>; checks?: { _zod: { def: { check: string; minimum?: number; maximum?: number } } }[] };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

function compileChild(prop: string, schema: z.ZodType): ChildSpec | undefined {
  let min = 1;
  let max = 1;
  let many = false;
  let current = schema;
  let def = defOf(current);
  if (def.type === 'optional') { min = 0; current = def.innerType!; def = defOf(current); }
  if (def.type === 'array') {
    many = true;
    max = Infinity;
    if (min === 1) min = 0;
    for (const check of def.checks ?? []) {
      if (check._zod.def.check === 'min_length') min = Math.max(min, check._zod.def.minimum!);
      if (check._zod.def.check === 'max_length') max = check._zod.def.maximum!;
    }
    // An optional array is absent or has at least its minimum; an absent one needs no items.
    if (defOf(schema).type === 'optional') min = 0;
    current = def.element!;
    def = defOf(current);
  }
  const mapping: XmlMapping | undefined = xmlMappingOf(current);
  if (!mapping) return undefined;
  const kind = mapping.formatted ? 'formatted' : def.type === 'literal' ? 'flag' : def.type === 'object' ? 'object' : 'text';
  return {
    prop,
    name: mapping.name,
    nsKeys: mapping.ns,
    nsUris: mapping.ns.map((key) => NS[key]),
    min,
    max,
    many,
    kind,
    element: kind === 'object' ? compileElement(current) : undefined,
    index: -1, // set by compileElement
  };
}

const compiled = new WeakMap<object, ElementSpec>();

export function compileElement(schema: z.ZodType): ElementSpec {
  const cached = compiled.get(schema);
  if (cached) return cached;
  const spec: ElementSpec = { children: [], byLocal: new Map(), byProp: new Map() };
  compiled.set(schema, spec);
  for (const [prop, child] of Object.entries(defOf(schema).shape ?? {})) {
    const childSpec = compileChild(prop, child);
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
  return compileChild('', schema)!;
}
