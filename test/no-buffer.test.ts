import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64, decodeLatin1, encodeBase64, encodeLatin1, encodeUtf8, utf8ByteLength } from '../src/values/bytes';

/*
 * The library runs where Node's Buffer does not exist (browsers, web workers, edge runtimes): it takes and gives
 * Uint8Arrays and decodes with TextDecoder and its own helpers (src/values/bytes.ts). Here the built library runs in a
 * Node process without a global Buffer, on every fixture, and must give what it gives with Buffer present.
 */

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const indexUrl = pathToFileURL(join(root, 'dist', 'index.js')).href;
const vansUrl = pathToFileURL(join(root, 'dist', 'write', 'index.js')).href;

const fixtureFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? fixtureFiles(join(dir, entry.name)) : entry.name.endsWith('.xml') ? [join(dir, entry.name)] : [],
  );
const files = fixtureFiles(join(root, 'fixtures'))
  .map((file) => relative(root, file))
  .sort();

type Api = typeof import('../src/index') & typeof import('../src/write/index');

/**
 * Everything byte-related the library does, as JSON. Self-contained (it is sent to the child process as source):
 * it uses only its arguments and the globals every runtime has.
 */
function exercise(gop: Api, inputs: { name: string; bytes: Uint8Array }[]) {
  const vans = {
    sender: { id: '5790001382445' },
    receiver: { id: '5790000120171' },
    envelopeIdentifier: '0f8fad5b-d9cb-469f-a165-70867728950e',
    messageIdentifier: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    sentDateTime: '2019-03-05T10:15:00',
  };
  const plain = (value: unknown) => JSON.parse(JSON.stringify(value ?? null));
  const read = (result: ReturnType<Api['parseGop']>) => plain({ ...result, source: result.source && { encoding: result.source.encoding } });
  return inputs.map(({ name, bytes }) => {
    const parsed = gop.parseGop(bytes);
    const out: Record<string, unknown> = {
      name,
      parsed: read(parsed),
      report: plain(gop.checkGop(bytes, { referenceDate: '2019-06-01' })),
      redacted: plain(gop.checkGop(bytes, { referenceDate: '2019-06-01', redact: true })),
    };
    const attempt = (build: () => unknown) => {
      try {
        return build();
      } catch (error) {
        return { error: String((error as Error).message) };
      }
    };
    if (parsed.ok) {
      for (const encoding of ['UTF-8', 'ISO-8859-1'] as const) {
        out[encoding] = attempt(() => {
          const built = gop.buildGopBytes(parsed.message, { encoding });
          const wrapped = gop.wrapInVans(built, vans);
          return { built: Array.from(built), wrapped, unwrapped: read(gop.parseGop(new TextEncoder().encode(wrapped))) };
        });
      }
      out.text = attempt(() => gop.wrapInVans(gop.buildGop(parsed.message), vans));
    }
    return out;
  });
}

const CHILD = `
delete globalThis.Buffer;
const { readFileSync } = await import('node:fs');
const gop = { ...(await import(${JSON.stringify(indexUrl)})), ...(await import(${JSON.stringify(vansUrl)})) };
const files = JSON.parse(process.argv[1]);
// Plain Uint8Arrays: fs hands out Buffers, whose methods the library must not need.
const inputs = files.map((name) => ({ name, bytes: new Uint8Array(readFileSync(name)) }));
const exercise = ${exercise.toString()};
const results = exercise(gop, inputs);
process.stdout.write(JSON.stringify({ bufferAfter: typeof globalThis.Buffer, results }));
`;

describe('without a global Buffer', () => {
  it('covers UTF-8 and ISO-8859-1 fixtures', () => {
    expect(files.length).toBeGreaterThan(40);
    const latin1 = files.filter((file) => /encoding=["']iso-8859-1["']/i.test(readFileSync(join(root, file), 'latin1').slice(0, 200)));
    expect(latin1.length).toBeGreaterThan(0);
  });

  it('reads, checks, builds and wraps every fixture as it does with Buffer', async () => {
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD, JSON.stringify(files)], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    const without = JSON.parse(child.stdout);
    expect(without.bufferAfter).toBe('undefined');

    expect(typeof globalThis.Buffer).toBe('function');
    const gop: Api = { ...(await import(indexUrl)), ...(await import(vansUrl)) };
    const inputs = files.map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(root, name))) }));
    const withBuffer = JSON.parse(JSON.stringify(exercise(gop, inputs)));
    expect(without.results.length).toBe(files.length);
    const built = without.results.filter((r: Record<string, { built?: number[] }>) => r['ISO-8859-1']?.built);
    expect(built.length).toBeGreaterThan(5);
    for (let i = 0; i < files.length; i++) expect(without.results[i], files[i]).toEqual(withBuffer[i]);
  });

  it('leaves no Buffer and no Node built-in in the library (src/ outside src/cli)', () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? entry.name === 'cli' && dir.endsWith('src')
            ? []
            : sources(join(dir, entry.name))
          : entry.name.endsWith('.ts')
            ? [join(dir, entry.name)]
            : [],
      );
    const offending = sources(join(root, 'src')).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          /\bBuffer\b|['"]node:|\bprocess\.|\brequire\(/.test(line) ? [`${relative(root, file)}:${i + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(offending).toEqual([]);
  });
});

