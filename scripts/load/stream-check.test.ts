import { describe, expect, it } from 'vitest';
import { SsePayloads, StreamChecker } from './stream-check.ts';

const chunk = (seq: number, id = 's1') => JSON.stringify({ seq, stream_id: id });

function check(payloads: string[], chunks = 3) {
  const checker = new StreamChecker('s1', chunks);
  for (const p of payloads) checker.see(p);
  return checker.finish();
}

describe('StreamChecker', () => {
  it('verifies a complete stream', () => {
    expect(check([chunk(0), chunk(1), chunk(2), '[DONE]'])).toMatchObject({ verified: 3, lost: 0, duplicated: 0, reordered: 0, done: true });
  });

  it('counts lost, duplicated, reordered and foreign chunks', () => {
    expect(check([chunk(0), chunk(0), chunk(2), '[DONE]'])).toMatchObject({ verified: 2, duplicated: 1, lost: 1 });
    expect(check([chunk(1), chunk(0), chunk(2), '[DONE]'])).toMatchObject({ reordered: 1, lost: 0 });
    expect(check([chunk(0), chunk(1, 'other'), chunk(1), chunk(2), '[DONE]'])).toMatchObject({ foreign: 1, lost: 0 });
  });

  it('holds an aborted stream to the chunks before its last, and notes error events', () => {
    expect(check([chunk(0), chunk(2)])).toMatchObject({ done: false, lost: 1 });
    expect(check([chunk(0), '{"error":{"message":"x","type":"server_error","param":null,"code":null}}'])).toMatchObject({ errorEvent: true, lost: 0 });
  });
});

describe('SsePayloads', () => {
  it('splits events across arbitrary chunk boundaries', () => {
    const sse = new SsePayloads();
    expect(sse.push('data: {"a":1}\n\nda')).toEqual(['{"a":1}']);
    expect(sse.push('ta: [DO')).toEqual([]);
    expect(sse.push('NE]\n\n: comment\n\n')).toEqual(['[DONE]']);
  });
});
