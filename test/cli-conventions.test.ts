// `gop validate` follows the conventions a user of eslint expects (issue 13), tested in-process through main(argv, io).
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileReport } from '../src/format/index';
import { gopInProcess as gop } from './cli-harness';
import { REPO_ROOT } from './helpers';

const MINIMAL = join(REPO_ROOT, 'fixtures', 'valid', 'minimal.xml');
const LAW_005 = join(REPO_ROOT, 'fixtures', 'invalid', 'GOP-LAW-005--no-contacts.xml'); // two warnings
const LAW_003 = join(REPO_ROOT, 'fixtures', 'invalid', 'GOP-LAW-003--no-rehabilitation-need.xml'); // one error

let TMP: string;
beforeAll(() => {
  TMP = mkdtempSync(join(tmpdir(), 'gop-conv-'));
});
afterAll(() => {
  if (TMP) rmSync(TMP, { recursive: true, force: true });
});

/** A fresh folder with the given files copied in. */
function folder(name: string, files: Record<string, string> = {}): string {
  const path = join(TMP, name);
  mkdirSync(path, { recursive: true });
  for (const [to, from] of Object.entries(files)) {
    mkdirSync(join(path, to, '..'), { recursive: true });
    copyFileSync(from, join(path, to));
  }
  return path;
}
const files = (stdout: string) => (JSON.parse(stdout) as FileReport[]).map((r) => r.file);

