import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexValues } from '../src/rules/values';
import { parseGop } from '../src/index';

/** The index by definition: every own string property (Object.keys order), its full path, document order. */
function byDefinition(root: unknown): [string, string, (string | number)[]][] {
  const out: [string, string, (string | number)[]][] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => {
        if (item !== null && typeof item === 'object') walk(item, [...path, i]);
      });
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const key of Object.keys(node)) {
      if (key === 'extraElements' || key === 'content') continue;
      const value = (node as Record<string, unknown>)[key];
      if (typeof value === 'string') out.push([key, value, [...path, key]]);
      else if (value && typeof value === 'object') {
        const v = value as { text?: unknown; content?: unknown };
        if (typeof v.text === 'string' && Array.isArray(v.content)) continue; // formatted text
        walk(value, [...path, key]);
      }
    }
  };
  walk(root, []);
  // grouped by property in first-seen order, each in document order (as the Map holds them)
  const order = [...new Set(out.map(([key]) => key))];
  return order.flatMap((key) => out.filter(([k]) => k === key));
}

const flatten = (index: Map<string, { value: string; path: readonly (string | number)[] }[]>) =>
  [...index].flatMap(([key, values]) => values.map((v) => [key, v.value, [...v.path]]));

describe('indexValues', () => {
  it('holds every text value with its path, as the definition does, for any nesting', () => {
    const key = fc.constantFrom('a', 'b', 'text', 'content', 'extraElements', '0', '12', 'x y');
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.string({ maxLength: 3 }),
        fc.constant(null),
        fc.integer(),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(key, tie('value'), { maxKeys: 5 }),
      ),
    }));
    fc.assert(
      fc.property(value, (root) => {
        expect(flatten(indexValues(root))).toEqual(byDefinition(root));
      }),
      { numRuns: 3000, seed: 20261206 },
    );
  });

  it('indexes each valid fixture as the definition does', () => {
    const dir = new URL('../fixtures/valid/', import.meta.url);
    for (const file of readdirSync(dir)) {
      const parsed = parseGop(readFileSync(new URL(file, dir)));
      if (!parsed.ok) throw new Error(`${file} not read`);
      expect(flatten(indexValues(parsed.message))).toEqual(byDefinition(parsed.message));
    }
  });

  it('leaves out what an object inherits', () => {
    const proto = { inherited: 'no' };
    const node = Object.assign(Object.create(proto), { own: 'yes' });
    expect(flatten(indexValues({ list: [node] }))).toEqual([['own', 'yes', ['list', 0, 'own']]]);
  });
});
