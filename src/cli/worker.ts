import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { checkGop, type CheckOptions } from '../index';

/** One file at a time: read, check, post the report back. A worker never dies on a bad file. */
parentPort?.on('message', (task: { id: number; file: string; options: CheckOptions }) => {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(task.file);
  } catch (error) {
    parentPort!.postMessage({ id: task.id, error: (error as Error).message });
    return;
  }
  parentPort!.postMessage({ id: task.id, report: checkGop(bytes, task.options) });
});
