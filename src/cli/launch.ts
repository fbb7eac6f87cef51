import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

/**
 * dist/cli.js, the `gop` bin: runs the bundled CLI (dist/cli-bundle.cjs: bin.ts and all it imports) with the V8 code
 * cache that `npm run build` made from a run of it (dist/cli.cache, scripts/build-cli-cache.mjs). Compiling the bundle
 * was a third of the start-up. V8 refuses a cache from another Node version (cachedDataRejected) and compiles as usual;
 * it checks only the source's length, though, so the cache starts with the key of its bundle, the bundle ends with the
 * same key, and a cache of another build is not offered at all. The cache only ever saves time.
 * The bundle is one function expression (tsup's banner and footer): CommonJS's parameters and import.meta.url, handed in.
 */
const KEY_LENGTH = 64;
const url = new URL('./cli-bundle.cjs', import.meta.url);
const filename = fileURLToPath(url);
const folder = dirname(filename);
const source = readFileSync(filename, 'utf8');
let cachedData: Buffer | undefined;
try {
  const cache = readFileSync(new URL('./cli.cache', import.meta.url));
  if (source.endsWith(`\n//# cache ${cache.toString('latin1', 0, KEY_LENGTH)}\n`)) cachedData = cache.subarray(KEY_LENGTH);
} catch {
  // no cache (built by tsup alone): compiled as usual
}
const bundle = new Script(source, { filename, cachedData }).runInThisContext();
const module = { exports: {} };
bundle(createRequire(filename), module, module.exports, filename, folder, url.href);
