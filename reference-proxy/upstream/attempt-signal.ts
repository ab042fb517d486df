// One abort signal per upstream attempt that fires when the client goes away or the backend's
// total timeout passes, and remembers which of the two it was (for failover vs. giving up).

export interface AttemptSignal {
  signal: AbortSignal;
  /** why the attempt was aborted, if it was */
  reason(): 'client' | 'timeout' | undefined;
  dispose(): void;
}

export function createAttemptSignal(client: AbortSignal, totalMs: number): AttemptSignal {
  const controller = new AbortController();
  let why: 'client' | 'timeout' | undefined;
  const stop = (reason: 'client' | 'timeout') => {
    if (controller.signal.aborted) return;
    why = reason;
    controller.abort(new Error(reason === 'client' ? 'the client closed the connection' : `no complete answer within ${totalMs} ms`));
  };
  const onClient = () => stop('client');
  if (client.aborted) onClient();
  else client.addEventListener('abort', onClient, { once: true });
  const timer = setTimeout(() => stop('timeout'), totalMs);
  timer.unref();
  return {
    signal: controller.signal,
    reason: () => why,
    dispose: () => {
      clearTimeout(timer);
      client.removeEventListener('abort', onClient);
    },
  };
}
