import { makeFinding, type Finding, type Location } from '../findings/finding';
import { STRUCT_001 } from './diagnostics/struct-001-missing';
import { STRUCT_002 } from './diagnostics/struct-002-repeated';
import { STRUCT_003 } from './diagnostics/struct-003-unknown';
import { STRUCT_004 } from './diagnostics/struct-004-empty';
import { STRUCT_005 } from './diagnostics/struct-005-wrong-type';
import { MESSAGE_SPEC } from './schema';
import type { ElementSpec } from './spec';
import { plainText, trimXmlSpace, type RichText } from './formatted';
import type { ModelPath } from './locate';
import type { ShapeProblem } from './shape';

export type StructureProblem =
  | { kind: 'missing'; path: ModelPath; element: string; parent: string }
  | { kind: 'empty'; path: ModelPath; element: string }
  | { kind: 'tooMany'; path: ModelPath; element: string; max: number }
  | { kind: 'unknownProperty'; path: ModelPath; property: string }
  | { kind: 'textContentMismatch'; path: ModelPath; element: string };

/** Every structure problem, read from XML or found on an object: GOP-STRUCT-001 … 005. */
export type ModelProblem = StructureProblem | ShapeProblem;

/** The rule of each kind: a report places and counts a finding before it is made. */
export const PROBLEM_RULE = {
  missing: STRUCT_001,
  tooMany: STRUCT_002,
  unknownProperty: STRUCT_003,
  textContentMismatch: STRUCT_003,
  empty: STRUCT_004,
  wrongType: STRUCT_005,
  cycle: STRUCT_005,
  tooDeep: STRUCT_005,
} as const satisfies Record<ModelProblem['kind'], { id: string; severity: string }>;

/**
 * A structure problem as a finding: the one place they are worded, for the reader, validateGop and the builder
 * (which throws the English message as an issue).
 */
export function problemFinding(problem: ModelProblem, location: Location): Finding {
  switch (problem.kind) {
    case 'missing':
      return makeFinding(STRUCT_001, 'missing', { element: problem.element, parent: problem.parent }, location);
    case 'tooMany':
      return makeFinding(STRUCT_002, 'tooMany', { element: problem.element, max: problem.max }, location);
    case 'unknownProperty':
      return makeFinding(STRUCT_003, 'unknownProperty', { property: problem.property }, location);
    case 'textContentMismatch':
      return makeFinding(STRUCT_003, 'textContentMismatch', { element: problem.element }, location);
    case 'empty':
      return makeFinding(STRUCT_004, 'empty', { element: problem.element }, location);
    case 'wrongType':
      return makeFinding(STRUCT_005, 'wrongType', { element: problem.element, expected: problem.expected, found: problem.found }, location);
    case 'cycle':
      return makeFinding(STRUCT_005, 'cycle', { element: problem.element }, location);
    case 'tooDeep':
      return makeFinding(STRUCT_005, 'tooDeep', { element: problem.element, depth: problem.depth }, location);
    default: {
      const unknown: never = problem;
      throw new Error(`no finding for the structure problem ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * The standard's structure checked on a model object (one built in code rather than read): what the reader reports as
 * GOP-STRUCT-001/002/004 when it reads XML. Used by validateGop and by the builder, which must not write such a plan.
 */
export function structureProblems(message: unknown): StructureProblem[] {
  const problems: StructureProblem[] = [];
  const walk = (value: Record<string, unknown>, spec: ElementSpec, path: (string | number)[], elementName: string) => {
    for (const key of Object.keys(value)) {
      if (!spec.byProp.has(key) && !(path.length === 0 && key === 'extraElements'))
        problems.push({ kind: 'unknownProperty', path: [...path, key], property: key });
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
        if (child.kind === 'object' && item && typeof item === 'object')
          walk(item as Record<string, unknown>, child.element!, itemPath, child.name);
        else if (child.kind === 'text' && typeof item === 'string' && child.min > 0 && trimXmlSpace(item) === '')
          problems.push({ kind: 'empty', path: itemPath, element: child.name });
        else if (child.kind === 'formatted' && item && typeof item === 'object') {
          const { text, content } = item as { text?: unknown; content?: unknown };
          if (Array.isArray(content) && typeof text === 'string' && plainText(content as RichText[]) !== text)
            problems.push({ kind: 'textContentMismatch', path: itemPath, element: child.name });
        }
      });
    }
  };
  if (message && typeof message === 'object') walk(message as Record<string, unknown>, MESSAGE_SPEC, [], 'Emessage');
  return problems;
}
