import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * The tarball as a user's project gets it (issue 23): `npm pack` of the build (npm test builds first), unpacked into a
 * consumer's node_modules with the package's dependencies linked from this repository's node_modules (no network),
 * then type-checked by this repository's tsc under each module setting a user may have — strict, without skipLibCheck,
 * with and without exactOptionalPropertyTypes — and the browser bundle imported by node.
 */

const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');

let work: string;
let packed: Record<string, unknown> & { dependencies: Record<string, string>; scripts: Record<string, string> };

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'medcom-gop-consumer-'));
  // --ignore-scripts: prepack would build again, emptying dist/ under the other tests' feet. Its other step, the
  // manifest without "prepare", is run below on the unpacked copy, as prepack runs it in the repository.
  const [{ filename }] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: root, encoding: 'utf8' }),
  );
  const modules = join(work, 'node_modules');
  mkdirSync(modules);
  execFileSync('tar', ['-xzf', join(work, filename), '-C', modules]);
  const pkg = join(modules, 'medcom-gop');
  renameSync(join(modules, 'package'), pkg);
  execFileSync(process.execPath, [join(root, 'scripts', 'pack-manifest.mjs'), 'strip'], { cwd: pkg });
  packed = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
  // What npm would install beside it: the dependencies the tarball names, from this repository.
  for (const name of Object.keys(packed.dependencies)) {
    mkdirSync(dirname(join(modules, name)), { recursive: true });
    symlinkSync(join(root, 'node_modules', name), join(modules, name), 'junction');
  }
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A consumer project: its own directory under the shared node_modules, with package.json, tsconfig.json, index.ts. */
function project(name: string, esm: boolean, compilerOptions: Record<string, unknown>, source: string): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true, ...(esm ? { type: 'module' } : {}) }));
  // lib: target's default (ES2022 and DOM); zod's declarations name URL, which a project has from DOM or @types/node.
  const options = { target: 'es2022', strict: true, skipLibCheck: false, noEmit: true, types: [], ...compilerOptions };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, files: ['index.ts'] }));
  writeFileSync(join(dir, 'index.ts'), source);
  return dir;
}

/** tsc's exit code and output (it reports errors on stdout). */
async function typecheck(dir: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [tsc, '-p', dir], { cwd: dir });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, output: stdout + stderr };
  }
}

/**
 * Runtime values and types of the root and of each subpath, the FHIR bundle and a receipt. Each @ts-expect-error is an assertion
 * too: if the bundle were `any` (an unresolved FHIR import under skipLibCheck) the line would compile and tsc would
 * report the unused directive.
 */
const consumer = (esm: boolean) => `import { RULESET_VERSION, checkGop } from 'medcom-gop';
import type { Report } from 'medcom-gop';
import { ReceiptMessageSchema, parseReceipt } from 'medcom-gop/receipts';
import type { ParsedReceipt, ReceiptMessage, RefuseCode } from 'medcom-gop/receipts';
import { toKlGatewayReport } from 'medcom-gop/fhir';
import type { KlGatewayResult } from 'medcom-gop/fhir';
import { PatientSchema, type Patient } from 'medcom-gop/model';
import { LEGAL_CALENDAR, type LegalChangeKey } from 'medcom-gop/standard';
import { computeFacts, type Facts } from 'medcom-gop/facts';
import { createFormatter, type FileReport } from 'medcom-gop/format';
import { wrapInVans, type VansWrapOptions } from 'medcom-gop/vans';
${esm ? "import { checkGop as checkInBrowser } from 'medcom-gop/browser';\nexport const sameApi: typeof checkGop = checkInBrowser;" : ''}

export const version: string = RULESET_VERSION;
export const report: (input: Parameters<typeof checkGop>[0]) => Report = checkGop;
export const patient: (value: unknown) => Patient = (value) => PatientSchema.parse(value);
export const change: LegalChangeKey | undefined = Object.keys(LEGAL_CALENDAR)[0] as LegalChangeKey | undefined;
export const facts: Facts = computeFacts({});
export const text: string = createFormatter('text').end();
export const fileReport: (value: FileReport) => string = (value) => value.file;
export const wrap: (xml: string, options: VansWrapOptions) => string = wrapInVans;

declare const result: KlGatewayResult;
const used: unknown[] = [];
export const fromFunction: ReturnType<typeof toKlGatewayReport> = result;
if (result.ok) {
  const bundle = result.bundle;
  const type: 'Bundle' = bundle.resourceType;
  const kind: string | undefined = bundle.type;
  // @ts-expect-error a FHIR Bundle is not a number (compiles only if the bundle's type were lost as any)
  const wrong: number = bundle;
  // @ts-expect-error a Bundle's resourceType is 'Bundle'
  const patient: 'Patient' = bundle.resourceType;
  used.push(type, kind, wrong, patient);
}

declare const message: ReceiptMessage;
const refuse: RefuseCode | undefined = message.NegativeReceipt?.OriginalEmessage.RefuseCode;
export const parsedMessage: ReceiptMessage = ReceiptMessageSchema.parse(message);
export const receipt: ParsedReceipt = parseReceipt('<Emessage/>');
// @ts-expect-error not one of the closed list of refuse codes
export const unknownCode: RefuseCode = 'whatever';
used.push(refuse);
`;

