import type { ElementFacts } from '../model/element-facts';
import { isFormattedText } from '../model/formatted';
import type { ModelPath } from '../model/locate';
import { MESSAGE_FACTS } from '../model/schema';
import type { RuleContext, ValueAt } from './rule';

/** A step of a path, linked to the one above it: the walk shares them instead of copying a path per object. */
interface Step {
  up: Step | undefined;
  key: string | number;
}

/** The path is built only when a rule asks for it (when it reports), not for every value. */
class IndexedValue implements ValueAt {
  /** its element's facts, once a rule has asked (null: none); they depend only on where the value stands */
  known: ElementFacts | null | undefined;
  constructor(
    readonly value: string,
    /** the value is property `key` of the object at `parentKey` below `parent` (no Step made for that object) */
    private readonly parent: Step | undefined,
    private readonly parentKey: string | number | undefined,
    private readonly key: string,
  ) {}
  get path(): ModelPath {
    const path: (string | number)[] = [this.key];
    if (this.parentKey !== undefined) path.push(this.parentKey);
    for (let step = this.parent; step; step = step.up) path.push(step.key);
    return path.reverse();
  }
  /** set before valuesWhere hands the value out: a value's facts depend only on where it stands, not on the test */
  get facts(): ElementFacts {
    return this.known as ElementFacts;
  }
}

/** One walk over the model: every text value, grouped by its property name, in document order. */
export function indexValues(root: unknown): Map<string, ValueAt[]> {
  const index = new Map<string, ValueAt[]>();
  if (root !== null && typeof root === 'object') walkValues(index, root, undefined, undefined);
  return index;
}

/**
 * The values in `node`, which stands at `key` below `up` (the root: neither). The node's own Step is made only when
 * something below it needs one (an object or list inside it): its text values hold `up` and `key` themselves.
 */
function walkValues(index: Map<string, ValueAt[]>, node: object, up: Step | undefined, key: string | number | undefined): void {
  // the node's own Step, made once needed (null: not yet); the root has none
  let at: Step | undefined | null = key === undefined ? undefined : null;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const item: unknown = node[i];
      if (item === null || typeof item !== 'object') continue; // a string in a list is no value here
      if (at === null) at = { up, key: key as string | number };
      walkValues(index, item, at, i);
    }
    return;
  }
  // for...in over own keys (Object.keys's order): no keys array per object
  for (const prop in node) {
    if (!Object.hasOwn(node, prop) || prop === 'extraElements' || prop === 'content') continue; // kept-aside content and rich text are no coded values
    const value = (node as Record<string, unknown>)[prop];
    if (typeof value === 'string') {
      let list = index.get(prop);
      if (!list) index.set(prop, (list = []));
      list.push(new IndexedValue(value, up, key, prop));
    } else if (value && typeof value === 'object' && !isFormattedText(value)) {
      // Formatted text ({ text, content }) holds no coded values: not walked (most of a long plan's nodes)
      if (at === null) at = { up, key: key as string | number };
      walkValues(index, value, at, prop);
    }
  }
}

/** A value with its element's facts; its path still built only when asked for. */
export interface FactValueAt extends ValueAt {
  readonly facts: ElementFacts;
}

/** A value from elsewhere than the index (a rule's own context), with its facts. */
class FactValue implements FactValueAt {
  constructor(
    private readonly at: ValueAt,
    readonly facts: ElementFacts,
  ) {}
  get value(): string {
    return this.at.value;
  }
  get path(): ModelPath {
    return this.at.path;
  }
}

/** A value's facts: the same everywhere for its property, or looked up by its path once per value (not per rule). */
function factsOf(value: ValueAt, same: ElementFacts | undefined): ElementFacts | undefined {
  if (same) return same;
  if (!(value instanceof IndexedValue)) return MESSAGE_FACTS.at(value.path);
  if (value.known === undefined) value.known = MESSAGE_FACTS.at(value.path) ?? null;
  return value.known ?? undefined;
}

/** Per test: the properties whose element has a fact it accepts somewhere (a property may stand where it has none). */
const propertiesFor = new WeakMap<(facts: ElementFacts) => boolean, readonly string[]>();

/**
 * Every value whose element's facts (src/model/element-facts.ts) `test` accepts, with those facts: by property in
 * the schema's order, each in document order. `test` is a constant of the rule: what it picks is worked out once.
 */
export function valuesWhere(context: Pick<RuleContext, 'values'>, test: (facts: ElementFacts) => boolean): FactValueAt[] {
  let props = propertiesFor.get(test);
  if (!props) propertiesFor.set(test, (props = MESSAGE_FACTS.propertiesWith(test)));
  const out: FactValueAt[] = [];
  for (const prop of props) {
    // a property with the same facts wherever it stands (a Date) needs no path to know them
    const same = MESSAGE_FACTS.sameEverywhere(prop);
    for (const value of context.values(prop)) {
      const facts = factsOf(value, same);
      if (!facts || !test(facts)) continue;
      if (value instanceof IndexedValue) {
        value.known = facts; // the index's own value carries its facts: no wrapper per value per rule
        out.push(value);
      } else out.push(new FactValue(value, facts));
    }
  }
  return out;
}
