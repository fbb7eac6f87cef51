// The `gop` command line: in-process through main(argv, io) (test/cli-harness.ts), and the built CLI (`dist/cli.js`;
// `npm test` builds it first) spawned where workers are the point.
// Each run of the CLI costs about half a second of start-up, so independent runs go in parallel (Promise.all) and
// the json report over `fixtures`, which several formats are checked against, is computed once. The light tests run
// concurrently (each in its own temp dir); the batch and memory tests one after the other.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileReport } from '../src/format/index';
import { gopInProcess } from './cli-harness';
import {
  haveSamples,
  junitParser,
  runCommand,
  runGop,
  SAMPLE,
  type CliRun,
  type CliRunOptions,
  sarifValidator,
  withDeadline,
} from './helpers';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli.js');
const PACKAGE_VERSION: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

type Run = CliRun;
type RunOptions = CliRunOptions;
const exec = runCommand;

/** `node dist/cli.js ...args`, from the repo root unless told otherwise, with NO_COLOR. */
const gop = (args: string[], options: RunOptions = {}) => gopInProcess(args, options);
/** The built CLI in its own process: for workers, pipes and signals. */
const gopProcess = runGop;

async function jsonOf(args: string[], options: RunOptions = {}): Promise<{ run: Run; reports: FileReport[] }> {
  const run = await gop(['validate', '--format', 'json', ...args], options);
  return { run, reports: JSON.parse(run.stdout) as FileReport[] };
}

const isError = (f: { severity: string }) => f.severity === 'fatal' || f.severity === 'error';
const totals = (reports: FileReport[]) => ({
  files: reports.length,
  valid: reports.filter((r) => r.valid).length,
  errors: reports.reduce((n, r) => n + r.counts.fatal + r.counts.error, 0),
  warnings: reports.reduce((n, r) => n + r.counts.warning, 0),
  infos: reports.reduce((n, r) => n + r.counts.info, 0),
  findings: reports.reduce((n, r) => n + r.findings.length, 0),
});

/** Every *.xml under fixtures/, as `gop validate fixtures` names them (in any order). */
const FIXTURE_FILES = (readdirSync(join(ROOT, 'fixtures'), { recursive: true }) as string[])
  .filter((f) => f.toLowerCase().endsWith('.xml'))
  .map((f) => `fixtures/${f}`);
const LAW_005 = 'fixtures/invalid/GOP-LAW-005--no-contacts.xml'; // two warnings, no error
const LAW_003 = 'fixtures/invalid/GOP-LAW-003--no-rehabilitation-need.xml'; // one error
const MINIMAL = 'fixtures/valid/minimal.xml';
const HOFTE = 'fixtures/valid/almen-hoftefraktur.xml'; // must start by 2019-03-14

/** The json reports over `fixtures` (and the public sample, where present), once for all the format tests. */
let fixturesJson: Promise<FileReport[]> | undefined;
// --jobs 1: the same output as with workers (see the batch tests), without the cost of starting them in every test.
const FIXTURES_AND_SAMPLE = ['--jobs', '1', 'fixtures', ...(haveSamples ? [SAMPLE] : [])];
const fixturesReports = () => (fixturesJson ??= jsonOf(FIXTURES_AND_SAMPLE).then(({ reports }) => reports));

/** `gop rules --format json`, once. */
let rulesJson: Promise<Run> | undefined;
const rulesCatalogue = () => (rulesJson ??= gop(['rules', '--format', 'json']));

let TMP: string;
beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npx tsup" (npm test builds it first)`);
  TMP = mkdtempSync(join(tmpdir(), 'gop-cli-'));
});
afterAll(() => {
  if (TMP) rmSync(TMP, { recursive: true, force: true });
});

/** A fresh directory under the test's temp dir. */
function dir(name: string): string {
  const path = join(TMP, name);
  mkdirSync(path, { recursive: true });
  return path;
}

