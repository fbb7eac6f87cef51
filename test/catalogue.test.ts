// Adding a rule means: a module named for its id, a line in the catalogue, a fixture named for it with a manifest
// entry, a test file named like its module (test/rules/<module>.test.ts) whose testRule has cases where it fires
// (invalid) and where it stays silent (valid), both languages for every message (test/messages.test.ts) and a README
// row (test/docs.test.ts). This test fails when one of the first four is missing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rules, rulesById } from '../src/index';
import { REFERENCES } from '../src/standard/index';
import { LANGUAGES } from '../src/texts/languages';
import { FIXTURES_DIR, REPO_ROOT } from './helpers';

/** The rules' own modules, and the diagnostics each reading stage defines beside its code (src/<stage>/diagnostics). */
const RULE_FOLDERS = [
  join(REPO_ROOT, 'src', 'rules', 'catalogue'),
  ...['input', 'xml', 'read', 'model'].map((stage) => join(REPO_ROOT, 'src', stage, 'diagnostics')),
];
const moduleFiles = RULE_FOLDERS.flatMap((folder) =>
  readdirSync(folder)
    .filter((f) => f.endsWith('.ts'))
    .map((file) => ({ folder, file })),
);
const modules = moduleFiles.map((m) => m.file);
const RULE_TESTS = join(REPO_ROOT, 'test', 'rules');
const manifest: { file: string; expectRules: string[] }[] = JSON.parse(readFileSync(`${FIXTURES_DIR}manifest.json`, 'utf8'));
const hostile: { file: string; rule: string }[] = JSON.parse(readFileSync(`${FIXTURES_DIR}hostile/manifest.json`, 'utf8'));
const invalidFixtures = readdirSync(`${FIXTURES_DIR}invalid`).filter((f) => f.endsWith('.xml'));

/** Rules no message file can show, with the test that covers them instead. */
const WITHOUT_FIXTURE: Record<string, string> = {
  'GOP-INPUT-008':
    'needs over 1,000 findings in one message: test/findings-cap.test.ts builds such messages (and test/rules/ lowers maxFindings)',
  'GOP-INPUT-009': 'an internal error is a bug of ours, not a property of a message: test/rules/ makes a rule and a getter throw',
  'GOP-STRUCT-005': 'a value of the wrong type exists only in an object given to checkGop: test/validate-object.test.ts and test/rules/',
};

/** GOP-LAW-004 → law-004 */
const stemOf = (id: string) => id.replace(/^GOP-/, '').toLowerCase();
/** A rule's test file, named like its module: src/rules/catalogue/law-004-total.ts → test/rules/law-004-total.test.ts */
const testFileOf = (file: string) => join(RULE_TESTS, file.replace(/\.ts$/, '.test.ts'));

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

describe('every rule has its own test file, with valid and invalid cases', () => {
  it.each(rules.map((r) => [r.id]))('%s: test/rules/<module>.test.ts imports the module and calls testRule', (id) => {
    const module = moduleFiles.find((m) => m.file.startsWith(`${stemOf(id)}-`));
    expect(module, `the module of ${id}`).toBeDefined();
    const testFile = testFileOf(module!.file);
    expect(existsSync(testFile), relative(REPO_ROOT, testFile)).toBe(true);
    const text = readFileSync(testFile, 'utf8');
    const importPath = relative(RULE_TESTS, join(module!.folder, module!.file)).replace(/\.ts$/, '');
    expect(text).toContain(`from '${importPath}';`);
    expect(text).toMatch(/\btestRule\(/);
    // non-empty arrays, written in place (testRule also refuses empty ones when it runs)
    expect(text).toMatch(/\bvalid: \[\s*[^\]\s]/);
    expect(text).toMatch(/\binvalid: \[\s*[^\]\s]/);
  });

  it('has no test file in test/rules that is not named like a rule module', () => {
    const expected = new Set(modules.filter((f) => /^[a-z]+-\d{3}-/.test(f)).map((f) => f.replace(/\.ts$/, '.test.ts')));
    const files = readdirSync(RULE_TESTS).filter((f) => f.endsWith('.test.ts'));
    expect(files.filter((f) => !expected.has(f))).toEqual([]);
  });
});

const RULES_MD = fileURLToPath(new URL('../../shared/spec/rules.md', import.meta.url));
const haveRulesMd = existsSync(RULES_MD);
if (!haveRulesMd) console.warn(`rules.md catalogue checks skipped: ${RULES_MD} is absent (it lives in ../shared/spec beside the repo)`);

/** The catalogue table of rules.md: id, layer and severity of each row. */
function rulesMdTable(): { id: string; layer: string; severity: string }[] {
  return readFileSync(RULES_MD, 'utf8')
    .split('\n')
    .map((line) => /^\|\s*(GOP-[A-Z]+-\d{3})\s*\|\s*([a-z]+)\s*\|\s*([a-z]+)\s*\|/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ id: m[1]!, layer: m[2]!, severity: m[3]! }));
}

