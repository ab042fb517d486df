import { describe, expect, it } from 'vitest';
import { inputOf, jsonExchange } from '../test-exchange.ts';
import { chatStreamOptionsTolerated } from './stream-options-tolerated.ts';
import { completion } from './test-completion.ts';

const judge = (body: unknown, status: number) => chatStreamOptionsTolerated.run(inputOf(jsonExchange(body, { status })));

describe('chat.stream-options-tolerated', () => {
  it('passes when the completion is served (stream_options ignored)', () => {
    expect(judge(completion(), 200).status).toBe('pass');
  });
  it("passes OpenAI's own 400 naming the parameter (quoted in issue #9; no corpus recording sends stream_options without stream)", () => {
    const body = {
      error: {
        message: "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
        type: 'invalid_request_error',
        param: 'stream_options',
        code: null,
      },
    };
    expect(judge(body, 400)).toMatchObject({ status: 'pass', message: expect.stringContaining('as OpenAI does') });
  });
  it('passes the vLLM rejection (F40), whose message names "Stream options"', () => {
    const body = { error: { message: 'Stream options can only be defined when `stream=True`.', type: 'BadRequestError', param: null, code: 400 } };
    expect(judge(body, 400).status).toBe('pass');
  });
  it('fails a 4xx that does not say which parameter is at fault', () => {
    const v = judge({ error: { message: 'Bad request', type: 'invalid_request_error', param: null, code: null } }, 400);
    expect(v.status).toBe('fail');
    expect(v.message).toContain('without naming the parameter');
  });
  it('fails a 5xx, which clients retry in vain', () => {
    const v = judge({ error: { message: 'stream_options not supported', type: 'server_error', param: null, code: null } }, 500);
    expect(v.status).toBe('fail');
    expect(v.received).toContain('HTTP 500');
  });
});
