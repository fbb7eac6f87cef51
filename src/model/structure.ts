import { MESSAGE_SPEC } from './bind';
import type { ElementSpec } from './compile';
import { plainText, trimXmlSpace, type RichText } from './formatted';
import type { ModelPath } from './locate';

export type StructureProblem =
  | { kind: 'missing'; path: ModelPath; element: string; parent: string }
  | { kind: 'empty'; path: ModelPath; element: string }
  | { kind: 'tooMany'; path: ModelPath; element: string; max: number }
  | { kind: 'unknownProperty'; path: ModelPath; property: string }
  | { kind: 'textContentMismatch'; path: ModelPath; element: string };

/**
 * The standard's structure checked on a model object (one built in code rather than read): what the reader reports as
 * GOP-STRUCT-001/002/004 when it reads XML. Used by validateGop and by the builder, which must not write such a plan.
 */
export function structureProblems(message: unknown): StructureProblem[] {
  const problems: StructureProblem[] = [];
  const walk = (value: Record<string, unknown>, spec: ElementSpec, path: (string | number)[], elementName: string) => {
    for (const key of Object.keys(value)) {
      if (!spec.byProp.has(key) && !(path.length === 0 && key === 'extraElements')) problems.push({ kind: 'unknownProperty', path: [...path, key], property: key });
    }
    for (const child of spec.children) {
      const v = value[child.prop];
      const at = [...path, child.prop];
      if (v === undefined) {
        if (child.min > 0) problems.push({ kind: 'missing', path: at, element: child.name, parent: elementName });
        continue;
      }
      const items = child.many ? (Array.isArray(v) ? v : [v]) : [v];
      if (child.many && items.length > child.max) problems.push({ kind: 'tooMany', path: at, element: child.name, max: child.max });
      items.forEach((item, i) => {
        const itemPath = child.many ? [...at, i] : at;
        if (child.kind === 'object' && item && typeof item === 'object') walk(item as Record<string, unknown>, child.element!, itemPath, child.name);
        else if (child.kind === 'text' && typeof item === 'string' && child.min > 0 && trimXmlSpace(item) === '') problems.push({ kind: 'empty', path: itemPath, element: child.name });
        else if (child.kind === 'formatted' && item && typeof item === 'object') {
          const { text, content } = item as { text?: unknown; content?: unknown };
          if (Array.isArray(content) && typeof text === 'string' && plainText(content as RichText[]) !== text) problems.push({ kind: 'textContentMismatch', path: itemPath, element: child.name });
        }
      });
    }
  };
  if (message && typeof message === 'object') walk(message as Record<string, unknown>, MESSAGE_SPEC, [], 'Emessage');
  return problems;
}
