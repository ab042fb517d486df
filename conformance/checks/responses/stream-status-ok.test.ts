import { describe, expect, it } from 'vitest';
import { inputOf, jsonExchange } from '../test-exchange.ts';
import { streamExchange, textEvents } from './responses.fixtures.ts';
import { responsesStreamStatusOk } from './stream-status-ok.ts';

describe('responses.stream-status-ok', () => {
  it('passes a 200 event stream, fails another status or content type', () => {
    expect(responsesStreamStatusOk.run(inputOf(streamExchange(textEvents()))).status).toBe('pass');
    expect(responsesStreamStatusOk.run(inputOf(jsonExchange({ error: {} }, { status: 400 }))).status).toBe('fail');
    const json = { ...streamExchange(textEvents()), headers: { 'content-type': 'application/json' } };
    expect(responsesStreamStatusOk.run(inputOf(json))).toMatchObject({ status: 'fail', expected: 'content-type: text/event-stream' });
  });
});