describe.concurrent('gop validate: which files', () => {
  it('takes files, directories (every *.xml, recursively), quoted globs, and - for standard input', async () => {
    const tree = dir('tree');
    mkdirSync(join(tree, 'a', 'b'), { recursive: true });
    mkdirSync(join(tree, '.hidden'));
    mkdirSync(join(tree, 'node_modules'));
    copyFileSync(join(ROOT, MINIMAL), join(tree, 'top.xml'));
    copyFileSync(join(ROOT, MINIMAL), join(tree, 'a', 'b', 'deep.XML'));
    copyFileSync(join(ROOT, LAW_005), join(tree, 'a', 'second.xml'));
    copyFileSync(join(ROOT, MINIMAL), join(tree, '.hidden', 'skipped.xml'));
    copyFileSync(join(ROOT, MINIMAL), join(tree, 'node_modules', 'skipped.xml'));
    writeFileSync(join(tree, 'notes.txt'), 'not a message');

    const [fromDir, glob, file, stdin] = await Promise.all([
      jsonOf([tree]),
      jsonOf(['fixtures/valid/*.xml']),
      jsonOf([MINIMAL]),
      jsonOf(['-'], { input: readFileSync(join(ROOT, MINIMAL)) }),
    ]);
    expect(fromDir.run.status).toBe(0);
    expect(fromDir.reports.map((r) => r.file)).toEqual([
      join(tree, 'a', 'b', 'deep.XML'),
      join(tree, 'a', 'second.xml'),
      join(tree, 'top.xml'),
    ]);

    expect(glob.run.status).toBe(0);
    expect(glob.reports.map((r) => r.file)).toEqual(FIXTURE_FILES.filter((f) => f.startsWith('fixtures/valid/')).sort());

    expect(file.reports.map((r) => r.file)).toEqual([MINIMAL]);

    expect(stdin.run.status).toBe(0);
    expect(stdin.reports).toHaveLength(1);
    expect(stdin.reports[0]).toMatchObject({ file: '-', valid: true, facts: { level: 'almen', dischargeDate: '2019-03-05' } });
    expect({ ...stdin.reports[0], file: MINIMAL }).toEqual(file.reports[0]); // the same report as from the file
  });

  it('validates the working directory when no PATH is given', async () => {
    const here = dir('no-path');
    copyFileSync(join(ROOT, MINIMAL), join(here, 'one.xml'));
    copyFileSync(join(ROOT, LAW_003), join(here, 'two.xml'));
    const { run, reports } = await jsonOf([], { cwd: here });
    expect(reports.map((r) => r.file)).toEqual(['one.xml', 'two.xml']);
    expect(run.status).toBe(1);
  });

  it('reports a missing file on stderr, still validates the others, and exits 2', async () => {
    const [{ run, reports }, text] = await Promise.all([
      jsonOf([MINIMAL, 'fixtures/no-such-file.xml', LAW_005]),
      gop(['validate', MINIMAL, 'nope.xml']),
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('fixtures/no-such-file.xml');
    expect(reports.map((r) => r.file)).toEqual([MINIMAL, LAW_005]);

    expect(text.status).toBe(2);
    expect(text.stderr).toMatch(/nope\.xml: no such file/);
    expect(text.stdout).toMatch(/^1 files?: 1 valid, 0 invalid, 1 unreadable$/m);
    expect(text.stdout).toMatch(/^0 problems \(0 errors, 0 warnings\)$/m);
  });

  it('exits 2 for an unreadable file in a directory (a dangling link), a glob that matches nothing, and no files at all', async () => {
    const broken = dir('broken');
    copyFileSync(join(ROOT, MINIMAL), join(broken, 'ok.xml'));
    symlinkSync(join(broken, 'gone'), join(broken, 'link.xml'));
    const [unreadable, noMatch, empty] = await Promise.all([
      jsonOf([broken]),
      gop(['validate', 'fixtures/nothing-here/*.xml']),
      gop(['validate', dir('empty')]),
    ]);
    expect(unreadable.run.status).toBe(2);
    expect(unreadable.run.stderr).toMatch(/link\.xml: a broken symbolic link/);
    expect(unreadable.reports.map((r) => r.file)).toEqual([join(broken, 'ok.xml')]);

    expect(noMatch.status).toBe(2);
    expect(noMatch.stderr).toContain('fixtures/nothing-here/*.xml');

    expect(empty.status).toBe(2);
    expect(empty.stderr).toMatch(/no files/);
  });
});

describe.concurrent('gop validate: exit codes and options', () => {
  it('exits 0 without errors, 1 with errors, and 0 with errors under --exit-zero; --max-warnings N exits 1 over N warnings', async () => {
    const cases: [string[], number][] = [
      [['fixtures/valid'], 0],
      [[LAW_005], 0], // warnings only
      [[LAW_003], 1],
      [['--exit-zero', LAW_003], 0],
      [['--exit-zero', LAW_003, 'nope.xml'], 2], // --exit-zero does not hide usage or I/O problems
      [['--max-warnings', '2', LAW_005], 0],
      [['--max-warnings', '1', LAW_005], 1],
    ];
    const runs = await Promise.all(cases.map(([args]) => gop(['validate', ...args])));
    expect(runs.map((r) => r.status)).toEqual(cases.map(([, status]) => status));
    expect(runs[6]!.stderr).toMatch(/2 warnings/);
    const fixtures = await fixturesReports();
    expect(totals(fixtures).errors).toBeGreaterThan(0); // so `gop validate fixtures` exits 1 (the format tests check it)
  });

  it('--rule ID=off|info|warning|error (repeatable) changes severities and the exit code', async () => {
    const [off, raised, lowered] = await Promise.all([
      jsonOf(['--rule', 'GOP-LAW-005=off', LAW_005]),
      jsonOf(['--rule', 'GOP-LAW-005=error', LAW_005]),
      jsonOf(['--rule', 'GOP-LAW-003=info', '--rule', 'GOP-LAW-005=off', LAW_003, LAW_005]),
    ]);
    expect(off.reports[0]!.findings).toEqual([]);
    expect(off.reports[0]!.counts.warning).toBe(0);

    expect(raised.run.status).toBe(1);
    expect(raised.reports[0]!.findings.map((f) => f.severity)).toEqual(['error', 'error']);
    expect(raised.reports[0]!.valid).toBe(false);

    expect(lowered.run.status).toBe(0);
    expect(lowered.reports.flatMap((r) => r.findings.map((f) => `${f.ruleId}:${f.severity}`))).toEqual(['GOP-LAW-003:info']);
  });

  it('--reference-date sets "today" for the countdown to the start deadline', async () => {
    const [early, late] = await Promise.all([
      jsonOf(['--reference-date', '2019-03-01', HOFTE]),
      jsonOf(['--reference-date', '2019-03-20', HOFTE]),
    ]);
    expect(early.reports[0]!.facts).toMatchObject({ mustStartBy: '2019-03-14', daysUntilMustStart: 13 });
    expect(late.reports[0]!.facts!.daysUntilMustStart).toBe(-6);
  });

  // Was a bug (fixed): an impossible --reference-date (it matches YYYY-MM-DD but is no calendar date) is accepted silently: exit 0 and
  // the deadline countdown just disappears from the report. Expected: a usage error, exit 2, as for "5.3.2019".
  it('--reference-date that is no calendar date is a usage error (exit 2)', async () => {
    expect((await gop(['validate', '--reference-date', '2019-13-45', MINIMAL])).status).toBe(2);
  });

  it('--quiet prints errors only; --lang da prints Danish; --output FILE writes there and nothing to stdout', async () => {
    const out = join(dir('output'), 'report.json');
    const [quiet, quietJson, da, english, toFile, toStdout] = await Promise.all([
      gop(['validate', '--quiet', LAW_005, LAW_003]),
      jsonOf(['--quiet', LAW_005, LAW_003]),
      gop(['validate', '--lang', 'da', LAW_005]),
      jsonOf([LAW_005]),
      gop(['validate', '--format', 'json', '--output', out, 'fixtures/valid']),
      gop(['validate', '--format', 'json', 'fixtures/valid']),
    ]);
    expect(quiet.stdout).not.toMatch(/ warning {2}/);
    expect(quiet.stdout).toMatch(/ error +GOP-LAW-003 /);
    expect(quietJson.reports.flatMap((r) => r.findings.map((f) => f.severity))).toEqual(['error']);

    const finding = english.reports[0]!.findings[0]!;
    expect(da.stdout).toContain(finding.messageDa);
    expect(da.stdout).not.toContain(finding.message);
    expect(da.stdout).toMatch(/^1 fil: 1 gyldig, 0 ugyldige$/m);
    expect(da.stdout).toMatch(/^2 problemer \(0 fejl, 2 advarsler\)$/m);

    expect(toFile.status).toBe(0);
    expect(toFile.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(toStdout.stdout);
  });

  it('exits 2 with a reason on stderr for usage errors', async () => {
    const cases: [string[], RegExp][] = [
      [['validate', '--bogus', MINIMAL], /--bogus/],
      [['validate', '--format', 'xml', MINIMAL], /format/],
      [['validate', '--rule', 'GOP-NOPE-999=off', MINIMAL], /GOP-NOPE-999/],
      [['validate', '--rule', 'GOP-LAW-005=fatal', MINIMAL], /GOP-LAW-005=fatal/],
      [['validate', '--max-warnings', 'many', MINIMAL], /max-warnings/],
      [['validate', '--jobs', '0', MINIMAL], /jobs/],
      [['validate', '--reference-date', '5.3.2019', MINIMAL], /reference/i],
      [['validate', '--config', 'no-such-config.json', MINIMAL], /no-such-config\.json/],
      [['frobnicate'], /frobnicate/],
      [['rules', '--format', 'sarif'], /sarif/],
      [['parse'], /parse/],
      [['help', 'frobnicate'], /frobnicate/],
      [[], /Usage:/], // no command: the help, on stderr
    ];
    const runs = await Promise.all(cases.map(([args]) => gop(args)));
    runs.forEach((run, i) => {
      const [args, why] = cases[i]!;
      expect({ args, status: run.status, stdout: run.stdout }).toEqual({ args, status: 2, stdout: '' });
      expect(run.stderr, args.join(' ')).toMatch(why);
    });
  });
});

describe.concurrent('gop validate --format text', () => {
  it('prints file:line:col  severity  ruleId  message per finding, the key facts per file, and a closing summary', async () => {
    const [run, reports] = await Promise.all([gop(['validate', ...FIXTURES_AND_SAMPLE]), fixturesReports()]);
    expect(run.status).toBe(1);
    const lines = run.stdout.split('\n');
    const findingLines = lines.filter((l) => /^\S+(:\d+:\d+)? {2}(fatal|error|warning|info) +GOP-[A-Z]+-\d{3} {2}\S/.test(l));
    expect(findingLines).toHaveLength(totals(reports).findings);
    for (const report of reports) {
      for (const f of report.findings) {
        const where = f.line ? `${report.file}:${f.line}:${f.column}` : report.file;
        expect(lines).toContain(`${where}  ${f.severity.padEnd(7)}  ${f.ruleId}  ${f.message}`);
      }
      const factsLine = lines.find((l) => l.startsWith(`${report.file}: `));
      expect(factsLine, report.file).toBeDefined();
      expect(factsLine).toContain(report.valid ? ': valid' : ': invalid');
      if (report.facts) {
        expect(factsLine).toContain(`level ${report.facts.level ?? '?'}`);
        expect(factsLine).toContain(`discharged ${report.facts.dischargeDate ?? '?'}`);
        if (report.facts.mustStartBy) expect(factsLine).toContain(`must start by ${report.facts.mustStartBy}`);
        else expect(factsLine).not.toContain('must start by');
        // "no deadline" only where the plan has none (issue 21)
        if (report.facts.deadline.kind === 'unreadable') expect(factsLine).toContain('deadline could not be read: read the text');
        if (factsLine!.includes('no deadline')) expect(report.facts.deadline).toMatchObject({ kind: 'none', asksLaterStart: false });
      }
    }
    const t = totals(reports);
    // the files apart from the problems (eslint's way): "61 files: 19 valid, 42 invalid" and "60 problems (46 errors, 14 warnings)"
    const closing = lines.filter(Boolean).slice(-2);
    expect(closing[0]).toMatch(new RegExp(`^${t.files} files: ${t.valid} valid, \\d+ invalid`));
    expect(closing[1]).toBe(`${t.errors + t.warnings} problems (${t.errors} errors, ${t.warnings} warnings)`);
  });

  it('the key facts say an unreadable deadline could not be read, "no deadline" only where there is none, and an uncertain guarantee date as such', async () => {
    const folder = dir('deadlines');
    const plans = {
      unreadable: withDeadline('efter kontrol i ambulatoriet'),
      approximate: withDeadline('ca. 14 dage'),
      none: withDeadline(null),
      laterStart: withDeadline('tidligst i næste uge', { authorised: '2019-02-30' }),
    };
    for (const [name, xml] of Object.entries(plans)) writeFileSync(join(folder, `${name}.xml`), xml);
    const files = Object.keys(plans).map((name) => `${name}.xml`);
    const [en, da] = await Promise.all([
      gop(['validate', '--reference-date', '2019-03-10', ...files], { cwd: folder }),
      gop(['validate', '--lang', 'da', '--reference-date', '2019-03-10', ...files], { cwd: folder }),
    ]);
    const line = (run: Run, name: string) => run.stdout.split('\n').find((l) => l.startsWith(`${name}.xml: `))!;
    for (const name of ['unreadable', 'approximate']) {
      expect(line(en, name), name).toContain(
        'deadline could not be read: read the text, guarantee date not certain (2019-03-14 only if the plan asks for no later start)',
      );
      expect(line(da, name), name).toContain(
        'fristen kan ikke læses: læs teksten, garantidatoen er ikke sikker (2019-03-14 kun hvis planen ikke beder om en senere opstart)',
      );
      expect(line(en, name) + line(da, name), name).not.toMatch(/no deadline|ingen frist|must start by -|start to be offered by/);
    }
    expect(line(en, 'none')).toContain('no deadline in the plan, start to be offered by 2019-03-14');
    expect(line(da, 'none')).toContain('ingen frist i planen, tilbud om opstart senest 2019-03-14');
    expect(line(en, 'laterStart')).toContain(
      'no latest start, a later start is asked for but its date could not be read: read the text, guarantee date not certain (2019-03-14 only',
    );
    expect(line(en, 'laterStart')).not.toContain('no deadline');
  });

  it('has no ANSI escapes when not on a terminal, with or without NO_COLOR', async () => {
    const { NO_COLOR: _unset, ...envWithout } = process.env;
    // fixtures/invalid: every severity, and under the 32 files at which worker threads start.
    const [withNoColor, without] = await Promise.all([
      gop(['validate', 'fixtures/invalid']),
      gop(['validate', 'fixtures/invalid'], { env: envWithout }),
    ]);
    expect(withNoColor.stdout).toMatch(/ fatal +GOP-.* error +GOP-.* warning +GOP-.* info +GOP-/s);
    for (const run of [withNoColor, without]) {
      expect(run.stdout).not.toContain('\x1b');
      expect(run.stderr).not.toContain('\x1b');
    }
    expect(without.stdout).toBe(withNoColor.stdout);
  });

  const haveScript = existsSync('/usr/bin/script');
  if (!haveScript) console.warn('terminal colour test skipped: /usr/bin/script (util-linux) is absent');
  it.skipIf(!haveScript)('colours on a terminal, but not with NO_COLOR set', async () => {
    const onTty = (env: NodeJS.ProcessEnv) =>
      exec('/usr/bin/script', ['-qec', `"${process.execPath}" "${CLI}" validate ${LAW_005}`, '/dev/null'], { env });
    const { NO_COLOR: _unset, ...envWithout } = process.env;
    const [coloured, plain] = await Promise.all([onTty(envWithout), onTty({ ...envWithout, NO_COLOR: '1' })]);
    expect(coloured.stdout).toContain('\x1b[');
    expect(plain.stdout).toContain('GOP-LAW-005');
    expect(plain.stdout).not.toContain('\x1b');
  });
});

describe.concurrent('gop validate --format json', () => {
  it('is an array of checkGop reports with file, valid against schemas/report.schema.json (ajv, draft 2020-12)', async () => {
    const reports = await fixturesReports();
    expect(reports).toHaveLength(FIXTURE_FILES.length + (haveSamples ? 1 : 0));
    expect(
      reports
        .map((r) => r.file)
        .filter((f) => f.startsWith('fixtures/'))
        .sort(),
    ).toEqual([...FIXTURE_FILES].sort());
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'report.schema.json'), 'utf8'));
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
    expect(validate(reports), JSON.stringify(validate.errors?.slice(0, 5), null, 2)).toBe(true);
    // The schema has teeth: a wrong severity is caught.
    const broken = structuredClone(reports);
    broken.find((r) => r.findings.length)!.findings[0]!.severity = 'bad' as never;
    expect(validate(broken)).toBe(false);
  });
});

