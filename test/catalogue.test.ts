// Adding a rule means: a module named for its id, a line in the catalogue, a fixture named for it with a manifest
// entry, a case where it fires and one where it stays silent (test/rules.test.ts), both languages for every message
// (test/messages.test.ts) and a README row (test/docs.test.ts). This test fails when one of the first three is missing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../src/index';
import { FIXTURES_DIR, REPO_ROOT } from './helpers';

/** The rules' own modules, and the diagnostics each reading stage defines beside its code (src/<stage>/diagnostics). */
const RULE_FOLDERS = [
  join(REPO_ROOT, 'src', 'rules', 'catalogue'),
  ...['input', 'xml', 'read', 'model'].map((stage) => join(REPO_ROOT, 'src', stage, 'diagnostics')),
];
const modules = RULE_FOLDERS.flatMap((folder) => readdirSync(folder).filter((f) => f.endsWith('.ts')));
const manifest: { file: string; expectRules: string[] }[] = JSON.parse(readFileSync(`${FIXTURES_DIR}manifest.json`, 'utf8'));
const hostile: { file: string; rule: string }[] = JSON.parse(readFileSync(`${FIXTURES_DIR}hostile/manifest.json`, 'utf8'));
const invalidFixtures = readdirSync(`${FIXTURES_DIR}invalid`).filter((f) => f.endsWith('.xml'));

/** Rules no message file can show, with the test that covers them instead. */
const WITHOUT_FIXTURE: Record<string, string> = {
  'GOP-INPUT-008': 'needs over 1,000 findings in one message: test/findings-cap.test.ts builds such messages',
  'GOP-INPUT-009': 'an internal error is a bug of ours, not a property of a message: test/messages.test.ts makes a rule throw',
  'GOP-STRUCT-005': 'a value of the wrong type exists only in an object given to validateGop: test/validate-object.test.ts',
};

/** GOP-LAW-004 → law-004 */
const stemOf = (id: string) => id.replace(/^GOP-/, '').toLowerCase();

describe('the rule catalogue is complete', () => {
  it('has each rule id once', () => {
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
  });

  it.each(rules.map((r) => [r.id]))('%s has one module named for its id', (id) => {
    expect(modules.filter((f) => f.startsWith(`${stemOf(id)}-`))).toHaveLength(1);
  });

  it('has no rule module that is not in the catalogue', () => {
    const stems = new Set(rules.map((r) => stemOf(r.id)));
    const ruleModules = modules.filter((f) => /^[a-z]+-\d{3}-/.test(f));
    expect(ruleModules.filter((f) => !stems.has(f.slice(0, f.indexOf('-', f.indexOf('-') + 1))))).toEqual([]);
  });

  it.each(rules.map((r) => [r.id]))('%s has a fixture named for it, listed in a manifest that expects it', (id) => {
    if (WITHOUT_FIXTURE[id]) return expect(WITHOUT_FIXTURE[id]).toMatch(/test\//);
    const named = invalidFixtures.filter((f) => f.startsWith(`${id}--`));
    const listed = named.filter((f) => manifest.some((m) => m.file === `invalid/${f}` && m.expectRules.includes(id)));
    const inHostile = hostile.filter((h) => h.rule === id);
    expect(listed.length + inHostile.length, `fixtures/invalid/${id}--*.xml with a manifest entry, or a hostile fixture`).toBeGreaterThan(
      0,
    );
  });

  it('lists no rule as without a fixture that has one, or that does not exist', () => {
    for (const id of Object.keys(WITHOUT_FIXTURE)) {
      expect(
        rules.some((r) => r.id === id),
        id,
      ).toBe(true);
      expect(
        invalidFixtures.some((f) => f.startsWith(`${id}--`)),
        id,
      ).toBe(false);
    }
  });

  it('every fixture named for a rule is in the manifest, and every manifest file exists', () => {
    for (const file of invalidFixtures)
      expect(
        manifest.some((m) => m.file === `invalid/${file}`),
        file,
      ).toBe(true);
    for (const entry of manifest) expect(existsSync(`${FIXTURES_DIR}${entry.file}`), entry.file).toBe(true);
    for (const entry of hostile) expect(existsSync(`${FIXTURES_DIR}hostile/${entry.file}`), entry.file).toBe(true);
  });
});
