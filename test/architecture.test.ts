// The pipeline the folders promise, as the imports draw it: bytes → text → XML tree → typed model → rules → report →
// formatter, the builder on the way out. A stage imports only from stages before it; peers do not import each other.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers';

/** The stages in order; the folders of one row are peers. `index` is src/index.ts, the public surface. */
const STAGES: readonly (readonly string[])[] = [
  ['values'], // small pure functions on values (dates, CPR, codes)
  ['standard'], // code lists, namespaces, the legal calendar, references: data of the standard and the law
  ['texts'], // the languages and the redaction placeholder
  ['findings'], // the finding: metadata, message tables, the sink
  ['options'], // the one options contract
  ['input'], // bytes → text
  ['xml'], // text → XML tree with namespaces and offsets
  ['model'], // XML tree → typed model (the spec engine)
  ['read'], // the reader: raw plans, VANS envelopes, identification
  ['facts'], // dates, deadlines, the guarantee
  ['rules'], // the catalogue and its checks
  ['report'], // checkGop: findings and facts as one report
  ['format'], // report → JSON, text, JUnit, SARIF, GitHub
  ['view', 'fhir', 'receipt', 'write'], // HTML, KL Gateway, receipts, the builder
  ['stats'], // summaries over many reports
  ['cli'],
  ['index'],
];
const READING_STAGES = ['input', 'xml', 'model', 'read'];

const SRC = join(REPO_ROOT, 'src');
const rankOf = new Map(STAGES.flatMap((row, rank) => row.map((folder) => [folder, rank] as const)));

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The stage a file belongs to: its first folder under src/, or `index` for src/index.ts. */
const stageOf = (file: string) => {
  const [first, second] = relative(SRC, file).split('/');
  return second === undefined ? first!.replace(/\.ts$/, '') : first!;
};

/** Every relative module a file imports or re-exports (types too, dynamic imports too), as a path under src/. */
function importsOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const specifiers: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier))
      specifiers.push(node.moduleSpecifier.text);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(node.arguments[0]!))
      specifiers.push((node.arguments[0] as ts.StringLiteral).text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers.filter((s) => s.startsWith('.')).map((s) => normalize(join(dirname(file), s)));
}

const files = tsFiles(SRC);
const edges = files.flatMap((file) =>
  importsOf(file)
    .filter((target) => target.startsWith(SRC))
    .map((target) => ({ file: relative(REPO_ROOT, file), from: stageOf(file), to: stageOf(target), target: relative(REPO_ROOT, target) })),
);
const crossing = edges.filter((edge) => edge.from !== edge.to);

describe('the direction of the pipeline', () => {
  it('places every folder of src/ in a stage', () => {
    expect([...new Set(files.map(stageOf))].filter((stage) => !rankOf.has(stage))).toEqual([]);
  });

  it('has no stage importing a later stage or a peer', () => {
    const wrong = crossing
      .filter((edge) => rankOf.get(edge.to)! >= rankOf.get(edge.from)!)
      .map((edge) => `${edge.file} imports ${edge.target} (${edge.from} → ${edge.to})`);
    expect(wrong).toEqual([]);
  });

  it('has no cycle between folders', () => {
    const next = new Map<string, Set<string>>();
    for (const edge of crossing) (next.get(edge.from) ?? next.set(edge.from, new Set()).get(edge.from)!).add(edge.to);
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const walk = (stage: string, trail: string[]) => {
      if (state.get(stage) === 'done') return;
      if (state.get(stage) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(stage)), stage].join(' → '));
        return;
      }
      state.set(stage, 'open');
      for (const to of next.get(stage) ?? []) walk(to, [...trail, stage]);
      state.set(stage, 'done');
    };
    for (const stage of next.keys()) walk(stage, []);
    expect(cycles).toEqual([]);
  });

  it('keeps the reading stages free of rules/: each defines the diagnostics it detects', () => {
    const wrong = crossing.filter((edge) => READING_STAGES.includes(edge.from) && edge.to === 'rules').map((edge) => edge.file);
    expect(wrong).toEqual([]);
    // and the catalogue takes them from there
    expect(
      crossing.some((edge) => edge.from === 'rules' && READING_STAGES.includes(edge.to) && edge.target.includes('/diagnostics/')),
    ).toBe(true);
  });

  it('sees the imports it checks (the test would pass on an empty graph otherwise)', () => {
    expect(crossing.length).toBeGreaterThan(100);
    expect(crossing.some((edge) => edge.from === 'report' && edge.to === 'rules')).toBe(true);
  });
});

/** Functions, methods, arrows and accessors longer than `max` lines, in every .ts file under `dir`. */
function longFunctions(dir: string, max: number): string[] {
  const out: string[] = [];
  for (const file of tsFiles(dir)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
        const last = source.getLineAndCharacterOfPosition(node.end).line;
        if (last - first + 1 > max) out.push(`${relative(REPO_ROOT, file)}:${first + 1} (${last - first + 1} lines)`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

describe('small functions', () => {
  it('has no function over 150 lines in src/ or web/', () => {
    expect([...longFunctions(SRC, 150), ...longFunctions(join(REPO_ROOT, 'web'), 150)]).toEqual([]);
  });

  it('measures what it limits (a limit of 40 lines finds some)', () => {
    expect(longFunctions(SRC, 40).length).toBeGreaterThan(0);
  });
});
