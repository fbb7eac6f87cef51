import { availableParallelism } from 'node:os';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { checkFile, checkRead, readAhead, readAheadWindow, readNow, type BatchSettings, type Outcome } from './check-file';
import type { ReadResult } from './read-file';
import type { WorkerStart } from './worker';

/** Below this many files, starting worker threads costs more than it saves. */
const WORKER_THRESHOLD = 32;

export interface CheckFilesOptions {
  jobs: number;
  /** standard input's bytes, when injected */
  stdin?: Uint8Array;
  /** true: stop handing out files (the reader went away, or Ctrl-C) */
  stop?: () => boolean;
  /** node's own flags, normally process.execArgv */
  execArgv?: readonly string[];
  /** the worker script; null: no workers */
  workerScript?: URL | null;
}

const HEAP_FLAGS: Record<string, keyof ResourceLimits> = {
  '--max-old-space-size': 'maxOldGenerationSizeMb',
  '--max-semi-space-size': 'maxYoungGenerationSizeMb',
  '--stack-size': 'stackSizeMb',
};

/**
 * Node's flags for a worker. Memory flags are V8 options, which a worker refuses in execArgv
 * (ERR_WORKER_INVALID_EXEC_ARGV): they become the worker's resourceLimits. Flags only valid for an --eval entry go.
 */
function workerFlags(execArgv: readonly string[]): { execArgv: string[]; resourceLimits: ResourceLimits } {
  const kept: string[] = [];
  const resourceLimits: ResourceLimits = {};
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i]!;
    const [name, inline] = arg.split(/=(.*)/s, 2) as [string, string | undefined];
    const normalised = name.replace(/_/g, '-');
    const limit = HEAP_FLAGS[normalised];
    if (limit) {
      const value = Number(inline ?? execArgv[++i]);
      if (Number.isFinite(value) && value > 0) resourceLimits[limit] = value;
    } else if (!normalised.startsWith('--input-type') && !normalised.startsWith('--eval') && normalised !== '-e' && normalised !== '-p') {
      kept.push(arg);
    }
  }
  return { execArgv: kept, resourceLimits };
}