describe.concurrent('options as eslint spells them', () => {
  it('-f and -o are --format and --output; -o makes missing folders', async () => {
    const out = join(TMP, 'made', 'for', 'it', 'report.json');
    const run = await gop(['validate', '-f', 'json', '-o', out, MINIMAL]);
    expect(run).toMatchObject({ status: 0, stdout: '', stderr: '' });
    expect((JSON.parse(readFileSync(out, 'utf8')) as FileReport[])[0]).toMatchObject({ file: MINIMAL, valid: true });
  });

  it('a typo in an option, a command or a rule id gets "did you mean"', async () => {
    const [option, command, rule] = await Promise.all([
      gop(['validate', '--formt', 'json', MINIMAL]),
      gop(['valdate', MINIMAL]),
      gop(['validate', '--rule', 'GOP-LAW-05=off', MINIMAL]),
    ]);
    expect(option).toMatchObject({ status: 2, stdout: '' });
    expect(option.stderr).toContain('unknown option --formt (did you mean --format?)');
    expect(command.stderr).toContain('(did you mean "validate"?)');
    expect(rule.stderr).toContain('--rule GOP-LAW-05: unknown rule id (did you mean GOP-LAW-005?)');
    expect(rule.status).toBe(2);
  });

  it('--max-warnings -1 means no limit; --max-warnings 0 fails on a warning', async () => {
    const [unlimited, zero, nonsense] = await Promise.all([
      gop(['validate', '--max-warnings', '-1', LAW_005]),
      gop(['validate', '--max-warnings', '0', LAW_005]),
      gop(['validate', '--max-warnings', '-2', LAW_005]),
    ]);
    expect(unlimited.status).toBe(0);
    expect(zero.status).toBe(1);
    expect(zero.stderr).toMatch(/2 warnings, more than --max-warnings 0/);
    expect(nonsense.status).toBe(2);
  });

  it('--rule on a fatal rule is refused with the reason', async () => {
    const run = await gop(['validate', '--rule', 'GOP-INPUT-001=off', MINIMAL]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--rule GOP-INPUT-001: GOP-INPUT-001 is fatal');
  });

  it('--help lists every option with a description, generated from the command table', async () => {
    const run = await gop(['help', 'validate']);
    for (const flag of ['-f, --format', '-o, --output', '--max-findings', '--ignore-pattern', '--no-config', '--[no-]color', '-q, --quiet'])
      expect(run.stdout).toContain(flag);
  });
});

describe.concurrent('the config file and the command line', () => {
  it('the config is found upward from the working folder; --no-config reads none; flags win', async () => {
    const project = folder('upward', { 'msgs/deep/plan.xml': LAW_005 });
    writeFileSync(join(project, 'gop.config.json'), JSON.stringify({ rules: { 'GOP-LAW-005': 'off' }, format: 'json' }));
    const cwd = join(project, 'msgs', 'deep');
    const [found, none, flags] = await Promise.all([
      gop(['validate', 'plan.xml'], { cwd }),
      gop(['validate', '--no-config', 'plan.xml'], { cwd }),
      gop(['validate', '-f', 'text', 'plan.xml'], { cwd }),
    ]);
    expect((JSON.parse(found.stdout) as FileReport[])[0]!.findings).toEqual([]);
    expect(none.stdout).toMatch(/GOP-LAW-005/); // text, with the warnings
    expect(flags.stdout).toMatch(/^1 file: 1 valid, 0 invalid$/m);
    expect(flags.stdout).toMatch(/^0 problems \(0 errors, 0 warnings\)$/m);
  });

  it('--output - writes to standard output over the config\'s output, and creates no file named "-"', async () => {
    const project = folder('output-dash', { 'plan.xml': MINIMAL });
    writeFileSync(join(project, 'gop.config.json'), JSON.stringify({ output: 'report.json', format: 'json' }));
    const run = await gop(['validate', '--output', '-', 'plan.xml'], { cwd: project });
    expect(files(run.stdout)).toEqual(['plan.xml']);
    expect(readdirSync(project).sort()).toEqual(['gop.config.json', 'plan.xml']);
  });

  it('a report written into the folder being validated is not validated by the next run', async () => {
    const project = folder('own-report', { 'a.xml': MINIMAL, 'b.xml': LAW_003 });
    const first = await gop(['validate', '-f', 'junit', '-o', 'report.xml', '.'], { cwd: project });
    const second = await gop(['validate', '-f', 'junit', '-o', 'report.xml', '.'], { cwd: project });
    expect(first.status).toBe(1);
    expect(second.status).toBe(1);
    expect(readFileSync(join(project, 'report.xml'), 'utf8').match(/<testcase /g)).toHaveLength(2);
  });
});

describe.concurrent('which files', () => {
  it('x, ./x, its absolute path and a link to it are validated once', async () => {
    const project = folder('dedup', { 'x.xml': MINIMAL });
    symlinkSync(join(project, 'x.xml'), join(project, 'link.xml'));
    const run = await gop(['validate', '-f', 'json', 'x.xml', './x.xml', join(project, 'x.xml'), 'link.xml'], { cwd: project });
    expect(files(run.stdout)).toEqual(['x.xml']);
  });

  it('!GLOB and --ignore-pattern leave files out; a glob that matches nothing says so and exits 2', async () => {
    const project = folder('ignore', { 'keep.xml': MINIMAL, 'drafts/one.xml': LAW_003, 'old.xml': LAW_003 });
    const [negated, ignored, nothing] = await Promise.all([
      gop(['validate', '-f', 'json', '.', '!drafts/**'], { cwd: project }),
      gop(['validate', '-f', 'json', '--ignore-pattern', 'old.xml', '--ignore-pattern', 'drafts/', '.'], { cwd: project }),
      gop(['validate', '-f', 'json', 'nowhere/*.xml', 'keep.xml'], { cwd: project }),
    ]);
    expect(files(negated.stdout)).toEqual(['keep.xml', 'old.xml']);
    expect(negated.status).toBe(1);
    expect(files(ignored.stdout)).toEqual(['keep.xml']);
    expect(ignored.status).toBe(0);
    expect(nothing.status).toBe(2);
    expect(nothing.stderr).toContain('no files matching "nowhere/*.xml"');
    expect(files(nothing.stdout)).toEqual(['keep.xml']);
  });
});

describe.concurrent('the text format', () => {
  it('--quiet prints errors only and no line for a file without errors', async () => {
    const run = await gop(['validate', '--quiet', MINIMAL, LAW_005, LAW_003]);
    expect(run.stdout).not.toContain(MINIMAL);
    expect(run.stdout).not.toContain(LAW_005);
    expect(run.stdout).toMatch(/ error +GOP-LAW-003 /);
    expect(run.stdout).toMatch(/^3 files: 2 valid, 1 invalid$/m);
    expect(run.stdout).toMatch(/^\d+ problems? \(\d+ errors?, \d+ warnings?\)$/m);
  });

  it('an empty file has a position or none, never "undefined"', async () => {
    const project = folder('empty-file');
    writeFileSync(join(project, 'empty.xml'), '');
    const run = await gop(['validate', 'empty.xml'], { cwd: project });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^empty\.xml(:1:1)? {2}fatal +GOP-INPUT-/m);
    expect(run.stdout).not.toContain('undefined');
  });

  it('findings are printed in document order', async () => {
    const run = await gop(['validate', join(REPO_ROOT, 'fixtures', 'invalid')]);
    const byFile = new Map<string, number[]>();
    for (const match of run.stdout.matchAll(/^(\S+?):(\d+):\d+ {2}/gm))
      byFile.set(match[1]!, [...(byFile.get(match[1]!) ?? []), Number(match[2])]);
    expect([...byFile.values()].some((lines) => lines.length > 1)).toBe(true);
    for (const [file, lines] of byFile) expect(lines, file).toEqual([...lines].sort((a, b) => a - b));
  });

  it('file names with newlines, escape sequences and bidi controls reach neither the terminal nor a CI log raw', async () => {
    const project = folder('evil-names');
    const names = ['a\n::error file=x::forged.xml', 'b\x1b[31mred.xml', 'c\u202Egpj.xml', 'd\u0085e.xml'];
    for (const name of names) copyFileSync(LAW_003, join(project, name));
    for (const format of ['text', 'github']) {
      const run = await gop(['validate', '-f', format, ...names, 'missing\x1b]0;title\x07.xml'], { cwd: project });
      const all = run.stdout + run.stderr;
      expect(all, format).not.toMatch(/[\x00-\x08\x0B-\x1F\x7F\x80-\x9F\u202A-\u202E\u2066-\u2069]/);
      expect(
        all.split('\n').filter((line) => line.startsWith('::error file=x')),
        format,
      ).toEqual([]);
      expect(run.stderr).toMatch(/missing\\x1B\]0;title\\x07\.xml: no such file/i);
    }
  });
});

