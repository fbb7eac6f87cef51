/**
 * A message as received may lack anything the standard requires; rules and partial results use this type,
 * so that the compiler makes them check before they read.
 */
export type DeepPartial<T> = T extends readonly (infer U)[]
  ? DeepPartial<U>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;
