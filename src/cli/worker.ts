import { parentPort, workerData } from 'node:worker_threads';
import { checkRead, readAhead, readAheadWindow, type BatchSettings, type Outcome } from './check-file';
import type { ReadResult } from './read-file';

/**
 * A worker of a batch: takes chunks of files, reads a few ahead while it checks one, and posts each chunk's outcomes
 * back in one message when the chunk is done. A worker never dies on a bad file.
 */
const settings = workerData as BatchSettings;
const window = readAheadWindow(settings);
const queue: { file: string; first: number; last: boolean; read?: Promise<ReadResult> }[] = [];
let working = false;

async function work(): Promise<void> {
  working = true;
  let outcomes: Outcome[] = [];
  while (queue.length > 0) {
    for (let i = 0; i < window && i < queue.length; i++) queue[i]!.read ??= readAhead(queue[i]!.file, settings);
    const task = queue.shift()!;
    outcomes.push(checkRead(task.file, await task.read!, settings));
    if (task.last) {
      parentPort!.postMessage({ first: task.first, outcomes });
      outcomes = [];
    }
  }
  working = false;
}

parentPort?.on('message', (chunk: { first: number; files: string[] }) => {
  chunk.files.forEach((file, i) => queue.push({ file, first: chunk.first, last: i === chunk.files.length - 1 }));
  if (!working) void work();
});
