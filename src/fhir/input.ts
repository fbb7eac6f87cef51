import { computeFacts, FactsSchema, type Facts } from '../facts/facts';
import type { DeepPartial } from '../model/partial';
import type { GopMessage } from '../model/schema';
import { checkShape } from '../model/shape';
import { parseGop } from '../read/parse';

/*
 * What toKlGatewayReport reads, taken apart without trusting it: text and bytes go to parseGop; an object (a parseGop
 * result, or { report, message }) is read once into a plain copy, and the copy's types are checked before anything
 * uses them. A value of the wrong type anywhere, a Proxy that throws, a getter that throws, a cycle: the problem
 * invalidInput, never a TypeError.
 */

type InputProblem = 'unreadable' | 'reportWithoutMessage' | 'invalidInput';
type ReadInput = { message: DeepPartial<GopMessage>; facts: Facts } | { problem: InputProblem };

/** Anything that is not plain data. */
class NotPlain extends Error {}

/** Nesting and size a plain copy stops at: a message is a few levels deep (formatted text may nest to 256). */
const MAX_DEPTH = 512;
const MAX_NODES = 1_000_000;

/**
 * A plain copy of JSON-like data (objects, arrays, strings, numbers, booleans, null), each property read once, so that
 * what is checked is what is used. Property names are defined, not assigned (`__proto__` is a name like any other).
 * Throws NotPlain on anything else, a cycle, or data deeper or larger than the limits.
 */
function plainCopy(root: unknown): unknown {
  let nodes = 0;
  const ancestors = new Set<object>();
  const copy = (value: unknown, depth: number): unknown => {
    if (++nodes > MAX_NODES) throw new NotPlain();
    if (value === null || value === undefined || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number') return value;
    if (typeof value !== 'object' || depth > MAX_DEPTH || ancestors.has(value)) throw new NotPlain();
    ancestors.add(value);
    let out: unknown;
    if (Array.isArray(value)) {
      const length = value.length;
      if (length > MAX_NODES - nodes) throw new NotPlain();
      const items: unknown[] = [];
      for (let i = 0; i < length; i++) items.push(copy(value[i], depth + 1));
      out = items;
    } else {
      const record: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        const item = copy((value as Record<string, unknown>)[key], depth + 1);
        Object.defineProperty(record, key, { value: item, enumerable: true, writable: true, configurable: true });
      }
      out = record;
    }
    ancestors.delete(value);
    return out;
  };
  return copy(root, 0);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The severities of a list of findings; NotPlain when it is no list of findings. */
function severities(findings: unknown): string[] {
  if (!Array.isArray(findings)) throw new NotPlain();
  return findings.map((finding) => {
    if (!isRecord(finding) || typeof finding['severity'] !== 'string') throw new NotPlain();
    return finding['severity'];
  });
}

/** A message as the model has it (every value of its type); NotPlain otherwise. Unknown properties are left out. */
function messageOf(value: unknown): DeepPartial<GopMessage> {
  if (!isRecord(value)) throw new NotPlain();
  const shaped = checkShape(plainCopy(value));
  if (shaped.problems.some((p) => p.kind !== 'unknownProperty')) throw new NotPlain();
  return shaped.message as DeepPartial<GopMessage>;
}

type Taken = { message: DeepPartial<GopMessage>; facts?: Facts } | { problem: InputProblem };

/** The message (and the report's facts) from an object input, read once; throws on what is not plain or not typed. */
function take(input: unknown): Taken {
  if (!isRecord(input)) return { problem: 'invalidInput' };
  // Each property read once: a getter answers once.
  const { ok, findings, partial, report, message, counts } = input;
  if (typeof ok === 'boolean' && Array.isArray(findings)) {
    // A parseGop result.
    if (severities(plainCopy(findings)).includes('fatal')) return { problem: 'unreadable' };
    const read = ok ? message : partial;
    if (read === undefined) return ok ? { problem: 'invalidInput' } : { problem: 'unreadable' };
    return { message: messageOf(read) };
  }
  if (report !== undefined) {
    // { report, message }: a checkGop or validateGop report and the message it was made from.
    if (message === undefined) return { problem: 'reportWithoutMessage' };
    const copy = plainCopy(report);
    if (!isRecord(copy) || !isRecord(copy['counts']) || typeof copy['counts']['fatal'] !== 'number') throw new NotPlain();
    const fatal = severities(copy['findings']).includes('fatal') || copy['counts']['fatal'] > 0;
    let facts: Facts | undefined;
    if (copy['facts'] !== undefined) {
      const parsed = FactsSchema.safeParse(copy['facts']);
      if (!parsed.success) throw new NotPlain();
      facts = parsed.data;
    }
    const typed = messageOf(message);
    if (fatal) return { problem: 'unreadable' };
    return facts === undefined ? { message: typed } : { message: typed, facts };
  }
  // A checkGop report alone: it holds neither the diagnoses nor the sender's ids.
  if (Array.isArray(findings) && isRecord(counts)) return { problem: 'reportWithoutMessage' };
  return { problem: 'invalidInput' };
}

/** The message and its facts, or why there is none. Never throws: what it cannot read is invalidInput. */
export function readInput(input: unknown): ReadInput {
  let bytes: boolean;
  try {
    // ArrayBuffer.isView: a Proxy of a Uint8Array passes instanceof but is no bytes TextDecoder can read.
    bytes = input instanceof Uint8Array && ArrayBuffer.isView(input);
  } catch {
    return { problem: 'invalidInput' }; // instanceof on a revoked Proxy throws
  }
  const value = typeof input === 'string' || bytes ? parseGop(input as string | Uint8Array) : input;
  let taken: Taken;
  try {
    taken = take(value);
  } catch {
    // NotPlain, or whatever a Proxy trap or a getter of the caller's object threw: either way not an input we read.
    return { problem: 'invalidInput' };
  }
  if ('problem' in taken) return taken;
  return { message: taken.message, facts: taken.facts ?? computeFacts(taken.message) };
}
