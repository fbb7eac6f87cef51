import { createWriteStream, mkdirSync, openSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { GATHERED_BYTES, streamSink, type CliIo, type Sink } from './io';

export interface Output {
  sink: Sink;
  /** the report is complete: put it in place */
  commit(): Promise<void>;
  /** interrupted or failed: leave no half-written report behind */
  abort(): void;
  /** the file's real location, so that a run never validates its own report */
  path?: string;
}

/** Temporary files not yet renamed; removed if the process ends first (a second Ctrl-C). */
const pending = new Set<string>();
let cleanupInstalled = false;
let counter = 0;

/**
 * `folder` and its missing parents, made one level at a time from the nearest that exists (at most one step per part of
 * the path): Node's recursive mkdir loops forever where a parent refuses new folders (/proc/nope), so it is not used.
 */
function makeFolders(folder: string): void {
  const missing: string[] = [];
  for (let at = folder; !statSync(at, { throwIfNoEntry: false }); at = dirname(at)) {
    missing.push(at);
    if (dirname(at) === at) break;
  }
  for (const dir of missing.reverse()) {
    try {
      mkdirSync(dir);
    } catch (error) {
      // made meanwhile by another process: fine
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/**
 * Bytes a report file's stream holds before a write waits for it to drain: more than one of gatheringSink's writes, so
 * that the checking goes on while the thread pool writes the last one (with Node's 16 KiB, each waited; measured: the
 * batch's thread idle 4 % of its time).
 */
const HELD_BYTES = 4 * GATHERED_BYTES;

/**
 * `--output FILE` (or standard output for none or `-`). A file is written beside its final name and renamed when
 * complete, so a reader never sees half a report and an interrupted run leaves the old one; missing folders are made.
 */
export function openOutput(path: string | undefined, io: CliIo): Output {
  if (path === undefined || path === '-') return { sink: io.stdout, commit: async () => {}, abort: () => {} };
  const named = resolve(io.cwd, path);
  const existing = statSync(named, { throwIfNoEntry: false });
  if (existing && !existing.isFile()) {
    // /dev/null, a FIFO, a terminal: written straight to; never renamed over (that would replace the device).
    const stream = createWriteStream('', { fd: openSync(named, 'w'), highWaterMark: HELD_BYTES });
    return { sink: streamSink(stream), commit: () => new Promise((done) => stream.end(() => done())), abort: () => stream.destroy() };
  }
  // A link is followed: the file it points to gets the report, the link stays.
  const target = existing ? realpathSync(named) : named;
  makeFolders(dirname(target));
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}-${++counter}.tmp`);
  // Opened here, synchronously: a folder we may not write to is a clear error before any file is read.
  const fd = openSync(temporary, 'wx');
  pending.add(temporary);
  const stream = createWriteStream('', { fd, highWaterMark: HELD_BYTES });
  if (!cleanupInstalled) {
    cleanupInstalled = true;
    process.once('exit', () => {
      for (const file of pending) rmSync(file, { force: true });
    });
  }
  let failure: Error | undefined;
  stream.on('error', (error) => {
    failure ??= error;
  });
  const sink = streamSink(stream);
  return {
    sink,
    path: target,
    async commit() {
      await new Promise<void>((done) => stream.end(() => done()));
      if (failure) throw failure;
      renameSync(temporary, target);
      pending.delete(temporary);
    },
    abort() {
      stream.destroy();
      rmSync(temporary, { force: true });
      pending.delete(temporary);
    },
  };
}
