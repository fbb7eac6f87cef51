import { parentPort, workerData } from 'node:worker_threads';
import { checkRead, readAhead, readAheadWindow, showReport, type BatchSettings, type Outcome } from './check-file';
import type { ReadResult } from './read-file';
import { createFormatter } from '../format/index';

/**
 * A worker of a batch: takes chunks of files, reads a few ahead while it checks one, and posts each chunk's outcomes
 * back in one message when the chunk is done. With ShowSettings it formats each report itself (a piece of text and
 * counts cross back, not the report: the writing thread's time per file was what kept two workers from paying off).
 * A worker never dies on a bad file.
 */
const settings = workerData as BatchSettings;
const window = readAheadWindow(settings);
const show = settings.show;
const formatter = show && createFormatter(show.format, show.options);
const queue: { file: string; first: number; position: number; last: boolean; read?: Promise<ReadResult> }[] = [];

function shown(outcome: Outcome, position: number): Outcome {
  if (!show || !formatter || !('report' in outcome)) return outcome;
  return { file: outcome.file, shown: showReport(outcome.file, outcome, position, formatter, show) };
}
let working = false;

async function work(): Promise<void> {
  working = true;
  let outcomes: Outcome[] = [];
  while (queue.length > 0) {
    for (let i = 0; i < window && i < queue.length; i++) queue[i]!.read ??= readAhead(queue[i]!.file, settings);
    const task = queue.shift()!;
    outcomes.push(shown(checkRead(task.file, await task.read!, settings), task.position));
    if (task.last) {
      parentPort!.postMessage({ first: task.first, outcomes });
      outcomes = [];
    }
  }
  working = false;
}

parentPort?.on('message', (chunk: { first: number; files: string[] }) => {
  // A file's position is its place in the run's list of files (it names the file under --redact).
  chunk.files.forEach((file, i) =>
    queue.push({ file, first: chunk.first, position: chunk.first + i + 1, last: i === chunk.files.length - 1 }),
  );
  if (!working) void work();
});
