import { z } from 'zod';
import type { CodeListName } from '../standard/codelists';
import { xmlMappingOf } from './spec';

/*
 * Facts about an element, kept in a zod registry beside the element's schema (src/model/schema.ts): which code list
 * its value is from, what form it has, whether it is personal data, which section of the view shows it. The rules,
 * redaction, the view and the test data read them here instead of keeping tables of property names of their own.
 */

/** The form of a leaf's value, as the format rules check it and the test data makes it. */
export type ValueFormat = 'date' | 'time' | 'cpr' | 'gln' | 'postcode' | 'phone' | 'email' | 'sksDiagnosis' | 'icf';

/**
 * Personal data, by how redaction learns the value: a name whole and word by word; an address whole and its street
 * name alone; a text whole; a number by its digits; a CPR number by its digits, shown as DDMMYY-XXXX.
 */
export type PersonalData = 'name' | 'address' | 'text' | 'number' | 'cpr';

/** The sections of the plan as the viewer shows it (../shared/spec/viewer.md); src/view/texts.ts orders them. */
export type PlanSection =
  | 'plan'
  | 'patient'
  | 'receivers'
  | 'signers'
  | 'consent'
  | 'relatives'
  | 'information'
  | 'practical'
  | 'safety'
  | 'deadline'
  | 'hospital-contact'
  | 'follow-up'
  | 'health'
  | 'ability'
  | 'need'
  | 'diagnoses'
  | 'icf'
  | 'journal'
  | 'contacts'
  | 'team'
  | 'final-result'
  | 'references';

export interface ElementFacts {
  /** the code list its value is from */
  codeList?: CodeListName;
  /** the form its value has */
  format?: ValueFormat;
  /** personal data: masked with redaction */
  personal?: PersonalData;
  /** the section of the view that shows it (and everything inside it, unless a child names another) */
  section?: PlanSection;
}

const factsRegistry = z.registry<ElementFacts>();

/** `schema` with `facts` registered on it: call it on the element's own schema (what text() or el() returned). */
export function withFacts<T extends z.ZodType>(schema: T, facts: ElementFacts): T {
  factsRegistry.add(schema, { ...factsRegistry.get(schema), ...facts });
  return schema;
}

// ---------------------------------------------------------------------------------------------------------------
// lookups

/** One property of an element: its facts (from every wrapper: optional, array, the element) and its own children. */
export interface FactNode {
  facts?: ElementFacts;
  children?: FactChildren;
}
interface FactChildren {
  byProp: Map<string, FactNode>;
  /** by the element's local name */
  byName: Map<string, FactNode>;
}

function nodeOf(schema: z.ZodType, shapes: WeakMap<object, FactChildren>): FactNode {
  let facts: ElementFacts | undefined;
  let current: z.ZodType = schema;
  for (;;) {
    const own = factsRegistry.get(current);
    if (own) facts = { ...facts, ...own };
    if (current instanceof z.ZodOptional) current = current.unwrap() as z.ZodType;
    else if (current instanceof z.ZodArray) current = current.element as z.ZodType;
    else break;
  }
  return { facts, children: current instanceof z.ZodObject ? childrenOf(current, shapes) : undefined };
}

/** Compiled once per shape: PartySchema's children are the same whichever element name it stands under. */
function childrenOf(schema: z.ZodObject, shapes: WeakMap<object, FactChildren>): FactChildren {
  const shape = schema.shape;
  const cached = shapes.get(shape);
  if (cached) return cached;
  const children: FactChildren = { byProp: new Map(), byName: new Map() };
  shapes.set(shape, children);
  for (const [prop, child] of Object.entries(shape)) {
    const node = nodeOf(child as z.ZodType, shapes);
    children.byProp.set(prop, node);
    const name = xmlMappingOf(innermost(child as z.ZodType))?.name;
    if (name !== undefined) children.byName.set(name, node);
  }
  return children;
}

const innermost = (schema: z.ZodType): z.ZodType =>
  schema instanceof z.ZodOptional
    ? innermost(schema.unwrap() as z.ZodType)
    : schema instanceof z.ZodArray
      ? innermost(schema.element as z.ZodType)
      : schema;

