// The request translation: every supported form, every refusal with the parameter it names, and every recorded client request.
import { describe, expect, it } from 'vitest';
import { ProxyError } from '../errors.ts';
import { RECORDED } from './recorded.fixtures.ts';
import { toChatRequest } from './to-chat-request.ts';

const WEATHER = { type: 'function', name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } } }, strict: true };

function refusal(body: unknown): { param: string | null; code: string | null; message: string } {
  try {
    toChatRequest(body);
  } catch (e) {
    expect(e).toBeInstanceOf(ProxyError);
    const { param, code, message, status } = e as ProxyError;
    expect(status).toBe(400);
    return { param, code, message };
  }
  throw new Error('expected a refusal');
}

describe('toChatRequest', () => {
  it('string input becomes one user message; instructions lead as the system message', () => {
    expect(toChatRequest({ model: 'm', input: 'Hi', instructions: 'Be brief.' })).toEqual({
      model: 'm',
      messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }],
    });
  });

  it('items: parts, replayed output, function calls merged into the assistant turn, tool outputs, developer as system', () => {
    const chat = toChatRequest({
      model: 'm',
      input: [
        { role: 'developer', content: 'Use tools.' },
        { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Weather?' }, { type: 'input_image', image_url: 'data:image/png;base64,AA', detail: 'low' }] },
        { type: 'message', role: 'assistant', id: 'msg_1', status: 'completed', content: [{ type: 'output_text', text: 'Checking.', annotations: [] }] },
        { type: 'function_call', call_id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' },
        { type: 'function_call', call_id: 'call_2', name: 'get_weather', arguments: '{"city":"Rome"}' },
        { type: 'function_call_output', call_id: 'call_1', output: '17' },
        { type: 'function_call_output', call_id: 'call_2', output: [{ type: 'input_text', text: '21' }] },
      ],
      tools: [WEATHER],
    });
    expect(chat.messages).toEqual([
      { role: 'system', content: 'Use tools.' },
      { role: 'user', content: [{ type: 'text', text: 'Weather?' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,AA', detail: 'low' } }] },
      {
        role: 'assistant',
        content: 'Checking.',
        tool_calls: [
          { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
          { id: 'call_2', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Rome"}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1', content: '17' },
      { role: 'tool', tool_call_id: 'call_2', content: '21' },
    ]);
    expect(chat.tools).toEqual([{ type: 'function', function: { name: 'get_weather', description: 'Weather', parameters: WEATHER.parameters, strict: true } }]);
  });

  it('reasoning items ride on the next assistant message, under the field the backend reads', () => {
    const input = [
      { role: 'user', content: 'Q' },
      { type: 'reasoning', id: 'rs_1', summary: [{ type: 'summary_text', text: 'thought' }] },
      { type: 'function_call', call_id: 'c', name: 'f', arguments: '{}' },
      { type: 'function_call_output', call_id: 'c', output: 'r' },
      { type: 'reasoning', id: 'rs_2', summary: [], content: [{ type: 'reasoning_text', text: 'raw' }] },
      { role: 'assistant', content: 'A' },
    ];
    const tools = [{ type: 'function', name: 'f' }];
    const chat = toChatRequest({ model: 'm', input, tools });
    expect(chat.messages[1]).toMatchObject({ role: 'assistant', reasoning_content: 'thought' });
    expect(chat.messages[3]).toEqual({ role: 'assistant', content: 'A', reasoning_content: 'raw' });
    expect(toChatRequest({ model: 'm', input, tools }, { options: { reasoningField: 'reasoning' } }).messages[3]).toEqual({ role: 'assistant', content: 'A', reasoning: 'raw' });
    expect(toChatRequest({ model: 'm', input, tools }, { options: { reasoningField: 'none' } }).messages[3]).toEqual({ role: 'assistant', content: 'A' });
  });

  it('previous_response_id history and item references are read from what the store gave', () => {
    const stored = { type: 'message', id: 'msg_9', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'lantern', annotations: [] }] };
    const chat = toChatRequest(
      { model: 'm', instructions: 'Now', input: [{ type: 'item_reference', id: 'msg_9' }, { role: 'user', content: 'again' }] },
      { history: [{ role: 'user', content: 'pick' }], references: new Map([['msg_9', stored]]) },
    );
    expect(chat.messages).toEqual([
      { role: 'system', content: 'Now' },
      { role: 'user', content: 'pick' },
      { role: 'assistant', content: 'lantern' },
      { role: 'user', content: 'again' },
    ]);
  });

  it('an unknown item reference is a 400 naming input, as OpenAI answers it', () => {
    expect(refusal({ model: 'm', input: [{ type: 'item_reference', id: 'msg_x' }] })).toEqual({ param: 'input', code: null, message: "Item with id 'msg_x' not found." });
    expect(refusal({ model: 'm', store: false, input: [{ type: 'item_reference', id: 'msg_x' }] }).message).toContain('not persisted when `store` is set to false');
  });

  it('options: tool_choice forms, text.format, max_output_tokens, sampling, reasoning effort, logprobs, stream with usage', () => {
    const tools = [WEATHER, { type: 'function', name: 'get_time' }];
    const base = { model: 'm', input: 'x', tools };
    expect(toChatRequest({ ...base, tool_choice: { type: 'function', name: 'get_time' } }).tool_choice).toEqual({ type: 'function', function: { name: 'get_time' } });
    expect(toChatRequest({ ...base, tool_choice: 'required', parallel_tool_calls: false })).toMatchObject({ tool_choice: 'required', parallel_tool_calls: false });
    expect(toChatRequest({ ...base, tool_choice: { type: 'allowed_tools', mode: 'required', tools: [{ type: 'function', name: 'get_time' }] } }).tool_choice).toEqual({
      type: 'allowed_tools',
      allowed_tools: { mode: 'required', tools: [{ type: 'function', function: { name: 'get_time' } }] },
    });
    const schema = { type: 'object', properties: { a: { type: 'string' } } };
    const chat = toChatRequest({
      model: 'm', input: 'x', text: { format: { type: 'json_schema', name: 's', schema, strict: true }, verbosity: 'low' }, max_output_tokens: 64,
      temperature: 0.2, top_p: 0.9, reasoning: { effort: 'low', summary: 'auto' }, include: ['message.output_text.logprobs'], top_logprobs: 2, stream: true,
    });
    expect(chat).toEqual({
      model: 'm', messages: [{ role: 'user', content: 'x' }], response_format: { type: 'json_schema', json_schema: { name: 's', schema, strict: true } },
      max_tokens: 64, temperature: 0.2, top_p: 0.9, reasoning_effort: 'low', logprobs: true, top_logprobs: 2, stream: true, stream_options: { include_usage: true },
    });
    expect(toChatRequest({ model: 'm', input: 'x', text: { format: { type: 'json_object' } } }).response_format).toEqual({ type: 'json_object' });
    expect(toChatRequest({ model: 'm', input: 'x', max_output_tokens: 20 }, { options: { maxTokensField: 'max_completion_tokens' } })).toMatchObject({ max_completion_tokens: 20 });
  });

  it('refuses, naming the parameter, what OpenAI refuses and what a chat backend cannot do', () => {
    const cases: Array<[unknown, string, string]> = [
      [{ input: 'x' }, 'model', 'missing_required_parameter'],
      [{ model: 'm' }, 'input', 'missing_required_parameter'],
      [{ model: 'm', input: 'x', max_output_tokens: 5 }, 'max_output_tokens', 'integer_below_min_value'],
      [{ model: 'm', input: 'x', temperature: 3 }, 'temperature', 'invalid_value'],
      [{ model: 'm', input: 'x', frobnicate: 1 }, 'frobnicate', 'unknown_parameter'],
      [{ model: 'm', input: 'x', tools: [{ type: 'web_search' }] }, 'tools[0].type', 'unsupported_value'],
      [{ model: 'm', input: 'x', tools: [{ type: 'function', function: { name: 'f' } }] }, 'tools[0].name', 'missing_required_parameter'],
      [{ model: 'm', input: 'x', tools: [WEATHER], tool_choice: { type: 'function', name: 'nope' } }, 'tool_choice.name', 'invalid_value'],
      [{ model: 'm', input: 'x', tools: [WEATHER], tool_choice: { type: 'web_search_preview' } }, 'tool_choice.type', 'unsupported_value'],
      [{ model: 'm', input: 'x', tool_choice: 'required' }, 'tool_choice', 'invalid_value'],
      [{ model: 'm', input: 'x', background: true }, 'background', 'unsupported_parameter'],
      [{ model: 'm', input: 'x', conversation: 'conv_1' }, 'conversation', 'unsupported_parameter'],
      [{ model: 'm', input: 'x', prompt: { id: 'pmpt_1' } }, 'prompt', 'unsupported_parameter'],
      [{ model: 'm', input: 'x', text: { format: { type: 'json_schema', name: 's' } } }, 'text.format.schema', 'missing_required_parameter'],
      [{ model: 'm', input: [{ type: 'web_search_call', id: 'ws_1' }] }, 'input[0].type', 'unsupported_value'],
      [{ model: 'm', input: [{ type: 'bogus' }] }, 'input[0].type', 'invalid_value'],
      [{ model: 'm', input: [{ role: 'user', content: [{ type: 'input_file', file_id: 'file_1' }] }] }, 'input[0].content[0].type', 'unsupported_value'],
      [{ model: 'm', input: [{ role: 'user', content: [{ type: 'input_image', file_id: 'file_1' }] }] }, 'input[0].content[0].file_id', 'unsupported_parameter'],
      [{ model: 'm', input: [{ role: 'robot', content: 'x' }] }, 'input[0].role', 'invalid_value'],
      [{ model: 'm', input: [{ type: 'function_call_output', output: 'x' }] }, 'input[0].call_id', 'missing_required_parameter'],
      [{ model: 'm', input: [] }, 'input', 'invalid_value'],
    ];
    for (const [body, param, code] of cases) expect(refusal(body), JSON.stringify(body)).toMatchObject({ param, code });
  });

  it('every recorded client request either translates or is refused with a 400 naming a parameter', () => {
    const outcomes = { translated: 0, refused: new Set<string>() };
    for (const { id, request } of RECORDED.requests) {
      try {
        const chat = toChatRequest(request);
        outcomes.translated++;
        expect(chat.messages.length, id).toBeGreaterThan(0);
        expect(JSON.stringify(chat), id).not.toMatch(/"type":"(input_text|output_text|function_call|item_reference)"/);
      } catch (e) {
        expect(e, id).toBeInstanceOf(ProxyError);
        expect((e as ProxyError).status, id).toBe(400);
        expect((e as ProxyError).param, id).toBeTruthy();
        outcomes.refused.add(String((e as ProxyError).param).replace(/\[\d+\]/g, '[]'));
      }
    }
    // the picked requests cover every feature real clients sent, so many use built-in tools
    expect(outcomes.translated).toBeGreaterThanOrEqual(30);
    // built-in tools and their items, background runs, conversations, moderation; OpenRouter's own
    // `provider` (unknown to OpenAI too) and a deliberate temperature of -1
    expect([...outcomes.refused].sort()).toEqual(['background', 'conversation', 'input[].type', 'moderation', 'provider', 'temperature', 'tools[].type']);
  });
});
