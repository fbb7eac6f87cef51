import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { checkGop } from '../src/index';
import { DEFAULT_PARSE_OPTIONS } from '../src/options/index';
import { FIXTURES_DIR, fastestMs } from './helpers';

interface HostileEntry {
  file: string;
  rule: string | null;
  note: string;
}
const manifest: HostileEntry[] = JSON.parse(readFileSync(`${FIXTURES_DIR}hostile/manifest.json`, 'utf8'));
const minimal = readFileSync(`${FIXTURES_DIR}valid/minimal.xml`, 'utf8');
const M104 = 'urn:oio:medcom:municipality:1.0.4';

/** Each line of this table is printed at the end: which document gave which finding, how fast. */
const table: { document: string; finding: string; ms: string }[] = [];
afterAll(() => console.table(table));

function expectRejected(name: string, input: string | Uint8Array, rule: string) {
  const { ms, result: report } = fastestMs(() => checkGop(input));
  table.push({ document: name, finding: report.findings.map((f) => f.ruleId).join(' ') || '(none)', ms: ms.toFixed(1) });
  expect(report.valid).toBe(false);
  expect(report.findings[0]).toMatchObject({ ruleId: rule, severity: 'fatal' });
  expect(report.findings[0]!.line).toBeGreaterThanOrEqual(1);
  // Speed is npm run bench's: the table above prints the times, no test asserts one (a slow machine must never fail).
}

describe('the hostile corpus (fixtures/hostile)', () => {
  it('has the documents the policy names', () => {
    expect(manifest.length).toBeGreaterThanOrEqual(20);
  });

  it.each(manifest.filter((m) => m.rule?.startsWith('GOP-INPUT')))('$file: $rule ($note)', ({ file, rule }) => {
    expectRejected(file, readFileSync(`${FIXTURES_DIR}hostile/${file}`), rule!);
  });

  it.each(manifest.filter((m) => m.rule === 'fatal'))('$file: some fatal input finding ($note)', ({ file }) => {
    const { ms, result: report } = fastestMs(() => checkGop(readFileSync(`${FIXTURES_DIR}hostile/${file}`)));
    table.push({ document: file, finding: report.findings.map((f) => f.ruleId).join(' '), ms: ms.toFixed(1) });
    expect(report.findings.some((f) => f.severity === 'fatal' && /^GOP-INPUT-00[1-7]$/.test(f.ruleId) && f.line)).toBe(true);
  });

  it('xinclude.xml: XInclude is not processed; the element is kept verbatim and nothing is fetched', () => {
    const report = checkGop(readFileSync(`${FIXTURES_DIR}hostile/xinclude.xml`));
    expect(report.findings.map((f) => f.ruleId)).toEqual(['GOP-STRUCT-003']);
    expect(JSON.stringify(report)).not.toContain('root:');
  });

  it('cdata-markup.xml: markup inside CDATA stays text, with no finding', () => {
    const report = checkGop(readFileSync(`${FIXTURES_DIR}hostile/cdata-markup.xml`));
    expect(report.findings).toEqual([]);
  });
});

describe('generated hostile documents (too large to check in)', () => {
  it('a 10 MB text node: over the size cap (GOP-INPUT-004)', () => {
    const huge = minimal.replace('<RehabilitationNeedAndPotential>', `<RehabilitationNeedAndPotential>${'a'.repeat(10 * 1024 * 1024)}`);
    expectRejected('10 MB text node (string)', huge, 'GOP-INPUT-004');
    expectRejected('10 MB text node (bytes)', Buffer.from(huge), 'GOP-INPUT-004');
  });

  it('100,000 attributes on one element (GOP-INPUT-004)', () => {
    const attributes = Array.from({ length: 100_000 }, (_, i) => `a${i}="${i}"`).join(' ');
    expectRejected('100,000 attributes', minimal.replace('<RehabilitationPlan>', `<RehabilitationPlan ${attributes}>`), 'GOP-INPUT-004');
  });

  it('nesting 10,000 deep (GOP-INPUT-004), with the line of the first element too deep', () => {
    const deep = `<Emessage xmlns="${M104}">\n${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}</Emessage>`;
    expectRejected('nesting 10,000 deep', deep, 'GOP-INPUT-004');
    expect(checkGop(deep).findings[0]).toMatchObject({ line: 2, column: 1 + 3 * (DEFAULT_PARSE_OPTIONS.maxDepth - 1) });
  });

  it('a million levels left open, just under the size cap (GOP-INPUT-004): refused at the first level too deep, not read to the end', () => {
    const open = `<Emessage xmlns="${M104}">${'<a>'.repeat(1_000_000)}`;
    expectRejected('a million levels left open', open, 'GOP-INPUT-004');
  });

  it('an entity bomb 100 levels deep inside element content without a DOCTYPE is only undefined references (GOP-INPUT-001)', () => {
    expectRejected(
      'undefined entity references',
      minimal.replace('<RehabilitationNeedAndPotential>', `<RehabilitationNeedAndPotential>${'&lol9;'.repeat(100)}`),
      'GOP-INPUT-001',
    );
  });

  it('a message just under the cap is read, not refused', () => {
    const big = minimal.replace(
      '<RehabilitationNeedAndPotential>',
      `<RehabilitationNeedAndPotential>${'Træning af gang. '.repeat(200_000)}`,
    );
    expect(Buffer.byteLength(big)).toBeLessThan(DEFAULT_PARSE_OPTIONS.maxBytes);
    const report = checkGop(big);
    expect(report.findings.filter((f) => f.severity === 'fatal')).toEqual([]);
  });
});

describe('no prototype pollution', () => {
  it('leaves Object.prototype untouched after the whole corpus', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    for (const { file } of manifest) checkGop(readFileSync(`${FIXTURES_DIR}hostile/${file}`));
    const probe = {} as Record<string, unknown>;
    expect(probe.polluted).toBeUndefined();
    expect(probe.yes).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(typeof probe.constructor).toBe('function');
    expect(typeof probe.toString).toBe('function');
  });
});
