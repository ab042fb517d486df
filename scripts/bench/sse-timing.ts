// Splits a stream's body, read by read, into SSE events and notes when each arrived, which read
// delivered it (two events in one read = coalesced) and the upstream's send stamp it carries.
import { SENT_FIELD } from './upstream-body.ts';

export interface TimedEvent {
  arrivalUs: number;
  /** upstream send time on the same monotonic clock; null when a proxy dropped the field */
  sentUs: number | null;
  read: number;
}

export interface StreamTiming {
  events: TimedEvent[];
  done: boolean;
}

const STAMP = new RegExp(`"${SENT_FIELD}":(\\d+)`);
const BOUNDARY = /\r?\n\r?\n/;

export class SseTimer {
  private pending = '';
  private reads = 0;
  readonly timing: StreamTiming = { events: [], done: false };

  push(text: string, arrivalUs: number): void {
    const read = this.reads++;
    const parts = (this.pending + text).split(BOUNDARY);
    this.pending = parts.pop() ?? '';
    for (const block of parts) this.take(block, arrivalUs, read);
  }

  private take(block: string, arrivalUs: number, read: number): void {
    const data = block
      .split(/\r?\n/)
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).trimStart())
      .join('\n');
    if (data === '') return;
    if (data === '[DONE]') {
      this.timing.done = true;
      return;
    }
    const stamp = STAMP.exec(data);
    this.timing.events.push({ arrivalUs, sentUs: stamp ? Number(stamp[1]) : null, read });
  }
}

/** Events that arrived in the same read as the event before them. */
export function coalescedCount(events: readonly TimedEvent[]): number {
  let count = 0;
  for (let i = 1; i < events.length; i++) if (events[i].read === events[i - 1].read) count++;
  return count;
}
