/**
 * What a command may touch of the world, passed in: `main(argv, io)` runs in-process in tests with its streams
 * captured, and the process entry (bin.ts) gives it the real ones.
 */
export interface Sink {
  /** Resolves when the stream can take more (backpressure); after the reader went away it resolves at once. */
  write(data: string | Uint8Array): Promise<void>;
  /** the reader went away (EPIPE: `| head`): stop producing, exit with the status so far */
  readonly closed: boolean;
  readonly isTTY: boolean;
  /** terminal rows, for deciding on a progress line */
  readonly rows?: number;
}

export interface CliIo {
  stdout: Sink;
  stderr: Sink;
  /** relative paths, the config search and --output resolve against this, not process.cwd() */
  cwd: string;
  /** NO_COLOR and friends: the CLI may read the environment, the library never does */
  env: Readonly<Record<string, string | undefined>>;
  /** "today" when --reference-date is not given */
  now(): Date;
  /** standard input's bytes, when a test injects them (else fd 0 is read, capped) */
  stdin?: Uint8Array;
  /** aborted on SIGINT/SIGTERM: stop between files, leave no half-written --output */
  signal?: AbortSignal;
  /** the worker thread's script (beside the bundled cli.js); null: check every file in this thread (in-process tests) */
  workerScript?: URL | null;
  /** node's own flags, passed on to workers */
  execArgv?: readonly string[];
}

interface WritableLike {
  write(data: string | Uint8Array, callback: (error?: Error | null) => void): boolean;
  on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
  once(event: 'drain', listener: () => void): unknown;
  isTTY?: boolean;
  rows?: number;
}

/**
 * A Node stream as a Sink: waits for 'drain' when the stream says so (a slow `| less` never meets EAGAIN, nothing piles
 * up in memory), and treats EPIPE and other write errors as "the reader is gone", not as a crash.
 */
export function streamSink(stream: WritableLike): Sink {
  let closed = false;
  stream.on('error', () => {
    closed = true;
  }); // EPIPE arrives here too; without a listener it would be thrown
  return {
    get closed() {
      return closed;
    },
    get isTTY() {
      return stream.isTTY === true;
    },
    get rows() {
      return stream.rows;
    },
    write(data) {
      if (closed || data.length === 0) return Promise.resolve();
      return new Promise((resolve) => {
        let settled = false;
        const done = () => {
          if (!settled) {
            settled = true;
            resolve();
          }
        };
        const flowing = stream.write(data, (error) => {
          if (error) closed = true;
          done();
        });
        if (flowing) done();
        else stream.once('drain', done);
      });
    },
  };
}

/** A Sink that keeps what is written, for tests and for commands that build a string first. */
export function memorySink(options: { isTTY?: boolean; failAfter?: number } = {}): Sink & { text(): string; bytes(): Uint8Array } {
  const chunks: Uint8Array[] = [];
  const encoder = new TextEncoder();
  let closed = false;
  let writes = 0;
  return {
    get closed() {
      return closed;
    },
    isTTY: options.isTTY ?? false,
    write(data) {
      if (closed) return Promise.resolve();
      if (options.failAfter !== undefined && writes >= options.failAfter) {
        closed = true;
        return Promise.resolve();
      }
      writes++;
      chunks.push(typeof data === 'string' ? encoder.encode(data) : data.slice());
      return Promise.resolve();
    },
    bytes() {
      const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
      let at = 0;
      for (const c of chunks) {
        out.set(c, at);
        at += c.length;
      }
      return out;
    },
    text() {
      return new TextDecoder().decode(this.bytes());
    },
  };
}

/** What gatheringSink gathers before it writes. */
export const GATHERED_BYTES = 64 * 1024;

/**
 * A Sink that gathers text into writes of about `size` bytes: a batch's thousands of result lines cost a few writes,
 * not one each (a write is a system call, and to a file a trip through libuv's thread pool). Text is encoded as it
 * comes into the buffer that is written next (measured: joining the formatters' strings, then encoding the joined one,
 * cost three times as much). `flush()` writes what is gathered: before anything goes to another stream that may share
 * the terminal, and at the end. Nothing is held back from a terminal.
 */
export function gatheringSink(sink: Sink, size = GATHERED_BYTES): Sink & { flush(): Promise<void> } {
  const encoder = new TextEncoder();
  // room for any one character, so that each turn of gather's loop writes something
  const capacity = Math.max(4, size);
  let buffer = new Uint8Array(capacity);
  let length = 0;
  const flush = () => {
    if (length === 0) return Promise.resolve();
    // The sink may still hold the bytes it was given (a stream writes later): the next ones go to a new buffer.
    const gathered = buffer.subarray(0, length);
    buffer = new Uint8Array(capacity);
    length = 0;
    return sink.write(gathered);
  };
  const gather = async (text: string) => {
    // Text longer than the buffer goes out whole, as it came.
    if (text.length >= capacity) return flush().then(() => sink.write(text));
    for (let rest = text; ; ) {
      // encodeInto stops before a character that does not fit (never inside one): the rest goes to the next buffer.
      const { read, written } = encoder.encodeInto(rest, buffer.subarray(length));
      length += written;
      if (read === rest.length) return length >= capacity ? flush() : undefined;
      rest = rest.slice(read);
      await flush();
    }
  };
  return {
    get closed() {
      return sink.closed;
    },
    get isTTY() {
      return sink.isTTY;
    },
    get rows() {
      return sink.rows;
    },
    write(data) {
      if (sink.isTTY || typeof data !== 'string') return flush().then(() => sink.write(data));
      return gather(data);
    },
    flush,
  };
}
