// Bytes a call allocates, by V8's sampling heap profiler with the objects already collected kept in the sample: an
// estimate (a sample per 4 KiB on average) of work done, not of time, so a busy machine does not move it.
import { Session } from 'node:inspector/promises';

/** Mean bytes allocated per call of `fn` over `calls` calls. */
export async function allocatedPerCall(fn, calls = 1) {
  const session = new Session();
  session.connect();
  try {
    await session.post('HeapProfiler.startSampling', {
      samplingInterval: 4096,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
    for (let i = 0; i < calls; i++) fn();
    const { profile } = await session.post('HeapProfiler.stopSampling');
    let total = 0;
    const nodes = [profile.head];
    while (nodes.length > 0) {
      const node = nodes.pop();
      total += node.selfSize;
      nodes.push(...node.children);
    }
    return total / calls;
  } finally {
    session.disconnect();
  }
}
