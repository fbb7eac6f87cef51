/*
 * Objects a JavaScript caller built (a message, a parse result, a report) read once, as plain data, so that nothing
 * after the entry point meets a getter or a Proxy trap: whatever throws while it is read is left out, never thrown.
 */

/** How deep a copy goes: below it, values are left out. Rich text needs two levels per style (object, content array). */
const MAX_DEPTH = 1200;
/**
 * How many values a copy reads at most: far above any message (the reader's default maxElements is 100,000), and a
 * bound on what a Proxy that makes up ever more properties, or an array claiming a length of billions, can cost.
 */
const MAX_READS = 5_000_000;

const isArray = Array.isArray;
const keysOf = Object.keys;
const getTime = Date.prototype.getTime;

/**
 * `value` as plain data: arrays and objects copied (own enumerable properties; a Date as a Date), strings, numbers,
 * booleans and functions as they are. A property whose getter or Proxy trap throws, an object that cannot be read at
 * all, binary data, anything more than MAX_DEPTH levels down and anything past MAX_READS values are left out
 * (undefined). A value met twice is copied once, so a shared value stays shared and a cycle stays a cycle
 * (src/model/shape.ts reports it): the copy costs one visit per object, never more than the value itself holds.
 * Properties named in `leaveOut` are not copied, at any depth (what the caller never reads need not be read).
 */
export function readableCopy(value: unknown, leaveOut?: ReadonlySet<string>): unknown {
  const copies = new Map<object, unknown>();
  let reads = 0;
  const copy = (node: unknown, depth: number): unknown => {
    if (node === null || (typeof node !== 'object' && typeof node !== 'function')) return node;
    if (typeof node === 'function') return node;
    if (copies.has(node)) return copies.get(node);
    if (depth > MAX_DEPTH) return undefined;
    try {
      if (isArray(node)) {
        const out: unknown[] = [];
        copies.set(node, out);
        const length = node.length;
        for (let i = 0; i < length && reads < MAX_READS; i++) out.push(read(node, i, depth));
        return out;
      }
      if (ArrayBuffer.isView(node)) return undefined; // bytes are never a model value: not copied index by index
      // instanceof first: a TypeError from getTime on every other object would cost more than the copy itself.
      const time = node instanceof Date ? timeOf(node) : undefined;
      if (time !== undefined) {
        const date = new Date(time);
        copies.set(node, date);
        return date;
      }
      const out: Record<string, unknown> = {};
      copies.set(node, out);
      for (const key of keysOf(node)) {
        if (reads >= MAX_READS) break;
        if (leaveOut?.has(key)) continue;
        const item = read(node, key, depth);
        if (item === undefined) continue;
        // a key named __proto__ is data here, never the copy's prototype
        if (key === '__proto__') Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
        else out[key] = item;
      }
      return out;
    } catch {
      copies.set(node, undefined);
      return undefined;
    }
  };
  const read = (node: object, key: string | number, depth: number): unknown => {
    let item: unknown;
    reads++;
    try {
      item = (node as Record<string | number, unknown>)[key];
    } catch {
      return undefined;
    }
    return copy(item, depth + 1);
  };
  return copy(value, 0);
}

function timeOf(value: object): number | undefined {
  try {
    return getTime.call(value);
  } catch {
    return undefined;
  }
}

/** An exception as the detail of a finding or an issue: its message, whatever was thrown (a Proxy, a throwing toString). */
export function describeError(error: unknown): string {
  let detail: string;
  try {
    detail = error instanceof Error ? String(error.message) : String(error);
  } catch {
    detail = 'an exception that cannot be read';
  }
  return detail.length > 500 ? `${detail.slice(0, 500)}…` : detail;
}
