// Waiting for identification without waiting forever: start-up and --print-config give a slow or
// unreachable backend a few seconds, then go on (it is served as generic until it answers).
import { setTimeout as sleep } from 'node:timers/promises';

/** Waits for `promise`, at most `ms`, leaving no timer behind. */
export async function settleWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  const timer = new AbortController();
  await Promise.race([promise, sleep(ms, undefined, { signal: timer.signal }).catch(() => {})]);
  timer.abort();
}
