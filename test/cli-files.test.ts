// The CLI's path expansion (src/cli/files.ts) and capped reading (src/cli/read-file.ts), against a real file system:
// symlinks, FIFOs, sockets, devices, unreadable folders, sparse files and pipes. Each test works in its own temp dir.
// What could hang (opening a FIFO, reading /dev/zero or a pipe) runs in a child node with a timeout: a synchronous
// hang in this process would stop vitest's own timeout from firing. The child loads the TypeScript sources through a
// tiny loader hook that transpiles them with the project's typescript (no tsx here).
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { expandPaths } from '../src/cli/files';
import { readInputFile } from '../src/cli/read-file';

// As root, chmod 000 does not stop readdir: the EACCES that a user would get is then raised here instead.
const denied = vi.hoisted(() => new Set<string>());
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const readdirSync = ((path: Parameters<typeof fs.readdirSync>[0], ...rest: unknown[]) => {
    if (denied.has(String(path)))
      throw Object.assign(new Error(`EACCES: permission denied, scandir '${String(path)}'`), {
        code: 'EACCES',
        errno: -13,
        syscall: 'scandir',
        path: String(path),
      });
    return (fs.readdirSync as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.readdirSync;
  return { ...fs, default: { ...fs, readdirSync }, readdirSync };
});

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FILES_TS = pathToFileURL(join(ROOT, 'src/cli/files.ts')).href;
const READ_FILE_TS = pathToFileURL(join(ROOT, 'src/cli/read-file.ts')).href;
const isRoot = process.getuid?.() === 0;
const MiB = 1024 * 1024;

let HOOKS: string; // a folder with the loader hook for the child processes
let dir: string;
const servers: Server[] = [];

beforeAll(() => {
  HOOKS = mkdtempSync(join(tmpdir(), 'gop-files-hooks-'));
  const typescript = pathToFileURL(join(ROOT, 'node_modules/typescript/lib/typescript.js')).href;
  writeFileSync(
    join(HOOKS, 'hooks.mjs'),
    `
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from ${JSON.stringify(typescript)};
export async function load(url, context, next) {
  if (!url.endsWith('.ts')) return next(url, context);
  const source = readFileSync(fileURLToPath(url), 'utf8');
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  return { format: 'module', source: js, shortCircuit: true };
}
`,
  );
  writeFileSync(join(HOOKS, 'register.mjs'), `import { register } from 'node:module'; register('./hooks.mjs', import.meta.url);\n`);
});
afterAll(() => rmSync(HOOKS, { recursive: true, force: true }));

function tempDir(): string {
  dir = mkdtempSync(join(tmpdir(), 'gop-files-'));
  return dir;
}
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
  denied.clear();
  if (dir) {
    // chmod 000 folders back, or rm cannot clear them (as a user).
    try {
      execFileSync('chmod', ['-R', 'u+rwx', dir]);
    } catch {
      /* already gone */
    }
    rmSync(dir, { recursive: true, force: true });
    dir = '';
  }
});

const write = (path: string, text = '<x/>') => {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
};
const mkfifo = (path: string) => execFileSync('mkfifo', [path]);
async function listenSocket(path: string): Promise<void> {
  const server = createServer();
  servers.push(server);
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(path, resolve));
}

interface ChildRun {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

/**
 * An ES module script in a child node that can import the TypeScript sources (FILES_TS, READ_FILE_TS), killed
 * after `timeout` ms. `feed` writes its standard input (then closes it).
 */
function runChild(
  script: string,
  options: { timeout?: number; feed?: (stdin: NodeJS.WritableStream, stdout: NodeJS.ReadableStream) => void } = {},
): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', pathToFileURL(join(HOOKS, 'register.mjs')).href, '--input-type=module', '-e', script],
      {
        stdio: ['pipe', 'pipe', 'pipe'],
        timeout: options.timeout ?? 10_000,
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data) => (stdout += data));
    child.stderr.on('data', (data) => (stderr += data));
    child.stdin.on('error', () => {}); // a reader that stops at its cap closes the pipe early
    if (options.feed) options.feed(child.stdin, child.stdout);
    else child.stdin.end();
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** The JSON a child printed as its last line, once it ended well (a timeout fails here, with what it said). */
// biome-ignore lint/suspicious/noExplicitAny: whatever JSON the child printed; each test reads its own fields
function resultOf(run: ChildRun): any {
  expect({ code: run.code, signal: run.signal, stderr: run.stderr }).toEqual({ code: 0, signal: null, stderr: '' });
  return JSON.parse(run.stdout.trim().split('\n').pop()!);
}

