import { parentPort, workerData } from 'node:worker_threads';
import { checkRead, readAhead, readAheadWindow, showReport, type BatchSettings, type Outcome } from './check-file';
import type { ReadResult } from './read-file';
import { createFormatter } from '../format/index';

/** What a batch's worker is started with (its workerData): the marker tells it from any other use of a thread. */
export interface WorkerStart {
  gopBatch: BatchSettings;
}

/** The batch's settings when this thread is one of its workers, else undefined. */
export function batchOfThisThread(): BatchSettings | undefined {
  return parentPort ? (workerData as Partial<WorkerStart> | null)?.gopBatch : undefined;
}

/**
 * A worker of a batch: takes chunks of files, reads a few ahead while it checks one, and posts each chunk's outcomes
 * back in one message when the chunk is done. With ShowSettings it formats each report itself (a piece of text and
 * counts cross back, not the report: the writing thread's time per file was what kept two workers from paying off).
 * A worker never dies on a bad file. It runs the CLI's own bundle (src/cli/bin.ts), with its code cache.
 */
export function serveBatch(settings: BatchSettings): void {
  const port = parentPort!;
  const window = readAheadWindow(settings);
  const show = settings.show;
  const formatter = show && createFormatter(show.format, show.options);
  const queue: { file: string; first: number; position: number; last: boolean; read?: Promise<ReadResult> }[] = [];

  const shown = (outcome: Outcome, position: number): Outcome => {
    if (!show || !formatter || !('report' in outcome)) return outcome;
    return { file: outcome.file, shown: showReport(outcome.file, outcome, position, formatter, show) };
  };
  let working = false;

  const work = async (): Promise<void> => {
    working = true;
    let outcomes: Outcome[] = [];
    while (queue.length > 0) {
      for (let i = 0; i < window && i < queue.length; i++) queue[i]!.read ??= readAhead(queue[i]!.file, settings);
      const task = queue.shift()!;
      outcomes.push(shown(checkRead(task.file, await task.read!, settings), task.position));
      if (task.last) {
        port.postMessage({ first: task.first, outcomes });
        outcomes = [];
      }
    }
    working = false;
  };

  port.on('message', (chunk: { first: number; files: string[] }) => {
    // A file's position is its place in the run's list of files (it names the file under --redact).
    chunk.files.forEach((file, i) =>
      queue.push({ file, first: chunk.first, position: chunk.first + i + 1, last: i === chunk.files.length - 1 }),
    );
    if (!working) void work();
  });
}
