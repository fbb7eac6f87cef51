// `gop stats` in-process: a folder of generated plans and a starts file → the text, JSON, CSV and HTML reports; bad
// rows of the starts file reported by their line; bad flags named, with the near miss.
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PlanSummarySchema } from '../src/stats/schema';
import { parseStarts } from '../src/stats/starts';
import { summarizePlans } from '../src/stats/summary';
import { gopInProcess } from './cli-harness';
import { choosePlans, expected, writePlans } from './stats-plans';

const folder = mkdtempSync(join(tmpdir(), 'gop-stats-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const PLANS = choosePlans(12); // January to March 2024
const paths = writePlans(folder, PLANS);
// the same plan once more, under another name: counted once
copyFileSync(join(paths.plans, 'plan-00.xml'), join(paths.plans, 'plan-00-again.xml'));
const answers = expected(PLANS);
const STANDARD = join(folder, 'standard.json');
writeFileSync(STANDARD, JSON.stringify({ name: 'Opstart inden 5 dage', start: { within: 5, unit: 'days', from: 'discharge' } }));

const stats = (...args: string[]) => gopInProcess(['stats', ...args], { cwd: folder });

describe('gop stats', () => {
  it('-f json: the summary summarizePlans gives for the same plans and starts, with the known counts', async () => {
    const run = await stats('plans', '--starts', 'starts.csv', '-f', 'json');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const summary = PlanSummarySchema.parse(JSON.parse(run.stdout));
    const files = readdirSync(paths.plans)
      .sort()
      .map((f) => readFileSync(join(paths.plans, f)));
    const starts = parseStarts(readFileSync(paths.starts));
    expect(starts.problems).toEqual([]);
    expect(summary).toEqual(await summarizePlans(files, { starts: starts.rows, referenceDate: '2026-12-01' }));

    expect(summary.plans).toBe(12);
    expect(summary.duplicates).toBe(1);
    expect(summary.periods.map((p) => p.period)).toEqual(['2024-01', '2024-02', '2024-03']);
    for (const p of summary.periods) {
      const want = answers.periods.get(p.period)!;
      expect(p.levels).toEqual({ almen: want.almen, specialiseret: want.specialiseret, rehabilitering: want.rehabilitering, unknown: 0 });
      expect(p.decided).toEqual({ basal: want.basal, avanceret: want.avanceret });
    }
    expect(summary.guarantee).toMatchObject({ ...answers.guarantee, unknown: 0 });
    expect(summary.daysToStart.histogram).toEqual(answers.histogram);
    expect(summary.starts).toMatchObject({ rows: 8, matched: 8, unmatched: 0 });
    expect(answers.guarantee.notStarted).toBe(1);
  });

  it('text (Danish by default, English with --lang en)', async () => {
    const da = await stats('plans', '--starts', 'starts.csv');
    expect(da.status).toBe(0);
    expect(da.stdout).toContain('Opfølgning på genoptræningsplaner');
    expect(da.stdout).toContain('Planer: 12');
    expect(da.stdout).toMatch(/2024-01 +planer 4: almen 2, specialiseret 1, rehabilitering 1, ukendt niveau 0; basal \d, avanceret \d/);
    expect(da.stdout).toContain(`startet inden for fristen: ${answers.guarantee.startedWithin} (`);
    expect(da.stdout).toContain('5790002658419  6  Aarhus Universitetshospital');
    const en = await stats('plans', '--lang', 'en', '--by', 'quarter');
    expect(en.stdout).toContain('Follow-up on rehabilitation plans');
    expect(en.stdout).toMatch(/2024-Q1 +plans 12: almen 6, specialiseret 3, rehabilitering 3/);
    expect(en.stdout).toContain('No quality standard given');
  });

  it('-f csv: a header and one row per period, commas, numbers only', async () => {
    const run = await stats('plans', '--starts', 'starts.csv', '-f', 'csv');
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain(';');
    const lines = run.stdout.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe('period,plans,almen,specialiseret,rehabilitering,unknown,basal,avanceret');
    expect(lines.slice(1, -1)).toHaveLength(3);
    for (const line of lines.slice(1, -1)) {
      const [period, ...counts] = line.split(',');
      const want = answers.periods.get(period!)!;
      expect(counts.every((c) => /^\d+$/.test(c))).toBe(true);
      expect(counts.map(Number)).toEqual([4, want.almen, want.specialiseret, want.rehabilitering, 0, want.basal, want.avanceret]);
    }
    const years = await stats('plans', '-f', 'csv', '--by', 'year');
    expect(years.stdout).toBe('period,plans,almen,specialiseret,rehabilitering,unknown,basal,avanceret\r\n2024,12,6,3,3,0,0,0\r\n');
  });

  it('-f html -o FILE: the page, with the standard; nothing on standard output', async () => {
    const run = await stats('plans', '--starts', 'starts.csv', '--standard', 'standard.json', '-f', 'html', '-o', 'out/report.html');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    const html = readFileSync(join(folder, 'out', 'report.html'), 'utf8');
    expect(html.startsWith('<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml" lang="da"')).toBe(true);
    expect(html).toContain('http-equiv="Content-Security-Policy"');
    expect(html).toContain('Kvalitetsstandard: Opstart inden 5 dage');
    expect(html).toContain('class="limit standard"');
    const json = PlanSummarySchema.parse(
      JSON.parse((await stats('plans', '--starts', 'starts.csv', '--standard', 'standard.json', '-f', 'json')).stdout),
    );
    expect(json.standard?.name).toBe('Opstart inden 5 dage');
    expect(json.standard?.applies).toBe(answers.guarantee.applies);
  });

  it('reports each bad row of the starts file by its line, leaves it out, and exits 0 (1 with --strict)', async () => {
    const lines = readFileSync(paths.starts, 'utf8').split('\r\n');
    lines[2] = lines[2]!.replace(/;[^;]*$/, ';31-02-2024'); // no such date
    lines[4] = lines[4]!.replace(/;(basal|avanceret);/, ';middel;'); // no such level
    writeFileSync(join(folder, 'bad-starts.csv'), lines.join('\r\n'));
    const run = await stats('plans', '--starts', 'bad-starts.csv', '-f', 'json');
    expect(run.status).toBe(0);
    const problems = run.stderr.split('\n').filter((l) => l.startsWith('gop: bad-starts.csv:'));
    expect(problems.map((l) => /^gop: bad-starts\.csv:(\d+)/.exec(l)![1])).toEqual(['3', '5']);
    expect(run.stderr).toContain('the starts file: 2 problems on 2 lines; those rows are left out');
    expect(JSON.parse(run.stdout).starts.rows).toBe(6);
    const strict = await stats('plans', '--starts', 'bad-starts.csv', '--strict', '-f', 'csv', '--lang', 'da');
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain('opstartsfilen: 2 fejl på 2 linjer; de rækker er udeladt');
    expect(strict.stdout.startsWith('period,plans')).toBe(true);
  });

  it('names bad flags and values, with the near miss', async () => {
    const format = await stats('plans', '-f', 'jsn');
    expect(format.status).toBe(2);
    expect(format.stderr).toContain('gop: --format jsn: expected text, json, csv, html (did you mean json?)');
    expect(format.stderr).toContain('Run "gop help stats" for usage.');
    const by = await stats('plans', '--by', 'mnth');
    expect(by.status).toBe(2);
    expect(by.stderr).toContain('(did you mean month?)');
    const flag = await stats('plans', '--strats', 'starts.csv');
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain('unknown option --strats (did you mean --starts?)');
    const lang = await stats('plans', '--lang', 'de');
    expect(lang.status).toBe(2);
    expect(lang.stderr).toContain('--lang de: expected da, en');
  });

  it('a missing path, an unreadable starts file or a bad standard: exit 2, said on standard error', async () => {
    const missing = await stats('plans', 'nowhere', '-f', 'csv');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nowhere');
    expect(missing.stdout.split('\r\n')).toHaveLength(5); // the report of the rest is still written
    const noStarts = await stats('plans', '--starts', 'nope.csv');
    expect(noStarts.status).toBe(2);
    expect(noStarts.stderr).toContain('nope.csv: cannot read');
    writeFileSync(
      join(folder, 'bad-standard.json'),
      JSON.stringify({ name: 'x', start: { within: -1, unit: 'weeks', from: 'discharge' } }),
    );
    const standard = await stats('plans', '--standard', 'bad-standard.json');
    expect(standard.status).toBe(2);
    expect(standard.stderr).toMatch(/bad-standard\.json: not a quality standard: start\.within must be a whole number/);
    writeFileSync(join(folder, 'not-json.json'), '{ name: ');
    expect((await stats('plans', '--standard', 'not-json.json')).stderr).toContain('not-json.json: not a quality standard: not JSON');
  });

  it('gop help stats lists its options', async () => {
    const help = await gopInProcess(['help', 'stats']);
    expect(help.status).toBe(0);
    for (const flag of [
      '--starts FILE.csv',
      '--standard FILE.json',
      '--by month|quarter|year',
      '-f, --format text|json|csv|html',
      '--strict',
    ])
      expect(help.stdout).toContain(flag);
    expect((await gopInProcess(['help'])).stdout).toMatch(/gop stats \[options\] \[PATH\.\.\.\]/);
  });
});
