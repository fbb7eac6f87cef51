/**
 * Plain data (objects, arrays, Maps, Sets, strings, numbers, booleans, null, undefined, ±Infinity) as the source of a
 * TypeScript module that makes it again, an object reached twice made once (a const) and reached twice, and equal
 * arrays of strings or numbers made once. The message's
 * compiled spec and element facts are stored so (src/model/model-table.ts, written by scripts/build-model-table.mjs):
 * compiling them from the zod schemas cost more than anything else at the start of the CLI. Object literals, not
 * JSON: with the CLI's code cache they are made quicker than JSON.parse reads them and another pass rebuilds them.
 */
export function tableSource(value: object, exportName: string): string {
  const seen = new Set<object>();
  const shared = new Set<object>();
  // Arrays of strings and numbers (a spec's namespaces) are read only: equal ones are made once.
  const firstOfItsValue = new Map<string, unknown[]>();
  const canonical = (v: unknown): unknown => {
    if (!Array.isArray(v) || !v.every((item) => typeof item === 'string' || (typeof item === 'number' && Number.isFinite(item)))) return v;
    const key = JSON.stringify(v);
    const first = firstOfItsValue.get(key);
    if (first) return first;
    firstOfItsValue.set(key, v);
    return v;
  };
  const count = (w: unknown): void => {
    const v = canonical(w);
    if (v === null || typeof v !== 'object') return;
    if (seen.has(v)) {
      shared.add(v);
      return;
    }
    seen.add(v);
    for (const item of v instanceof Map ? [...v].flat() : v instanceof Set ? v : Object.values(v)) count(item);
  };
  count(value);
  const consts: string[] = [];
  const names = new Map<object, string>();
  const open = new Set<object>();
  const expression = (w: unknown): string => {
    const v = canonical(w);
    if (v === undefined) return 'undefined';
    if (typeof v === 'number' && !Number.isFinite(v)) {
      if (Number.isNaN(v)) throw new Error('a table holds no NaN');
      return v > 0 ? 'Infinity' : '-Infinity';
    }
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return JSON.stringify(v);
    if (typeof v !== 'object') throw new Error(`a table holds no ${typeof v}`);
    const name = names.get(v);
    if (name !== undefined) return name;
    if (open.has(v)) throw new Error('a table holds no cycle');
    open.add(v);
    const literal = literalOf(v, expression);
    open.delete(v);
    if (!shared.has(v)) return literal;
    const made = `t${names.size}`;
    names.set(v, made);
    consts.push(`const ${made}: unknown = ${literal};`);
    return made;
  };
  const root = expression(value);
  return `${consts.join('\n')}\nexport const ${exportName}: unknown = ${root};\n`;
}

function literalOf(v: object, expression: (v: unknown) => string): string {
  if (Array.isArray(v)) return `[${v.map(expression).join(', ')}]`;
  if (v instanceof Map)
    return `new Map<unknown, unknown>([${[...v].map(([key, value]) => `[${expression(key)}, ${expression(value)}]`).join(', ')}])`;
  if (v instanceof Set) return `new Set<unknown>([${[...v].map(expression).join(', ')}])`;
  const proto = Object.getPrototypeOf(v);
  if ((proto !== Object.prototype && proto !== null) || Object.hasOwn(v, '__proto__')) throw new Error('a table holds plain objects only');
  return `{ ${Object.entries(v)
    .map(([key, value]) => `${JSON.stringify(key)}: ${expression(value)}`)
    .join(', ')} }`;
}