describe('the byte helpers agree with Buffer', () => {
  const bytes = fc.uint8Array({ maxLength: 20_000 });

  it('base64 both ways', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        const expected = Buffer.from(b).toString('base64');
        expect(encodeBase64(b)).toBe(expected);
        expect(decodeBase64(expected)).toEqual(new Uint8Array(Buffer.from(expected, 'base64')));
      }),
    );
  });

  it('refuses what is not strict base64', () => {
    for (const bad of [
      'A',
      'AB',
      'ABC',
      'A===',
      '====',
      '=AAA',
      'AA=A',
      'AAAA====',
      'AA AA',
      'AA\nAA',
      'AAA-',
      'AAA_',
      'AAÆA',
      'AAA\u0100',
    ]) {
      expect(decodeBase64(bad), JSON.stringify(bad)).toBeUndefined();
    }
    expect(decodeBase64('')).toEqual(new Uint8Array());
    expect(decodeBase64('AB==')).toEqual(new Uint8Array([0])); // unused bits after the last byte are ignored, as Buffer does
  });

  it('ISO-8859-1 both ways (every byte is its code point, also 0x80–0x9F)', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        const text = decodeLatin1(b);
        expect(text).toBe(Buffer.from(b).toString('latin1'));
        expect(encodeLatin1(text)).toEqual(b);
      }),
    );
    expect(decodeLatin1(new Uint8Array([0x80, 0x9f, 0xff]))).toBe('\u0080\u009f\u00ff');
  });

  it('ISO-8859-1: every byte value at every length, by the platform decoder (long texts) and by char codes (short)', () => {
    for (const size of [1, 255, 256, 257, 4096, 70_000]) {
      for (let byte = 0; byte < 256; byte++) {
        const b = new Uint8Array(size).fill(0x61); // 'a'
        b[size >> 1] = byte;
        b[size - 1] = byte;
        const text = decodeLatin1(b);
        expect(text.length).toBe(size);
        expect(text.charCodeAt(size >> 1), `${size} bytes, 0x${byte.toString(16)}`).toBe(byte);
        expect(text.charCodeAt(size - 1)).toBe(byte);
      }
    }
  });

  it("ISO-8859-1 with a standard windows-1252 decoder (0x80 is €) or none: still each byte's own code point", async () => {
    const { vi } = await import('vitest');
    const mapped: Record<number, number> = { 128: 0x20ac, 133: 0x2026, 138: 0x0160, 159: 0x0178 };
    class StandardCp1252 {
      decode(bytes: Uint8Array) {
        let out = '';
        for (const byte of bytes) out += String.fromCharCode(mapped[byte] ?? byte);
        return out;
      }
    }
    class NoLegacyEncodings {
      constructor() {
        throw new RangeError('The "windows-1252" encoding is not supported');
      }
    }
    for (const Decoder of [StandardCp1252, NoLegacyEncodings]) {
      vi.resetModules();
      vi.stubGlobal('TextDecoder', Decoder);
      try {
        const fresh = await import('../src/values/bytes');
        for (const byte of [0x41, 0x80, 0x85, 0x8a, 0x9f, 0xa0, 0xe6, 0xff]) {
          const b = new Uint8Array(1000).fill(0x62);
          b[500] = byte;
          expect(fresh.decodeLatin1(b).charCodeAt(500), `${Decoder.name} 0x${byte.toString(16)}`).toBe(byte);
        }
      } finally {
        vi.unstubAllGlobals();
        vi.resetModules();
      }
    }
  });

  it('UTF-8 length without encoding, lone surrogates as U+FFFD', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 500 }),
        fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 5 }),
        (text, surrogates) => {
          const mixed = text + surrogates + text;
          expect(utf8ByteLength(mixed)).toBe(Buffer.byteLength(mixed));
          expect(encodeUtf8(mixed)).toEqual(new Uint8Array(Buffer.from(mixed, 'utf8')));
        },
      ),
    );
  });
});
