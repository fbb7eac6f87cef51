import { isFormattedText } from '../model/formatted';
import type { ModelPath } from '../model/locate';
import type { ValueAt } from './rule';

/** The path is built only when a rule asks for it (when it reports), not for every value. */
class IndexedValue implements ValueAt {
  constructor(
    readonly value: string,
    private readonly parent: readonly (string | number)[],
    private readonly key: string,
  ) {}
  get path(): ModelPath {
    return [...this.parent, this.key];
  }
}

/** One walk over the model: every text value, grouped by its property name, in document order. */
export function indexValues(root: unknown): Map<string, ValueAt[]> {
  const index = new Map<string, ValueAt[]>();
  const walk = (node: unknown, path: (string | number)[]) => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, [...path, i]));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const key of Object.keys(node)) {
      if (key === 'extraElements' || key === 'content') continue; // kept-aside content and rich text are no coded values
      const value = (node as Record<string, unknown>)[key];
      if (typeof value === 'string') {
        let list = index.get(key);
        if (!list) index.set(key, (list = []));
        list.push(new IndexedValue(value, path, key));
      } else if (value && typeof value === 'object' && !isFormattedText(value)) {
        // Formatted text ({ text, content }) holds no coded values: not walked (most of a long plan's nodes)
        walk(value, [...path, key]);
      }
    }
  };
  walk(root, []);
  return index;
}