describe.concurrent('gop validate --format junit', () => {
  it('is well-formed XML with one testcase per file and one failure per error, counts as in the json output', async () => {
    const [run, reports] = await Promise.all([gop(['validate', '--format', 'junit', ...FIXTURES_AND_SAMPLE]), fixturesReports()]);
    expect(run.status).toBe(1);
    expect(XMLValidator.validate(run.stdout)).toBe(true);
    const doc = junitParser().parse(run.stdout);
    type Failure = { '#text'?: string; '@_type': string; '@_message': string };
    const cases: { '@_name': string; '@_classname': string; failure?: Failure[] }[] = doc.testsuites.testsuite.flatMap(
      (s: { testcase: unknown[] }) => s.testcase,
    );
    expect(cases).toHaveLength(reports.length);
    expect(new Set(cases.map((c) => c['@_name'])).size).toBe(cases.length);
    reports.forEach((report, i) => {
      const testcase = cases[i]!;
      expect(testcase['@_name']).toBe(report.file);
      expect(testcase['@_classname']).toBe('medcom-gop');
      const errors = report.findings.filter(isError);
      const failures = testcase.failure ?? [];
      expect(failures.map((f) => f['@_type'])).toEqual(errors.map((f) => f.ruleId));
      failures.forEach((failure, j) => {
        // The text is in the element body, not only in message=.
        expect(failure['#text']).toContain(errors[j]!.ruleId);
        expect(failure['#text']).toContain(errors[j]!.message);
      });
    });
    expect(cases.reduce((n, c) => n + (c.failure?.length ?? 0), 0)).toBe(totals(reports).errors);
  });

  it('validates a file given twice once (as eslint does), so testcase names stay unique', async () => {
    const run = await gop(['validate', '--format', 'junit', LAW_003, LAW_003, 'fixtures/invalid/*LAW-003*.xml']);
    expect(XMLValidator.validate(run.stdout)).toBe(true);
    const names = [...run.stdout.matchAll(/<testcase name="([^"]*)"/g)].map((m) => m[1]);
    expect(names).toEqual([LAW_003]);
  });
});

