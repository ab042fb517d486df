// What the upstream saw when every held client aborted at once: for each aborted stream, the
// delay from the bench's abort() to the moment the upstream's socket closed, both read on the
// clock the processes share (scripts/load/shared-clock.ts). A stream the upstream never saw close
// within the wait counts as late, with no delay to put in the percentiles.
import { percentile } from './stats.ts';

/** The goal: an abort reaches the upstream within this. */
export const ABORT_WITHIN_MS = 1_000;

export interface AbortBurst {
  /** streams aborted at once (the ones still open when the hold ended) */
  aborted: number;
  /** closes the upstream saw within ABORT_WITHIN_MS of the abort */
  withinLimit: number;
  /** closes it saw at all before the bench stopped waiting */
  seen: number;
  /** streams the upstream had finished before the abort: nothing left to cut */
  finishedFirst: number;
  delayP50Ms: number | null;
  delayMaxMs: number | null;
  /** how long the bench waited for the closes */
  waitedMs: number;
}

export interface UpstreamCloses {
  /** stream id -> epoch ms when the upstream saw its connection close before the end */
  closedEarly: ReadonlyMap<string, number>;
  finished: ReadonlySet<string>;
}

export function abortBurst(ids: readonly string[], abortedAtMs: number, upstream: UpstreamCloses, waitedMs: number): AbortBurst {
  const delays: number[] = [];
  let finishedFirst = 0;
  for (const id of ids) {
    const closedAt = upstream.closedEarly.get(id);
    if (closedAt !== undefined) delays.push(Math.max(0, closedAt - abortedAtMs));
    else if (upstream.finished.has(id)) finishedFirst++;
  }
  return {
    aborted: ids.length - finishedFirst,
    withinLimit: delays.filter((d) => d <= ABORT_WITHIN_MS).length,
    seen: delays.length,
    finishedFirst,
    delayP50Ms: percentile(delays, 50),
    delayMaxMs: delays.length === 0 ? null : Math.max(...delays),
    waitedMs,
  };
}

/** Whether every one of the aborts got through, or which ones the upstream is still waiting for. */
export function unsettled(ids: readonly string[], upstream: UpstreamCloses): number {
  return ids.filter((id) => !upstream.closedEarly.has(id) && !upstream.finished.has(id)).length;
}
