import { MESSAGE_SPEC } from './schema';
import type { ChildSpec, ElementSpec } from './spec';
import { STYLES as INLINE_STYLE_TYPES } from './formatted';
import type { ModelPath } from './locate';
import { ExtraElementSchema } from './schema';

/** What a model value must be, by the kind of its element. */
type ExpectedKind =
  | 'text'
  | 'list'
  | 'object'
  | 'formatted'
  | 'formattedText'
  | 'formattedContent'
  | 'flag'
  | 'extraElements'
  | 'extraElement';
/** What it was instead. */
type FoundKind =
  | 'null'
  | 'undefined'
  | 'string'
  | 'number'
  | 'bigint'
  | 'boolean'
  | 'symbol'
  | 'function'
  | 'array'
  | 'object'
  | 'date'
  | 'other';

export type ShapeProblem =
  | { kind: 'wrongType'; path: ModelPath; element: string; expected: ExpectedKind; found: FoundKind }
  | { kind: 'cycle'; path: ModelPath; element: string }
  | { kind: 'tooDeep'; path: ModelPath; element: string; depth: number }
  | { kind: 'unknownProperty'; path: ModelPath; property: string };

/** The kind of a JavaScript value, as a finding names it (never the value: it may be a CPR number). */
function foundKind(value: unknown): FoundKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  if (type === 'object') {
    const tag = Object.prototype.toString.call(value);
    return tag === '[object Date]' ? 'date' : tag === '[object Object]' ? 'object' : 'other';
  }
  return type as FoundKind;
}

const isRecord = (value: unknown): value is Record<string, unknown> => foundKind(value) === 'object';

/** Formatted text deeper than this is refused rather than walked (the reader's default maxDepth is 64). */
const MAX_RICH_DEPTH = 256;
const STYLES = new Set<string>(INLINE_STYLE_TYPES);

export interface Shaped {
  /** the message with every wrongly typed value, cycle and unknown property left out; the input itself when it had none */
  message: Record<string, unknown>;
  problems: ShapeProblem[];
}

/**
 * The types of a message object built in code, checked before any rule sees it: a string where the model has text, an
 * array where an element repeats, an object where it has children, `{ text, content }` for formatted text, `true` for a
 * flag. A value of another type (a number, null, an object where text belongs), a cycle and an unknown property are
 * reported and left out of the copy the rules get, so that no rule can throw on them. An item of a list that is no
 * object becomes an empty object in the copy, so the other items keep their index (and their findings their path).
 */
export function checkShape(input: unknown): Shaped {
  const problems: ShapeProblem[] = [];
  const ancestors = new Set<object>();

  const richOk = (nodes: unknown, depth: number): true | 'type' | 'cycle' | 'deep' => {
    if (!Array.isArray(nodes)) return 'type';
    if (depth > MAX_RICH_DEPTH) return 'deep';
    if (ancestors.has(nodes)) return 'cycle';
    ancestors.add(nodes);
    try {
      for (let i = 0; i < nodes.length; i++) {
        const node: unknown = nodes[i];
        if (!isRecord(node)) return 'type';
        if (ancestors.has(node)) return 'cycle';
        if (node.type === 'text') {
          if (typeof node.value !== 'string') return 'type';
        } else if (node.type === 'break') continue;
        else if (typeof node.type === 'string' && STYLES.has(node.type)) {
          ancestors.add(node);
          const inner = richOk(node.content, depth + 1);
          ancestors.delete(node);
          if (inner !== true) return inner;
        } else return 'type';
      }
      return true;
    } finally {
      ancestors.delete(nodes);
    }
  };

  const wrong = (path: ModelPath, element: string, expected: ExpectedKind, value: unknown) =>
    problems.push({ kind: 'wrongType', path, element, expected, found: foundKind(value) });

  const formatted = (value: unknown, path: ModelPath, element: string): unknown => {
    if (!isRecord(value)) {
      wrong(path, element, 'formatted', value);
      return undefined;
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      if (key !== 'text' && key !== 'content') problems.push({ kind: 'unknownProperty', path: [...path, key], property: key });
    }
    if (value.text !== undefined) {
      if (typeof value.text === 'string') out.text = value.text;
      else wrong([...path, 'text'], element, 'formattedText', value.text);
    }
    if (value.content !== undefined) {
      const ok = richOk(value.content, 1);
      if (ok === true) out.content = value.content;
      else if (ok === 'cycle') problems.push({ kind: 'cycle', path: [...path, 'content'], element });
      else if (ok === 'deep') problems.push({ kind: 'tooDeep', path: [...path, 'content'], element, depth: MAX_RICH_DEPTH });
      else wrong([...path, 'content'], element, 'formattedContent', value.content);
    }
    return out;
  };

  const childValue = (value: unknown, child: ChildSpec, path: ModelPath): unknown => {
    switch (child.kind) {
      case 'text':
        if (typeof value === 'string') return value;
        wrong(path, child.name, 'text', value);
        return undefined;
      case 'flag':
        if (value === true) return value;
        wrong(path, child.name, 'flag', value);
        return undefined;
      case 'formatted':
        if (isRecord(value) && ancestors.has(value)) {
          problems.push({ kind: 'cycle', path, element: child.name });
          return undefined;
        }
        return formatted(value, path, child.name);
      case 'object':
        if (!isRecord(value)) {
          wrong(path, child.name, 'object', value);
          return undefined;
        }
        if (ancestors.has(value)) {
          problems.push({ kind: 'cycle', path, element: child.name });
          return undefined;
        }
        return object(value, child.element!, path, false);
    }
  };

  const object = (value: Record<string, unknown>, spec: ElementSpec, path: ModelPath, isRoot: boolean): Record<string, unknown> => {
    ancestors.add(value);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      if (!spec.byProp.has(key) && !(isRoot && key === 'extraElements'))
        problems.push({ kind: 'unknownProperty', path: [...path, key], property: key });
    }
    for (const child of spec.children) {
      const v = value[child.prop];
      if (v === undefined) continue;
      const at = [...path, child.prop];
      if (!child.many) {
        const clean = childValue(v, child, at);
        if (clean !== undefined) out[child.prop] = clean;
        continue;
      }
      if (!Array.isArray(v)) {
        wrong(at, child.name, 'list', v);
        continue;
      }
      if (ancestors.has(v)) {
        problems.push({ kind: 'cycle', path: at, element: child.name });
        continue;
      }
      ancestors.add(v);
      const items: unknown[] = [];
      for (let i = 0; i < v.length; i++) {
        const clean = childValue(v[i], child, [...at, i]);
        // A placeholder keeps the index of the items after it; the finding already says what was wrong.
        items.push(clean ?? (child.kind === 'object' ? {} : ''));
      }
      ancestors.delete(v);
      out[child.prop] = items;
    }
    if (isRoot && value.extraElements !== undefined) {
      const extras = value.extraElements;
      if (!Array.isArray(extras)) wrong(['extraElements'], 'extraElements', 'extraElements', extras);
      else {
        const kept = extras.filter((extra, i) => {
          const ok = ExtraElementSchema.safeParse(extra).success;
          if (!ok) wrong(['extraElements', i], 'extraElements', 'extraElement', extra);
          return ok;
        });
        out.extraElements = kept;
      }
    }
    ancestors.delete(value);
    return out;
  };

  if (!isRecord(input)) {
    wrong([], 'Emessage', 'object', input);
    return { message: {}, problems };
  }
  const message = object(input, MESSAGE_SPEC, [], true);
  return { message: problems.length ? message : input, problems };
}
