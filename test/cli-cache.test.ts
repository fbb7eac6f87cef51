import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers';

// The bin (src/cli/launch.ts) runs dist/cli-bundle.cjs with the V8 code cache scripts/build-cli-cache.mjs made.
// Only `npm run build` makes the cache: these tests need it (npm test builds first).
const dist = join(REPO_ROOT, 'dist');
const minimal = join(REPO_ROOT, 'fixtures', 'valid', 'minimal.xml');
const node = (args: string[]) => spawnSync(process.execPath, args, { encoding: 'utf8', cwd: REPO_ROOT });

describe('the CLI code cache', () => {
  it('is one V8 accepts for the bundle, with the bundle’s key (npm run build makes it)', () => {
    const source = readFileSync(join(dist, 'cli-bundle.cjs'), 'utf8');
    const key = readFileSync(join(dist, 'cli.cache')).toString('latin1', 0, 64);
    expect(source.endsWith(`\n//# cache ${key}\n`)).toBe(true);
    // In a plain node, as the bin runs: V8 refuses a cache made under other flags (vitest's process has its own).
    const check = node([
      '-e',
      `const { readFileSync } = require('node:fs'); const { Script } = require('node:vm');
       const file = ${JSON.stringify(join(dist, 'cli-bundle.cjs'))};
       const script = new Script(readFileSync(file, 'utf8'), { filename: file, cachedData: readFileSync(${JSON.stringify(join(dist, 'cli.cache'))}).subarray(64) });
       console.log(script.cachedDataRejected);`,
    ]);
    expect(check.stdout.trim()).toBe('false');
  });

  it('runs a bundle V8 keeps as one-byte text: no character above U+00FF in the CLI (its workers run it too)', () => {
    // One such character (a quotation mark in a regular expression) made the whole source two-byte: twice the bytes
    // to read, decode and scan at every start. Source code writes them as escapes (src/facts/deadline-tokens.ts).
    for (const file of ['cli-bundle.cjs']) {
      const wide = [...readFileSync(join(dist, file), 'utf8').matchAll(/[^\u0000-\u00ff]/g)].map((m) => m[0]);
      expect(wide, file).toEqual([]);
    }
  });

  const copies: string[] = [];
  afterAll(() => {
    for (const folder of copies) rmSync(folder, { recursive: true, force: true });
  });
  /** The bin and its bundle in a folder of their own, with `cache` as cli.cache (or none). */
  const binWith = (cache: Buffer | undefined) => {
    const folder = mkdtempSync(join(tmpdir(), 'gop-cache-'));
    copies.push(folder);
    for (const file of ['cli.js', 'cli-bundle.cjs']) copyFileSync(join(dist, file), join(folder, file));
    if (cache) writeFileSync(join(folder, 'cli.cache'), cache);
    return join(folder, 'cli.js');
  };

  it('only saves time: without it, with one of another build, or a broken one, the CLI gives the same answer', () => {
    const cache = readFileSync(join(dist, 'cli.cache'));
    const expected = node([join(dist, 'cli.js'), 'validate', '--no-config', '-f', 'json', minimal]);
    expect(expected.status).toBe(0);
    const otherBuild = Buffer.concat([Buffer.from('0'.repeat(64), 'latin1'), cache.subarray(64)]);
    const broken = Buffer.concat([cache.subarray(0, 64), Buffer.alloc(1000, 7)]);
    for (const variant of [undefined, otherBuild, broken, cache.subarray(0, 10)]) {
      const run = node([binWith(variant), 'validate', '--no-config', '-f', 'json', minimal]);
      expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
        status: 0,
        stdout: expected.stdout,
        stderr: '',
      });
    }
  });
});