describe('expandPaths', () => {
  it('names each file once, under its first spelling: x, ./x, $PWD/x, a symlink to x and a folder holding them', () => {
    const cwd = tempDir();
    write(join(cwd, 'x.xml'));
    write(join(cwd, 'y.xml'));
    symlinkSync('x.xml', join(cwd, 'link.xml'));
    const result = expandPaths(['y.xml', 'x.xml', './x.xml', join(cwd, 'x.xml'), 'link.xml', '.', 'y.xml'], { cwd });
    expect(result).toEqual({ files: ['y.xml', 'x.xml'], problems: [] });
    // The first spelling wins, whichever it is.
    expect(expandPaths(['./x.xml', 'x.xml', 'link.xml'], { cwd }).files).toEqual(['./x.xml']);
    expect(expandPaths(['link.xml', 'x.xml'], { cwd }).files).toEqual(['link.xml']);
  });

  it('keeps standard input once, where it was first named', () => {
    const cwd = tempDir();
    write(join(cwd, 'a.xml'));
    expect(expandPaths(['a.xml', '-', 'a.xml', '-'], { cwd })).toEqual({ files: ['a.xml', '-'], problems: [] });
  });

  it("walks a folder for *.xml in any case, sorted, without node_modules and dot-folders, under the user's spelling, from options.cwd", () => {
    const cwd = tempDir();
    for (const file of [
      'd/b.xml',
      'd/A.XML',
      'd/.dot.xml',
      'd/c.txt',
      'd/sub/a.Xml',
      'd/node_modules/n.xml',
      'd/.git/g.xml',
      'd/sub/.cache/h.xml',
    ])
      write(join(cwd, file));
    const walked = ['.dot.xml', 'A.XML', 'b.xml', 'sub/a.Xml'];
    // cwd is not process.cwd() (the repo root): a relative name resolves against options.cwd.
    expect(expandPaths(['d'], { cwd })).toEqual({ files: walked.map((f) => `d/${f}`), problems: [] });
    expect(expandPaths(['./d/'], { cwd }).files).toEqual(walked.map((f) => `d/${f}`)); // join() tidies the folder
    expect(expandPaths([join(cwd, 'd')], { cwd: '/' }).files).toEqual(walked.map((f) => join(cwd, 'd', f)));
    // Named explicitly, a dot-folder or a file of another extension is taken.
    expect(expandPaths(['d/.git', 'd/c.txt'], { cwd }).files).toEqual(['d/.git/g.xml', 'd/c.txt']);
  });

  it('keeps the order of the arguments, each expanded sorted', () => {
    const cwd = tempDir();
    for (const file of ['b/2.xml', 'b/1.xml', 'a/2.xml', 'a/1.xml', 'z.xml']) write(join(cwd, file));
    expect(expandPaths(['z.xml', 'b', 'a/*.xml'], { cwd }).files).toEqual(['z.xml', 'b/1.xml', 'b/2.xml', 'a/1.xml', 'a/2.xml']);
    expect(expandPaths(['a/*.xml', 'z.xml', 'b'], { cwd }).files).toEqual(['a/1.xml', 'a/2.xml', 'z.xml', 'b/1.xml', 'b/2.xml']);
  });

  it('follows symlinks to folders once per real folder: a loop ends, two links to one folder give its files once', () => {
    const cwd = tempDir();
    write(join(cwd, 'd/a.xml'));
    write(join(cwd, 'shared/s.xml'));
    symlinkSync('..', join(cwd, 'd/loop'));
    symlinkSync('../shared', join(cwd, 'd/l1'));
    symlinkSync('../shared', join(cwd, 'd/l2'));
    expect(expandPaths(['d'], { cwd })).toEqual({ files: ['d/a.xml', 'd/l1/s.xml'], problems: [] });
  });

  it('leaves out files matched by ! arguments (wherever they stand) and by ignorePatterns, for file and folder patterns', () => {
    const cwd = tempDir();
    for (const file of ['d/a.xml', 'd/b.xml', 'd/skip/c.xml', 'd/keep/e.xml', 'd/deep/keep2/f.xml', 'top.xml']) write(join(cwd, file));
    const all = ['d/a.xml', 'd/b.xml', 'd/deep/keep2/f.xml', 'd/keep/e.xml', 'd/skip/c.xml'];
    const without = (...gone: string[]) => all.filter((f) => !gone.includes(f));
    const files = (paths: string[], ignorePatterns?: string[]) => expandPaths(paths, { cwd, ignorePatterns }).files;
    expect(files(['d'])).toEqual(all);
    expect(files(['!d/b.xml', 'd'])).toEqual(without('d/b.xml'));
    expect(files(['d', '!d/b.xml'])).toEqual(without('d/b.xml'));
    expect(files(['d', '!./d/*.xml'])).toEqual(without('d/a.xml', 'd/b.xml'));
    expect(files(['d'], ['d/skip/'])).toEqual(without('d/skip/c.xml')); // a folder pattern
    expect(files(['d'], ['d/skip'])).toEqual(without('d/skip/c.xml')); // a pattern naming a folder
    expect(files(['d'], ['**/keep2'])).toEqual(without('d/deep/keep2/f.xml'));
    expect(files(['d'], ['d/skip/', 'd/keep/**'])).toEqual(without('d/skip/c.xml', 'd/keep/e.xml'));
    expect(files(['d'], [join(cwd, 'd/a.xml')])).toEqual(without('d/a.xml')); // absolute, as relative to cwd
    // Patterns are anchored at cwd: *.xml is the top folder's only.
    expect(files(['top.xml', 'd'], ['*.xml'])).toEqual(all);
    // Globs are filtered the same way.
    expect(files(['d/**/*.xml', '!d/skip'])).toEqual(without('d/skip/c.xml'));
  });

  it('skips an explicitly named file that is ignored, in no list; a folder all ignored is noMatch', () => {
    const cwd = tempDir();
    write(join(cwd, 'd/a.xml'));
    write(join(cwd, 'b.xml'));
    expect(expandPaths(['d/a.xml', 'b.xml', '!d/a.xml'], { cwd })).toEqual({ files: ['b.xml'], problems: [] });
    expect(expandPaths(['./d/a.xml'], { cwd, ignorePatterns: ['d/'] })).toEqual({ files: [], problems: [] });
    expect(expandPaths(['d', 'b.xml'], { cwd, ignorePatterns: ['d/*.xml'] })).toEqual({
      files: ['b.xml'],
      problems: [{ path: 'd', reason: 'noMatch', detail: 'every match is ignored', code: 'allIgnored' }],
    });
  });

  it('reports a subfolder it cannot list (EACCES) and goes on with the rest of the walk', () => {
    const cwd = tempDir();
    for (const file of ['d/a.xml', 'd/locked/x.xml', 'd/z/y.xml']) write(join(cwd, file));
    chmodSync(join(cwd, 'd/locked'), 0o000);
    if (isRoot) {
      console.info('running as root, where chmod 000 does not stop readdir: the EACCES is injected into readdirSync');
      denied.add(join(cwd, 'd/locked'));
    }
    expect(expandPaths(['d'], { cwd })).toEqual({
      files: ['d/a.xml', 'd/z/y.xml'],
      problems: [{ path: 'd/locked', reason: 'unreadableDir', detail: 'permission denied', code: 'os', errno: 'EACCES' }],
    });
    // The folder named itself: one problem, no noMatch besides.
    expect(expandPaths(['d/locked', 'd/a.xml'], { cwd })).toEqual({
      files: ['d/a.xml'],
      problems: [{ path: 'd/locked', reason: 'unreadableDir', detail: 'permission denied', code: 'os', errno: 'EACCES' }],
    });
    // An ignored folder is not listed, so not reported.
    expect(expandPaths(['d'], { cwd, ignorePatterns: ['d/locked/'] })).toEqual({ files: ['d/a.xml', 'd/z/y.xml'], problems: [] });
  });

  it('reports a missing file, and a glob or folder that matches nothing', () => {
    const cwd = tempDir();
    write(join(cwd, 'a.xml'));
    mkdirSync(join(cwd, 'empty'));
    write(join(cwd, 'notes/readme.txt'));
    expect(expandPaths(['nope.xml', 'a.xml', 'nothing/*.xml', 'empty', 'notes', '*.json'], { cwd })).toEqual({
      files: ['a.xml'],
      problems: [
        { path: 'nope.xml', reason: 'missing', detail: 'no such file or directory', code: 'os', errno: 'ENOENT' },
        { path: 'nothing/*.xml', reason: 'noMatch' },
        { path: 'empty', reason: 'noMatch' },
        { path: 'notes', reason: 'noMatch' },
        { path: '*.json', reason: 'noMatch' },
      ],
    });
    // A name that looks like a pattern but exists is that file.
    write(join(cwd, 'odd[1].xml'));
    expect(expandPaths(['odd[1].xml'], { cwd }).files).toEqual(['odd[1].xml']);
  });

  it('reports a FIFO or socket named *.xml in a folder or a glob as notRegular, returns them in no list, and does not hang', async () => {
    const cwd = tempDir();
    write(join(cwd, 'd/b.xml'));
    mkfifo(join(cwd, 'd/a.xml'));
    await listenSocket(join(cwd, 'd/s.xml'));
    // In a child with a timeout: opening the FIFO would block for ever, with no writer.
    const run = await runChild(
      `
      const { expandPaths } = await import(${JSON.stringify(FILES_TS)});
      const cwd = ${JSON.stringify(cwd)};
      console.log(JSON.stringify([expandPaths(['d'], { cwd }), expandPaths(['d/*.xml'], { cwd }), expandPaths(['d/a.xml', 'd/s.xml'], { cwd })]));
    `,
      { timeout: 8_000 },
    );
    const [walk, glob, named] = resultOf(run);
    const problems = [
      { path: 'd/a.xml', reason: 'notRegular', detail: 'a FIFO', code: 'fifo' },
      { path: 'd/s.xml', reason: 'notRegular', detail: 'a socket', code: 'socket' },
    ];
    expect(walk).toEqual({ files: ['d/b.xml'], problems });
    expect(glob).toEqual({ files: ['d/b.xml'], problems });
    // Named explicitly, a FIFO is the user's to read (capped by readInputFile); a socket cannot be read at all.
    expect(named).toEqual({ files: ['d/a.xml'], problems: [problems[1]] });
  }, 15_000);
});

