// `gop fhir`, in-process (test/cli-harness.ts): the KL Gateway delivery report of a plan, or of every plan in a folder.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bundle, Organization, ServiceRequest } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { reportNames } from '../src/cli/fhir-names';
import { parseGop } from '../src/index';
import { toKlGatewayReport } from '../src/fhir/index';
import { gopInProcess as gop } from './cli-harness';
import { FIXTURES_DIR, withDeadline } from './helpers';

const ALMEN = `${FIXTURES_DIR}valid/almen-hoftefraktur.xml`;
const NO_END = `${FIXTURES_DIR}invalid/GOP-LAW-011--no-expected-end.xml`;
const SOR = ['--municipality-sor', '451000016003'];
const BASE = [...SOR, '--requester-sor', '227871000016001'];
const TIMESTAMP = '2019-03-08T10:00:00+01:00';
const resource = <T>(bundle: Bundle, type: string) => bundle.entry!.find((e) => e.resource!.resourceType === type)!.resource as T;

describe('gop fhir', () => {
  it('prints the bundle, exit 0: the same JSON as toKlGatewayReport', async () => {
    const run = await gop(['fhir', ...BASE, '--timestamp', TIMESTAMP, '--received', '2019-03-06', '--almen-split', 'basal', ALMEN]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const expected = toKlGatewayReport(readFileSync(ALMEN), {
      municipalitySor: '451000016003',
      requesterSor: '227871000016001',
      timestamp: TIMESTAMP,
      receivedAt: '2019-03-06',
      almenSplit: 'basal',
    });
    if (!expected.ok) throw new Error('no report');
    expect(run.stdout).toBe(`${JSON.stringify(expected.bundle, null, 2)}\n`);
  });

  it('takes the timestamp from the clock when none is given; the other options reach the bundle', async () => {
    const run = await gop(['fhir', ...BASE, '--offered-start', '2019-03-12', '--status-reason', 'Udskudt', ALMEN], {
      now: new Date('2019-03-08T09:00:00.123Z'),
    });
    expect(run.status).toBe(0);
    const bundle: Bundle = JSON.parse(run.stdout);
    expect(bundle.timestamp).toBe('2019-03-08T09:00:00Z');
    const request = resource<ServiceRequest>(bundle, 'ServiceRequest');
    expect(request.occurrencePeriod).toEqual({ start: '2019-03-12' });
    expect(request.extension).toHaveLength(2);
  });

  it('writes -o FILE', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gop-fhir-'));
    const run = await gop(['fhir', ...BASE, '--timestamp', TIMESTAMP, ALMEN, '-o', join(dir, 'report.json')]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).resourceType).toBe('Bundle');
  });

  it('prints the problems and exits 1 for a plan that cannot be reported', async () => {
    const run = await gop(['fhir', ...BASE, '--timestamp', TIMESTAMP, NO_END]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('noDischargeDate');
    expect(run.stderr).toContain('PreconditionDate');
  });

  it('exits 2 on usage mistakes, naming the flag', async () => {
    for (const [args, says] of [
      [['fhir', '--requester-sor', '227871000016001', ALMEN], '--municipality-sor'],
      [['fhir', ...SOR, ALMEN], '--requester-sor'],
      [['fhir', ...BASE, '--timestamp', '2019-03-08', ALMEN], '--timestamp'],
      [['fhir', ...BASE, '--status-reason', 'Later', ALMEN], '--status-reason'],
      [['fhir', ...BASE, '--almen-split', 'mellem', ALMEN], '--almen-split'],
      [['fhir', ...BASE, ALMEN, ALMEN], 'exactly one'],
      [['fhir', ...BASE, FIXTURES_DIR], '-o DIR'],
      [['fhir', ...BASE, '--sor-map', ALMEN, ALMEN], '--sor-map'],
    ] as const) {
      const run = await gop([...args]);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toContain(says);
    }
    expect((await gop(['fhir', ...BASE, `${FIXTURES_DIR}no-such.xml`])).status).toBe(2);
  });

  it('says when the plan asks for a later start and no --status-reason is given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gop-fhir-'));
    const plan = join(dir, 'later.xml');
    writeFileSync(plan, readFileSync(ALMEN, 'utf8').replace('senest 14.03.2019', 'tidligst 20.03.2019'));
    const run = await gop(['fhir', ...BASE, '--timestamp', TIMESTAMP, plan]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('--status-reason Udskudt');
  });

  it('says to read the text when the deadline could not be read, and proposes no --status-reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gop-fhir-'));
    const plan = join(dir, 'unreadable.xml');
    writeFileSync(plan, withDeadline('efter kontrol i ambulatoriet'));
    const run = await gop(['fhir', ...BASE, '--timestamp', TIMESTAMP, plan]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(
      `gop: ${plan}: The deadline could not be read, so it is not known whether the plan asks for a later start (Udskudt): read the text before choosing a status reason.\n`,
    );
    expect(run.stderr).not.toContain('--status-reason');
    // chosen: nothing to say
    expect((await gop(['fhir', ...BASE, '--timestamp', TIMESTAMP, '--status-reason', 'FritValg', plan])).stderr).toBe('');
  });

  it('FOLDER -o DIR: one <name>.fhir.json per plan, the SOR code of each sender from --sor-map; exit 1 when one cannot be reported', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gop-fhir-'));
    const inbox = join(dir, 'inbox');
    mkdirSync(join(inbox, 'sub'), { recursive: true });
    copyFileSync(ALMEN, join(inbox, 'a.xml'));
    copyFileSync(`${FIXTURES_DIR}valid/specialiseret-haandskade.xml`, join(inbox, 'sub', 'b.xml'));
    copyFileSync(NO_END, join(inbox, 'c.xml'));
    const map: Record<string, string> = {};
    for (const file of [ALMEN, `${FIXTURES_DIR}valid/specialiseret-haandskade.xml`, NO_END]) {
      const read = parseGop(readFileSync(file));
      const sender = read.ok ? read.message.rehabilitationPlan.sender : read.partial?.rehabilitationPlan?.sender;
      map[sender!.eanIdentifier!] = file === ALMEN ? '111111111111' : '222222222222';
    }
    writeFileSync(join(dir, 'sor.json'), JSON.stringify(map));
    const run = await gop(['fhir', ...SOR, '--sor-map', join(dir, 'sor.json'), '--timestamp', TIMESTAMP, inbox, '-o', join(dir, 'out')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('c.xml');
    expect(run.stderr).toContain('noDischargeDate');
    expect(existsSync(join(dir, 'out', 'c.fhir.json'))).toBe(false);
    const a: Bundle = JSON.parse(readFileSync(join(dir, 'out', 'a.fhir.json'), 'utf8'));
    const b: Bundle = JSON.parse(readFileSync(join(dir, 'out', 'sub', 'b.fhir.json'), 'utf8'));
    expect(resource<Organization>(a, 'Organization').identifier![0]!.value).toBe('111111111111');
    expect(resource<Organization>(b, 'Organization').identifier![0]!.value).toBe('222222222222');
  });

  describe('FOLDER -o DIR: no report replaces another', () => {
    const SPECIAL = `${FIXTURES_DIR}valid/specialiseret-haandskade.xml`;
    const expected = (plan: string) => {
      const result = toKlGatewayReport(readFileSync(plan), {
        municipalitySor: '451000016003',
        requesterSor: '227871000016001',
        timestamp: TIMESTAMP,
      });
      if (!result.ok) throw new Error('no report');
      return `${JSON.stringify(result.bundle, null, 2)}\n`;
    };
    /** Every file below dir, as relative paths with forward slashes, sorted. */
    const listing = (dir: string, under = ''): string[] =>
      readdirSync(join(dir, under), { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? listing(dir, `${under}${e.name}/`) : [`${under}${e.name}`]))
        .sort();
    /** A folder holding plan.xml and plan.XML, or undefined on a file system that ignores case (one file). */
    const caseSensitiveInbox = () => {
      const dir = mkdtempSync(join(tmpdir(), 'gop-fhir-'));
      const inbox = join(dir, 'inbox');
      mkdirSync(inbox);
      copyFileSync(ALMEN, join(inbox, 'plan.xml'));
      copyFileSync(SPECIAL, join(inbox, 'plan.XML'));
      if (readdirSync(inbox).length === 2) return { dir, inbox };
      console.warn(`skipped: ${inbox} ignores case, so plan.xml and plan.XML cannot both be there`);
      return undefined;
    };

    it('plan.xml and plan.XML: two numbered reports, each its own plan’s, said on standard error; exit 0', async () => {
      const made = caseSensitiveInbox();
      if (!made) return;
      const { dir, inbox } = made;
      // plan~1.xml takes the first number: the counter goes past it.
      copyFileSync(ALMEN, join(inbox, 'plan~1.xml'));
      const out = join(dir, 'out');
      const run = await gop(['fhir', ...BASE, '--timestamp', TIMESTAMP, inbox, '-o', out]);
      expect(run.status).toBe(0);
      expect(listing(out)).toEqual(['plan~1.fhir.json', 'plan~2.fhir.json', 'plan~3.fhir.json']);
      // In the code-unit order of the paths: plan.XML before plan.xml.
      expect(readFileSync(join(out, 'plan~2.fhir.json'), 'utf8')).toBe(expected(SPECIAL));
      expect(readFileSync(join(out, 'plan~3.fhir.json'), 'utf8')).toBe(expected(ALMEN));
      expect(readFileSync(join(out, 'plan~1.fhir.json'), 'utf8')).toBe(expected(ALMEN));
      expect(run.stderr).toContain(`gop: ${join(inbox, 'plan.XML')}: report written to ${join(out, 'plan~2.fhir.json')}`);
      expect(run.stderr).toContain(`(${join(inbox, 'plan.xml')} would get the same name)`);
      expect(run.stderr).toContain(`gop: ${join(inbox, 'plan.xml')}: report written to ${join(out, 'plan~3.fhir.json')}`);
      expect(run.stderr).not.toContain('plan~1.xml:');
      // The same folder again: the same names (and the same reports).
      const again = await gop(['fhir', ...BASE, '--timestamp', TIMESTAMP, inbox, '-o', out]);
      expect(again.status).toBe(0);
      expect(listing(out)).toEqual(['plan~1.fhir.json', 'plan~2.fhir.json', 'plan~3.fhir.json']);
      expect(readFileSync(join(out, 'plan~2.fhir.json'), 'utf8')).toBe(expected(SPECIAL));
    });

    it('folders differing in case only, and a report named like a folder of reports, are numbered; a/ and b/ keep their names', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'gop-fhir-'));
      const inbox = join(dir, 'inbox');
      for (const sub of ['a', 'b', 'r.fhir.json']) mkdirSync(join(inbox, sub), { recursive: true });
      copyFileSync(ALMEN, join(inbox, 'a', 'plan.xml'));
      copyFileSync(SPECIAL, join(inbox, 'b', 'plan.xml'));
      copyFileSync(ALMEN, join(inbox, 'r.xml'));
      copyFileSync(SPECIAL, join(inbox, 'r.fhir.json', 's.xml'));
      const caseSensitive = !existsSync(join(inbox, 'A'));
      if (caseSensitive) {
        mkdirSync(join(inbox, 'A'));
        copyFileSync(SPECIAL, join(inbox, 'A', 'plan.xml'));
      } else console.warn(`skipped A/ beside a/: ${inbox} ignores case`);
      const out = join(dir, 'out');
      const run = await gop(['fhir', ...BASE, '--timestamp', TIMESTAMP, inbox, '-o', out]);
      expect(run.status).toBe(0);
      expect(listing(out)).toEqual([
        ...(caseSensitive ? ['A/plan~1.fhir.json', 'a/plan~2.fhir.json'] : ['a/plan.fhir.json']),
        'b/plan.fhir.json',
        'r.fhir.json/s.fhir.json',
        'r~1.fhir.json',
      ]);
      expect(readFileSync(join(out, 'b', 'plan.fhir.json'), 'utf8')).toBe(expected(SPECIAL));
      expect(readFileSync(join(out, 'r~1.fhir.json'), 'utf8')).toBe(expected(ALMEN));
      expect(run.stderr).toContain('(a folder of reports has that name)');
      if (caseSensitive) {
        expect(readFileSync(join(out, 'A', 'plan~1.fhir.json'), 'utf8')).toBe(expected(SPECIAL));
        expect(readFileSync(join(out, 'a', 'plan~2.fhir.json'), 'utf8')).toBe(expected(ALMEN));
      }
    });

    it('reportNames: compared ignoring case and Unicode normalisation, numbered in path order, past taken names', () => {
      const names = (paths: string[]) => reportNames(paths).map((r) => r.name);
      expect(names(['a/plan.xml', 'b/plan.xml', 'c.XML'])).toEqual(['a/plan.fhir.json', 'b/plan.fhir.json', 'c.fhir.json']);
      // å composed and decomposed (macOS keeps names decomposed): one name there.
      expect(names(['\u00e5.xml', 'a\u030a.xml'])).toEqual(['\u00e5~2.fhir.json', 'a\u030a~1.fhir.json']);
      // Not in the order given but in the paths' own order: the same folder listed otherwise gives the same names.
      expect(names(['plan.xml', 'PLAN.xml', 'Plan.xml'])).toEqual(['plan~3.fhir.json', 'PLAN~1.fhir.json', 'Plan~2.fhir.json']);
      expect(names(['Plan.xml', 'plan.xml', 'PLAN.xml'])).toEqual(['Plan~2.fhir.json', 'plan~3.fhir.json', 'PLAN~1.fhir.json']);
      expect(names(['x.xml', 'X.xml', 'x~1.xml', 'x~2.XML'])).toEqual(['x~4.fhir.json', 'X~3.fhir.json', 'x~1.fhir.json', 'x~2.fhir.json']);
      expect(reportNames(['p.xml', 'P.xml'])[0]).toEqual({ name: 'p~2.fhir.json', clashesWith: [1], clashesWithFolder: false });
    });
  });

  it('is in gop help', async () => {
    const help = await gop(['help']);
    expect(help.stdout).toContain('gop fhir');
    const own = await gop(['help', 'fhir']);
    expect(own.status).toBe(0);
    expect(own.stdout).toContain('--sor-map');
    expect(own.stdout).toContain('plan~1.fhir.json');
  });
});
