import { describe, expect, it } from 'vitest';
import { completion } from '../chat/test-completion.ts';
import { inputOf, jsonExchange, sseExchange } from '../test-exchange.ts';
import { contentStream, streamedRequest, structuredRequest } from './test-request.ts';
import { structuredOutputsValidJson } from './valid-json.ts';

describe('structured_outputs.valid-json', () => {
  it('passes on JSON content', () => {
    const ex = jsonExchange(completion({ content: '{"name":"Ann","age":3,"mood":"happy"}' }));
    expect(structuredOutputsValidJson.run(inputOf(ex, structuredRequest)).status).toBe('pass');
  });
  it('fails on free text', () => {
    const ex = jsonExchange(completion({ content: 'Ann is three and happy.' }));
    expect(structuredOutputsValidJson.run(inputOf(ex, structuredRequest))).toMatchObject({ status: 'fail', pointer: '/choices/0/message/content' });
  });
  it('concatenates streamed deltas before parsing', () => {
    const ex = sseExchange(contentStream(['{"name":', '"Ann","age"', ':3,"mood":"sad"}']));
    expect(structuredOutputsValidJson.run(inputOf(ex, streamedRequest)).status).toBe('pass');
  });
  it('fails on a stream whose deltas do not join into JSON, pointing at the first content event', () => {
    const ex = sseExchange(contentStream(['{"name":', '"Ann"']));
    expect(structuredOutputsValidJson.run(inputOf(ex, streamedRequest))).toMatchObject({ status: 'fail', pointer: '/events/0/choices/0/delta/content' });
  });
  it('fails on a stream with no content at all', () => {
    const ex = sseExchange(contentStream([]).filter((_, i) => i !== 0));
    expect(structuredOutputsValidJson.run(inputOf(ex, streamedRequest)).status).toBe('fail');
  });
});
