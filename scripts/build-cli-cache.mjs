// After tsup: dist/cli.cache, the V8 code cache that the bin (src/cli/launch.ts) runs dist/cli-bundle.cjs with.
// The cache is made after one run of the CLI (`gop validate` over a small valid plan), so that it holds every function
// compiled on the way, not only the bundle's top level (V8 compiles a function when it is first called). The run is a
// child process (this script again, with --warm), its output and exit status kept out of the build.
// Both files carry a key, the bundle's hash: the bundle ends with it, the cache starts with it (see launch.ts).
// `node scripts/build-cli-cache.mjs [DIST]` (default: dist/ beside this folder).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Script } from 'node:vm';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(process.argv[2] ?? join(root, 'dist'));
const bundleFile = join(dist, 'cli-bundle.cjs');
const cacheFile = join(dist, 'cli.cache');
const plan = join(root, 'fixtures', 'valid', 'minimal.xml');
const KEY_LINE = /\n\/\/# cache ([0-9a-f]{64})\n$/;

const compile = (source, cachedData) => new Script(source, { filename: bundleFile, cachedData });

if (process.argv[3] === '--warm') {
  // As the bin runs it, with the arguments of a common run; at exit, everything it ran has been compiled.
  const source = readFileSync(bundleFile, 'utf8');
  const key = KEY_LINE.exec(source)[1];
  const script = compile(source);
  process.argv = [process.argv[0], join(dist, 'cli.js'), 'validate', '--no-config', plan];
  process.on('exit', () => writeFileSync(cacheFile, Buffer.concat([Buffer.from(key, 'latin1'), script.createCachedData()])));
  const module = { exports: {} };
  script.runInThisContext()(createRequire(bundleFile), module, module.exports, bundleFile, dist, pathToFileURL(bundleFile).href);
} else {
  const built = readFileSync(bundleFile, 'utf8')
    .replace(KEY_LINE, '\n')
    .replace(/([^\n])$/, '$1\n'); // as tsup wrote it
  const key = createHash('sha256').update(built).digest('hex');
  const source = `${built}//# cache ${key}\n`;
  writeFileSync(bundleFile, source);
  const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), dist, '--warm'], { encoding: 'utf8' });
  if (run.status !== 0) {
    console.error(`build-cli-cache: the warm-up run failed (exit ${run.status})\n${run.stdout}${run.stderr}`);
    process.exit(1);
  }
  // V8 would refuse a cache that does not fit silently, at every start: refused here, it fails the build instead.
  const cache = readFileSync(cacheFile);
  if (cache.toString('latin1', 0, 64) !== key || compile(source, cache.subarray(64)).cachedDataRejected !== false) {
    console.error('build-cli-cache: the cache does not fit the bundle');
    process.exit(1);
  }
}
