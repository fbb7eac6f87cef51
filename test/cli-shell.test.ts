// The built `gop` in a real shell: pipes closed early (`| head`), stalled readers, /dev/zero, FIFOs, node's memory flags
// with workers, Ctrl-C. Each was a crash or a hang before (issue 13). Spawned processes; `timeout` turns a hang into a
// failure instead of a stuck suite.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileReport } from '../src/format/index';
import { CLI_PATH, REPO_ROOT, runCommand } from './helpers';

const sh = (script: string, cwd = REPO_ROOT) => runCommand('bash', ['-c', script], { cwd });
const GOP = `"${process.execPath}" "${CLI_PATH}"`;
const haveTimeout = existsSync('/usr/bin/timeout');
const haveMkfifo = existsSync('/usr/bin/mkfifo');
if (!haveTimeout) console.warn('shell tests skipped: coreutils timeout is absent');

let TMP: string;
/** 300 copies of the invalid fixtures: text output far over a pipe's 64 KB buffer. */
let big: string;
beforeAll(() => {
  TMP = mkdtempSync(join(tmpdir(), 'gop-shell-'));
  big = join(TMP, 'big');
  mkdirSync(big);
  const invalid = readdirSync(join(REPO_ROOT, 'fixtures', 'invalid')).filter((f) => f.endsWith('.xml'));
  for (let i = 0; i < 300; i++)
    copyFileSync(join(REPO_ROOT, 'fixtures', 'invalid', invalid[i % invalid.length]!), join(big, `${String(i).padStart(3, '0')}.xml`));
});
afterAll(() => {
  if (TMP) rmSync(TMP, { recursive: true, force: true });
});

/** The exit status of the first command of a pipeline, printed last on stderr by the script. */
const firstStatus = (stderr: string) => Number(/STATUS (\d+)\s*$/.exec(stderr)?.[1]);

