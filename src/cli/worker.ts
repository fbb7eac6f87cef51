import { parentPort } from 'node:worker_threads';
import type { CheckOptions } from '../report/options';
import { checkFile } from './check-file';

/** One file at a time: read, check, post the outcome back. A worker never dies on a bad file. */
parentPort?.on('message', (task: { id: number; file: string; options: CheckOptions; cwd: string }) => {
  parentPort!.postMessage({ id: task.id, outcome: checkFile(task.file, task.options, task.cwd) });
});
