import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * The package as users get it: the built files (npm test builds first), the public API, package.json's fields and
 * what `npm pack` puts in the tarball.
 */

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (file: string) => join(root, 'dist', file);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const require = createRequire(import.meta.url);

/**
 * The public API of each entry (package.json exports), ESM and CommonJS alike: the root is the core, every other
 * subpath mirrors a folder (src/<folder>/index.ts). This list is the decision: a name added to, moved between or
 * removed from an entry must be changed here too, on purpose (and in CHANGELOG.md's migration table).
 */
const SURFACE: Record<string, string[]> = {
  '.': [
    'BuildOptionsSchema',
    'CheckOptionsSchema',
    'CountsSchema',
    'FindingSchema',
    'GopBuildError',
    'GopMessageSchema',
    'GopOptionsError',
    'LANGUAGES',
    'LAYERS',
    'LanguageSchema',
    'LayerSchema',
    'ParseOptionsSchema',
    'RULESET_VERSION',
    'ReportSchema',
    'SEVERITIES',
    'SeveritySchema',
    'SeveritySettingSchema',
    'buildGop',
    'buildGopBytes',
    'checkGop',
    'formattedText',
    'parseGop',
    'plainText',
    'redactParseResult',
    'renderGopHtml',
    'renderMessage',
    'reportJsonSchema',
    'rules',
    'rulesById',
  ],
  './model': [
    'CoAddressSchema',
    'CodedValueSchema',
    'EnvelopeSchema',
    'ExtraElementSchema',
    'FormattedTextSchema',
    'LetterSchema',
    'PartySchema',
    'PatientSchema',
    'PersonSchema',
    'RehabilitationPlanSchema',
    'RelativeSchema',
    'RichTextSchema',
    'SenderSchema',
    'TelephoneSchema',
  ],
  './standard': [
    'CODE_LISTS',
    'GUARANTEE_DAYS',
    'LEGAL_CALENDAR',
    'LEVELS',
    'LEVEL_LABELS',
    'NS',
    'REFERENCES',
    'inForce',
    'inForceFrom',
    'legalChange',
  ],
  './facts': [
    'FactsSchema',
    'QualityStandardSchema',
    'addDanishWorkingDays',
    'computeFacts',
    'danishPublicHolidays',
    'interpretDeadline',
    'isDanishPublicHoliday',
    'isDanishWorkingDay',
    'localDate',
  ],
  './format': ['FORMATS', 'FileReportSchema', 'createFormatter', 'formatResults'],
  './fhir': ['ALMEN_SPLITS', 'KL_GATEWAY_PROBLEMS', 'KlGatewayOptionsSchema', 'STATUS_REASONS', 'toKlGatewayReport'],
  './receipts': [
    'GGOP_VERSION_CODE',
    'OriginalIdsSchema',
    'RECEIPTS',
    'RECEIPT_KINDS',
    'REFUSE_CODES',
    'ReceiptMessageSchema',
    'ReceiptOptionsSchema',
    'createReceiver',
    'decideReceipt',
    'defaultReceiptPolicy',
    'matchReceipt',
    'memorySeenStore',
    'parseReceipt',
    'receiptFor',
  ],
  './vans': [
    'VANS_GGOP_DOCUMENT',
    'VANS_RECEIPT_DOCUMENT',
    'VansEnvelopeInfoSchema',
    'VansWrapOptionsSchema',
    'isXsDateTime',
    'readVansReceipt',
    'wrapInVans',
    'wrapReceiptInVans',
  ],
  './stats': [
    'PlanSummarySchema',
    'STARTS_LIMITS',
    'SUMMARY_FORMATS',
    'StartRecordSchema',
    'SummaryOptionsSchema',
    'createSummary',
    'parseStarts',
    'renderSummaryHtml',
    'summarizePlans',
    'summaryCsv',
    'summaryJson',
    'summaryJsonSchema',
    'summaryText',
  ],
};

