import { streamSink } from './io';
import { main } from './main';
import { interruptHandler } from './signals';
import { batchOfThisThread, serveBatch } from './worker';

/**
 * The process entry (`gop`, `medcom-gop`): the real streams, the clock, the environment and Ctrl-C, given to main().
 * EPIPE (`| head`) is the reader going away: the sinks take it quietly and main ends with the status so far.
 * The same bundle is a batch's worker thread (src/cli/run.ts starts it so, to share the code cache): it serves the batch.
 */
const batch = batchOfThisThread();
if (batch) serveBatch(batch);
else {
  const controller = new AbortController();
  const interrupt = interruptHandler(controller, (status) => process.exit(status));
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);

  main(process.argv.slice(2), {
    stdout: streamSink(process.stdout),
    stderr: streamSink(process.stderr),
    cwd: process.cwd(),
    env: process.env,
    now: () => new Date(),
    signal: controller.signal,
    execArgv: process.execArgv,
  }).then((status) => {
    process.exitCode = status;
  });
}
