import { parentPort } from 'node:worker_threads';
import { checkGop, type CheckOptions } from '../index';
import { readInputFile } from './read-file';

/** One file at a time: read, check, post the report back. A worker never dies on a bad file. */
parentPort?.on('message', (task: { id: number; file: string; options: CheckOptions }) => {
  const read = readInputFile(task.file);
  parentPort!.postMessage(read.ok ? { id: task.id, report: checkGop(read.bytes, task.options) } : { id: task.id, error: read.error });
});
