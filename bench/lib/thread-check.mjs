// A worker thread of bench/lib/threads.mjs: reads and checks its files (read + checkGop, as the batch's library row),
// then posts how long that took and the CPU the whole process used meanwhile.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { checkGop } from '../../dist/index.js';

const start = process.hrtime.bigint();
for (const path of workerData.paths) checkGop(readFileSync(path));
parentPort.postMessage({ seconds: Number(process.hrtime.bigint() - start) / 1e9 });