/** The module settings a user's tsconfig may have; ESM or CommonJS is the consumer's package.json "type". */
const SETTINGS = [
  { name: 'nodenext', esm: true, options: { module: 'nodenext', moduleResolution: 'nodenext' } },
  // A CommonJS package under Node16: the "require" condition, dist/index.d.cts
  { name: 'node16-cjs', esm: false, options: { module: 'node16', moduleResolution: 'node16' } },
  { name: 'bundler', esm: true, options: { module: 'esnext', moduleResolution: 'bundler' } },
  // node10 reads "types" (and typesVersions), not exports. zod's own CommonJS declarations need esModuleInterop.
  { name: 'commonjs', esm: false, options: { module: 'commonjs', moduleResolution: 'node10', esModuleInterop: true } },
] as const;

describe('a TypeScript consumer of the packed package (strict, no skipLibCheck)', () => {
  it('installs a manifest without the prepare script, and the browser bundle is exported', () => {
    expect(packed.scripts['prepare']).toBeUndefined();
    expect(packed['exports']).toHaveProperty(['./browser']);
  });

  for (const setting of SETTINGS) {
    for (const exact of [false, true]) {
      it(`compiles with module ${setting.name}, exactOptionalPropertyTypes ${exact}`, async () => {
        const dir = project(
          `${setting.name}-${exact}`,
          setting.esm,
          { ...setting.options, exactOptionalPropertyTypes: exact },
          consumer(setting.esm),
        );
        const { code, output } = await typecheck(dir);
        expect(output).toBe('');
        expect(code).toBe(0);
      }, 120_000);
    }
  }

  it('fails on a type error in the consumer (the control: tsc does check it)', async () => {
    const dir = project('control', true, SETTINGS[0].options, `${consumer(true)}\nexport const broken: number = RULESET_VERSION;\n`);
    const { code, output } = await typecheck(dir);
    expect(code).not.toBe(0);
    expect(output).toMatch(/^index\.ts\(\d+,\d+\): error TS2322: Type '[^']+' is not assignable to type 'number'\./m);
    expect(output.trim().split('\n')).toHaveLength(1); // that error and no other: the declarations themselves are clean
  }, 120_000);
});

describe('a JavaScript consumer of the packed package', () => {
  it('imports the library, requires it, imports and requires each subpath, and imports the browser bundle (medcom-gop/browser)', async () => {
    const dir = join(work, 'runtime');
    mkdirSync(dir);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'runtime', private: true, type: 'module' }));
    writeFileSync(
      join(dir, 'index.js'),
      `import { createRequire } from 'node:module';
import * as library from 'medcom-gop';
import * as browser from 'medcom-gop/browser';
const require = createRequire(import.meta.url);
const required = require('medcom-gop');
const names = (api) => Object.keys(api).sort().join(',');
const subpaths = {};
for (const subpath of ['model', 'standard', 'facts', 'format', 'fhir', 'receipts', 'vans', 'stats']) {
  const imported = await import(\`medcom-gop/\${subpath}\`);
  subpaths[subpath] = names(imported) === names(require(\`medcom-gop/\${subpath}\`)) ? Object.keys(imported).length : 'differs';
}
console.log(JSON.stringify({
  same: names(library) === names(browser) && names(library) === names(required),
  count: Object.keys(browser).length,
  version: browser.RULESET_VERSION === library.RULESET_VERSION,
  checks: typeof browser.checkGop({}).valid,
  subpaths,
}));
`,
    );
    const { stdout } = await run(process.execPath, ['index.js'], { cwd: dir });
    const answer = JSON.parse(stdout);
    expect(answer).toEqual({
      same: true,
      count: answer.count,
      version: true,
      checks: 'boolean',
      subpaths: { model: 14, standard: 10, facts: 9, format: 4, fhir: 5, receipts: 14, vans: 8, stats: 13 },
    });
    expect(answer.count).toBeGreaterThan(20);
    expect(answer.count).toBeLessThanOrEqual(40);
  }, 120_000);
});