/** Where each subpath's build is: its folder's index (receipts → receipt, vans → write). */
const FILE_OF: Record<string, string> = {
  '.': 'index',
  './model': 'model/index',
  './standard': 'standard/index',
  './facts': 'facts/index',
  './format': 'format/index',
  './fhir': 'fhir/index',
  './receipts': 'receipt/index',
  './vans': 'write/index',
  './stats': 'stats/index',
};

/** The library's subpaths as package.json maps them: each to its folder's build, ESM and CommonJS with declarations. */
const library = (file: string) => ({
  import: { types: `./dist/${file}.d.ts`, default: `./dist/${file}.js` },
  require: { types: `./dist/${file}.d.cts`, default: `./dist/${file}.cjs` },
});

describe('the build', () => {
  it('exists (npm test builds before it tests)', () => {
    for (const file of ['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts', 'cli.js', 'cli-bundle.cjs', 'cli.cache']) {
      expect(existsSync(dist(file)), `dist/${file}: run npm run build`).toBe(true);
    }
  });

  for (const [subpath, names] of Object.entries(SURFACE)) {
    it(`exports exactly its names from ${subpath}, ESM and CommonJS`, async () => {
      const file = FILE_OF[subpath]!;
      expect(Object.keys(await import(pathToFileURL(dist(`${file}.js`)).href)).sort()).toEqual(names);
      expect(Object.keys(require(dist(`${file}.cjs`))).sort()).toEqual(names);
    });
  }

  it('keeps the root to the core: at most 40 runtime names, and each name in one entry only', () => {
    expect(SURFACE['.']!.length).toBeLessThanOrEqual(40);
    const all = Object.values(SURFACE).flat();
    expect(all.length).toBe(new Set(all).size);
  });

  it('shares one copy of the code between entries (one GopOptionsError class), ESM and CommonJS', async () => {
    const root = await import(pathToFileURL(dist('index.js')).href);
    const receipts = await import(pathToFileURL(dist('receipt/index.js')).href);
    expect(() => receipts.createReceiver({ unknown: 1 })).toThrow(root.GopOptionsError);
    expect(() => require(dist('receipt/index.cjs')).createReceiver({ unknown: 1 })).toThrow(require(dist('index.cjs')).GopOptionsError);
  });

  it('has source maps that do not embed the sources', () => {
    const maps = readdirSync(join(root, 'dist')).filter((file) => file.endsWith('.map'));
    expect(maps.length).toBeGreaterThanOrEqual(4);
    for (const file of maps) expect(readFileSync(dist(file), 'utf8'), file).not.toContain('"sourcesContent"');
  });
});

