import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { CheckOptions } from '../report/options';
import { checkFile, type Outcome } from './check-file';

export type { Outcome };

/** Below this many files, starting worker threads costs more than it saves. */
const WORKER_THRESHOLD = 32;

export interface CheckFilesOptions {
  jobs: number;
  cwd: string;
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

function startWorker(url: URL, flags: ReturnType<typeof workerFlags>): Worker {
  try {
    return new Worker(url, flags);
  } catch (error) {
    // A flag we did not foresee: the worker runs without node's flags rather than the run failing.
    if ((error as { code?: string }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw error;
    return new Worker(url, { resourceLimits: flags.resourceLimits });
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Checks files and hands each outcome to `emit` in input order, as soon as it and all before it are done; `emit` may
 * wait (backpressure from a slow reader), and nothing more is started meanwhile. With workers at most two tasks per
 * worker are in flight, so memory stays flat however many files; a worker that dies (out of memory) fails only its
 * own files and is replaced.
 */
export async function checkFiles(
  files: readonly string[],
  options: CheckOptions,
  run: CheckFilesOptions,
  emit: (outcome: Outcome) => Promise<void>,
): Promise<void> {
  const stop = run.stop ?? (() => false);
  if (run.jobs <= 1 || files.length < WORKER_THRESHOLD || run.workerScript === null) {
    for (const file of files) {
      // A turn of the event loop between files: only then can a signal's handler run (Ctrl-C, CI cancellation); a
      // write to a pipe or a terminal resolves at once, so `await emit` alone never lets it in.
      await nextTurn();
      if (stop()) return;
      await emit(checkFile(file, options, run.cwd, run.stdin));
    }
    return;
  }
  const url = run.workerScript ?? new URL('./worker.js', import.meta.url);
  const flags = workerFlags(run.execArgv ?? []);
  const done = new Map<number, Outcome>();
  const inFlight = new Map<Worker, Set<number>>();
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
    const feed = (worker: Worker) => {
      const tasks = inFlight.get(worker)!;
      // Not further ahead of the writer than two tasks per worker: a stalled reader stalls the reading, not memory.
      while (tasks.size < 2 && next < files.length && next - emitted < 2 * inFlight.size + 2 && !stop()) {
        const id = next++;
        // Standard input cannot be read in a worker: it is checked here, in order like the rest.
        if (files[id] === '-') {
          done.set(id, checkFile('-', options, run.cwd, run.stdin));
          continue;
        }
        tasks.add(id);
        worker.postMessage({ id, file: files[id], options, cwd: run.cwd });
      }
    };
    const spawn = () => {
      const worker = startWorker(url, flags);
      inFlight.set(worker, new Set());
      worker.on('message', (message: { id: number; outcome: Outcome }) => {
        inFlight.get(worker)?.delete(message.id);
        done.set(message.id, message.outcome);
        feed(worker);
        void flush();
      });
      worker.on('error', (error) => {
        const lost = inFlight.get(worker) ?? new Set();
        inFlight.delete(worker);
        const why =
          (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? 'out of memory while checking it'
            : `worker failed: ${error.message}`;
        for (const id of lost) done.set(id, { file: files[id]!, error: why });
        void worker.terminate();
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
