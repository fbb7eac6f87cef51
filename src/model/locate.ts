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
 * Finds the source offset of a model value. Objects are keys of a WeakMap, so the model itself stays plain data.
 * A path to something absent resolves to the nearest present ancestor, which is where a missing element belongs.
 */
export class SourceMap {
  constructor(
    private readonly offsets: WeakMap<object, Offsets>,
    private readonly lines: LineIndex,
  ) {}

  offsetOf(root: object, modelPath: ModelPath): number | undefined {
    let current: unknown = root;
    let best = this.offsets.get(root)?.start;
    for (let i = 0; i < modelPath.length; i++) {
      const segment = modelPath[i]!;
      if (typeof segment === 'number' || current === null || typeof current !== 'object') break;
      const holder = this.offsets.get(current);
      const at = holder?.props[segment];
      const next = (current as Record<string, unknown>)[segment];
      const index = modelPath[i + 1];
      if (Array.isArray(at)) {
        if (typeof index !== 'number' || at[index] === undefined) {
          best = at[0] ?? best;
          break;
        }
        best = at[index];
        current = (next as unknown[])[index];
        i++;
      } else {
        if (at === undefined) break;
        best = at;
        current = next;
      }
    }
    return best;
  }

  locate(root: object, modelPath: ModelPath): { line: number; column: number } | undefined {
    const offset = this.offsetOf(root, modelPath);
    return offset === undefined ? undefined : this.lines.position(offset);
  }
}