describe.concurrent('gop validate --format sarif', () => {
  it('is SARIF 2.1.0, valid against the official schema, with the catalogue as rules and one result per finding', async () => {
    const [run, reports, rules, empty] = await Promise.all([
      gop(['validate', '--format', 'sarif', ...FIXTURES_AND_SAMPLE]),
      fixturesReports(),
      rulesCatalogue(),
      gop(['validate', '--format', 'sarif', 'fixtures/valid']),
    ]);
    expect(run.status).toBe(1);
    const sarif = JSON.parse(run.stdout);
    const validate = sarifValidator();
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5), null, 2)).toBe(true);
    expect(validate({ ...sarif, version: '2.0.0' })).toBe(false); // the validator has teeth

    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    const driver = sarif.runs[0].tool.driver;
    expect(driver).toMatchObject({ name: 'medcom-gop', version: PACKAGE_VERSION });
    expect(driver.informationUri).toMatch(/^https:\/\//);
    const catalogue = JSON.parse(rules.stdout) as { id: string }[];
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(catalogue.map((r) => r.id));
    for (const rule of driver.rules) expect(rule.shortDescription.text).toBeTruthy();

    const findings = reports.flatMap((r) => r.findings.map((f) => ({ file: r.file, ...f })));
    const results = sarif.runs[0].results;
    expect(results).toHaveLength(findings.length);
    const LEVEL = { fatal: 'error', error: 'error', warning: 'warning', info: 'note' } as const;
    // biome-ignore lint/suspicious/noExplicitAny: a SARIF result, already checked against the official schema above
    results.forEach((result: any, i: number) => {
      const f = findings[i]!;
      expect(result.ruleId).toBe(f.ruleId);
      expect(driver.rules[result.ruleIndex].id).toBe(f.ruleId);
      expect(result.level).toBe(LEVEL[f.severity]);
      expect(result.message.text).toBe(f.message);
      const location = result.locations[0].physicalLocation;
      // relative to the run's base (SRCROOT), or a file:// URI for a file outside it: never "../"
      if (isAbsolute(f.file)) expect(location.artifactLocation.uri).toBe(pathToFileURL(f.file).href);
      else expect(location.artifactLocation).toMatchObject({ uri: encodeURI(f.file), uriBaseId: 'SRCROOT' });
      if (f.line) expect(location.region).toEqual({ startLine: f.line, startColumn: f.column });
      else expect(location.region).toBeUndefined();
    });

    // No findings: still valid SARIF, with an empty results array.
    const none = JSON.parse(empty.stdout);
    expect(none.runs[0].results).toEqual([]);
    expect(validate(none)).toBe(true);
  });
});

