/*
 * What a JavaScript caller hands the reader, sorted without ever throwing: text, bytes (a Uint8Array, any other
 * ArrayBufferView such as a DataView or Node's Uint8Array subclass, an ArrayBuffer as File.arrayBuffer() gives, a
 * SharedArrayBuffer), or something else, named for the finding that says so. Bytes are read through the engine's own
 * accessors, captured when this module loads, so that a subclass, an own property or a patched prototype (a `length`
 * getter that throws) cannot change or break what is read; and each becomes a plain Uint8Array over the same memory
 * (no copy).
 */

/** The input as the reader takes it, or what it was instead (`kind`, for GOP-INPUT-003 notTextOrBytes). */
export type Accepted = { ok: true; input: string | Uint8Array } | { ok: false; kind: string };
export type AcceptedBytes = { ok: true; bytes: Uint8Array } | { ok: false; kind: string };

type Accessor<T> = (this: unknown) => T;
const accessor = <T>(prototype: object, key: string) => Object.getOwnPropertyDescriptor(prototype, key)?.get as Accessor<T> | undefined;

const TYPED_ARRAY = Object.getPrototypeOf(Uint8Array.prototype) as object;
const typedBuffer = accessor<ArrayBufferLike>(TYPED_ARRAY, 'buffer')!;
const typedOffset = accessor<number>(TYPED_ARRAY, 'byteOffset')!;
const typedLength = accessor<number>(TYPED_ARRAY, 'byteLength')!;
const viewBuffer = accessor<ArrayBufferLike>(DataView.prototype, 'buffer')!;
const viewOffset = accessor<number>(DataView.prototype, 'byteOffset')!;
const viewLength = accessor<number>(DataView.prototype, 'byteLength')!;
const bufferLength = accessor<number>(ArrayBuffer.prototype, 'byteLength')!;
/** ES2024 (not in Node 20): where it is missing, a detached buffer is one no view can be made over. */
const bufferDetached = accessor<boolean>(ArrayBuffer.prototype, 'detached');
/** Browsers without cross-origin isolation have no SharedArrayBuffer. */
const sharedLength = typeof SharedArrayBuffer === 'function' ? accessor<number>(SharedArrayBuffer.prototype, 'byteLength') : undefined;
const stringValue = String.prototype.valueOf;
const isView = ArrayBuffer.isView;
const isArray = Array.isArray;

/** `intrinsic` applied to `value`, or undefined where it does not apply (an intrinsic accessor throws a TypeError then). */
function apply<T>(intrinsic: Accessor<T> | undefined, value: unknown): T | undefined {
  if (!intrinsic) return undefined;
  try {
    return intrinsic.call(value);
  } catch {
    return undefined;
  }
}

const DETACHED = 'a detached ArrayBuffer (its bytes were transferred elsewhere)';

/** Whether `buffer` (one the engine gave us, so a real ArrayBuffer or SharedArrayBuffer) is a SharedArrayBuffer. */
// ArrayBuffer's own accessor first: it reads the usual buffer without the TypeError (and its stack) the other one throws.
export const isSharedBuffer = (buffer: ArrayBufferLike): boolean =>
  apply(bufferLength, buffer) === undefined && apply(sharedLength, buffer) !== undefined;

function isDetached(buffer: ArrayBufferLike): boolean {
  if (isSharedBuffer(buffer)) return false; // never detached
  if (bufferDetached) return bufferDetached.call(buffer) === true;
  if (bufferLength.call(buffer) !== 0) return false;
  try {
    new Uint8Array(buffer);
    return false;
  } catch {
    return true;
  }
}

/** How a value that is neither text nor bytes is named: its kind, never its content. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value !== 'object') return `a ${typeof value}`;
  if (apply(stringValue as Accessor<string>, value) !== undefined) return 'a String object';
  return isArray(value) ? 'an array' : 'an object';
}

/** Bytes as a plain Uint8Array over the same memory, or what the value was instead. Never throws. */
export function acceptBytes(value: unknown): AcceptedBytes {
  try {
    if (typeof value === 'object' && value !== null) {
      if (isView(value)) {
        // A typed array's accessors refuse a DataView and the other way round: whichever applies says which it is.
        const typed = apply(typedBuffer, value);
        const buffer = typed ?? viewBuffer.call(value);
        if (isDetached(buffer)) return { ok: false, kind: DETACHED };
        const offset = typed ? typedOffset.call(value) : viewOffset.call(value);
        const length = typed ? typedLength.call(value) : viewLength.call(value);
        return { ok: true, bytes: new Uint8Array(buffer, offset, length) };
      }
      const length = apply(bufferLength, value) ?? apply(sharedLength, value);
      if (length !== undefined) {
        const buffer = value as ArrayBufferLike;
        return isDetached(buffer) ? { ok: false, kind: DETACHED } : { ok: true, bytes: new Uint8Array(buffer, 0, length) };
      }
    }
    return { ok: false, kind: kindOf(value) };
  } catch {
    // A revoked Proxy, a Proxy whose traps throw: nothing can be learnt from it.
    return { ok: false, kind: 'an object that cannot be read' };
  }
}

/** Text or bytes as the reader takes them, or what the value was instead. Never throws. */
export function acceptInput(value: unknown): Accepted {
  if (typeof value === 'string') return { ok: true, input: value };
  const bytes = acceptBytes(value);
  return bytes.ok ? { ok: true, input: bytes.bytes } : bytes;
}
