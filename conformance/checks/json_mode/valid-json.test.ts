import { describe, expect, it } from 'vitest';
import { completion } from '../chat/test-completion.ts';
import { inputOf, jsonExchange } from '../test-exchange.ts';
import { jsonModeValidJson } from './valid-json.ts';
import { OPENAI_JSON_OBJECT_TOOL_CALL, recordedInput } from '../real-traffic.fixtures.ts';

const run = (content: string | null, status = 200) => jsonModeValidJson.run(inputOf(jsonExchange(completion({ content }), { status })));

describe('json_mode.valid-json', () => {
  it('passes on a JSON object', () => {
    expect(run('{"answer": 4}').status).toBe('pass');
  });
  it('fails on a fenced reply', () => {
    const v = run('```json\n{"answer": 4}\n```');
    expect(v).toMatchObject({ status: 'fail', pointer: '/choices/0/message/content' });
    expect(v.message).toContain('not JSON');
  });
  it('fails on JSON that is not an object', () => {
    expect(run('[1, 2]')).toMatchObject({ status: 'fail', received: '[1,2]' });
  });
  it('fails on null content', () => {
    expect(run(null).status).toBe('fail');
  });
  it('skips a reply that is a tool call, which the request allowed (openai:pydantic-ai:test_openai_prompted_output#0)', () => {
    const v = jsonModeValidJson.run(recordedInput(OPENAI_JSON_OBJECT_TOOL_CALL));
    expect(v).toMatchObject({ status: 'skip', message: expect.stringContaining('called a tool') });
  });
  it('skips a documented refusal: message.refusal set, content null (OpenAPI ChatCompletionResponseMessage)', () => {
    const body = completion({ choices: [{ index: 0, message: { role: 'assistant', content: null, refusal: "I'm sorry, I can't help with that." }, logprobs: null, finish_reason: 'stop' }] });
    expect(jsonModeValidJson.run(inputOf(jsonExchange(body)))).toMatchObject({ status: 'skip', message: expect.stringContaining('refused') });
  });
  it('skips an error answer (the runner decides whether it is "unsupported")', () => {
    expect(run('{}', 400).status).toBe('skip');
  });
});