describe.concurrent('gop validate --format github', () => {
  const ANNOTATION = /^::(error|warning|notice) file=([^,]+)(?:,line=(\d+),col=(\d+))?,title=(GOP-[A-Z]+-\d{3})::(.*)$/;

  it('shows at most 10 annotations per type, the rest as plain lines, and one summary notice for what did not fit', async () => {
    const [run, reports] = await Promise.all([gop(['validate', '--format', 'github', ...FIXTURES_AND_SAMPLE]), fixturesReports()]);
    expect(run.status).toBe(1);
    const t = totals(reports);
    expect(t.errors).toBeGreaterThan(10); // the point of the test
    const lines = run.stdout.trimEnd().split('\n');
    const annotations = lines.filter((l) => ANNOTATION.test(l));
    const count = (type: string) => annotations.filter((l) => l.startsWith(`::${type} `)).length;
    expect(count('error')).toBe(Math.min(10, t.errors));
    expect(count('warning')).toBe(Math.min(10, t.warnings));
    expect(count('notice')).toBe(Math.min(10, t.infos));
    // The first errors are the annotations, in order; the rest plain lines: nothing lost.
    const errors = reports.flatMap((r) => r.findings.filter(isError).map((f) => ({ file: r.file, ...f })));
    expect(annotations.filter((l) => l.startsWith('::error '))).toEqual(
      errors
        .slice(0, 10)
        .map((f) => `::error file=${f.file}${f.line ? `,line=${f.line},col=${f.column}` : ''},title=${f.ruleId}::${f.message}`),
    );
    const overflow = Math.max(0, t.errors - 10) + Math.max(0, t.warnings - 10) + Math.max(0, t.infos - 10);
    const plain = lines.filter((l) => !l.startsWith('::'));
    expect(plain).toHaveLength(overflow);
    for (const f of errors.slice(10))
      expect(plain).toContain(`${f.line ? `${f.file}:${f.line}:${f.column}` : f.file}  ${f.severity}  ${f.ruleId}  ${f.message}`);
    const summaries = lines.filter((l) => l.startsWith('::notice title=medcom-gop::'));
    expect(summaries).toHaveLength(1);
    expect(summaries[0]).toMatch(new RegExp(`\\b${t.errors - 10} errors?\\b.* did not fit`));
    expect(lines).toHaveLength(annotations.length + plain.length + 1);
  });

  it('ends with a plain tally when everything fits', async () => {
    const run = await gop(['validate', '--format', 'github', LAW_005]);
    expect(run.stdout.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^::warning file=fixtures\/invalid\/GOP-LAW-005--no-contacts\.xml,line=11,col=3,title=GOP-LAW-005::/),
      expect.stringMatching(/^::warning /),
      '1 file: 1 valid, 0 invalid',
      '2 problems (0 errors, 2 warnings)',
    ]);
  });
});

