// Issue 22: under --redact a file name is personal data too ("GGOP_2512484916_Nancy_Berggren.xml"). No part of a file's
// name or of its folders leaves in any output — stdout, stderr, the --output file, messages about files — in any
// format; each file is "file N" (its place in the run's list of files), any other path "path N". In-process (main).
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { expandPaths } from '../src/cli/files';
import { memorySink } from '../src/cli/io';
import { main } from '../src/cli/main';
import { checkGop } from '../src/index';
import { FORMATS, formatResults, type FileReport, type FormatName } from '../src/format/index';
import { gopInProcess as gop } from './cli-harness';
import { junitParser, REPO_ROOT, sarifValidator } from './helpers';

// As root, chmod 000 stops neither open nor readdir: the EACCES a user would get is then raised by node:fs itself.
const denied = vi.hoisted(() => new Set<string>());
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const eacces = (syscall: string, path: unknown) =>
    Object.assign(new Error(`EACCES: permission denied, ${syscall} '${String(path)}'`), { code: 'EACCES', errno: -13, syscall, path });
  const readdirSync = ((path: Parameters<typeof fs.readdirSync>[0], ...rest: unknown[]) => {
    if (denied.has(String(path))) throw eacces('scandir', path);
    return (fs.readdirSync as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.readdirSync;
  const openSync = ((path: Parameters<typeof fs.openSync>[0], ...rest: unknown[]) => {
    if (denied.has(String(path))) throw eacces('open', path);
    return (fs.openSync as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.openSync;
  return { ...fs, default: { ...fs, readdirSync, openSync }, readdirSync, openSync };
});

const FIXTURES = join(REPO_ROOT, 'fixtures');
const MINIMAL = join(FIXTURES, 'valid', 'minimal.xml');
const LAW_005 = join(FIXTURES, 'invalid', 'GOP-LAW-005--no-contacts.xml'); // two warnings
const LAW_003 = join(FIXTURES, 'invalid', 'GOP-LAW-003--no-rehabilitation-need.xml'); // one error

const CPR = '2512484916';
/** Words of the names of the files, their folders and the temp folder above them: none may leave under --redact. */
const WORDS = ['Nancy', 'Berggren', 'Zebulon', 'Quist'];
const isRoot = process.getuid?.() === 0;
const haveMkfifo = (() => {
  try {
    execFileSync('sh', ['-c', 'command -v mkfifo'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!haveMkfifo) console.warn('the FIFO case is left out: mkfifo is absent');

let TMP: string;
const PERSON = 'Nancy_Berggren';
/** The files of the run, as `gop validate Nancy_Berggren` lists them (its own order, which the placeholders follow). */
let listed: string[];
const UNREADABLE = `${PERSON}/låst-Nancy-${CPR}.xml`;

beforeAll(() => {
  // The temp folder carries a name too: an absolute path must not leak it either.
  TMP = mkdtempSync(join(tmpdir(), 'gop-Zebulon-Quist-'));
  const put = (to: string, from: string) => {
    mkdirSync(join(TMP, to, '..'), { recursive: true });
    copyFileSync(from, join(TMP, to));
  };
  put(`${PERSON}/GGOP_${CPR}_Nancy_Berggren.xml`, LAW_003);
  put(`${PERSON}/kommune/25.12.48-4916 Berggren, Nancy.xml`, LAW_005);
  put(`${PERSON}/kommune/251248 4916.xml`, MINIMAL);
  put(UNREADABLE, MINIMAL);
  chmodSync(join(TMP, UNREADABLE), 0o000);
  if (isRoot) denied.add(join(TMP, UNREADABLE));
  put(`${PERSON}/Berggren-lukket/x.xml`, MINIMAL);
  chmodSync(join(TMP, PERSON, 'Berggren-lukket'), 0o000);
  if (isRoot) denied.add(join(TMP, PERSON, 'Berggren-lukket'));
  symlinkSync(join(TMP, PERSON, 'gone-Berggren.xml'), join(TMP, PERSON, `Nancy-link-${CPR}.xml`));
  // Over the 5 MiB limit: reported as GOP-INPUT-004 under its (masked) name, unread.
  writeFileSync(join(TMP, PERSON, `Nancy_stor_${CPR}.xml`), '');
  truncateSync(join(TMP, PERSON, `Nancy_stor_${CPR}.xml`), 6 * 1024 * 1024);
  if (haveMkfifo) execFileSync('mkfifo', [join(TMP, PERSON, `Nancy-FIFO-${CPR}.xml`)]);
  // A file where --output wants a folder: the report cannot be written.
  writeFileSync(join(TMP, `GGOP_${CPR}_Nancy_Berggren.xml`), '');
  listed = expandPaths([PERSON], { cwd: TMP }).files;
});
afterAll(() => {
  if (!TMP) return;
  execFileSync('chmod', ['-R', 'u+rwx', TMP]);
  rmSync(TMP, { recursive: true, force: true });
});

/** Escapes undone (JSON \uXXXX, XML references, percent-encoding), so that a name cannot hide behind one. */
function plain(text: string): string {
  return text
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    .replace(/&amp;/g, '&');
}
/** Digits in any spelling: any separators (or none) between them, not inside a longer number. */
const digits = (d: string) => new RegExp(`(?<!\\d)${[...d].join('[^\\p{L}\\p{N}]*')}(?!\\d)`, 'u');

/** What of the names shows in an output: a word, the CPR number (or its date part) in any spelling, the temp path. */
function leaks(output: string): string[] {
  const text = plain(output);
  const found = WORDS.filter((word) => text.toLowerCase().includes(word.toLowerCase()));
  if (digits(CPR).test(text)) found.push(`CPR ${text.match(digits(CPR))![0]}`);
  if (digits(CPR.slice(0, 6)).test(text)) found.push(`CPR date ${text.match(digits(CPR.slice(0, 6)))![0]}`);
  if (text.includes(basename(TMP))) found.push('the temp folder');
  return found;
}

const EXTENSION: Record<FormatName, string> = { text: 'txt', json: 'json', junit: 'xml', sarif: 'sarif', github: 'log' };
const PATHS = [PERSON, `Berggren_${CPR}_mangler.xml`, `Nancy*/**/ingen-Berggren-${CPR}-*.xml`];

describe('gop validate --redact: no part of a file name leaves', () => {
  it('the files and the paths the run names are there to hide', () => {
    expect(listed).toContain(UNREADABLE);
    expect(listed.length).toBe(5);
    for (const file of listed) expect(leaks(file), file).not.toEqual([]);
  });

  it.each(FORMATS)('%s: stdout, stderr and the --output file hold none of it, error paths included', async (format) => {
    const output = `rapporter/${PERSON}-${CPR}.${EXTENSION[format]}`;
    const [toStdout, toFile, relative, absolute] = await Promise.all([
      gop(['validate', '--redact', '-f', format, ...PATHS], { cwd: TMP }),
      gop(['validate', '--redact', '-f', format, '-o', output, ...PATHS], { cwd: TMP }),
      gop(['validate', '--redact', '-f', format, PERSON], { cwd: TMP }),
      gop(['validate', '--redact', '-f', format, join(TMP, PERSON)], { cwd: REPO_ROOT }),
    ]);
    const written = readFileSync(join(TMP, output), 'utf8');
    for (const [name, run] of Object.entries({ toStdout, toFile, relative, absolute })) {
      expect(run.status, `${name}: ${run.stderr}`).toBe(2); // an unreadable file and missing paths
      expect(leaks(run.stdout), `${name} stdout`).toEqual([]);
      expect(leaks(run.stderr), `${name} stderr`).toEqual([]);
    }
    expect(leaks(written), 'the --output file').toEqual([]);
    expect(toFile.stdout).toBe('');
    expect(written).toBe(toStdout.stdout);
    // The same placeholders, whether the files were named relative or absolute.
    expect(absolute.stdout).toBe(relative.stdout);
    // What each error path says, by placeholder.
    const position = listed.indexOf(UNREADABLE) + 1;
    expect(toStdout.stderr).toContain(`gop: file ${position}: cannot read (permission denied)`);
    expect(toStdout.stderr).toMatch(/gop: path \d+: cannot list the folder \(permission denied\)/);
    expect(toStdout.stderr).toMatch(/gop: path \d+: a broken symbolic link/);
    expect(toStdout.stderr).toMatch(/gop: path \d+: no such file or directory/);
    expect(toStdout.stderr).toMatch(/gop: no files matching path \d+\n/);
    if (haveMkfifo) expect(toStdout.stderr).toMatch(/gop: path \d+: skipped, not a regular file \(a FIFO\)/);
    const paths = [...toStdout.stderr.matchAll(/path (\d+)/g)].map((m) => Number(m[1]));
    expect(new Set(paths)).toEqual(new Set(Array.from({ length: haveMkfifo ? 5 : 4 }, (_, i) => i + 1)));
  });

  it('names each file "file N" by its place in the list of files, the same in every format, distinct and stable', async () => {
    const runs = Object.fromEntries(
      await Promise.all(
        FORMATS.map(async (format) => [format, await gop(['validate', '--redact', '-f', format, PERSON], { cwd: TMP })] as const),
      ),
    );
    const again = await gop(['validate', '--redact', '-f', 'json', PERSON], { cwd: TMP });
    expect(again.stdout).toBe(runs.json!.stdout);
    const placeholder = (file: string) => `file ${listed.indexOf(file) + 1}`;
    const readable = listed.filter((f) => f !== UNREADABLE);

    const json = JSON.parse(runs.json!.stdout) as FileReport[];
    expect(json.map((r) => r.file)).toEqual(readable.map(placeholder));
    expect(new Set(json.map((r) => r.file)).size).toBe(json.length);
    const withFindings = json.filter((r) => r.findings.length > 0);
    expect(withFindings.length).toBeGreaterThanOrEqual(3);

    // text: one summary line per file, findings located at the placeholder
    for (const r of json) {
      expect(runs.text!.stdout).toMatch(new RegExp(`^${r.file}: (valid|invalid)`, 'm'));
      for (const f of r.findings) expect(runs.text!.stdout).toContain(`${r.file}${f.line ? `:${f.line}` : ''}`);
    }
    // junit: testsuite and testcase named by the placeholder; a well-formed document
    expect(XMLValidator.validate(runs.junit!.stdout)).toBe(true);
    const suites = junitParser().parse(runs.junit!.stdout).testsuites.testsuite as { '@_name': string; testcase: { '@_name': string }[] }[];
    expect(suites.map((s) => s['@_name'])).toEqual(json.map((r) => r.file));
    expect(suites.map((s) => s.testcase[0]!['@_name'])).toEqual(json.map((r) => r.file));
    // sarif: a valid log whose artifact URIs are redacted/file-N, one per finding of that file
    const sarif = JSON.parse(runs.sarif!.stdout);
    expect(sarifValidator()(sarif)).toBe(true);
    const uris = (sarif.runs[0].results as { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[]).map(
      (r) => r.locations[0]!.physicalLocation.artifactLocation.uri,
    );
    expect(uris).toEqual(withFindings.flatMap((r) => r.findings.map(() => `redacted/${r.file.replace(' ', '-')}`)));
    // github: file= is the placeholder (the annotation then links to no file)
    const annotated = [...runs.github!.stdout.matchAll(/^::\w+ file=([^,:]+)/gm)].map((m) => m[1]);
    expect(annotated).toEqual(withFindings.flatMap((r) => r.findings.map(() => r.file)));
  });

  it('in Danish the placeholder is "fil N" / "sti N"; standard input and --stdin-filename are masked too', async () => {
    const input = readFileSync(LAW_005);
    const [da, stdin] = await Promise.all([
      gop(['validate', '--redact', '--lang', 'da', `Berggren_${CPR}_mangler.xml`, `${PERSON}/kommune`], { cwd: TMP }),
      gop(['validate', '--redact', '-f', 'json', '--stdin-filename', `GGOP_${CPR}_Nancy_Berggren.xml`, '-', `${PERSON}/kommune`], {
        cwd: TMP,
        input,
      }),
    ]);
    expect(leaks(da.stdout + da.stderr)).toEqual([]);
    expect(da.stderr).toContain('gop: sti 1: findes ikke');
    expect(da.stdout).toMatch(/^fil 1(?::\d+){0,2} {2}advarsel/m);
    expect(da.stdout).toMatch(/^fil 2: gyldig/m);
    expect(leaks(stdin.stdout + stdin.stderr)).toEqual([]);
    expect((JSON.parse(stdin.stdout) as FileReport[]).map((r) => r.file)).toEqual(['file 1', 'file 2', 'file 3']);
  });

  it('--output that cannot be written, an interrupted run and a config that cannot be read name no file', async () => {
    const blocked = `GGOP_${CPR}_Nancy_Berggren.xml/rapport.json`; // a file where a folder would be
    const [unwritable, config] = await Promise.all([
      gop(['validate', '--redact', '-o', blocked, PERSON], { cwd: TMP }),
      gop(['validate', '--redact', '--config', `${PERSON}/Nancy.json`, PERSON], { cwd: TMP }),
    ]);
    expect(unwritable.status).toBe(2);
    expect(unwritable.stderr).toMatch(/^gop: cannot write the --output file: /);
    expect(leaks(unwritable.stderr)).toEqual([]);
    expect(config.status).toBe(2);
    expect(config.stderr).toContain('gop: cannot read the config file: no such file or directory');
    expect(leaks(config.stderr)).toEqual([]);

    // Ctrl-C before the first file: the report is not written, and the message says so without its name.
    const controller = new AbortController();
    controller.abort();
    const stdout = memorySink();
    const stderr = memorySink();
    const status = await main(['validate', '--redact', '-o', `rapporter/${PERSON}.txt`, PERSON], {
      stdout,
      stderr,
      cwd: TMP,
      env: { NO_COLOR: '1' },
      now: () => new Date('2026-12-01T12:00:00Z'),
      stdin: new Uint8Array(0),
      signal: controller.signal,
      workerScript: null,
    });
    expect(status).toBe(130);
    expect(stderr.text()).toContain('the --output file was not written');
    expect(leaks(stdout.text() + stderr.text())).toEqual([]);
  });

  it('without --redact the names are printed as before', async () => {
    const [text, json, failed] = await Promise.all([
      gop(['validate', ...PATHS], { cwd: TMP }),
      gop(['validate', '-f', 'json', PERSON], { cwd: TMP }),
      gop(['validate', '-o', `GGOP_${CPR}_Nancy_Berggren.xml/rapport.json`, PERSON], { cwd: TMP }),
    ]);
    expect(text.stdout).toContain(`${PERSON}/GGOP_${CPR}_Nancy_Berggren.xml:`);
    expect(text.stderr).toContain(`gop: ${UNREADABLE}: cannot read (permission denied`);
    expect(text.stderr).toContain(`gop: Berggren_${CPR}_mangler.xml: no such file or directory`);
    expect(text.stderr).toContain(`gop: no files matching "Nancy*/**/ingen-Berggren-${CPR}-*.xml"`);
    expect((JSON.parse(json.stdout) as FileReport[]).map((r) => r.file)).toEqual(listed.filter((f) => f !== UNREADABLE));
    expect(failed.stderr).toContain(`cannot write GGOP_${CPR}_Nancy_Berggren.xml/rapport.json`);
  });
});

describe('gop parse, view and build --redact: messages about the file name none of it', () => {
  const commands = [
    ['parse', '--redact'],
    ['view', '--redact'],
    ['build', '--redact'],
  ];

  it.each(commands)('gop %s %s: a missing file, a folder, an unreadable file and one over the limit are "file 1"', async (...command) => {
    const runs = await Promise.all(
      [`Berggren_${CPR}_mangler.xml`, `${PERSON}/kommune`, UNREADABLE, `${PERSON}/Nancy_stor_${CPR}.xml`].map((file) =>
        gop([...command, file], { cwd: TMP }),
      ),
    );
    for (const run of runs) {
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^gop: file 1: /);
      expect(leaks(run.stderr)).toEqual([]);
    }
    expect(runs[0]!.stderr).toContain('file 1: cannot read (no such file or directory)');
    expect(runs[1]!.stderr).toContain('file 1: cannot read (not a regular file: a directory)');
    expect(runs[2]!.stderr).toContain('file 1: cannot read (permission denied)');
    // build's limit is larger (64 MiB of JSON): 6 MiB is read, and is no JSON
    expect(runs[3]!.stderr).toMatch(command[0] === 'build' ? /file 1: cannot read JSON/ : /file 1: over the limit of \d+ bytes/);
  });

  it('-o that cannot be written says "the --output file"; JSON that cannot be read is "file 1", quoted of it nothing', async () => {
    const plan = `${PERSON}/kommune/251248 4916.xml`;
    const blocked = `GGOP_${CPR}_Nancy_Berggren.xml/Nancy.out`;
    const model = `${PERSON}/Nancy-${CPR}.json`;
    const broken = `${PERSON}/Nancy-${CPR}-broken.json`;
    writeFileSync(join(TMP, model), (await gop(['parse', plan], { cwd: TMP })).stdout);
    writeFileSync(join(TMP, broken), `{"patient": Nancy Berggren ${CPR}}`);
    const [parse, view, build, badJson] = await Promise.all([
      gop(['parse', '--redact', '-o', blocked, plan], { cwd: TMP }),
      gop(['view', '--redact', '-o', blocked, plan], { cwd: TMP }),
      gop(['build', '--redact', '-o', blocked, join(TMP, model)], { cwd: TMP }),
      gop(['build', '--redact', broken], { cwd: TMP }),
    ]);
    for (const run of [parse, view, build]) {
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr).toMatch(/^gop: cannot write the --output file: /);
      expect(leaks(run.stderr)).toEqual([]);
    }
    expect(badJson.status).toBe(2);
    expect(badJson.stderr).toMatch(/^gop: file 1: cannot read JSON \((at position \d+|not valid JSON)/);
    expect(leaks(badJson.stderr)).toEqual([]);
    // without --redact, as before
    const plainRun = await gop(['parse', `Berggren_${CPR}_mangler.xml`], { cwd: TMP });
    expect(plainRun.stderr).toContain(`gop: Berggren_${CPR}_mangler.xml: cannot read`);
  });
});

describe('formatResults: a redacted report is shown under a placeholder', () => {
  const file = `in/${PERSON}/GGOP_${CPR}_Nancy_Berggren.xml`;
  const xml = readFileSync(LAW_003);
  const redacted = checkGop(xml, { redact: true, referenceDate: '2019-03-06' });
  const open = checkGop(xml, { referenceDate: '2019-03-06' });

  it.each(FORMATS)('%s: by the report\'s "redacted": true or the redact option; not otherwise', (format) => {
    const masked = formatResults(format, [
      { file: 'a.xml', report: open, position: 1 },
      { file, report: redacted },
    ]);
    expect(leaks(masked)).toEqual([]);
    expect(masked).toContain(format === 'sarif' ? 'redacted/file-2' : 'file 2');
    expect(masked).toContain('a.xml'); // a report that is not redacted keeps its name
    const byOption = formatResults(format, [{ file, report: open }], { redact: true, language: 'da' });
    expect(plain(byOption).includes('Berggren')).toBe(false);
    expect(byOption).toContain(format === 'sarif' ? 'redacted/file-1' : 'fil 1');
    expect(plain(formatResults(format, [{ file, report: open }]))).toContain(`GGOP_${CPR}_Nancy_Berggren.xml`);
  });

  it('the position a caller gives is the number shown', () => {
    const out = JSON.parse(formatResults('json', [{ file, report: redacted, position: 7 }])) as FileReport[];
    expect(out[0]!.file).toBe('file 7');
  });
});
