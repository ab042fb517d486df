import { describe, expect, it } from 'vitest';
import { coalescedCount, SseTimer } from './sse-timing.ts';

const event = (n: number) => `data: {"n":${n},"bench_sent_us":${1000 + n}}\n\n`;

describe('SseTimer', () => {
  it('records one event per data block with its arrival, read and send stamp', () => {
    const t = new SseTimer();
    t.push(event(1), 10);
    t.push(event(2) + event(3), 20);
    t.push('data: [DONE]\n\n', 30);
    expect(t.timing.events).toEqual([
      { arrivalUs: 10, sentUs: 1001, read: 0 },
      { arrivalUs: 20, sentUs: 1002, read: 1 },
      { arrivalUs: 20, sentUs: 1003, read: 1 },
    ]);
    expect(t.timing.done).toBe(true);
    expect(coalescedCount(t.timing.events)).toBe(1);
  });

  it('times an event split across reads by the read that completes it', () => {
    const t = new SseTimer();
    const text = event(1);
    t.push(text.slice(0, 9), 5);
    t.push(text.slice(9), 8);
    expect(t.timing.events).toEqual([{ arrivalUs: 8, sentUs: 1001, read: 1 }]);
    expect(t.timing.done).toBe(false);
  });

  it('accepts CRLF framing and events without a stamp', () => {
    const t = new SseTimer();
    t.push('data: {"a":1}\r\n\r\n: comment\r\n\r\n', 1);
    expect(t.timing.events).toEqual([{ arrivalUs: 1, sentUs: null, read: 0 }]);
  });
});

describe('coalescedCount', () => {
  it('counts events that share a read with the event before', () => {
    const e = (read: number) => ({ arrivalUs: 0, sentUs: null, read });
    expect(coalescedCount([e(0), e(0), e(0), e(1), e(2), e(2)])).toBe(3);
    expect(coalescedCount([])).toBe(0);
  });
});
