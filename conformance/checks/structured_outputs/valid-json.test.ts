import { describe, expect, it } from 'vitest';
import { completion } from '../chat/test-completion.ts';
import { inputOf, jsonExchange, sseExchange } from '../test-exchange.ts';
import { contentStream, streamedRequest, structuredRequest } from './test-request.ts';
import { structuredOutputsValidJson } from './valid-json.ts';
import { structuredOutputsSchemaValid } from './schema-valid.ts';
import { OPENAI_JSON_SCHEMA_TOOL_CALL, recordedInput } from '../real-traffic.fixtures.ts';

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
  it('skips a reply that is a tool call, which the request allowed (openai:pydantic-ai:test_openai_native_output#0)', () => {
    expect(structuredOutputsValidJson.run(recordedInput(OPENAI_JSON_SCHEMA_TOOL_CALL))).toMatchObject({ status: 'skip', message: expect.stringContaining('called a tool') });
    expect(structuredOutputsSchemaValid.run(recordedInput(OPENAI_JSON_SCHEMA_TOOL_CALL)).status).toBe('skip');
  });
  it('skips a documented refusal, streamed or not (message.refusal set, content null)', () => {
    const refusal = "I'm sorry, I can't help with that.";
    const body = completion({ choices: [{ index: 0, message: { role: 'assistant', content: null, refusal }, logprobs: null, finish_reason: 'stop' }] });
    expect(structuredOutputsValidJson.run(inputOf(jsonExchange(body), structuredRequest)).status).toBe('skip');
    const base = { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'm' };
    const stream = sseExchange([
      { ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '', refusal: null }, finish_reason: null }] },
      { ...base, choices: [{ index: 0, delta: { refusal }, finish_reason: null }] },
      { ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] },
      '[DONE]',
    ]);
    expect(structuredOutputsValidJson.run(inputOf(stream, streamedRequest))).toMatchObject({ status: 'skip', message: expect.stringContaining('refused') });
  });
  it('fails on a stream with no content at all', () => {
    const ex = sseExchange(contentStream([]).filter((_, i) => i !== 0));
    expect(structuredOutputsValidJson.run(inputOf(ex, streamedRequest)).status).toBe('fail');
  });
});
