// Ctrl-C and SIGTERM (CI cancellation) stop `gop validate` between files on one thread too (issue 23): the built CLI,
// spawned over 1,500 small files with -j 1, is signalled once its output has started. Work done is counted (result
// lines, "interrupted after N of 1500"), never timed; the generous test timeouts only turn a hang into a failure.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interruptHandler } from '../src/cli/signals';
import { CLI_PATH, REPO_ROOT } from './helpers';

const FILES = 1500;
let TMP: string;
let many: string;

beforeAll(() => {
  if (!existsSync(CLI_PATH)) throw new Error(`${CLI_PATH} is missing: run npm run build first`);
  TMP = mkdtempSync(join(tmpdir(), 'gop-signals-'));
  many = join(TMP, 'many');
  mkdirSync(many);
  const source = readFileSync(join(REPO_ROOT, 'fixtures', 'valid', 'minimal.xml'));
  for (let i = 0; i < FILES; i++) writeFileSync(join(many, `${String(i).padStart(4, '0')}.xml`), source);
});
afterAll(() => {
  if (TMP) rmSync(TMP, { recursive: true, force: true });
});

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * `gop validate -j 1 … many`, sent `signal` `times` times as soon as `started(stdout)` holds (checked on each chunk of
 * standard output, or — for a run that writes to -o — on each poll of `startedOn()`), the second right after the first.
 */
function interrupt(args: string[], signal: NodeJS.Signals, times: 1 | 2, startedOn?: () => boolean): Promise<Ended> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_PATH, 'validate', '--jobs', '1', '--no-config', ...args, many], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let sent = false;
    const send = () => {
      if (sent) return;
      sent = true;
      child.kill(signal);
      if (times === 2) setImmediate(() => child.kill(signal));
    };
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!startedOn && /: valid/.test(stdout)) send();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    if (startedOn) {
      const poll = () => {
        if (sent || child.exitCode !== null) return;
        if (startedOn()) send();
        else setTimeout(poll, 5);
      };
      poll();
    }
    child.on('error', reject);
    child.on('close', (code, killedBy) => resolve({ code, signal: killedBy, stdout, stderr }));
  });
}

/** Result lines of the text format: one per file checked. */
const resultLines = (stdout: string) => stdout.split('\n').filter((line) => line.includes('.xml: valid')).length;
/** N of "interrupted after N of 1500 files", when the run stopped between files. */
const interruptedAfter = (stderr: string) => Number(/interrupted after (\d+) of 1500 files/.exec(stderr)?.[1] ?? Number.NaN);

/** A folder with an old report in it, and whether the run's temporary file (.report.txt.PID-N.tmp) has content yet. */
function outputFolder(name: string) {
  const folder = join(TMP, name);
  mkdirSync(folder);
  const out = join(folder, 'report.txt');
  writeFileSync(out, 'the old report\n');
  const writing = () =>
    readdirSync(folder).some((f) => f.endsWith('.tmp') && (statSync(join(folder, f), { throwIfNoEntry: false })?.size ?? 0) > 0);
  return { folder, out, writing };
}

describe.each(['SIGINT', 'SIGTERM'] as const)('gop validate -j 1 and %s', (signal) => {
  it('one signal stops it between files: status 130, fewer than all files reported, the count said', async () => {
    const run = await interrupt([], signal, 1);
    expect({ code: run.code, signal: run.signal }).toEqual({ code: 130, signal: null });
    const after = interruptedAfter(run.stderr);
    expect(after).toBeLessThan(FILES);
    expect(resultLines(run.stdout)).toBeGreaterThan(0);
    expect(resultLines(run.stdout)).toBeLessThanOrEqual(after);
    // no summary: the report was not finished
    expect(run.stdout).not.toMatch(/^1500 files/m);
  }, 60_000);

  it('one signal with -o: the old report stays as it was, no temporary file is left', async () => {
    const { folder, out, writing } = outputFolder(`once-${signal}`);
    const run = await interrupt(['-o', out], signal, 1, writing);
    expect({ code: run.code, signal: run.signal }).toEqual({ code: 130, signal: null });
    expect(interruptedAfter(run.stderr)).toBeLessThan(FILES);
    expect(run.stderr).toContain(`${out} was not written`);
    expect(readFileSync(out, 'utf8')).toBe('the old report\n');
    expect(readdirSync(folder)).toEqual(['report.txt']);
  }, 60_000);

  it('two signals end it: status 130 (or the signal itself, when it lands while the process is already ending) before all files were reported', async () => {
    const run = await interrupt([], signal, 2);
    // The first signal may stop the run so quickly that the second lands while Node is tearing the process down, when
    // no handler runs any more: ended by the signal itself. Either way it ended at once, before all files.
    expect(run.code === 130 || run.signal === signal).toBe(true);
    expect(resultLines(run.stdout)).toBeGreaterThan(0);
    expect(resultLines(run.stdout)).toBeLessThan(FILES);
  }, 60_000);

  it('two signals with -o: the old report stays as it was, no temporary file is left', async () => {
    const { folder, out, writing } = outputFolder(`twice-${signal}`);
    const run = await interrupt(['-o', out], signal, 2, writing);
    expect(run.code === 130 || run.signal === signal).toBe(true);
    expect(readFileSync(out, 'utf8')).toBe('the old report\n');
    // ended by the signal during teardown, a temporary file may be left beside it, never in its place
    if (run.code === 130) expect(readdirSync(folder)).toEqual(['report.txt']);
  }, 60_000);
});

describe('the signal handler (bin.ts)', () => {
  it('the first signal aborts, the second exits at once with 130', () => {
    const controller = new AbortController();
    const exits: number[] = [];
    const handle = interruptHandler(controller, (status) => exits.push(status));
    handle();
    expect(controller.signal.aborted).toBe(true);
    expect(exits).toEqual([]);
    handle();
    expect(exits).toEqual([130]);
  });
});
