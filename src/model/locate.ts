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

/*
 * Where the binder met each element it bound, as numbers: three per entry in one flat Int32Array (its element's start,
 * the entry just past its subtree, its ChildSpec's index among its parent's), entry 0 the root, the others in the
 * order met. Beside the model rather than keyed by its objects (a WeakMap costs the collector on every pass over a
 * large plan), and no object per element: the collector never walks it, and a path is resolved only when a finding asks.
 */
const START = 0;
const END = 1;
const SLOT = 2;
const WIDTH = 3;

/**
 * Finds the source offset of a model value by its path. A path to something absent resolves to the nearest present
 * ancestor, which is where a missing element belongs. Written by the binder (open/close, in document order).
 */
export class SourceMap {
  private entries = new Int32Array(WIDTH * 256);
  private count = 0;
  /** an object entry's children by slot, built when a path first goes through it */
  private readonly childLists = new Map<number, number[][]>();

  constructor(
    private readonly rootSpec: ElementSpec,
    private readonly lines: LineIndex,
  ) {}

  /** Records an element bound to the child spec at `slot` of the innermost open object (-1: the root); its entry. */
  open(start: number, slot: number): number {
    const entry = this.count++;
    let entries = this.entries;
    if (this.count * WIDTH > entries.length) {
      entries = new Int32Array(entries.length * 2);
      entries.set(this.entries);
      this.entries = entries;
    }
    const at = entry * WIDTH;
    entries[at + START] = start;
    entries[at + END] = entry + 1;
    entries[at + SLOT] = slot;
    return entry;
  }

  /** The entry's subtree is complete: what is recorded next is its sibling's or an ancestor's. */
  close(entry: number): void {
    this.entries[entry * WIDTH + END] = this.count;
  }

  private startOf(entry: number): number {
    return this.entries[entry * WIDTH + START]!;
  }

  /** The start of the child at `slot` of an entry still open (its subtree runs to the last entry recorded). */
  childStart(entry: number, slot: number): number | undefined {
    for (let child = entry + 1; child < this.count; child = this.entries[child * WIDTH + END]!)
      if (this.entries[child * WIDTH + SLOT] === slot) return this.startOf(child);
    return undefined;
  }

  private childrenOf(entry: number): number[][] {
    let lists = this.childLists.get(entry);
    if (lists) return lists;
    lists = [];
    const end = this.entries[entry * WIDTH + END]!;
    for (let child = entry + 1; child < end; child = this.entries[child * WIDTH + END]!)
      (lists[this.entries[child * WIDTH + SLOT]!] ??= []).push(child);
    this.childLists.set(entry, lists);
    return lists;
  }

  offsetOf(modelPath: ModelPath): number {
    let entry = 0;
    let spec: ElementSpec | undefined = this.rootSpec;
    let best = this.startOf(0);
    for (let i = 0; i < modelPath.length && spec; i++) {
      const segment = modelPath[i]!;
      if (typeof segment === 'number') break;
      const child = spec.byProp.get(segment);
      const met = child && this.childrenOf(entry)[child.index];
      if (!child || !met) break;
      if (child.many) {
        const index = modelPath[i + 1];
        const item = typeof index === 'number' ? met[index] : undefined;
        if (item === undefined) {
          best = this.startOf(met[0]!);
          break;
        }
        entry = item;
        i++;
      } else entry = met[0]!;
      best = this.startOf(entry);
      spec = child.kind === 'object' ? child.element : undefined;
    }
    return best;
  }

  locate(modelPath: ModelPath): { line: number; column: number } {
    return this.lines.position(this.offsetOf(modelPath));
  }
}
