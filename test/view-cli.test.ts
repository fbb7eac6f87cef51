import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gopInProcess } from './cli-harness';
import { FIXTURES_DIR } from './helpers';

const folder = mkdtempSync(join(tmpdir(), 'gop-view-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const fixture = (file: string) => `${FIXTURES_DIR}${file}`;

describe('gop view', () => {
  it('writes the page to standard output and exits 0 for a valid plan', async () => {
    const run = await gopInProcess(['view', fixture('valid/almen-hoftefraktur.xml'), '--reference-date', '2019-03-10']);
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith('<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml" lang="da"')).toBe(true);
    expect(run.stdout).toContain('<h2>Patient</h2>');
    expect(run.stdout).toContain('4 dage til planens frist');
    expect(run.stderr).toBe('');
  });

  it('exits 0 for a plan with findings, 1 for one that cannot be read (and still writes the page)', async () => {
    const withFindings = await gopInProcess(['view', fixture('invalid/GOP-LAW-006--consent-nej.xml')]);
    expect(withFindings.status).toBe(0);
    expect(withFindings.stdout).toContain('GOP-LAW-006');
    const broken = await gopInProcess(['view', fixture('invalid/GOP-INPUT-001--truncated.xml')]);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain('GOP-INPUT-001');
    expect(broken.stdout).toContain('Planen kunne ikke læses');
  });

  it('-o FILE, --lang en, --redact, --no-findings', async () => {
    const out = join(folder, 'sub', 'plan.html');
    const run = await gopInProcess([
      'view',
      fixture('invalid/GOP-CODE-001--telephone-code-mobiltelefon.xml'),
      '-o',
      out,
      '--lang',
      'en',
      '--redact',
      '--no-findings',
    ]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('lang="en"');
    expect(html).toContain('<h2>Rehabilitation plan</h2>');
    expect(html).not.toContain('GOP-CODE-001');
    expect(html).toContain('Personal data is masked');
    expect(html).toMatch(/\d{6}-XXXX/);
  });

  it('reads standard input (-)', async () => {
    const run = await gopInProcess(['view', '-'], { input: readFileSync(fixture('valid/minimal.xml')) });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Kirsten');
  });

  it('without --reference-date, today (the CLI clock) counts the days', async () => {
    const run = await gopInProcess(['view', fixture('valid/almen-hoftefraktur.xml')], { now: new Date('2019-03-12T09:00:00Z') });
    expect(run.stdout).toContain('2 dage til planens frist');
  });

  it('exits 2 on usage and I/O problems', async () => {
    for (const args of [
      ['view'],
      ['view', 'a.xml', 'b.xml'],
      ['view', fixture('valid/minimal.xml'), '--lang', 'de'],
      ['view', fixture('valid/minimal.xml'), '--reference-date', '2019-02-30'],
      ['view', fixture('valid/minimal.xml'), '--bogus'],
    ]) {
      const run = await gopInProcess(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
    }
    const missing = await gopInProcess(['view', join(folder, 'missing.xml')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('missing.xml');
    const blocker = join(folder, 'file');
    writeFileSync(blocker, 'x');
    const unwritable = await gopInProcess(['view', fixture('valid/minimal.xml'), '-o', join(blocker, 'plan.html')]);
    expect(unwritable.status).toBe(2);
    expect(unwritable.stderr).toContain('cannot write');
  });

  it('is listed in gop help, with its options', async () => {
    const help = await gopInProcess(['help']);
    expect(help.stdout).toContain('gop view [options] FILE');
    const own = await gopInProcess(['help', 'view']);
    for (const option of ['--output', '--lang', '--redact', '--reference-date', '--no-findings']) expect(own.stdout).toContain(option);
  });
});