describe.skipIf(!haveTimeout).concurrent('gop in a pipeline', () => {
  it('`| head -1` ends quietly: no EPIPE trace, the status so far (1: errors were found)', async () => {
    const run = await sh(`timeout 60 ${GOP} validate --jobs 1 ${big} | head -1; echo "STATUS \${PIPESTATUS[0]}" >&2`);
    expect(run.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(run.stderr.replace(/STATUS \d+\s*$/, '')).toBe('');
    expect(firstStatus(run.stderr)).toBe(1);
  });

  it('`gop rules | head -1` and `gop validate -f json | head -c 10` end with status 0 / 1 and nothing on stderr', async () => {
    const [rules, json] = await Promise.all([
      sh(`timeout 60 ${GOP} rules | head -1; echo "STATUS \${PIPESTATUS[0]}" >&2`),
      sh(`timeout 60 ${GOP} validate -f json --jobs 2 ${big} | head -c 10 >/dev/null; echo "STATUS \${PIPESTATUS[0]}" >&2`),
    ]);
    expect(rules.stdout).toMatch(/^GOP-INPUT-001 /);
    expect(rules.stderr.trim()).toBe('STATUS 0');
    expect(json.stderr.trim()).toBe('STATUS 1');
  });

  it('a reader that stalls for 2 s gets every byte (no EAGAIN), the same as without a pipe', async () => {
    const [slow, direct] = await Promise.all([
      sh(`timeout 60 ${GOP} validate --jobs 1 ${big} | (sleep 2; cat); echo "STATUS \${PIPESTATUS[0]}" >&2`),
      sh(`timeout 60 ${GOP} validate --jobs 1 --output ${TMP}/direct.txt ${big}; cat ${TMP}/direct.txt`),
    ]);
    expect(slow.stdout.length).toBeGreaterThan(64 * 1024);
    expect(slow.stdout).toBe(direct.stdout);
    expect(firstStatus(slow.stderr)).toBe(1);
  });
});

describe.skipIf(!haveTimeout).concurrent('gop and odd files', () => {
  it('/dev/zero is rejected after maxBytes (GOP-INPUT-004), not read to exhaustion', async () => {
    // Without the cap this reads until the timeout (or the memory) ends it.
    const run = await sh(`timeout 20 ${GOP} validate -f json /dev/zero; echo "STATUS $?" >&2`);
    expect(firstStatus(run.stderr)).toBe(1);
    const [report] = JSON.parse(run.stdout) as FileReport[];
    expect(report!.findings.map((f) => f.ruleId)).toEqual(['GOP-INPUT-004']);
    expect(report!.findings[0]!.message).toMatch(/more than 5242880 bytes/);
  });

  it('a 3 GB (sparse) file is rejected by its size, unread', async () => {
    const huge = join(TMP, 'huge.xml');
    execFileSync('truncate', ['-s', '3G', huge]);
    const run = await sh(`timeout 20 ${GOP} validate -f json ${huge}; echo "STATUS $?" >&2`);
    rmSync(huge);
    expect(firstStatus(run.stderr)).toBe(1);
    expect((JSON.parse(run.stdout) as FileReport[])[0]!.findings[0]!.message).toContain(`${3 * 1024 ** 3} bytes is over the limit`);
  });

  it.skipIf(!haveMkfifo)('a FIFO named *.xml in a folder is skipped with a note, not waited on forever', async () => {
    const folder = join(TMP, 'with-fifo');
    mkdirSync(folder);
    copyFileSync(join(REPO_ROOT, 'fixtures', 'valid', 'minimal.xml'), join(folder, 'plan.xml'));
    execFileSync('mkfifo', [join(folder, 'pipe.xml')]);
    const run = await sh(`timeout 20 ${GOP} validate -f json ${folder}; echo "STATUS $?" >&2`);
    expect(firstStatus(run.stderr)).toBe(0);
    expect(run.stderr).toMatch(/pipe\.xml: skipped, not a regular file/);
    expect((JSON.parse(run.stdout) as FileReport[]).map((r) => r.file)).toEqual([join(folder, 'plan.xml')]);
  });

  it('a FIFO named on the command line is read (process substitution)', async () => {
    const run = await sh(`timeout 20 ${GOP} validate -f json <(cat fixtures/valid/minimal.xml); echo "STATUS $?" >&2`);
    expect(firstStatus(run.stderr)).toBe(0);
    expect((JSON.parse(run.stdout) as FileReport[])[0]).toMatchObject({ valid: true, facts: { level: 'almen' } });
  });

  it.skipIf(!existsSync('/proc/self'))('-o under /proc fails at once with exit 2, not spinning in mkdir', async () => {
    // Node's recursive mkdir loops forever there; timeout turns a regression into status 124.
    const run = await sh(`timeout 20 ${GOP} validate -o /proc/nope/x.txt fixtures/valid/minimal.xml; echo "STATUS $?" >&2`);
    expect(firstStatus(run.stderr)).toBe(2);
    expect(run.stderr).toContain('gop: cannot write /proc/nope/x.txt: no such file or directory');
    expect(run.stdout).toBe('');
  });

  it('standard input over the limit is cut off at the limit, not read whole', async () => {
    const run = await sh(`head -c 20000000 /dev/zero | timeout 20 ${GOP} validate -f json -; echo "STATUS $?" >&2`);
    expect(firstStatus(run.stderr)).toBe(1);
    expect((JSON.parse(run.stdout) as FileReport[])[0]!.findings[0]!.ruleId).toBe('GOP-INPUT-004');
  });
});

describe.skipIf(!haveTimeout)('gop with workers and signals', () => {
  it('node --max-old-space-size=N works with workers (the flag becomes their resource limit)', async () => {
    const run = await sh(
      `timeout 60 "${process.execPath}" --max-old-space-size=256 "${CLI_PATH}" validate -f json --jobs 2 ${big}; echo "STATUS $?" >&2`,
    );
    expect(run.stderr.replace(/STATUS \d+\s*$/, '')).toBe('');
    expect(firstStatus(run.stderr)).toBe(1);
    expect(JSON.parse(run.stdout)).toHaveLength(300);
  }, 60_000);

  it('Ctrl-C mid-run leaves --output as it was (no truncated JSON), no temporary file, status 130', async () => {
    const many = join(TMP, 'many');
    mkdirSync(many);
    const source = readFileSync(join(REPO_ROOT, 'fixtures', 'valid', 'minimal.xml'));
    for (let i = 0; i < 3000; i++) writeFileSync(join(many, `${String(i).padStart(4, '0')}.xml`), source);
    const out = join(TMP, 'out', 'report.json');
    mkdirSync(join(TMP, 'out'));
    writeFileSync(out, '[]\n');
    const child = spawn(process.execPath, [CLI_PATH, 'validate', '-f', 'json', '--jobs', '1', '-o', out, many], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    // Signalled once the report has started (its temporary file has content), not after a guessed delay.
    const started = () =>
      readdirSync(join(TMP, 'out')).some(
        (f) => f.endsWith('.tmp') && (statSync(join(TMP, 'out', f), { throwIfNoEntry: false })?.size ?? 0) > 1,
      );
    while (!started() && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 5));
    child.kill('SIGINT');
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(status).toBe(130);
    expect(stderr).toMatch(/interrupted after \d+ of 3000 files/);
    expect(readFileSync(out, 'utf8')).toBe('[]\n');
    expect(readdirSync(join(TMP, 'out'))).toEqual(['report.json']);
  }, 30_000);
});
