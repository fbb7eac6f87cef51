import type { ChildSpec, ElementSpec } from './spec';
import type { LineIndex } from '../xml/position';

/** Where an object and each of its properties started in the source text. */
export interface Offsets {
  start: number;
  props: Record<string, number | number[]>;
}

/** A path into the model, as zod writes it: property names and array indexes. */
export type ModelPath = readonly (string | number)[];

/** The XML element path for a model path, e.g. /Emessage/RehabilitationPlan/JournalExcerpt[2]/Comment. */
export function xmlPathOf(modelPath: ModelPath, rootName: string, rootSpec: ElementSpec): string {
  let path = `/${rootName}`;
  let spec: ElementSpec | undefined = rootSpec;
  for (let i = 0; i < modelPath.length; i++) {
    const segment = modelPath[i]!;
    if (typeof segment === 'number') {
      path += `[${segment + 1}]`;
      continue;
    }
    const child: ChildSpec | undefined = spec?.byProp.get(segment);
    path += `/${child?.name ?? segment}`;
    spec = child?.element;
  }
  return path;
}

/**
 * Where the binder met each object and property, in the model's own shape: a number for a value (its element's start),
 * a node for an object, a list for a repeated element. Beside the model rather than keyed by its objects (a WeakMap
 * costs the collector on every pass over a large plan), and offsets only: line and column when a finding asks.
 */
export interface OffsetTree {
  start: number;
  props: Record<string, OffsetEntry | OffsetEntry[]>;
}
type OffsetEntry = number | OffsetTree;

const startOf = (entry: OffsetEntry): number => (typeof entry === 'number' ? entry : entry.start);

/**
 * Finds the source offset of a model value by its path. A path to something absent resolves to the nearest present
 * ancestor, which is where a missing element belongs.
 */
export class SourceMap {
  constructor(
    private readonly root: OffsetTree,
    private readonly lines: LineIndex,
  ) {}

  offsetOf(modelPath: ModelPath): number {
    let node: OffsetTree | undefined = this.root;
    let best = node.start;
    for (let i = 0; i < modelPath.length && node; i++) {
      const segment = modelPath[i]!;
      if (typeof segment === 'number') break;
      const at: OffsetEntry | OffsetEntry[] | undefined = Object.hasOwn(node.props, segment) ? node.props[segment] : undefined;
      if (at === undefined) break;
      let entry: OffsetEntry;
      if (Array.isArray(at)) {
        const index = modelPath[i + 1];
        if (typeof index !== 'number' || at[index] === undefined) {
          if (at[0] !== undefined) best = startOf(at[0]);
          break;
        }
        entry = at[index]!;
        i++;
      } else entry = at;
      best = startOf(entry);
      node = typeof entry === 'number' ? undefined : entry;
    }
    return best;
  }

  locate(modelPath: ModelPath): { line: number; column: number } {
    return this.lines.position(this.offsetOf(modelPath));
  }
}
