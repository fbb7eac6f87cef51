import { z } from 'zod';
import { isTimeZone } from '../values/local-date';
import { isIsoDate } from '../values/date';
import { didYouMean } from '../values/edit-distance';

/*
 * The options of parseGop, checkGop and buildGop, one zod schema each, in one place. A bad option is the
 * caller's mistake, not the message's: it throws GopOptionsError listing every problem (never only the first), where
 * a bad message gets findings. null or undefined, for any option, means its default.
 */

export interface OptionsIssue {
  /** the option concerned, e.g. `severity.GOP-LAW-005` or `maxBytes`; '' for the options argument itself */
  path: string;
  message: string;
}

/** Thrown by parseGop, checkGop, buildGop and the other entry points for options they cannot use; `issues` lists every problem. */
export class GopOptionsError extends Error {
  readonly issues: OptionsIssue[];
  constructor(functionName: string, issues: OptionsIssue[]) {
    super(`invalid options for ${functionName}:\n${issues.map((i) => `  ${i.path || '(options)'}: ${i.message}`).join('\n')}`);
    this.name = 'GopOptionsError';
    this.issues = issues;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The fields

/** null and undefined are the default: the output never holds null. */
export const orDefault = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => value ?? undefined);

export const limit = (fallback: number, description: string) => {
  const error = `must be a positive whole number; null or undefined for the default, ${fallback}`;
  return z
    .number({ error })
    .int({ error })
    .positive({ error })
    .nullish()
    .transform((value) => value ?? fallback)
    .describe(description);
};

/** How a wrong value is named in an issue: by its kind, never the value itself (it may be a CPR number). */
export const kindOf = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (Object.prototype.toString.call(value) === '[object Date]') return 'a Date';
  const type = typeof value;
  return type === 'object' ? 'an object' : type === 'undefined' ? 'undefined' : `a ${type}`;
};

const TIME = '(?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d+)?)?';
const WALL_CLOCK = new RegExp(`^(\\d{4}-\\d{2}-\\d{2})T${TIME}$`);
const INSTANT = new RegExp(`^(\\d{4}-\\d{2}-\\d{2})T${TIME}(?:Z|[+-](?:0\\d|1[0-4]):[0-5]\\d)$`);

/** YYYY-MM-DD, a wall-clock date-time (YYYY-MM-DDThh:mm[:ss]), an instant (the same with Z or ±hh:mm), or a valid Date. */
function isReferenceDate(value: unknown): value is string | Date {
  if (typeof value === 'string') {
    if (isIsoDate(value)) return true;
    const match = WALL_CLOCK.exec(value) ?? INSTANT.exec(value);
    return match !== null && isIsoDate(match[1]!) && !Number.isNaN(new Date(INSTANT.test(value) ? value : `${value}Z`).getTime());
  }
  return Object.prototype.toString.call(value) === '[object Date]' && !Number.isNaN((value as Date).getTime());
}

const REFERENCE_DATE_ERROR =
  'must be a date (YYYY-MM-DD, a real one), an instant (2019-03-10T08:00:00Z, or with ±hh:mm), a wall-clock date-time (2019-03-10T08:00) or a valid Date';
export const ReferenceDateSchema = z.custom<string | Date>(isReferenceDate, {
  error: (issue) => `${REFERENCE_DATE_ERROR}, not ${typeof issue.input === 'string' ? JSON.stringify(issue.input) : kindOf(issue.input)}`,
});

const TIME_ZONE_ERROR = 'must be an IANA time zone such as Europe/Copenhagen or UTC';
export const TimeZoneSchema = z
  .string({ error: (issue) => `${TIME_ZONE_ERROR}, not ${kindOf(issue.input)}` })
  .refine(isTimeZone, { error: (issue) => `${TIME_ZONE_ERROR}; ${JSON.stringify(issue.input)} is not one this JavaScript engine knows` });

export const BooleanSchema = z.boolean({ error: (issue) => `must be true or false, not ${kindOf(issue.input)}` });

// ---------------------------------------------------------------------------------------------------------------
// One schema per function

/** parseGop: the reader's limits. Each is a positive whole number; null or undefined is the default, never "no limit". */
/** The reader's limits when none is given; DEFAULT_PARSE_OPTIONS without parsing (which the start would pay for). */
const PARSE_DEFAULTS = { maxBytes: 5 * 1024 * 1024, maxDepth: 64, maxAttributes: 64, maxElements: 100_000, maxFindings: 1000 };

export const ParseOptionsSchema = z.strictObject({
  maxBytes: limit(PARSE_DEFAULTS.maxBytes, 'largest input accepted, in bytes (default 5 MiB)'),
  maxDepth: limit(PARSE_DEFAULTS.maxDepth, 'deepest element nesting accepted (default 64; a G-GOP needs about 10)'),
  maxAttributes: limit(PARSE_DEFAULTS.maxAttributes, 'most attributes on one element (default 64)'),
  maxElements: limit(
    PARSE_DEFAULTS.maxElements,
    "most elements in the document (default 100,000; the bench's 600 KB plan with 2,300 journal excerpts has 12,000)",
  ),
  maxFindings: limit(
    PARSE_DEFAULTS.maxFindings,
    'most findings returned (default 1,000), the first in document order, as checkGop lists them; past them one GOP-INPUT-008 says how many more, by severity',
  ),
});
export type ParseOptions = z.input<typeof ParseOptionsSchema>;
export type ParseLimits = z.output<typeof ParseOptionsSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Checking, cheaply on the common path

