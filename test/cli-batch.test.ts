// The batch of `gop validate` (issue 26): the receipt's kind from the decision alone, the reads ahead of the checking,
// the gathered output, and the worker pool's chunks (a fake worker: the protocol, the order, a worker that dies).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFiles } from '../src/cli/run';
import { main } from '../src/cli/main';
import type { Outcome } from '../src/cli/check-file';
import { gatheringSink, memorySink } from '../src/cli/io';
import { readInputFile, readInputFileAsync } from '../src/cli/read-file';
import { receiptKindOf } from '../src/receipt/decide';
import { receiptFor } from '../src/receipt/index';
import { checkGop } from '../src/report/validate';
import type { Report } from '../src/report/report';
import { REPO_ROOT } from './helpers';

const TMP = mkdtempSync(join(tmpdir(), 'gop-batch-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

/** Every fixture's bytes: valid, invalid (each rule) and hostile. */
const FIXTURES = ['valid', 'invalid', 'hostile'].flatMap((folder) =>
  readdirSync(join(REPO_ROOT, 'fixtures', folder))
    .filter((f) => f.endsWith('.xml'))
    .map((f) => ({ name: `${folder}/${f}`, bytes: readFileSync(join(REPO_ROOT, 'fixtures', folder, f)) })),
);

/** The kind as gop validate showed it before: from the written receipt. */
function kindByWriting(report: Report, ownLocationNumbers?: readonly string[]) {
  const { decision, receipt, reason } = receiptFor(report, {
    receiptIdentifier: 'validate',
    sentAt: '2000-01-01T00:00',
    ...(ownLocationNumbers ? { ownLocationNumbers } : {}),
  });
  if (!receipt) return { kind: 'none', reason: reason ?? (decision.kind === 'none' ? decision.reason : 'no receipt') };
  return receipt.kind === 'negative' ? { kind: 'negative', refuseCode: receipt.refuseCode } : { kind: receipt.kind };
}

describe('receiptKindOf: the kind without writing the receipt', () => {
  it('agrees with the written receipt on every fixture, with and without our own location numbers', () => {
    let decided = 0;
    for (const { name, bytes } of FIXTURES) {
      const report = checkGop(bytes, { referenceDate: '2019-03-06' });
      for (const own of [undefined, ['5790000000005'], [report.original?.receiverEan ?? '5790000000005']]) {
        const kind = receiptKindOf(report, own);
        if (kind) {
          decided++;
          expect(kind, name).toEqual(kindByWriting(report, own));
        }
      }
    }
    // It decides most of them itself (the rest, hostile ones above all, are written to learn why there is none).
    expect(decided).toBeGreaterThan(FIXTURES.length);
  });

  it('never answers otherwise than the written receipt, whatever the ids read from the message', () => {
    const base = checkGop(readFileSync(join(REPO_ROOT, 'fixtures', 'valid', 'minimal.xml')), { referenceDate: '2019-03-06' });
    const text = fc.oneof(
      fc.constantFrom('', ' ', '12345678901234', '123456789012345', '5790000000005', '579000000000', 'a\u0007b', 'GGOP100', 'XGGOP100'),
      fc.string({ maxLength: 20 }),
    );
    const ids = fc.record(
      {
        envelopeIdentifier: text,
        senderEan: text,
        receiverEan: text,
        acknowledgementCode: fc.constantFrom('pluspositivkvitt', 'minuspositivkvitt'),
        letters: fc.array(fc.record({ identifier: text, versionCode: text }, { requiredKeys: [] }), { maxLength: 3 }),
      },
      { requiredKeys: ['letters'] },
    );
    fc.assert(
      fc.property(ids, fc.boolean(), fc.constantFrom(undefined, ['5790000000005']), (original, many, own) => {
        const letters = many
          ? Array.from({ length: 100 }, () => original.letters[0] ?? { identifier: '1', versionCode: 'GGOP100' })
          : original.letters;
        const report: Report = { ...base, original: { ...original, letters } };
        const kind = receiptKindOf(report, own);
        if (kind) expect(kind).toEqual(kindByWriting(report, own));
      }),
      { numRuns: 500 },
    );
  });
});

describe('readInputFileAsync: the same answers as readInputFile', () => {
  const MiB = 1024 * 1024;
  const cases: [string, () => string, number][] = [
    ['a small file', () => file('a.xml', 'x'.repeat(1000)), 1000],
    ['one byte over the limit', () => file('b.xml', 'x'.repeat(1000)), 999],
    ['an empty file', () => file('empty.xml', ''), 10],
    ['a missing file', () => join(TMP, 'nope.xml'), 10],
    ['a folder', () => TMP, 10],
    ['a 3 GB sparse file', () => sparse('big.xml', 3 * 1024 * MiB), MiB],
    ['/dev/zero', () => '/dev/zero', 4096],
    ['/proc/self/status (its size says 0)', () => '/proc/self/status', 10],
  ];
  function file(name: string, content: string) {
    writeFileSync(join(TMP, name), content);
    return join(TMP, name);
  }
  function sparse(name: string, size: number) {
    writeFileSync(join(TMP, name), '');
    truncateSync(join(TMP, name), size);
    return join(TMP, name);
  }
  it.each(cases)('%s', async (_what, path, maxBytes) => {
    const at = path();
    if (at.startsWith('/proc') && process.platform !== 'linux') return;
    const sync = readInputFile(at, maxBytes);
    const read = await readInputFileAsync(at, maxBytes);
    // /proc/self/status differs by the reading thread's own numbers: compare the verdict there
    if (at.startsWith('/proc')) expect(read.ok).toBe(sync.ok);
    else expect(read).toEqual(sync);
  });
});

describe('gatheringSink', () => {
  it('writes what it gathers in few writes, in order, and all of it once flushed', async () => {
    const target = memorySink();
    const writes: Uint8Array[] = [];
    const counting = {
      ...target,
      write: (data: string | Uint8Array) => {
        writes.push(typeof data === 'string' ? new TextEncoder().encode(data) : data.slice());
        return target.write(data);
      },
    };
    const sink = gatheringSink(counting, 100);
    for (let i = 0; i < 50; i++) await sink.write(`line ${i}\n`);
    await sink.flush();
    expect(target.text()).toBe(Array.from({ length: 50 }, (_, i) => `line ${i}\n`).join(''));
    expect(writes.length).toBeLessThan(10);
    expect(writes.slice(0, -1).every((w) => w.length >= 100)).toBe(true); // bytes per write
  });

  it('never splits a character between two writes, whatever falls on the boundary', async () => {
    // æ is 2 bytes in UTF-8, € 3, 😀 4: with a 7-byte buffer each lands across a boundary in some position
    for (const size of [4, 5, 6, 7, 8]) {
      const target = memorySink();
      const writes: Uint8Array[] = [];
      const sink = gatheringSink(
        {
          ...target,
          write: (data: string | Uint8Array) => {
            writes.push(typeof data === 'string' ? new TextEncoder().encode(data) : data.slice());
            return target.write(data);
          },
        },
        size,
      );
      const pieces = ['a', 'æ', '€', '😀', 'bæ€😀c', 'Højgaard Ærø ', '😀😀😀', '\n'];
      for (let i = 0; i < 40; i++) await sink.write(pieces[i % pieces.length]!);
      await sink.flush();
      const strict = new TextDecoder('utf-8', { fatal: true });
      for (const w of writes) expect(() => strict.decode(w), `size ${size}`).not.toThrow();
      expect(target.text()).toBe(Array.from({ length: 40 }, (_, i) => pieces[i % pieces.length]).join(''));
    }
  });

  it('holds nothing back from a terminal', async () => {
    const target = memorySink({ isTTY: true });
    const sink = gatheringSink(target, 100);
    await sink.write('one\n');
    expect(target.text()).toBe('one\n');
  });
});

describe('checkFiles with workers (a fake worker speaking the protocol)', () => {
  // Answers each chunk as one message; dies (an uncaught error) on a chunk that holds boom.xml.
  const fake = join(TMP, 'fake-worker.mjs');
  writeFileSync(
    fake,
    `import { parentPort } from 'node:worker_threads';
parentPort.on('message', ({ first, files }) => {
  if (files.includes('boom.xml')) throw new Error('boom');
  parentPort.postMessage({ first, outcomes: files.map((file) => ({ file, error: 'checked by ' + process.pid })) });
});`,
  );
  const names = (n: number, boom?: number) =>
    Array.from({ length: n }, (_, i) => (i === boom ? 'boom.xml' : `${String(i).padStart(4, '0')}.xml`));
  async function run(files: string[], jobs: number, stdin?: Uint8Array) {
    const outcomes: Outcome[] = [];
    await checkFiles(
      files,
      { options: { referenceDate: '2019-03-06' }, cwd: TMP },
      { jobs, workerScript: pathToFileURL(fake), ...(stdin ? { stdin } : {}) },
      async (outcome) => {
        outcomes.push(outcome);
      },
    );
    return outcomes;
  }

  it('hands every file out once and gives the outcomes in the order of the files', async () => {
    const files = names(500);
    const outcomes = await run(files, 3);
    expect(outcomes.map((o) => o.file)).toEqual(files);
  });

  it('checks standard input here, in its place, and the rest in workers', async () => {
    const files = [...names(40).slice(0, 20), '-', ...names(40).slice(20)];
    const minimal = readFileSync(join(REPO_ROOT, 'fixtures', 'valid', 'minimal.xml'));
    const outcomes = await run(files, 2, minimal);
    expect(outcomes.map((o) => o.file)).toEqual(files);
    expect(outcomes[20]).toMatchObject({ file: '-', report: { valid: true }, receipt: { kind: 'positive' } });
  });

  it('a worker that dies fails only the file that killed it: the others of its chunks are checked again', async () => {
    const files = names(200, 77);
    const outcomes = await run(files, 2);
    expect(outcomes.map((o) => o.file)).toEqual(files);
    const failed = outcomes.filter((o) => 'error' in o && o.error.startsWith('worker failed'));
    expect(failed).toEqual([{ file: 'boom.xml', error: 'worker failed: boom' }]);
  });
});

describe('gop validate with workers that show their files (a fake worker: pieces placed in order)', () => {
  // Given ShowSettings, a worker sends each report as shown: its counts and its formatter's piece, made with its position.
  const fake = join(TMP, 'fake-show-worker.mjs');
  writeFileSync(
    fake,
    `import { parentPort, workerData } from 'node:worker_threads';
const counts = { fatal: 0, error: 1, warning: 0, info: 0 };
parentPort.on('message', ({ first, files }) => {
  const outcomes = files.map((file, i) => ({
    file,
    shown: { tally: { valid: false, counts }, piece: { text: JSON.stringify({ file, position: first + i + 1, format: workerData.gopBatch.show.format }) } },
  }));
  parentPort.postMessage({ first, outcomes });
});`,
  );

  it('writes each piece in the order of the files, the format placing it (JSON: one array), and counts each tally', async () => {
    const folder = join(TMP, 'shown');
    mkdirSync(folder);
    const files = Array.from({ length: 40 }, (_, i) => `${String(i).padStart(2, '0')}.xml`);
    for (const f of files) writeFileSync(join(folder, f), '');
    const stdout = memorySink();
    const stderr = memorySink();
    const status = await main(['validate', '--no-config', '--format', 'json', '--jobs', '2', '.'], {
      stdout,
      stderr,
      cwd: folder,
      env: {},
      now: () => new Date('2019-03-06T12:00:00Z'),
      workerScript: pathToFileURL(fake),
    });
    expect(stderr.text()).toBe('');
    expect(status).toBe(1); // the tallies' errors count
    expect(JSON.parse(stdout.text())).toEqual(files.map((file, i) => ({ file, position: i + 1, format: 'json' })));
  });
});

describe('checkFiles in this thread', () => {
  it('reads ahead and gives the outcomes in order, the unreadable in their place', async () => {
    const folder = join(TMP, 'here');
    mkdirSync(folder);
    const minimal = readFileSync(join(REPO_ROOT, 'fixtures', 'valid', 'minimal.xml'));
    const files = Array.from({ length: 30 }, (_, i) => `${i}.xml`);
    for (const [i, f] of files.entries()) if (i !== 7) writeFileSync(join(folder, f), minimal);
    const outcomes: Outcome[] = [];
    await checkFiles(files, { options: { referenceDate: '2019-03-06' }, cwd: folder }, { jobs: 1 }, async (o) => {
      outcomes.push(o);
    });
    expect(outcomes.map((o) => o.file)).toEqual(files);
    expect(outcomes[7]).toEqual({ file: '7.xml', error: expect.stringMatching(/^no such file or directory/) });
    expect(outcomes.filter((o) => 'report' in o && o.report.valid)).toHaveLength(29);
  });
});
