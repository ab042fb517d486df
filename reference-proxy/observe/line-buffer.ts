// Collects log lines and writes them in batches. Node writes to a file (and, on Linux, to a pipe)
// synchronously, so one write per request cost the proxy a system call per request under load;
// batching makes it one per few milliseconds. Nothing is dropped: the buffer is written when it
// grows large, when the timer fires, on close() and when the process exits.

export interface LineBuffer {
  write(line: string): void;
  /** writes what is buffered now */
  flush(): void;
  /** flushes and stops; later lines are written at once, unbuffered */
  close(): void;
}

export interface LineBufferOptions {
  /** longest a line waits before it is written */
  maxDelayMs?: number;
  /** buffered characters that trigger a write at once */
  maxChars?: number;
}

export function createLineBuffer(sink: (chunk: string) => void, opts: LineBufferOptions = {}): LineBuffer {
  const maxDelayMs = opts.maxDelayMs ?? 5;
  const maxChars = opts.maxChars ?? 64 * 1024;
  let pending = '';
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (pending === '') return;
    const chunk = pending;
    pending = '';
    sink(chunk);
  };
  // 'exit' handlers run synchronously, and so do writes to files and pipes: the last lines land
  process.once('exit', flush);

  return {
    write(line) {
      if (closed) return sink(`${line}\n`);
      pending += `${line}\n`;
      if (pending.length >= maxChars) flush();
      else if (!timer) timer = setTimeout(flush, maxDelayMs).unref();
    },
    flush,
    close() {
      closed = true;
      flush();
      process.off('exit', flush);
    },
  };
}