function startWorker(url: URL, flags: ReturnType<typeof workerFlags>, settings: BatchSettings): Worker {
  const workerData: WorkerStart = { gopBatch: settings };
  try {
    return new Worker(url, { ...flags, workerData });
  } catch (error) {
    // A flag we did not foresee: the worker runs without node's flags rather than the run failing.
    if ((error as { code?: string }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw error;
    return new Worker(url, { resourceLimits: flags.resourceLimits, workerData });
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Checks files and hands each outcome to `emit` in input order, as soon as it and all before it are done; `emit` may
 * wait (backpressure from a slow reader), and nothing more is started meanwhile. Files are read ahead of the checking
 * (a bounded number at once), so reading overlaps checking. With workers, files go out in chunks, at most two chunks
 * per worker, so memory stays flat however many files; a worker that dies (out of memory) fails only the file that
 * killed it, and is replaced.
 */
export async function checkFiles(
  files: readonly string[],
  settings: BatchSettings,
  run: CheckFilesOptions,
  emit: (outcome: Outcome) => Promise<void>,
): Promise<void> {
  const stop = run.stop ?? (() => false);
  if (run.jobs <= 1 || files.length < WORKER_THRESHOLD || run.workerScript === null) return checkHere(files, settings, run, stop, emit);
  return checkInWorkers(files, settings, run, stop, emit);
}

/**
 * A read that waited for a disk or a network rather than copying from the page cache (which moves a 5 MiB plan in about
 * a millisecond): longer than 1 ms and 2 ms per MB. A busy machine may stop this thread during any one read, but hardly
 * during several in a row: after SLOW_READS of them in a row, the batch reads ahead.
 */
const slowRead = (ms: number, read: ReadResult) => ms > 1 + (read.ok ? read.bytes.length / 500_000 : 0);
const SLOW_READS = 4;

/**
 * One thread: each file read and checked here. Reads from the page cache are cheapest when made here at the file's turn
 * (measured, issue 26: the thread pool's read-ahead cost this thread 8 % more time and the process 20 % more CPU); once
 * reads are seen to wait (a cold disk, a network share), the next few files are read ahead in the pool instead.
 */
async function checkHere(
  files: readonly string[],
  settings: BatchSettings,
  run: CheckFilesOptions,
  stop: () => boolean,
  emit: (outcome: Outcome) => Promise<void>,
): Promise<void> {
  const reads = new Map<number, Promise<ReadResult>>();
  let window = 0; // files read ahead: none until reads are slow
  let slowInARow = 0;
  let started = 0;
  for (let i = 0; i < files.length; i++) {
    for (started = Math.max(started, i + 1); window > 0 && started < files.length && started <= i + window; started++) {
      // Standard input is read at its turn, never ahead (a terminal would be asked for it too early).
      if (files[started] !== '-') reads.set(started, readAhead(files[started]!, settings));
    }
    // A turn of the event loop between files: only then can a signal's handler run (Ctrl-C, CI cancellation); a
    // write to a pipe or a terminal resolves at once, so `await emit` alone never lets it in.
    await nextTurn();
    if (stop()) return;
    const file = files[i]!;
    const ahead = reads.get(i);
    reads.delete(i);
    if (ahead) await emit(checkRead(file, await ahead, settings));
    else if (file === '-') await emit(checkFile(file, settings, run.stdin));
    else {
      const begun = performance.now();
      const read = readNow(file, settings);
      slowInARow = slowRead(performance.now() - begun, read) ? slowInARow + 1 : 0;
      if (slowInARow === SLOW_READS) window = readAheadWindow(settings);
      await emit(checkRead(file, read, settings));
    }
  }
}

/** Files per chunk: few messages for the first and last (so that no worker waits long for the others), else 16. */
const chunkSize = (files: number, jobs: number) => Math.max(1, Math.min(16, Math.floor(files / (jobs * 4))));

async function checkInWorkers(
  files: readonly string[],
  settings: BatchSettings,
  run: CheckFilesOptions,
  stop: () => boolean,
  emit: (outcome: Outcome) => Promise<void>,
): Promise<void> {
  // The bin (dist/cli.js) beside the bundle: a worker runs the CLI's bundle with its code cache (src/cli/bin.ts).
  const url = run.workerScript ?? new URL('./cli.js', import.meta.url);
  const flags = workerFlags(run.execArgv ?? []);
  // Reads in the thread pool only with a core to spare for it (see BatchSettings.readAhead).
  const workerSettings: BatchSettings = { ...settings, readAhead: run.jobs < availableParallelism() };
  const chunk = chunkSize(files.length, run.jobs);
  // Reports waiting for those before them, at most: two chunks in every worker and one more.
  const ahead = (2 * run.jobs + 1) * chunk;
  // A chunk ends before standard input (a file is named once, so `-` is there once at most).
  const dash = files.indexOf('-');
  const done = new Map<number, Outcome>();
  /** Each worker's chunks in flight: first file → how many; `alone` when it runs one suspect file only. */
  const inFlight = new Map<Worker, { chunks: Map<number, number>; alone: boolean }>();
  /** Files of a worker that died, checked again one at a time: the one that kills a worker again is the culprit. */
  const suspects: number[] = [];
  let next = 0;
  let emitted = 0;
  let emitting = false;
  await new Promise<void>((resolve, reject) => {
    const finish = () => {
      if (emitted === files.length || (stop() && !emitting)) resolve();
    };
    const flush = async () => {
      if (emitting) return;
      emitting = true;
      try {
        while (done.has(emitted) && !stop()) {
          const outcome = done.get(emitted)!;
          done.delete(emitted);
          emitted++;
          await emit(outcome);
        }
      } catch (error) {
        reject(error);
      } finally {
        emitting = false;
      }
      for (const worker of inFlight.keys()) feed(worker);
      finish();
    };
    const send = (worker: Worker, first: number, count: number) => {
      inFlight.get(worker)!.chunks.set(first, count);
      worker.postMessage({ first, files: files.slice(first, first + count) });
    };
    const feed = (worker: Worker) => {
      const state = inFlight.get(worker)!;
      if (stop() || state.alone) return;
      if (suspects.length > 0) {
        if (state.chunks.size === 0) {
          state.alone = true;
          send(worker, suspects.shift()!, 1);
        }
        return;
      }
      // Not further ahead of the writer than `ahead` files: a stalled reader stalls the reading, not memory.
      while (state.chunks.size < 2 && next < files.length && next - emitted < ahead) {
        // Standard input cannot be read in a worker: it is checked here, in order like the rest.
        if (files[next] === '-') {
          done.set(next, checkFile('-', settings, run.stdin));
          next++;
          continue;
        }
        const count = Math.min(chunk, files.length - next, dash >= next ? dash - next : Number.POSITIVE_INFINITY);
        send(worker, next, count);
        next += count;
      }
    };
    const spawn = () => {
      const worker = startWorker(url, flags, workerSettings);
      inFlight.set(worker, { chunks: new Map(), alone: false });
      worker.on('message', (message: { first: number; outcomes: Outcome[] }) => {
        const state = inFlight.get(worker);
        if (!state) return;
        state.chunks.delete(message.first);
        state.alone = false;
        message.outcomes.forEach((outcome, i) => done.set(message.first + i, outcome));
        feed(worker);
        void flush();
      });
      worker.on('error', (error) => {
        const state = inFlight.get(worker);
        inFlight.delete(worker);
        void worker.terminate();
        if (state?.alone) {
          const why =
            (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? 'out of memory while checking it'
              : `worker failed: ${error.message}`;
          for (const [first] of state.chunks) done.set(first, { file: files[first]!, error: why });
        } else if (state) {
          for (const [first, count] of state.chunks) for (let id = first; id < first + count; id++) suspects.push(id);
          suspects.sort((a, b) => a - b);
        }
        try {
          feed(spawn());
        } catch (failure) {
          reject(failure);
          return;
        }
        void flush();
      });
      return worker;
    };
    for (let i = 0; i < Math.min(run.jobs, files.length); i++) spawn();
    for (const worker of inFlight.keys()) feed(worker);
    void flush();
  }).finally(() => Promise.all([...inFlight.keys()].map((w) => w.terminate())));
}
