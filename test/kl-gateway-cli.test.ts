// `gop fhir`, in-process (test/cli-harness.ts): the KL Gateway delivery report of a plan, or of every plan in a folder.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bundle, Organization, ServiceRequest } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { parseGop, toKlGatewayReport } from '../src/index';
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

  it('is in gop help', async () => {
    const help = await gop(['help']);
    expect(help.stdout).toContain('gop fhir');
    const own = await gop(['help', 'fhir']);
    expect(own.status).toBe(0);
    expect(own.stdout).toContain('--sor-map');
  });
});
