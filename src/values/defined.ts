/**
 * `value` without its undefined properties: JSON has no undefined, so records compare and serialise cleanly. A copy
 * rather than `delete`, which would turn the object into a slow dictionary for everything after.
 */
export function defined<T extends object>(value: T): T {
  const out = {} as T;
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] !== undefined) out[key] = value[key];
  return out;
}
