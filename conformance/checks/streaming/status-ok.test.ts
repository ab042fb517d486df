import { describe, expect, it } from 'vitest';
import { sseExchange, inputOf } from '../test-exchange.ts';
import { openAiTextStream, streamInput, TEXT_REQUEST } from './stream-fixtures.ts';
import { streamingStatusOk } from './status-ok.ts';

describe('streaming.status-ok', () => {
  it('passes a 200 stream', () => {
    expect(streamingStatusOk.run(streamInput(openAiTextStream())).status).toBe('pass');
  });
  it('fails a stream request answered 500', () => {
    const v = streamingStatusOk.run(streamInput(['{"error":{"message":"boom"}}'], TEXT_REQUEST, { status: 500 }));
    expect(v).toMatchObject({ status: 'fail', expected: '200' });
    expect(v.received).toContain('500');
  });
  it('reports a missing response as a harness/network error, not a target failure', () => {
    const exchange = { ...sseExchange([]), status: undefined, transportError: { kind: 'connect' as const, message: 'ECONNREFUSED' } };
    expect(streamingStatusOk.run(inputOf(exchange, TEXT_REQUEST))).toMatchObject({ status: 'error' });
  });
});
