import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from '../src/index';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('lists every rule of the catalogue with its severity', () => {
    for (const rule of rules) expect(readme).toContain(`| ${rule.id} | ${rule.severity} | ${rule.docs.en} |`);
  });

  it('has the two quick-start commands', () => {
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toContain('npm ci && npm test');
  });
});

describe('the package', () => {
  it('is importable by its name, as ESM and as CommonJS, after the build', async () => {
    const { runCommand } = await import('./helpers');
    const esm = await runCommand(process.execPath, [
      '--input-type=module',
      '-e',
      "import { parseGop, checkGop, buildGop } from 'medcom-gop'; console.log([parseGop, checkGop, buildGop].map((f) => typeof f).join())",
    ]);
    expect(esm.stdout.trim()).toBe('function,function,function');
    const cjs = await runCommand(process.execPath, [
      '-e',
      "const m = require('medcom-gop'); console.log(typeof m.parseGop, m.rules.length > 20)",
    ]);
    expect(cjs.stdout.trim()).toBe('function true');
  });

  it('reports the package version from gop --version', async () => {
    const { runGop } = await import('./helpers');
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect((await runGop(['--version'])).stdout.trim()).toBe(version);
  });
});