describe('the catalogue', () => {
  it('every rule has a unique, well-formed id, both titles, docs in both languages and a known reference', () => {
    const seen = new Set<string>();
    for (const rule of rules) {
      expect(rule.id).toMatch(/^GOP-(INPUT|STRUCT|FORMAT|CODE|LAW)-\d{3}$/);
      expect(seen.has(rule.id), `${rule.id} twice`).toBe(false);
      seen.add(rule.id);
      expect(rule.title.da.trim(), `${rule.id} title.da`).not.toBe('');
      expect(rule.title.en.trim(), `${rule.id} title.en`).not.toBe('');
      expect(rule.title.da, `${rule.id}: the Danish title is not the English one`).not.toBe(rule.title.en);
      expect(rule.docs.da.trim(), `${rule.id} docs.da`).not.toBe('');
      expect(rule.docs.en.trim(), `${rule.id} docs.en`).not.toBe('');
      expect(REFERENCES[rule.referenceKey]?.label, `${rule.id} reference`).toBe(rule.reference);
      expect(Object.keys(rule.messages).length, `${rule.id} messages`).toBeGreaterThan(0);
      for (const texts of Object.values(rule.messages)) for (const language of LANGUAGES) expect(typeof texts[language]).toBe('function');
      // the prefix of the id names the layer
      const prefix = { input: 'INPUT', structure: 'STRUCT', format: 'FORMAT', code: 'CODE', law: 'LAW' }[rule.layer];
      expect(rule.id.startsWith(`GOP-${prefix}-`), `${rule.id} is in layer ${rule.layer}`).toBe(true);
    }
  });

  it('every rule appears in `rules` exactly once, and rulesById maps each id to it', () => {
    for (const rule of rules) {
      expect(rules.filter((r) => r.id === rule.id)).toHaveLength(1);
      expect(rules.filter((r) => r === rule)).toHaveLength(1);
      expect(rulesById.get(rule.id)).toBe(rule);
    }
    expect(rulesById.size).toBe(rules.length);
  });

  it('only rules of the reader layers (input, structure) lack a check function', () => {
    for (const rule of rules) expect(rule.check === undefined, rule.id).toBe(rule.layer === 'input' || rule.layer === 'structure');
  });

  it.runIf(haveRulesMd)("every rule id of rules.md's catalogue table is in `rules`, with its layer and severity", () => {
    const table = rulesMdTable();
    expect(table.length).toBeGreaterThanOrEqual(28);
    for (const row of table) {
      const rule = rulesById.get(row.id);
      expect(rule, `${row.id} from rules.md`).toBeDefined();
      expect(rule!.layer, `${row.id} layer`).toBe(row.layer);
      expect(rule!.severity, `${row.id} severity`).toBe(row.severity);
    }
  });
});