/** The facts of one document's schema, looked up by model path or by element path; compiled on first use. */
export interface FactsOfDocument {
  /** The facts of the element at a model path (`['rehabilitationPlan', 'patient', 'civilRegistrationNumber']`; indexes skipped). */
  at(path: readonly (string | number)[]): ElementFacts | undefined;
  /**
   * The facts of each element along an element path of local names below the root (`['RehabilitationPlan', 'Patient']`),
   * as far as the schema knows the steps.
   */
  along(names: readonly string[]): ElementFacts[];
  /** Every property name that holds personal data, and how; the same property is the same kind wherever it stands. */
  readonly personalProperties: ReadonlyMap<string, PersonalData>;
  /** The same, by the element's local name (for XML kept aside as written). */
  readonly personalElements: ReadonlyMap<string, PersonalData>;
  /** Every property name whose element has a fact that `test` accepts somewhere. */
  propertiesWith(test: (facts: ElementFacts) => boolean): readonly string[];
  /** The facts of a property when they are the same wherever it stands (none: `{}`); undefined when they differ. */
  sameEverywhere(prop: string): ElementFacts | undefined;
}

/** The facts of the element `schema` and of everything inside it, as the lookups below walk them (plain data). */
export const factNodeOf = (schema: z.ZodType): FactNode => nodeOf(schema, new WeakMap());

/**
 * The facts of a document, from its root element's fact node (factNodeOf of its schema): compiled at the first lookup,
 * from the node the thunk gives (src/model/schema.ts stores it, src/model/model-table.ts).
 */
export function factsOfNode(root: () => FactNode): FactsOfDocument {
  /** `all`: every property of every shape once (a shared shape once), with its facts if it has any */
  let compiled: { root: FactChildren; all: { prop: string; name?: string; facts?: ElementFacts }[] } | undefined;
  const get = () => {
    if (compiled) return compiled;
    const rootNode = root();
    const all: { prop: string; name?: string; facts?: ElementFacts }[] = [];
    const seen = new Set<FactChildren>();
    const walk = (children: FactChildren | undefined) => {
      if (!children || seen.has(children)) return;
      seen.add(children);
      const names = new Map([...children.byName].map(([name, node]) => [node, name]));
      for (const [prop, node] of children.byProp) {
        all.push({ prop, name: names.get(node), facts: node.facts });
        walk(node.children);
      }
    };
    walk(rootNode.children);
    compiled = { root: rootNode.children ?? { byProp: new Map(), byName: new Map() }, all };
    return compiled;
  };
  let personal: { properties: Map<string, PersonalData>; elements: Map<string, PersonalData> } | undefined;
  const personalData = () => {
    if (personal) return personal;
    const properties = new Map<string, PersonalData>();
    const elements = new Map<string, PersonalData>();
    for (const { prop, name, facts } of get().all) {
      if (!facts?.personal) continue;
      const before = properties.get(prop);
      // redaction masks by property name, wherever it stands: one name, one kind
      if (before !== undefined && before !== facts.personal)
        throw new Error(`${prop} is personal data of two kinds: ${before}, ${facts.personal}`);
      properties.set(prop, facts.personal);
      if (name !== undefined) elements.set(name, facts.personal);
    }
    personal = { properties, elements };
    return personal;
  };
  let same: Map<string, ElementFacts | undefined> | undefined;
  const key = (facts: ElementFacts | undefined) => JSON.stringify(facts ?? {}, Object.keys(facts ?? {}).sort());
  const sameByProp = () => {
    if (same) return same;
    same = new Map();
    const seen = new Map<string, string>();
    for (const { prop, facts } of get().all) {
      const before = seen.get(prop);
      if (before === undefined) {
        seen.set(prop, key(facts));
        same.set(prop, facts ?? {});
      } else if (before !== key(facts)) same.set(prop, undefined);
    }
    return same;
  };
  return {
    sameEverywhere: (prop) => sameByProp().get(prop),
    at(path) {
      let children: FactChildren | undefined = get().root;
      let node: FactNode | undefined;
      for (const step of path) {
        if (typeof step === 'number') continue;
        node = children?.byProp.get(step);
        if (!node) return undefined;
        children = node.children;
      }
      return node?.facts;
    },
    along(names) {
      const out: ElementFacts[] = [];
      let children: FactChildren | undefined = get().root;
      for (const name of names) {
        const node: FactNode | undefined = children?.byName.get(name);
        if (!node) break;
        if (node.facts) out.push(node.facts);
        children = node.children;
      }
      return out;
    },
    get personalProperties() {
      return personalData().properties;
    },
    get personalElements() {
      return personalData().elements;
    },
    propertiesWith(test) {
      return [
        ...new Set(
          get()
            .all.filter(({ facts }) => facts && test(facts))
            .map(({ prop }) => prop),
        ),
      ];
    },
  };
}
