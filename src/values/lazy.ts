/**
 * A stand-in for the object `build()` returns, built at its first use: a zod schema of the public API that the start
 * of the CLI (or an import of the library) need not pay for. Everything a caller does with it (a property, a method,
 * instanceof, Object.keys, JSON) goes to the object itself; only its identity differs (a registry lookup by the
 * stand-in finds nothing: src/ keeps no metadata on the exported schemas themselves).
 */
export function lazyObject<T extends object>(build: () => T): T {
  let built: T | undefined;
  const real = (): T => (built ??= build());
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(real(), key),
    set: (_, key, value) => Reflect.set(real(), key, value),
    has: (_, key) => Reflect.has(real(), key),
    deleteProperty: (_, key) => Reflect.deleteProperty(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
    defineProperty: (target, key, descriptor) => {
      const done = Reflect.defineProperty(real(), key, descriptor);
      if (done && descriptor.configurable === false) Reflect.defineProperty(target, key, descriptor); // a proxy's rule
      return done;
    },
    getOwnPropertyDescriptor(target, key) {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
      // A proxy may report a property as non-configurable only if its target has it so.
      if (descriptor && !descriptor.configurable && !Reflect.getOwnPropertyDescriptor(target, key))
        Reflect.defineProperty(target, key, descriptor);
      return descriptor;
    },
  });
}
