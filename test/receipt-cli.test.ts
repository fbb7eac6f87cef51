// `gop receipt` and the receipt in `gop validate`, in-process (test/cli-harness.ts).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGop } from '../src/index';
import { readVansReceipt } from '../src/read/vans';
import { gopInProcess as gop } from './cli-harness';
import { FIXTURES_DIR } from './helpers';

const MINIMAL = `${FIXTURES_DIR}valid/minimal.xml`;
const VANS = `${FIXTURES_DIR}valid/almen-vans-wrapped.xml`;
const STRUCT = `${FIXTURES_DIR}invalid/GOP-STRUCT-001--patient-without-cpr.xml`;
const read = parseGop(readFileSync(MINIMAL, 'utf8'));
if (!read.ok) throw new Error('minimal.xml does not read');
const OURS = read.message.rehabilitationPlan.receiver.eanIdentifier!;
const BASE = ['receipt', '--id', 'R1', '--sent', '2019-03-05T10:20'];
const VANS_ARGS = ['--vans', '--envelope-id', '3b241101-e2bb-4255-8caf-4136c566a962', '--sent-date-time', '2019-03-05T10:20:00'];

describe('gop receipt', () => {
  it('prints a positive receipt and exits 0', async () => {
    const run = await gop([...BASE, '--own-ean', OURS, MINIMAL]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('<PositiveReceipt>');
    expect(run.stdout).toContain('<Identifier>R1</Identifier>');
  });

  it('prints a negative receipt and exits 1: another location number, a plan not valid against the standard', async () => {
    const other = await gop([...BASE, '--own-ean', '5790000000005', '--own-ean', '5790000000012', MINIMAL]);
    expect(other.status).toBe(1);
    expect(other.stdout).toContain('<RefuseCode>ukendt_lokationsnummer</RefuseCode>');
    const invalid = await gop([...BASE, STRUCT]);
    expect(invalid.status).toBe(1);
    expect(invalid.stdout).toContain('<RefuseCode>syntaksfejl</RefuseCode>');
  });

  it('--statistical-code and -o FILE', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gop-receipt-'));
    const file = join(dir, 'out', 'receipt.xml');
    const run = await gop([...BASE, '--statistical-code', 'XCTL99', '-o', file, MINIMAL]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toContain('<StatisticalCode>XCTL99</StatisticalCode>');
  });

  it('--vans prints the VANS answer to the envelope the plan arrived in', async () => {
    const run = await gop([...BASE, ...VANS_ARGS, VANS]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const answer = readVansReceipt(run.stdout);
    expect(answer.ok && answer.kind).toBe('positiveMessage');
    if (!answer.ok) return;
    expect(answer.originalEnvelopeIdentifier).toBe('20190122101403550112');
    expect(answer.sender).toEqual({ id: '5790001552244', endPointType: 'EAN' });
    const negative = await gop([...BASE, ...VANS_ARGS, '--own-ean', '5790000000005', VANS]);
    expect(negative.status).toBe(1);
    const refused = readVansReceipt(negative.stdout);
    expect(refused.ok && refused.kind).toBe('negativeMessage');
    expect(refused.ok && refused.error?.description).toMatch(/lokationsnummer/);
  });

  it('exits 2 with the reason when no receipt can be built', async () => {
    const run = await gop([...BASE, '-'], { input: 'not a message at all' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^gop: -: no receipt can be built: /);
    const missing = await gop([...BASE, 'no-such-file.xml']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/no-such-file\.xml/);
  });

  it('exits 2 for usage errors, saying what is wrong', async () => {
    const usage = async (args: string[], pattern: RegExp) => {
      const run = await gop(args);
      expect(run.status, run.stderr).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(pattern);
    };
    await usage(['receipt', MINIMAL], /needs --id and --sent/);
    await usage([...BASE], /exactly one FILE/);
    await usage([...BASE, '--vans', MINIMAL], /--vans needs --envelope-id and --sent-date-time/);
    await usage([...BASE, '--envelope-id', 'x', MINIMAL], /go with --vans/);
    await usage([...BASE, ...VANS_ARGS, MINIMAL], /did not arrive in a VANSEnvelope/);
    await usage(['receipt', '--id', 'R1', '--sent', 'yesterday', MINIMAL], /^gop: --sent/);
    await usage(['receipt', '--id', 'R'.repeat(15), '--sent', '2019-03-05T10:20', MINIMAL], /^gop: --id/);
    await usage([...BASE, '--vans', '--envelope-id', 'not-a-uuid', '--sent-date-time', '2019-03-05T10:20:00', VANS], /--envelope-id/);
    await usage([...BASE, '--own-ean', 'x', MINIMAL], /--own-ean/);
  });

  it('is listed by gop help, with its own help', async () => {
    expect((await gop(['help'])).stdout).toMatch(/gop receipt --id ID --sent/);
    const help = await gop(['help', 'receipt']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--own-ean EAN/);
  });
});

describe('gop validate: the receipt each file would get', () => {
  it('--format json: receipt { kind, refuseCode? } per file', async () => {
    const run = await gop(['validate', '-f', 'json', MINIMAL, STRUCT]);
    const reports = JSON.parse(run.stdout) as { file: string; receipt?: { kind: string; refuseCode?: string } }[];
    expect(reports.map((r) => r.receipt)).toEqual([{ kind: 'positive' }, { kind: 'negative', refuseCode: 'syntaksfejl' }]);
    const other = JSON.parse((await gop(['validate', '-f', 'json', '--own-ean', '5790000000005', MINIMAL])).stdout);
    expect(other[0].receipt).toEqual({ kind: 'negative', refuseCode: 'ukendt_lokationsnummer' });
    const ours = JSON.parse((await gop(['validate', '-f', 'json', '--own-ean', OURS, MINIMAL])).stdout);
    expect(ours[0].receipt).toEqual({ kind: 'positive' });
    // Undecodable bytes: refused, but no receipt can be addressed.
    const utf16 = JSON.parse((await gop(['validate', '-f', 'json', `${FIXTURES_DIR}hostile/utf16-bom.xml`])).stdout);
    expect(utf16[0].receipt.kind).toBe('none');
    expect(utf16[0].receipt.reason).toMatch(/could not be read/);
  });

  it('text: the facts line ends with the receipt, in English and Danish', async () => {
    const en = await gop(['validate', MINIMAL, STRUCT]);
    const lines = en.stdout.split('\n');
    expect(lines.find((l) => l.startsWith(`${MINIMAL}: valid`))).toMatch(/; receipt: positive$/);
    expect(lines.find((l) => l.startsWith(`${STRUCT}: invalid`))).toMatch(/receipt: negative \(syntaksfejl\)$/);
    const da = await gop(['validate', '--lang', 'da', MINIMAL, STRUCT]);
    const daLines = da.stdout.split('\n');
    expect(daLines.find((l) => l.startsWith(`${MINIMAL}: gyldig`))).toMatch(/; kvittering: positiv$/);
    expect(daLines.find((l) => l.startsWith(`${STRUCT}: ugyldig`))).toMatch(/kvittering: negativ \(syntaksfejl\)$/);
    const none = await gop(['validate', `${FIXTURES_DIR}hostile/utf16-bom.xml`]);
    expect(none.stdout).toMatch(/utf16-bom\.xml: invalid — receipt: none\n/);
  });

  it('--own-ean that is no EAN is a usage error', async () => {
    const run = await gop(['validate', '--own-ean', '123', MINIMAL]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--own-ean 123: an EAN location number is 13 digits/);
  });
});
