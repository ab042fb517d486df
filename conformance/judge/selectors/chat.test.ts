import { describe, expect, it } from 'vitest';
import { chatResponseChecks } from '../../checks/chat/index.ts';
import { openAiTextStream, openAiToolStream, TOOLS_REQUEST, USAGE_REQUEST } from '../../checks/streaming/stream-fixtures.ts';
import { CHAT_REQUEST, COMPLETION, captured, capturedStream } from '../captured.fixtures.ts';
import type { CapturedExchange } from '../captured-exchange.ts';
import type { ExchangeView } from '../selector.ts';
import { NO_REQUEST } from '../selection-kit.ts';
import { requestJson, toExchange } from '../to-exchange.ts';
import { chatSelector } from './chat.ts';

function viewOf(c: CapturedExchange): ExchangeView {
  const exchange = toExchange(c);
  return { exchange, request: requestJson(c), requestKnown: c.requestKnown, stream: exchange.sse !== undefined, status: c.response!.status };
}

const ids = (c: CapturedExchange) => chatSelector.select(viewOf(c)).map((k) => k.id);
const TOOL_COMPLETION = {
  ...COMPLETION,
  choices: [{ index: 0, message: { role: 'assistant', content: null, refusal: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] }, logprobs: null, finish_reason: 'tool_calls' }],
};

describe('chat selector', () => {
  it('holds a plain completion to the response checks and nothing it did not ask for', () => {
    expect(ids(captured(CHAT_REQUEST, COMPLETION))).toEqual([...chatResponseChecks.map((c) => c.id), 'chat.usage']);
  });

  it('adds a behaviour check for each limit the request set', () => {
    const request = { ...CHAT_REQUEST, max_tokens: 5, max_completion_tokens: 5, stop: ['7'], n: 1, response_format: { type: 'json_object' } };
    expect(ids(captured(request, COMPLETION))).toEqual(expect.arrayContaining([
      'chat.max-tokens-honoured', 'chat.max-completion-tokens-honoured', 'chat.stop-honoured', 'chat.n-honoured', 'json_mode.valid-json',
    ]));
    const schema = { ...CHAT_REQUEST, response_format: { type: 'json_schema', json_schema: { name: 'x', schema: { type: 'object' } } } };
    expect(ids(captured(schema, COMPLETION))).toEqual(expect.arrayContaining(['structured_outputs.valid-json', 'structured_outputs.schema-valid']));
  });

  it('leaves out checks that do not fit the exchange: token limits with n > 1, argument JSON of a call cut by the limit', () => {
    const several = ids(captured({ ...CHAT_REQUEST, max_tokens: 8, n: 2 }, COMPLETION));
    expect(several).toContain('chat.n-honoured');
    expect(several).not.toContain('chat.max-tokens-honoured');
    const cut = { ...TOOL_COMPLETION, choices: [{ ...TOOL_COMPLETION.choices[0], finish_reason: 'length' }] };
    const judged = ids(captured({ ...CHAT_REQUEST, tools: TOOLS_REQUEST.tools, max_tokens: 5 }, cut));
    expect(judged).toEqual(expect.arrayContaining(['tools.call-schema', 'tools.finish-reason']));
    expect(judged).not.toContain('tools.arguments-json');
    expect(judged).not.toContain('tools.arguments-valid');
    const truncated = { ...COMPLETION, choices: [{ ...COMPLETION.choices[0], finish_reason: 'length' }] };
    const limited = ids(captured({ ...CHAT_REQUEST, max_tokens: 5, stop: ['7'], response_format: { type: 'json_object' } }, truncated));
    expect(limited).toContain('chat.max-tokens-honoured');
    expect(limited).not.toContain('chat.stop-honoured');
    expect(limited).not.toContain('json_mode.valid-json');
  });

  it('judges tools when they were offered, and tool_choice only when the server must enforce it', () => {
    const offered = ids(captured({ ...CHAT_REQUEST, tools: TOOLS_REQUEST.tools }, TOOL_COMPLETION));
    expect(offered).toEqual(expect.arrayContaining(['tools.call-schema', 'tools.arguments-json', 'tools.finish-reason', 'tools.arguments-valid']));
    expect(offered).not.toContain('tools.choice-honoured');
    expect(ids(captured({ ...CHAT_REQUEST, tools: TOOLS_REQUEST.tools, tool_choice: 'required' }, TOOL_COMPLETION))).toContain('tools.choice-honoured');
    expect(ids(captured({ ...CHAT_REQUEST, tools: TOOLS_REQUEST.tools, tool_choice: 'auto' }, TOOL_COMPLETION))).not.toContain('tools.choice-honoured');
  });

  it('holds a stream to the stream invariants, tool fragments included, and not to non-stream body checks', () => {
    const stream = ids(capturedStream({ ...TOOLS_REQUEST, max_tokens: 64, stop: 'x' }, openAiToolStream()));
    expect(stream).toEqual(expect.arrayContaining(['streaming.done-terminator', 'streaming.usage-unrequested', 'tools.stream-index', 'tools.stream-finish-reason', 'tools.choice-honoured']));
    expect(stream).not.toContain('streaming.usage-chunk');
    expect(ids(capturedStream(USAGE_REQUEST, openAiTextStream()))).toEqual(expect.arrayContaining(['streaming.usage-chunk', 'streaming.usage-null-elsewhere']));
    expect(ids(capturedStream(USAGE_REQUEST, openAiTextStream()))).not.toContain('streaming.usage-unrequested');
    expect(stream).not.toContain('chat.schema');
    expect(stream).not.toContain('chat.max-tokens-honoured');
    expect(stream).not.toContain('chat.stop-honoured');
  });

  it('withholds the checks that relate answer and request when only the answer was kept', () => {
    const checks = chatSelector.select(viewOf(capturedStream(undefined, openAiToolStream(), { method: 'POST', requestKnown: false })));
    const skipped = checks.filter((k) => k.run({ exchange: toExchange(capturedStream(undefined, [])), request: undefined, scenario: 's', model: 'm' }).message === NO_REQUEST);
    expect(skipped.map((k) => k.id).sort()).toEqual(['streaming.usage-chunk', 'streaming.usage-null-elsewhere', 'streaming.usage-unrequested', 'tools.stream-finish-reason']);
    expect(checks.map((k) => k.id)).toContain('tools.stream-id-once');
  });

  it('judges an error answer by its envelope, and stream_options on a non-stream request by its own check', () => {
    const error = { error: { message: 'bad', type: 'invalid_request_error', param: null, code: null } };
    expect(ids(captured(CHAT_REQUEST, error, { status: 400 }))).toEqual(['errors.envelope', 'errors.envelope-fields', 'errors.content-type', 'errors.type-known']);
    expect(ids(captured({ ...CHAT_REQUEST, stream_options: { include_usage: true } }, error, { status: 400 }))[0]).toBe('chat.stream-options-tolerated');
    expect(ids(capturedStream({ ...CHAT_REQUEST, stream: true, stream_options: { include_usage: true } }, openAiTextStream()))).not.toContain('chat.stream-options-tolerated');
  });
});