type Parsed<S extends z.ZodType> = z.output<S>;

/** Every entry point's options schema, by function name, as defineOptions registers them (zod's registry idea). */
const REGISTRY = new Map<string, z.ZodObject>();

/** Which functions take an option ("parseGop and checkGop"): a key given to the wrong one is named as such. */
function ownersOf(key: string): string | undefined {
  const names = [...REGISTRY].filter(([, schema]) => Object.hasOwn(schema.shape, key)).map(([name]) => name);
  if (names.length === 0) return undefined;
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** zod's issues as ours: dotted paths, one issue per unknown key (with a near miss named), no duplicates. */
function issuesOf(error: z.ZodError, known: readonly string[], functionName: string): OptionsIssue[] {
  const out: OptionsIssue[] = [];
  const seen = new Set<string>();
  const add = (path: string, message: string) => {
    const key = `${path}\u0000${message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push({ path, message });
    }
  };
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      const siblings = issue.path.length === 0 ? known : ['m104', 'm100'];
      for (const key of issue.keys) {
        const owner = issue.path.length === 0 ? ownersOf(key) : undefined;
        const hint = owner ? ` of ${functionName}: it is an option of ${owner}` : didYouMean(key, siblings);
        add(path ? `${path}.${key}` : key, `unknown option${hint}; known are ${siblings.join(', ')}`);
      }
    } else {
      add(path, issue.message);
    }
  }
  return out;
}

interface Cached {
  snapshot: unknown[];
  value: unknown;
}

const OBJECT_START = Symbol('object');
const OBJECT_END = Symbol('end');

/** How deep a snapshot follows plain objects (the standard option nests two levels); deeper values go by identity. */
const SNAPSHOT_DEPTH = 4;

/**
 * What an options object holds: its own keys and values, and for a plain object value (a severity map, prefixes, a
 * quality standard and its `start`) its keys and values instead of its identity, down to SNAPSHOT_DEPTH. Two option
 * objects with the same snapshot are the same options (a worker thread gets a fresh copy with every message), and an
 * object changed in place is not: its snapshot changes with it.
 */
function snapshotOf(options: object, snapshot: unknown[] = [], depth = 0): unknown[] {
  for (const [key, value] of Object.entries(options)) {
    snapshot.push(key);
    if (depth < SNAPSHOT_DEPTH && value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      snapshot.push(OBJECT_START);
      snapshotOf(value, snapshot, depth + 1);
      snapshot.push(OBJECT_END);
    } else {
      snapshot.push(value);
    }
  }
  return snapshot;
}
const sameSnapshot = (a: unknown[], b: unknown[]) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

/**
 * The one options contract: a function's options as one zod schema (types are its z.input and z.output), checked into
 * one GopOptionsError listing every problem. No options (undefined, null, {}) skips zod; an options object seen before, * unchanged, gives its cached result (checkGop is called once per message of a batch with the same object), and so
 * do options equal to the last ones checked (a batch in worker threads, whose options arrive as a copy each time).
 */
export function defineOptions<S extends z.ZodObject>(functionName: string, schema: S) {
  REGISTRY.set(functionName, schema);
  const known = Object.keys(schema.shape);
  // made when first asked for: a start that checks other options (or none of this function's) does not parse them
  let defaultValue: Parsed<S> | undefined;
  const defaults = () => (defaultValue ??= Object.freeze(schema.parse({})) as Parsed<S>);
  const cache = new WeakMap<object, Cached>();
  let last: Cached | undefined;
  return (options: unknown): Parsed<S> => {
    if (options === undefined || options === null) return defaults();
    if (typeof options !== 'object' || Array.isArray(options)) {
      throw new GopOptionsError(functionName, [{ path: '', message: `options must be an object (or undefined), not ${kindOf(options)}` }]);
    }
    let snapshot: unknown[];
    let own: Record<string, unknown>;
    try {
      snapshot = snapshotOf(options);
      if (snapshot.length === 0) return defaults();
      const hit = cache.get(options);
      if (hit && sameSnapshot(hit.snapshot, snapshot)) return hit.value as Parsed<S>;
      if (last && sameSnapshot(last.snapshot, snapshot)) {
        cache.set(options, last);
        return last.value as Parsed<S>;
      }
      // Own properties only: whatever an options object inherits is not an option.
      own = Object.fromEntries(Object.entries(options));
    } catch (error) {
      throw new GopOptionsError(functionName, [
        { path: '', message: `the options cannot be read (${error instanceof Error ? error.message : String(error)})` },
      ]);
    }
    const parsed = schema.safeParse(own);
    if (!parsed.success) throw new GopOptionsError(functionName, issuesOf(parsed.error, known, functionName));
    const value = Object.freeze(parsed.data) as Parsed<S>;
    last = { snapshot, value };
    cache.set(options, last);
    return value;
  };
}

export const checkParseOptions = defineOptions('parseGop', ParseOptionsSchema);

/** What checkParseOptions(undefined) gives (test/options.test.ts compares them). */
export const DEFAULT_PARSE_OPTIONS: Readonly<ParseLimits> = Object.freeze({ ...PARSE_DEFAULTS });
