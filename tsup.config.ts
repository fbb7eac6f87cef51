import { defineConfig } from 'tsup';
import type { Options } from 'tsup';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

/**
 * zod's namespace re-exports its ~50 translated error locales (260 KB of the CLI's 615 KB bundle, all compiled at each
 * start). Neither the CLI nor the library calls z.locales, and the bundles do not hand zod to their users; zod registers
 * English itself (from locales/en.js). So in the bundles (CLI, browser) the locales index offers English only.
 */
const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(build) {
    build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({
      contents: 'export { default as en } from "./en.js";',
      loader: 'js',
    }));
  },
};

/**
 * fdir (under tinyglobby) loads picomatch at start with its own require(), from node_modules beside the bundle: six
 * CommonJS files more at every start, and a second copy of picomatch. In the CLI bundle it gets the bundled picomatch.
 */
const fdirBundledPicomatch: Plugin = {
  name: 'fdir-bundled-picomatch',
  setup(build) {
    build.onLoad({ filter: /[\\/]fdir[\\/]dist[\\/]index\.mjs$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const source = await readFile(args.path, 'utf8');
      const optional = /let pm = null;[^]*?try \{\s*__require\.resolve\("picomatch"\);\s*pm = __require\("picomatch"\);\s*\} catch \{\}/;
      if (!optional.test(source)) return undefined; // another fdir: left as it is (it still works, only loads more)
      return {
        contents: `import __bundledPicomatch from "picomatch";\n${source.replace(optional, 'let pm = __bundledPicomatch;')}`,
        loader: 'js',
      };
    });
  },
};

/** What both browser builds share: everything bundled, nothing of Node, English zod messages only. */
const BROWSER = {
  outExtension: () => ({ js: '.js' }),
  platform: 'browser',
  target: 'es2022',
  splitting: false,
  minify: true,
  noExternal: [/.*/],
  esbuildPlugins: [zodEnglishOnly],
} satisfies Options;

/** The library's entries: the root, and each subpath of package.json's exports at its folder's index.ts. */
const LIBRARY_ENTRIES = {
  index: 'src/index.ts',
  'model/index': 'src/model/index.ts',
  'standard/index': 'src/standard/index.ts',
  'facts/index': 'src/facts/index.ts',
  'format/index': 'src/format/index.ts',
  'fhir/index': 'src/fhir/index.ts',
  'receipt/index': 'src/receipt/index.ts',
  'write/index': 'src/write/index.ts',
  'stats/index': 'src/stats/index.ts',
};

export default defineConfig([
  {
    // The library keeps its dependencies external (tsup's default for package.json dependencies): users share one zod.
    // The root and one entry per subpath (package.json exports), each a folder's index.ts. Code they share is in
    // shared chunks, CommonJS too: one GopOptionsError class, one rule catalogue, whichever entries a user imports.
    entry: LIBRARY_ENTRIES,
    format: ['esm', 'cjs'],
    splitting: true,
    dts: true,
    sourcemap: true,
    // Maps point into src/ by file and line; the sources themselves are not copied into the package a second time.
    esbuildOptions(options) {
      options.sourcesContent = false;
    },
    clean: true,
    target: 'node20',
  },
  {
    // The CLI is bundled whole, dependencies included: resolving and loading a few hundred files from node_modules was
    // most of its start-up. One file (no shared chunk: measured, chunks made start-up slower, 2.4× → 2.65× node -e 0);
    // what a command needs is imported when it runs (src/cli/commands/index.ts), so esbuild evaluates it only then.
    // It is one classic script for node:vm, so that it runs with a V8 code cache (src/cli/launch.ts,
    // scripts/build-cli-cache.mjs), in the main thread and in a batch's workers alike: CommonJS wrapped in a function
    // expression; the launcher hands in require, the paths and the bundle's URL for import.meta.url (which a script
    // does not have).
    entry: { 'cli-bundle': 'src/cli/bin.ts' },
    target: 'node20',
    platform: 'node',
    sourcemap: true,
    esbuildOptions(options) {
      options.sourcesContent = false;
    },
    splitting: false,
    // everything inside, minified, English zod messages only
    minify: true,
    noExternal: [/.*/],
    esbuildPlugins: [zodEnglishOnly, fdirBundledPicomatch],
    format: ['cjs'],
    define: { 'import.meta.url': '__gopBundleUrl' },
    banner: { js: '(function (require, module, exports, __filename, __dirname, __gopBundleUrl) {' },
    footer: { js: '})' },
  },
  {
    // dist/cli.js, the bin: the small ES module that runs the bundle above with its code cache.
    entry: { cli: 'src/cli/launch.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    splitting: false,
    minify: true,
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    // The library for browsers, one ES module with zod and date-fns inside (a <script type="module"> or an import map
    // needs no bundler then). Nothing of Node: platform browser, and test/web-build.test.ts checks that no import is left.
    entry: { 'web/medcom-gop.browser': 'src/index.ts' },
    format: ['esm'],
    ...BROWSER,
  },
  {
    // The page's code (web/page.ts, the library inside): a classic script, because Chromium refuses module scripts
    // from file://. scripts/build-web.mjs inlines it into dist/web/index.html and removes this file.
    entry: { 'web/page': 'web/page.ts' },
    format: ['iife'],
    ...BROWSER,
  },
]);