describe('package.json', () => {
  it('describes the package for the registry', () => {
    expect(pkg.license).toBe('MIT');
    expect(pkg.repository).toEqual({ type: 'git', url: 'git+https://github.com/medcom-gop/medcom-gop.git' });
    expect(pkg.homepage).toMatch(/^https:\/\/github\.com\/medcom-gop\/medcom-gop/);
    expect(pkg.bugs.url).toBe('https://github.com/medcom-gop/medcom-gop/issues');
    expect(pkg.keywords).toEqual(expect.arrayContaining(['medcom', 'g-gop', 'genoptræningsplan', 'xml', 'validation', 'fhir', 'denmark']));
    expect(pkg.sideEffects).toBe(false);
    expect(pkg.engines.node).toBe('>=20');
    expect(pkg.files).toEqual(expect.arrayContaining(['dist', 'schemas', 'LICENSE']));
    // git installs build by prepare; the tarball is built already, and its manifest has no prepare (npm 11 warns about
    // install scripts): prepack builds and strips it, postpack puts it back (scripts/pack-manifest.mjs)
    expect(pkg.scripts.prepare).toBe('npm run build');
    expect(pkg.scripts.prepack).toBe('npm run build && node scripts/pack-manifest.mjs strip');
    expect(pkg.scripts.postpack).toBe('node scripts/pack-manifest.mjs restore');
    expect(existsSync(join(root, 'LICENSE'))).toBe(true);
  });

  it('has two names for one CLI, gop and medcom-gop (npx medcom-gop finds this package)', () => {
    expect(pkg.bin).toEqual({ gop: './dist/cli.js', 'medcom-gop': './dist/cli.js' });
    expect(readFileSync(dist('cli.js'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('exports the library (ESM and CommonJS, each with its declarations), the browser bundle and the report schema', () => {
    // The decision, on purpose: a subpath added or removed here is added to or removed from what users can import.
    expect(pkg.exports).toEqual({
      ...Object.fromEntries(Object.entries(FILE_OF).map(([subpath, file]) => [subpath, library(file)])),
      // the same API as '.', one ES module with zod and date-fns inside (test/web-build.test.ts)
      './browser': { types: './dist/index.d.ts', default: './dist/web/medcom-gop.browser.js' },
      './report.schema.json': './schemas/report.schema.json',
      './summary.schema.json': './schemas/summary.schema.json',
      './package.json': './package.json',
    });
    expect(pkg.main).toBe('./dist/index.cjs');
    expect(pkg.types).toBe('./dist/index.d.ts');
    for (const file of Object.values(pkg.exports as Record<string, unknown>).flatMap((target) =>
      typeof target === 'string'
        ? [target]
        : Object.values(target as object).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t))),
    )) {
      expect(existsSync(join(root, file as string)), `${file}: run npm run build`).toBe(true);
    }
  });

  it('resolves the package by its own name, and medcom-gop/report.schema.json through exports', () => {
    expect(require.resolve('medcom-gop')).toBe(dist('index.cjs'));
    expect(require.resolve('medcom-gop/report.schema.json')).toBe(join(root, 'schemas', 'report.schema.json'));
    // TypeScript's old node10 resolution ignores exports: typesVersions maps the subpath for it
    expect(pkg.typesVersions['*']).toEqual({
      ...Object.fromEntries(
        Object.keys(SURFACE).flatMap((subpath) => (subpath === '.' ? [] : [[subpath.slice(2), [pkg.exports[subpath].import.types]]])),
      ),
      'report.schema.json': [pkg.exports['./report.schema.json']],
      'summary.schema.json': [pkg.exports['./summary.schema.json']],
      browser: [pkg.exports['./browser'].types],
    });
    expect(require.resolve('medcom-gop/browser')).toBe(dist('web/medcom-gop.browser.js'));
    expect(require.resolve('medcom-gop/receipts')).toBe(dist('receipt/index.cjs'));
    expect(require.resolve('medcom-gop/vans')).toBe(dist('write/index.cjs'));
    const schema = require('medcom-gop/report.schema.json');
    expect(schema.$schema).toMatch(/json-schema\.org/);
  });
});

describe('npm pack', () => {
  // --ignore-scripts: pack would otherwise run prepare, a build that empties dist/ under the other tests' feet
  const listing = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }));
  const files: string[] = listing[0].files.map((file: { path: string }) => file.path);

  it('ships the builds, the licence and the report schema', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'dist/index.js',
        'dist/index.cjs',
        'dist/index.d.ts',
        'dist/index.d.cts',
        ...Object.values(FILE_OF).flatMap((file) => ['js', 'cjs', 'd.ts', 'd.cts'].map((ext) => `dist/${file}.${ext}`)),
        'dist/cli.js',
        'dist/cli-bundle.cjs',
        'dist/cli.cache',
        'dist/web/medcom-gop.browser.js',
        'LICENSE',
        'README.md',
        'package.json',
        'schemas/report.schema.json',
        'schemas/summary.schema.json',
      ]),
    );
  });

  it('ships no sources, tests, fixtures or benchmarks', () => {
    expect(files.filter((file) => /^(src|test|fixtures|bench|docs|scratch)\//.test(file))).toEqual([]);
    expect(files.filter((file) => !/^(dist|schemas)\//.test(file)).sort()).toEqual(['LICENSE', 'README.md', 'package.json']);
  });
});
