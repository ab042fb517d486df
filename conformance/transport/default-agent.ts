// The one keep-alive connection pool the suite uses unless a caller brings its own dispatcher.
import { Agent } from 'undici';

let shared: Agent | undefined;

export function defaultAgent(): Agent {
  shared ??= new Agent({
    connections: 8,
    pipelining: 1,
    keepAliveTimeout: 4_000,
    keepAliveMaxTimeout: 30_000,
    connect: { timeout: 10_000 },
    // The per-exchange AbortController is the one clock for a whole exchange; undici's own
    // timers would cut slow local models (minutes on a CPU) short with a different error.
    headersTimeout: 0,
    bodyTimeout: 0,
  });
  return shared;
}

/** Closes the shared pool (pending exchanges finish first); a later send opens a new one. */
export async function closeDefaultAgent(): Promise<void> {
  const agent = shared;
  shared = undefined;
  await agent?.close();
}