describe.concurrent('output that cannot be written', () => {
  it('exits 2 with a reason, before reading any file', async () => {
    const blocker = join(TMP, 'blocker');
    writeFileSync(blocker, 'a file, not a folder');
    const run = await gop(['validate', '-o', join(blocker, 'report.txt'), MINIMAL]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/cannot write .*blocker/);
    expect(existsSync(join(blocker, 'report.txt'))).toBe(false);
  });
});

describe.concurrent('Danish throughout', () => {
  it('--lang da says path problems in Danish: a missing file, a glob without matches, a FIFO in a folder', async () => {
    const project = folder('danish-paths', { 'plan.xml': MINIMAL });
    const run = await gop(['validate', '--lang', 'da', 'mangler.xml', 'ingen/*.xml', 'plan.xml'], { cwd: project });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('gop: mangler.xml: findes ikke');
    expect(run.stderr).toContain('ingen filer passer til "ingen/*.xml"');
    expect(run.stderr).not.toMatch(/no such file|no files matching/);
  });
});

describe.concurrent("messages in the command line's words (issue 23)", () => {
  const TRUNCATED = join(REPO_ROOT, 'fixtures', 'invalid', 'GOP-INPUT-001--truncated.xml');
  const NESTED = join(REPO_ROOT, 'fixtures', 'invalid', 'GOP-INPUT-004--nesting-80-deep.xml');
  /** Words of the library's API that a user of `gop` cannot type anywhere. */
  const LIBRARY_WORDS =
    /requesterSor|sorForSender|municipalitySor|not undefined|option maxBytes|raise maxFindings|checkGop|null or undefined/;
  const ZOD_WORDS = /Too small|Too big|Invalid option|Invalid input|expected number/;
  const SOR = ['--municipality-sor', '451000016003'];

  it('gop fhir names the flags that are missing: --requester-sor or --sor-map, --municipality-sor', async () => {
    const [noRequester, noMunicipality] = await Promise.all([
      gop(['fhir', ...SOR, MINIMAL]),
      gop(['fhir', '--requester-sor', '227871000016001', MINIMAL]),
    ]);
    expect(noRequester.status).toBe(2);
    expect(noRequester.stderr).toContain('gop: --requester-sor or --sor-map is required');
    expect(noMunicipality.status).toBe(2);
    expect(noMunicipality.stderr).toContain("gop: --municipality-sor is required: the receiving municipality's SOR code");
    for (const run of [noRequester, noMunicipality]) expect(run.stderr).not.toMatch(LIBRARY_WORDS);
  });

  it('gop fhir on a plan that cannot be read points to gop validate, not checkGop', async () => {
    const run = await gop(['fhir', ...SOR, '--requester-sor', '227871000016001', TRUNCATED]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('see the findings of gop validate');
    expect(run.stderr).not.toMatch(LIBRARY_WORDS);
  });

  it('every reader limit has a flag: --max-bytes, --max-depth, --max-elements, --max-attributes, --max-findings', async () => {
    const help = await gop(['help', 'validate']);
    for (const flag of ['--max-bytes N', '--max-depth N', '--max-elements N', '--max-attributes N', '--max-findings N'])
      expect(help.stdout, flag).toContain(flag);
    const [bytes, depth, elements, attributes, findings, findingsDa] = await Promise.all([
      gop(['validate', '-f', 'json', '--max-bytes', '100', MINIMAL]),
      gop(['validate', '-f', 'json', '--max-depth', '3', MINIMAL]),
      gop(['validate', '-f', 'json', '--max-elements', '5', MINIMAL]),
      gop(['validate', '-f', 'json', '--max-attributes', '1', MINIMAL]),
      gop(['validate', '--max-findings', '1', LAW_005]),
      gop(['validate', '--lang', 'da', '--max-findings', '1', LAW_005]),
    ]);
    const messages = (run: { stdout: string }) => (JSON.parse(run.stdout) as FileReport[])[0]!.findings.map((f) => [f.ruleId, f.message]);
    expect(messages(bytes)).toEqual([['GOP-INPUT-004', expect.stringContaining('over the limit of 100 bytes (--max-bytes)')]]);
    expect(messages(depth)).toEqual([['GOP-INPUT-004', expect.stringContaining('deeper than 3 levels (--max-depth)')]]);
    expect(messages(elements)).toEqual([['GOP-INPUT-004', expect.stringContaining('more than 5 elements (--max-elements)')]]);
    expect(messages(attributes)).toEqual([['GOP-INPUT-004', expect.stringContaining('more than 1 attributes (--max-attributes)')]]);
    expect(findings.stdout).toContain('raise --max-findings to list them');
    expect(findingsDa.stdout).toContain('hæv --max-findings for at se dem');
    for (const run of [bytes, depth, elements, attributes, findings, findingsDa]) expect(run.stdout).not.toMatch(LIBRARY_WORDS);
  });

  it('…and a config key of the same name', async () => {
    const project = folder('limits-config', { 'plan.xml': MINIMAL, 'nested.xml': NESTED });
    writeFileSync(
      join(project, 'gop.config.json'),
      JSON.stringify({ format: 'json', maxBytes: 100, maxDepth: 3, maxElements: 5, maxAttributes: 1 }),
    );
    const run = await gop(['validate', 'plan.xml'], { cwd: project });
    expect(run.status).toBe(1);
    expect((JSON.parse(run.stdout) as FileReport[])[0]!.findings[0]!.message).toContain('(--max-bytes)');
    writeFileSync(join(project, 'gop.config.json'), JSON.stringify({ format: 'json', maxDepth: 3 }));
    const deep = await gop(['validate', 'nested.xml'], { cwd: project });
    expect((JSON.parse(deep.stdout) as FileReport[])[0]!.findings[0]!.message).toContain('(--max-depth)');
  });

  it('a wrong value is said in words, not in zod’s', async () => {
    const [zero, format, jobs, depth, parseDepth, bytes] = await Promise.all([
      gop(['validate', '--max-findings', '0', MINIMAL]),
      gop(['validate', '-f', 'bogus', MINIMAL]),
      gop(['validate', '--jobs', '300', MINIMAL]),
      gop(['validate', '--max-depth', '0', MINIMAL]),
      gop(['parse', '--max-depth', '0', MINIMAL]),
      gop(['view', '--max-bytes', 'lots', MINIMAL]),
    ]);
    expect(zero.stderr).toContain('gop: --max-findings: must be a positive whole number (default 1000)');
    expect(format.stderr).toContain('gop: --format: must be one of text, json, junit, sarif, github, not "bogus"');
    expect(jobs.stderr).toContain('gop: --jobs: must be a whole number from 1 to 256, not 300');
    expect(depth.stderr).toContain('gop: --max-depth: must be a positive whole number (default 64)');
    expect(parseDepth.stderr).toContain('gop: --max-depth: must be a positive whole number (default 64)');
    expect(bytes.stderr).toContain('gop: --max-bytes lots: expected a whole number');
    for (const run of [zero, format, jobs, depth, parseDepth, bytes]) {
      expect(run.status).toBe(2);
      expect(run.stderr).not.toMatch(ZOD_WORDS);
      expect(run.stderr).not.toMatch(LIBRARY_WORDS);
    }
  });

  it('a config file’s mistake names the file and its key, a flag’s the flag', async () => {
    const project = folder('config-words', { 'plan.xml': MINIMAL });
    const config = join(project, 'gop.config.json');
    writeFileSync(config, JSON.stringify({ rules: { 'GOP-NOPE-001': 'off' } }));
    const fromFile = await gop(['validate', 'plan.xml'], { cwd: project });
    const both = await gop(['validate', '--rule', 'GOP-NOPE-002=off', 'plan.xml'], { cwd: project });
    // the flag's rule wins over the file's rule of the same id: it is the flag's
    const overridden = await gop(['validate', '--rule', 'GOP-NOPE-001=info', 'plan.xml'], { cwd: project });
    writeFileSync(config, JSON.stringify({ maxFindings: 0, format: 'yaml', maxBytse: 10 }));
    const keys = await gop(['validate', 'plan.xml'], { cwd: project });
    expect(fromFile.stderr).toContain('gop: in gop.config.json: key rules.GOP-NOPE-001: unknown rule id');
    expect(fromFile.stderr).not.toContain('--rule');
    expect(fromFile.stderr).toContain('; gop rules lists them');
    expect(both.stderr).toContain('in gop.config.json: key rules.GOP-NOPE-001: unknown rule id');
    expect(both.stderr).toContain('--rule GOP-NOPE-002: unknown rule id');
    expect(overridden.stderr).toContain('--rule GOP-NOPE-001: unknown rule id');
    expect(overridden.stderr).not.toContain('gop.config.json');
    expect(keys.stderr).toContain('in gop.config.json: key maxFindings: must be a positive whole number (default 1000)');
    expect(keys.stderr).toContain('in gop.config.json: key format: must be one of text, json, junit, sarif, github, not "yaml"');
    expect(keys.stderr).toContain('in gop.config.json: key maxBytse: unknown setting (did you mean maxBytes?)');
    for (const run of [fromFile, both, overridden, keys]) {
      expect(run.status).toBe(2);
      expect(run.stderr).not.toMatch(ZOD_WORDS);
    }
  });

  it('gop help help is the list of commands, with no "did you mean help"', async () => {
    const run = await gop(['help', 'help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('gop help [COMMAND]');
    expect(run.stderr).toBe('');
  });

  it('gop build prints one problem per line, never a literal \\n', async () => {
    const project = folder('build-lines');
    writeFileSync(join(project, 'empty.json'), '{}');
    const run = await gop(['build', 'empty.json'], { cwd: project });
    expect(run.status).toBe(1);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('gop: cannot build the G-GOP message (2 problems):');
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^ {2}\/Emessage\/Envelope: /),
      expect.stringMatching(/^ {2}\/Emessage\/RehabilitationPlan: /),
    ]);
    expect(run.stderr).not.toContain('\\n');
  });

  it('gop parse names --max-bytes for a file over the limit', async () => {
    const run = await gop(['parse', '--max-bytes', '100', MINIMAL]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/over the limit of 100 bytes \(--max-bytes\); not read/);
  });
});