describe('readInputFile', () => {
  it('reads a regular file up to maxBytes; one byte more is tooLarge with its exact size', () => {
    const cwd = tempDir();
    write(join(cwd, 'a.xml'), 'x'.repeat(1000));
    const read = readInputFile(join(cwd, 'a.xml'), 1000);
    expect(read.ok && Buffer.from(read.bytes).toString()).toBe('x'.repeat(1000));
    expect(readInputFile(join(cwd, 'a.xml'), 999)).toEqual({ ok: false, reason: 'tooLarge', size: 1000, exact: true });
    write(join(cwd, 'empty.xml'), '');
    const empty = readInputFile(join(cwd, 'empty.xml'), 10);
    expect(empty.ok && empty.bytes.length).toBe(0);
  });

  it('refuses a 3 GB sparse file from its size, without reading it', () => {
    const cwd = tempDir();
    const file = join(cwd, 'big.xml');
    writeFileSync(file, '');
    truncateSync(file, 3 * 1024 * MiB);
    // A read of 3 GB would take seconds (or fail at Node's 2 GB buffer limit), and an capped read says exact: false.
    expect(readInputFile(file, MiB)).toEqual({ ok: false, reason: 'tooLarge', size: 3 * 1024 * MiB, exact: true });
  });

  it.skipIf(process.platform !== 'linux')('caps a regular file whose size says less than it holds (/proc), as a file that grows', () => {
    // /proc/self/status reports size 0 but reads as ~1 KB: the read loop, not the size, must stop it.
    expect(readInputFile('/proc/self/status', 10)).toEqual({ ok: false, reason: 'tooLarge', size: 10, exact: false });
    const read = readInputFile('/proc/self/status', MiB);
    expect(read.ok && Buffer.from(read.bytes).toString()).toMatch(/^Name:/);
  });

  it('says why it cannot read: io errors without the code prefix, folders and sockets as notRegular', async () => {
    const cwd = tempDir();
    expect(readInputFile(join(cwd, 'nope.xml'), 10)).toEqual({
      ok: false,
      reason: 'io',
      error: expect.stringMatching(/^no such file or directory/),
    });
    expect(readInputFile(cwd, 10)).toEqual({ ok: false, reason: 'notRegular', kind: 'a directory' });
    await listenSocket(join(cwd, 's.xml'));
    expect(readInputFile(join(cwd, 's.xml'), 10)).toEqual({ ok: false, reason: 'notRegular', kind: 'a socket' });
  });

  it('stops /dev/zero at maxBytes + 1: tooLarge, not exact, quickly and in bounded memory', async () => {
    const run = await runChild(`
      const { readInputFile } = await import(${JSON.stringify(READ_FILE_TS)});
      const before = process.memoryUsage().rss;
      const read = readInputFile('/dev/zero', ${MiB});
      console.log(JSON.stringify({ read, grewBy: process.memoryUsage().rss - before }));
    `);
    const { read, grewBy } = resultOf(run);
    expect(read).toEqual({ ok: false, reason: 'tooLarge', size: MiB, exact: false });
    expect(grewBy).toBeLessThan(50 * MiB);
  }, 15_000);

  it('reads a FIFO named explicitly, while its writer writes; caps one that writes too much', async () => {
    const cwd = tempDir();
    mkfifo(join(cwd, 'small.xml'));
    mkfifo(join(cwd, 'big.xml'));
    // Writers in their own processes: each open waits for the reader in the child.
    const writers = [
      spawn('sh', ['-c', 'printf "<x/>" > small.xml'], { cwd }),
      spawn('sh', ['-c', 'head -c 5000 /dev/zero > big.xml'], { cwd }),
    ];
    try {
      const run = await runChild(`
        const { readInputFile } = await import(${JSON.stringify(READ_FILE_TS)});
        const small = readInputFile(${JSON.stringify(join(cwd, 'small.xml'))}, 1000);
        const big = readInputFile(${JSON.stringify(join(cwd, 'big.xml'))}, 1000);
        console.log(JSON.stringify({ small: small.ok ? Buffer.from(small.bytes).toString() : small, big }));
      `);
      expect(resultOf(run)).toEqual({ small: '<x/>', big: { ok: false, reason: 'tooLarge', size: 1000, exact: false } });
    } finally {
      for (const writer of writers) writer.kill();
    }
  }, 15_000);

  it('reads standard input (-) up to maxBytes; 5000 bytes piped into a cap of 1000 are tooLarge', async () => {
    const script = (max: number) => `
      const { readInputFile } = await import(${JSON.stringify(READ_FILE_TS)});
      const read = readInputFile('-', ${max});
      console.log(JSON.stringify(read.ok ? { length: read.bytes.length } : read));
    `;
    const feed = (stdin: NodeJS.WritableStream) => stdin.end('y'.repeat(5000));
    const [capped, whole] = await Promise.all([runChild(script(1000), { feed }), runChild(script(5000), { feed })]);
    expect(resultOf(capped)).toEqual({ ok: false, reason: 'tooLarge', size: 1000, exact: false });
    expect(resultOf(whole)).toEqual({ length: 5000 });
  }, 15_000);

  it('waits on a non-blocking standard input (EAGAIN) until its end, sleeping rather than spinning', async () => {
    // Touching process.stdin makes a piped fd 0 non-blocking (libuv): a plain readFileSync(0) then fails with EAGAIN,
    // as the control shows. Once the child says it is about to read, the writer sends half, waits 400 ms, sends the rest.
    const feed = (stdin: NodeJS.WritableStream, stdout: NodeJS.ReadableStream) => {
      stdout.once('data', () => {
        stdin.write('<a>');
        setTimeout(() => stdin.end('</a>'), 400);
      });
    };
    const control = await runChild(
      `
      process.stdin;
      const { readFileSync, writeSync } = await import('node:fs');
      writeSync(1, 'reading\\n');
      try { readFileSync(0); console.log(JSON.stringify('read')); } catch (error) { console.log(JSON.stringify(error.code)); }
    `,
      { feed },
    );
    expect(resultOf(control)).toBe('EAGAIN');
    const run = await runChild(
      `
      process.stdin;
      const { readInputFile, readWaits } = await import(${JSON.stringify(READ_FILE_TS)});
      (await import('node:fs')).writeSync(1, 'reading\\n');
      const read = readInputFile('-', 1000);
      console.log(JSON.stringify({ text: read.ok ? Buffer.from(read.bytes).toString() : read, waits: readWaits.count }));
    `,
      { feed },
    );
    const { text, waits } = resultOf(run);
    expect(text).toBe('<a></a>');
    // It met EAGAIN and waited for the second half. Each wait sleeps 5 ms: even a stalled writer cannot make 10,000 of
    // them within the test's time, while a loop that retried without sleeping makes millions.
    expect(waits).toBeGreaterThan(0);
    expect(waits).toBeLessThan(10_000);
  }, 15_000);
});