describe.concurrent('gop parse, rules, help, --version', () => {
  it('gop parse FILE prints the parse result as JSON (exit 0 read, 1 unreadable message, 2 no file)', async () => {
    const [ok, stdin, truncated, missing] = await Promise.all([
      gop(['parse', MINIMAL]),
      gop(['parse', '-'], { input: readFileSync(join(ROOT, MINIMAL)) }),
      gop(['parse', 'fixtures/invalid/GOP-INPUT-001--truncated.xml']),
      gop(['parse', 'nope.xml']),
    ]);
    expect(ok.status).toBe(0);
    const result = JSON.parse(ok.stdout);
    expect(result.ok).toBe(true);
    expect(result.message.rehabilitationPlan.typeOfRehabilitationPlan).toBe('almen');
    expect(result.message.rehabilitationPlan.patient.civilRegistrationNumber).toBe('0512471830');
    expect(result.findings).toEqual([]);
    expect(JSON.parse(stdin.stdout)).toEqual(result);

    expect(truncated.status).toBe(1);
    expect(JSON.parse(truncated.stdout)).toMatchObject({ ok: false, findings: [expect.objectContaining({ ruleId: 'GOP-INPUT-001' })] });

    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nope.xml');
  });

  it('gop rules lists the catalogue as text and as JSON', async () => {
    const [json, text] = await Promise.all([rulesCatalogue(), gop(['rules'])]);
    expect(json.status).toBe(0);
    const catalogue = JSON.parse(json.stdout) as { id: string; severity: string; title: { en: string; da: string } }[];
    expect(catalogue.length).toBeGreaterThanOrEqual(30);
    expect(new Set(catalogue.map((r) => r.id)).size).toBe(catalogue.length);
    expect(text.status).toBe(0);
    const lines = text.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(catalogue.length);
    catalogue.forEach((rule, i) => {
      expect(lines[i]).toMatch(new RegExp(`^${rule.id} +${rule.severity} `));
      expect(lines[i]).toContain(rule.title.en);
    });
  });

  it('gop --help, gop help validate, gop validate --help, gop --version', async () => {
    const [help, validateHelp, validateDashHelp, version] = await Promise.all([
      gop(['--help']),
      gop(['help', 'validate']),
      gop(['validate', '--help']),
      gop(['--version']),
    ]);
    expect(help.status).toBe(0);
    for (const command of ['validate', 'parse', 'rules', 'help']) expect(help.stdout).toContain(`gop ${command}`);
    expect(validateHelp.status).toBe(0);
    for (const option of [
      '--format',
      '--output',
      '--lang',
      '--redact',
      '--max-warnings',
      '--rule',
      '--config',
      '--reference-date',
      '--jobs',
      '--quiet',
      '--exit-zero',
    ]) {
      expect(validateHelp.stdout).toContain(option);
    }
    expect(validateDashHelp.stdout).toBe(validateHelp.stdout);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(PACKAGE_VERSION);
  });
});

