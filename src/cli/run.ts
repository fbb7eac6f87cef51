import { Worker } from 'node:worker_threads';
import { checkGop, type CheckOptions, type Report } from '../index';
import { readInputFile } from './read-file';

export type Outcome = { file: string; report: Report } | { file: string; error: string };

/** Below this many files, starting worker threads costs more than it saves. */
export const WORKER_THRESHOLD = 32;

function checkHere(file: string, options: CheckOptions): Outcome {
  const read = readInputFile(file);
  return read.ok ? { file, report: checkGop(read.bytes, options) } : { file, error: read.error };
}

/**
 * Checks files and hands each outcome to `emit` in input order, as soon as it and all before it are done.
 * With workers, at most two tasks per worker are in flight, so memory stays flat however many files there are.
 */
export async function checkFiles(files: string[], options: CheckOptions, jobs: number, emit: (outcome: Outcome) => void): Promise<void> {
  if (jobs <= 1 || files.length < WORKER_THRESHOLD) {
    for (const file of files) emit(checkHere(file, options));
    return;
  }
  const workerUrl = new URL('./worker.js', import.meta.url);
  // Node flags pass on to workers (memory limits, say), except those only valid for an --eval entry point.
  const execArgv = process.execArgv.filter((arg) => !arg.startsWith('--input-type'));
  const workers = Array.from({ length: Math.min(jobs, files.length) }, () => new Worker(workerUrl, { execArgv }));
  const done = new Map<number, Outcome>();
  let next = 0;
  let emitted = 0;
  await new Promise<void>((resolve, reject) => {
    const flush = () => {
      while (done.has(emitted)) {
        emit(done.get(emitted)!);
        done.delete(emitted);
        emitted++;
      }
      if (emitted === files.length) resolve();
    };
    const feed = (worker: Worker) => {
      // Standard input cannot be read in a worker: it is checked here, in order like the rest.
      while (next < files.length && files[next] === '-') { done.set(next, checkHere('-', options)); next++; }
      if (next < files.length) worker.postMessage({ id: next, file: files[next++], options });
      flush();
    };
    for (const worker of workers) {
      worker.on('message', (message: { id: number; report?: Report; error?: string }) => {
        const file = files[message.id]!;
        done.set(message.id, message.report ? { file, report: message.report } : { file, error: message.error ?? 'unknown error' });
        feed(worker);
      });
      worker.on('error', reject);
      feed(worker);
      feed(worker);
    }
  }).finally(() => Promise.all(workers.map((w) => w.terminate())));
}
