import { closeSync, constants, fstatSync, openSync, read, readSync, statSync, type Stats } from 'node:fs';

export type ReadResult =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: 'tooLarge'; size: number; exact: boolean } // exact=false: "more than size" (a stream cut off)
  | { ok: false; reason: 'notRegular'; kind: string } // e.g. 'a directory', 'a socket'
  | { ok: false; reason: 'io'; error: string }; // message without Node's "ENOENT: " prefix

/** What a non-regular file is, in words for a message; undefined for what can be read as a stream. */
function unreadableKind(stats: Stats): string | undefined {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isSocket()) return 'a socket';
  return undefined;
}

const ioError = (error: unknown): ReadResult => ({ ok: false, reason: 'io', error: (error as Error).message.replace(/^[A-Z]+: /, '') });

/** Where reads start on a stream: big enough for few syscalls, small so a tiny message costs little. */
const CHUNK = 64 * 1024;

/**
 * How often a read waited for a non-blocking stream to have data: tests assert the waiting, not the time it took.
 * @public (read by test/cli-files.test.ts in a child process, where knip does not see it)
 */
export const readWaits = { count: 0 };

/** One shared cell to wait on: Atomics.wait sleeps the thread (no busy loop) and works in the main thread in Node. */
let sleepCell: Int32Array | undefined;
function sleep(ms: number): void {
  Atomics.wait((sleepCell ??= new Int32Array(new SharedArrayBuffer(4))), 0, 0, ms);
}

/**
 * Reads fd to its end, never more than maxBytes + 1 bytes (one more tells "too large" from "exactly the limit"), so
 * /dev/zero or an endless pipe costs at most maxBytes of memory. `hint` is the expected size (a regular file's).
 */
function readCapped(fd: number, maxBytes: number, hint: number): ReadResult {
  const limit = maxBytes + 1;
  // Not zeroed (only the bytes read are ever seen) and not from Node's shared pool.
  let buffer = Buffer.allocUnsafeSlow(Math.min(limit, hint > 0 ? hint + 1 : CHUNK));
  let total = 0;
  while (total < limit) {
    if (total === buffer.length) {
      // Doubling keeps copying linear in the bytes read.
      const grown = Buffer.allocUnsafeSlow(Math.min(limit, buffer.length * 2));
      buffer.copy(grown, 0, 0, total);
      buffer = grown;
    }
    let n: number;
    try {
      n = readSync(fd, buffer, total, buffer.length - total, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A non-blocking stdin (inherited from a parent that set O_NONBLOCK) has no data yet: wait a little, not spin.
      if (code === 'EAGAIN' || code === 'EWOULDBLOCK') {
        readWaits.count++;
        sleep(5);
        continue;
      }
      if (code === 'EINTR') continue;
      // Windows reports a closed pipe on stdin as an error named EOF.
      if (code === 'EOF') break;
      return ioError(error);
    }
    if (n === 0) break;
    total += n;
    // A regular file's short read is its end (as in readInputFileAsync): no second read to be told so.
    if (hint > 0 && total < buffer.length) break;
  }
  if (total > maxBytes) return { ok: false, reason: 'tooLarge', size: maxBytes, exact: false };
  return { ok: true, bytes: buffer.subarray(0, total) };
}

/** Why a file could not be opened: a socket cannot be (ENXIO), a directory cannot on Windows (EISDIR): say what it is. */
function openFailure(file: string, error: unknown): ReadResult {
  try {
    const kind = unreadableKind(statSync(file));
    if (kind) return { ok: false, reason: 'notRegular', kind };
  } catch {
    /* the open's error says it better */
  }
  return ioError(error);
}

/**
 * A file's bytes, at most maxBytes of them, or why not; `-` is standard input. Synchronous: it also runs in worker
 * threads, one file per task. Regular files too large are refused from their size, unread; streams (stdin, FIFOs,
 * character devices such as /dev/zero or a process substitution) are read up to the cap and refused past it.
 */
export function readInputFile(file: string, maxBytes: number): ReadResult {
  const stdin = file === '-';
  let fd: number;
  try {
    // A FIFO's open waits for its writer: only FIFOs the user named reach here (directory walks leave them out).
    fd = stdin ? 0 : openSync(file, constants.O_RDONLY);
  } catch (error) {
    return openFailure(file, error);
  }
  try {
    const stats = fstatSync(fd);
    const kind = unreadableKind(stats);
    // Standard input from a Node parent's 'pipe' is a socket pair: read like any stream.
    if (kind && !(stdin && stats.isSocket())) return { ok: false, reason: 'notRegular', kind };
    if (stats.isFile()) {
      if (stats.size > maxBytes) return { ok: false, reason: 'tooLarge', size: stats.size, exact: true };
      return readCapped(fd, maxBytes, stats.size);
    }
    return readCapped(fd, maxBytes, 0);
  } catch (error) {
    return ioError(error);
  } finally {
    if (!stdin) closeSync(fd);
  }
}

/**
 * readInputFile without waiting for a regular file's bytes: the read runs in libuv's thread pool, so the next files are
 * read while this thread checks one (a batch's read-ahead). The same answers as readInputFile. Opening, the size and
 * closing stay synchronous (measured: each trip through the pool costs more than these calls; the read is what may wait
 * for a disk). Standard input and other streams (FIFOs, devices) are read as readInputFile reads them: capped, here.
 */
export function readInputFileAsync(file: string, maxBytes: number): Promise<ReadResult> {
  if (file === '-') return Promise.resolve(readInputFile(file, maxBytes));
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY);
  } catch (error) {
    return Promise.resolve(openFailure(file, error));
  }
  let size: number;
  try {
    const stats = fstatSync(fd);
    const kind = unreadableKind(stats);
    if (kind || !stats.isFile()) {
      const result: ReadResult = kind ? { ok: false, reason: 'notRegular', kind } : readCapped(fd, maxBytes, 0);
      closeSync(fd);
      return Promise.resolve(result);
    }
    size = stats.size;
  } catch (error) {
    closeSync(fd);
    return Promise.resolve(ioError(error));
  }
  if (size > maxBytes) {
    closeSync(fd);
    return Promise.resolve({ ok: false, reason: 'tooLarge', size, exact: true });
  }
  const limit = maxBytes + 1;
  return new Promise((resolve) => {
    const done = (result: ReadResult) => {
      closeSync(fd);
      resolve(result);
    };
    // One byte more than the size: a short read is the end (a regular file's), a full one means it grew.
    let buffer = Buffer.allocUnsafeSlow(Math.min(limit, size + 1));
    let total = 0;
    const more = () =>
      read(fd, buffer, total, buffer.length - total, total, (error, n) => {
        if (error) return done(ioError(error));
        total += n;
        if (n === 0 || total < buffer.length) return done({ ok: true, bytes: buffer.subarray(0, total) });
        if (total >= limit) return done({ ok: false, reason: 'tooLarge', size: maxBytes, exact: false });
        const grown = Buffer.allocUnsafeSlow(Math.min(limit, buffer.length * 2));
        buffer.copy(grown, 0, 0, total);
        buffer = grown;
        more();
      });
    more();
  });
}
