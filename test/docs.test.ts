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