describe.concurrent('gop validate: configuration', () => {
  it('reads gop.config.json from the working directory; the command line wins over it', async () => {
    const project = dir('with-config');
    copyFileSync(join(ROOT, LAW_005), join(project, 'plan.xml'));
    const before = await gop(['validate', 'plan.xml'], { cwd: project });
    expect(before.stdout).toMatch(/ GOP-LAW-005 {2}/);
    writeFileSync(join(project, 'gop.config.json'), JSON.stringify({ rules: { 'GOP-LAW-005': 'off' }, format: 'json' }));
    const [after, overridden] = await Promise.all([
      gop(['validate', 'plan.xml'], { cwd: project }),
      gop(['validate', '--format', 'text', '--rule', 'GOP-LAW-007=error', 'plan.xml'], { cwd: project }),
    ]);
    expect(after.status).toBe(0);
    expect(after.stdout).not.toBe(before.stdout);
    const reports = JSON.parse(after.stdout) as FileReport[];
    expect(reports[0]).toMatchObject({ file: 'plan.xml', findings: [], counts: { warning: 0 } });
    // --format from the command line; --rule adds to the file's rules.
    expect(overridden.stdout).toMatch(/^1 file: 1 valid, 0 invalid$/m);
  });

  it('--config FILE takes every setting', async () => {
    const config = join(dir('config-file'), 'settings.json');
    const output = join(TMP, 'config-file', 'out.json');
    writeFileSync(
      config,
      JSON.stringify({
        format: 'json',
        output,
        lang: 'da',
        redact: true,
        maxWarnings: 1,
        rules: { 'GOP-LAW-003': 'warning' },
        referenceDate: '2019-03-06',
        jobs: 1,
        quiet: false,
        exitZero: false,
      }),
    );
    const run = await gop(['validate', '--config', config, LAW_005, LAW_003, HOFTE]);
    expect(run.stdout).toBe('');
    expect(run.status).toBe(1); // 3 warnings > maxWarnings 1
    const reports = JSON.parse(readFileSync(output, 'utf8')) as FileReport[];
    expect(reports.map((r) => r.valid)).toEqual([true, true, true]);
    expect(reports[1]!.findings.map((f) => `${f.ruleId}:${f.severity}`)).toEqual(['GOP-LAW-003:warning']);
    expect(reports[0]!.facts!.patient.cpr).toMatch(/^\d{6}-XXXX$/);
    expect(reports[2]!.facts).toMatchObject({ mustStartBy: '2019-03-14', daysUntilMustStart: 8 });

    writeFileSync(config, JSON.stringify({ format: 'text', lang: 'da', quiet: true, exitZero: true }));
    const text = await gop(['validate', '--config', config, LAW_005, LAW_003]);
    expect(text.status).toBe(0);
    // --quiet as in eslint: warnings are neither printed nor counted
    expect(text.stdout).toMatch(/^2 filer: 1 gyldig, 1 ugyldig$/m);
    expect(text.stdout).not.toMatch(/ GOP-LAW-005 {2}/);
  });

  it('exits 2 for a config with invalid JSON, an unknown key, a wrong type or an unknown rule id, also as gop.config.json', async () => {
    const cases: [string, string, RegExp][] = [
      ['invalid JSON', '{ "format": "json", }', /config/],
      ['an unknown key', JSON.stringify({ format: 'json', colour: true }), /colour/],
      ['a wrong type', JSON.stringify({ maxWarnings: '3' }), /maxWarnings/],
      ['an unknown rule id', JSON.stringify({ rules: { 'GOP-NOPE-001': 'off' } }), /GOP-NOPE-001/],
    ];
    const project = dir('broken-default-config');
    copyFileSync(join(ROOT, MINIMAL), join(project, 'plan.xml'));
    writeFileSync(join(project, 'gop.config.json'), '{ nope');
    const runs = await Promise.all([
      ...cases.map(([what, content]) => {
        const config = join(dir(`bad-config-${what.replace(/\W+/g, '-')}`), 'config.json');
        writeFileSync(config, content);
        return gop(['validate', '--config', config, MINIMAL]);
      }),
      gop(['validate', 'plan.xml'], { cwd: project }),
    ]);
    runs.forEach((run, i) => {
      const what = cases[i]?.[0] ?? 'broken gop.config.json';
      expect({ what, status: run.status, stdout: run.stdout }).toEqual({ what, status: 2, stdout: '' });
      expect(run.stderr, what).toMatch(cases[i]?.[2] ?? /gop\.config\.json/);
    });
  });
});

