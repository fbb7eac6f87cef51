// `gop validate` follows the conventions a user of eslint expects (issue 13), tested in-process through main(argv, io).
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileReport } from '../src/index';
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
    expect(flags.stdout).toMatch(/^1 file: 1 valid, 0 errors, 0 warnings$/m);
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
    expect(run.stdout).toMatch(/^3 files: 2 valid, 1 errors, 0 warnings$/m);
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