describe('gop validate: batches', () => {
  let batch: string;
  beforeAll(() => {
    batch = dir('batch');
    const files = FIXTURE_FILES.filter((f) => /^fixtures\/(valid|invalid)\//.test(f));
    for (const copy of [1, 2]) for (const file of files) copyFileSync(join(ROOT, file), join(batch, `${copy}-${file.replace(/\//g, '_')}`));
  });

  it('gives byte-identical json output with --jobs 1 and --jobs 2 (workers start at 32 files), with every setting', async () => {
    expect(readdirSync(batch).length).toBeGreaterThanOrEqual(40);
    const settings = ['--redact', '--rule', 'GOP-LAW-005=error', '--lang', 'da', '--reference-date', '2019-03-06', '--format', 'json'];
    const [one, two] = await Promise.all([
      gopProcess(['validate', '--format', 'json', '--jobs', '1', batch]),
      gopProcess(['validate', '--format', 'json', '--jobs', '2', batch]),
    ]);
    const [oneSet, twoSet] = await Promise.all([
      gopProcess(['validate', ...settings, '--jobs', '1', batch]),
      gopProcess(['validate', ...settings, '--jobs', '2', batch]),
    ]);
    expect(one.status).toBe(1);
    expect(two.status).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(one.stdout)).toHaveLength(readdirSync(batch).length);
    // The settings reach the workers.
    expect(twoSet.stdout).toBe(oneSet.stdout);
    const reports = JSON.parse(twoSet.stdout) as FileReport[];
    const law005 = reports.flatMap((r) => r.findings).filter((f) => f.ruleId === 'GOP-LAW-005');
    expect(law005.length).toBeGreaterThan(0);
    expect(law005.every((f) => f.severity === 'error')).toBe(true);
    const cprs = reports.map((r) => r.facts?.patient.cpr).filter((c): c is string => !!c);
    expect(cprs.length).toBeGreaterThan(0);
    expect(cprs.every((c) => /^\d{6}-XXXX$/.test(c))).toBe(true);
  });

  it('reads standard input in a batch that uses workers, in its place', async () => {
    const input = readFileSync(join(ROOT, MINIMAL));
    const [one, two] = await Promise.all([
      gopProcess(['validate', '--format', 'json', '--jobs', '1', '-', batch], { input }),
      gopProcess(['validate', '--format', 'json', '--jobs', '2', batch, '-'], { input }),
    ]);
    const first = JSON.parse(one.stdout) as FileReport[];
    const last = JSON.parse(two.stdout) as FileReport[];
    expect(first[0]).toMatchObject({ file: '-', valid: true });
    expect(last.at(-1)).toEqual(first[0]);
    expect(last.slice(0, -1)).toEqual(first.slice(1));
  });

  // Was a bug (fixed): a file that cannot be read is reported differently with workers: the in-thread path strips the "ENOENT: "
  // prefix of the error (src/cli/run.ts checkHere), the worker (src/cli/worker.ts) does not:
  //   --jobs 1: "gop: …/zz-link.xml: cannot read (no such file or directory, open '…')"
  //   --jobs 2: "gop: …/zz-link.xml: cannot read (ENOENT: no such file or directory, open '…')"
  // Expected the same stderr whatever --jobs is.
  it('reports an unreadable file the same with and without workers', async () => {
    const broken = dir('batch-broken');
    for (const file of readdirSync(batch).slice(0, 33)) copyFileSync(join(batch, file), join(broken, file));
    symlinkSync(join(broken, 'gone'), join(broken, 'zz-link.xml'));
    const [one, two] = await Promise.all([
      gopProcess(['validate', '--format', 'json', '--jobs', '1', broken]),
      gopProcess(['validate', '--format', 'json', '--jobs', '2', broken]),
    ]);
    expect(one.status).toBe(2);
    expect(two.status).toBe(2);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
  });

  describe('memory over 5,000 messages', () => {
    let big: string;
    beforeAll(() => {
      big = dir('five-thousand');
      const sources = readdirSync(join(ROOT, 'fixtures', 'valid')).filter((f) => f.endsWith('.xml'));
      for (let i = 0; i < 5000; i++) {
        const source = sources[i % sources.length]!;
        copyFileSync(join(ROOT, 'fixtures', 'valid', source), join(big, `${String(i).padStart(4, '0')}-${source}`));
      }
    }, 120_000); // 5,000 files on a busy machine: a hook's time limit is no speed assertion
    afterAll(() => rmSync(big, { recursive: true, force: true }), 120_000);

    /** Peak resident set size (KB, all threads) of one `gop validate` process over the 5,000 files. */
    async function maxRssKb(extra: string[]): Promise<{ kb: number; run: Run }> {
      const argv = JSON.stringify(['node', 'gop', 'validate', ...extra, '--format', 'json', '--output', '/dev/null', big]);
      const code = `process.argv=${argv}; process.on('exit',()=>process.stderr.write('RSS '+process.resourceUsage().maxRSS+'\\n')); await import(${JSON.stringify(pathToFileURL(CLI).href)});`;
      const run = await exec(process.execPath, ['--input-type=module', '-e', code]);
      const match = /RSS (\d+)/.exec(run.stderr);
      if (!match) throw new Error(`no RSS line: ${run.stderr}`);
      return { kb: Number(match[1]), run };
    }

    // One after the other (not in parallel with each other), so that each has the machine's cores to itself.
    it.each([
      ['--jobs 1', ['--jobs', '1']],
      ['the default jobs', []],
    ] as [string, string[]][])(
      'stays under 300 MB with %s',
      async (_label, extra) => {
        const { kb, run } = await maxRssKb(extra);
        expect(run.status, run.stderr).toBe(0);
        expect(run.stderr.replace(/RSS \d+\n/, '')).toBe('');
        expect(kb, `maxRSS ${Math.round(kb / 1024)} MB`).toBeLessThan(300 * 1024);
      },
      120_000,
    );
  });
});
