// The wire schemas against the spec's own examples, OpenAI's observed stream (wire-facts §1.4)
// and mutations that real servers produce (wire-facts §6).
import { describe, expect, it } from 'vitest';
import { validate, type SchemaName } from './validate.ts';

const completion = {
  id: 'chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT',
  object: 'chat.completion',
  created: 1741569952,
  model: 'gpt-5.4',
  choices: [
    {
      index: 0,
      message: { role: 'assistant', content: 'Hello! How can I assist you today?', refusal: null, annotations: [] },
      logprobs: null,
      finish_reason: 'stop',
    },
  ],
  usage: {
    prompt_tokens: 19,
    completion_tokens: 10,
    total_tokens: 29,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  },
  service_tier: 'default',
};

const specToolCall = {
  id: 'call_abc123',
  type: 'function',
  function: { name: 'get_current_weather', arguments: '{\n"location": "Boston, MA"\n}' },
};

// The spec's tool-call response example (createChatCompletion "Functions") omits message.refusal.
const specToolCompletion = {
  id: 'chatcmpl-abc123',
  object: 'chat.completion',
  created: 1699896916,
  model: 'gpt-4o-mini',
  choices: [
    {
      index: 0,
      message: { role: 'assistant', content: null, tool_calls: [specToolCall] },
      logprobs: null,
      finish_reason: 'tool_calls',
    },
  ],
  usage: { prompt_tokens: 82, completion_tokens: 17, total_tokens: 99 },
};

const base = { id: 'chatcmpl-D8Z5', object: 'chat.completion.chunk', created: 1770933892, model: 'gpt-4.1-nano-2025-04-14' };
const extra = { service_tier: 'default', system_fingerprint: 'fp_de604bd877' };
const observedStream = [
  { ...base, ...extra, choices: [{ index: 0, delta: { role: 'assistant', content: '', refusal: null }, logprobs: null, finish_reason: null }], usage: null, obfuscation: 'Qup1BsQ3' },
  { ...base, ...extra, choices: [{ index: 0, delta: { content: '**' }, logprobs: null, finish_reason: null }], usage: null, obfuscation: 'yhjoJbEF' },
  { ...base, ...extra, choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }], usage: null, obfuscation: 'zap0' },
  {
    ...base,
    ...extra,
    choices: [],
    usage: {
      prompt_tokens: 16,
      completion_tokens: 300,
      total_tokens: 316,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
    },
    obfuscation: 'h9RiQLL',
  },
];

const toolChunk = {
  ...base,
  choices: [
    {
      index: 0,
      delta: { tool_calls: [{ index: 1, id: 'call_2', type: 'function', function: { name: 'get_time', arguments: '' } }] },
      finish_reason: null,
    },
  ],
};

const errorBody = {
  error: {
    message: "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
    type: 'invalid_request_error',
    param: 'max_tokens',
    code: 'unsupported_parameter',
  },
};

const modelList = {
  object: 'list',
  data: [{ id: 'VAR_chat_model_id', object: 'model', created: 1686935002, owned_by: 'openai', shutdown_date: '2026-10-23' }],
};

const request = {
  model: 'VAR_chat_model_id',
  messages: [
    { role: 'developer', content: 'You are a helpful assistant.' },
    { role: 'user', content: [{ type: 'text', text: 'Hello!' }] },
    { role: 'assistant', content: null, tool_calls: [specToolCall] },
    { role: 'tool', tool_call_id: 'call_abc123', content: '{"temp":12}' },
  ],
  max_completion_tokens: 16,
  stop: ['7'],
  stream: true,
  stream_options: { include_usage: true },
  tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: {} } } }],
  tool_choice: { type: 'function', function: { name: 'get_weather' } },
  response_format: { type: 'json_schema', json_schema: { name: 'answer', strict: true, schema: { type: 'object' } } },
};

/** Deep copy with one change applied, so every mutation starts from a valid value. */
function mutate<T>(value: T, change: (copy: any) => void): T {
  const copy = structuredClone(value);
  change(copy);
  return copy;
}

function pointersOf(name: SchemaName, value: unknown): string[] {
  const result = validate(name, value);
  return result.ok ? [] : result.errors.map((e) => e.pointer);
}

describe('valid examples', () => {
  it.each<[string, SchemaName, unknown]>([
    ['spec completion example', 'chat-completion', completion],
    ['spec tool call', 'tool-call', specToolCall],
    ['tool-call completion with refusal added', 'chat-completion', mutate(specToolCompletion, (c) => (c.choices[0].message.refusal = null))],
    ['observed chunk 1', 'chat-completion-chunk', observedStream[0]],
    ['observed chunk 2', 'chat-completion-chunk', observedStream[1]],
    ['observed finish chunk', 'chat-completion-chunk', observedStream[2]],
    ['observed usage chunk', 'chat-completion-chunk', observedStream[3]],
    ['tool-call chunk', 'chat-completion-chunk', toolChunk],
    ['index-only tool-call fragment', 'tool-call-delta', { index: 0, function: { arguments: '{"ci' } }],
    ['observed OpenAI error', 'error', errorBody],
    ['error without param, as Groq sends it (clients read it as null)', 'error', mutate(errorBody, (c) => delete c.error.param)],
    ['error with null param and code', 'error', { error: { message: 'x', type: 'server_error', param: null, code: null } }],
    ['spec model list', 'model-list', modelList],
    ['empty model list', 'model-list', { object: 'list', data: [] }],
    ['full request', 'chat-completion-request', request],
    ['extra fields everywhere', 'chat-completion', mutate(completion, (c) => {
      c.timings = { predicted_ms: 1 };
      c.choices[0].message.reasoning_content = 'hmm';
    })],
  ])('%s', (_label, name, value) => {
    expect(validate(name, value)).toEqual({ ok: true });
  });
});

describe('the spec example without message.refusal', () => {
  it('is what clients parse, and fails only the strict schema on the missing refusal key (F33)', () => {
    expect(validate('chat-completion', specToolCompletion)).toEqual({ ok: true });
    expect(validate('chat-completion-strict', specToolCompletion)).toEqual({
      ok: false,
      errors: [{ pointer: '/choices/0/message', message: 'missing required property "refusal"' }],
    });
  });
});

describe("OpenAI's own traffic departs from the spec letter, and both schemas follow it", () => {
  it.each<SchemaName>(['chat-completion', 'chat-completion-strict'])('%s accepts system_fingerprint null and no logprobs key (gpt-5)', (name) => {
    const gpt5 = mutate(completion, (c) => {
      c.system_fingerprint = null;
      delete c.choices[0].logprobs;
    });
    expect(validate(name, gpt5)).toEqual({ ok: true });
  });
  it.each<SchemaName>(['chat-completion-chunk', 'chat-completion-chunk-strict'])('%s accepts system_fingerprint null on chunks', (name) => {
    expect(validate(name, { ...observedStream[1], system_fingerprint: null })).toEqual({ ok: true });
  });
});

describe('what no client suffers from fails only the strict schemas', () => {
  it.each<[string, SchemaName, unknown, string]>([
    ['missing message.content', 'chat-completion', mutate(completion, (c) => delete c.choices[0].message.content), '/choices/0/message'],
    ['annotations: null', 'chat-completion', mutate(completion, (c) => (c.choices[0].message.annotations = null)), '/choices/0/message/annotations'],
    ['service_tier outside the enum (Groq "on_demand")', 'chat-completion', mutate(completion, (c) => (c.service_tier = 'on_demand')), '/service_tier'],
    ['usage details null', 'chat-completion', mutate(completion, (c) => (c.usage.prompt_tokens_details = null)), '/usage/prompt_tokens_details'],
    ['fragment type null (F32)', 'chat-completion-chunk', mutate(toolChunk, (c) => (c.choices[0].delta.tool_calls[0].type = null)), '/choices/0/delta/tool_calls/0/type'],
  ])('%s', (_label, name, value, pointer) => {
    expect(validate(name, value)).toEqual({ ok: true });
    expect(pointersOf(`${name}-strict` as SchemaName, value)).toContain(pointer);
  });
});

describe('mutations are rejected', () => {
  it.each<[string, SchemaName, unknown, string]>([
    ['wrong object', 'chat-completion', mutate(completion, (c) => (c.object = 'chat.completion.chunk')), '/object'],
    ['arguments as object (F28)', 'tool-call', mutate(specToolCall, (c) => (c.function.arguments = { location: 'Boston' })), '/function/arguments'],
    ['arguments as object inside a completion', 'chat-completion', mutate(specToolCompletion, (c) => {
      c.choices[0].message.refusal = null;
      c.choices[0].message.tool_calls[0].function.arguments = {};
    }), '/choices/0/message/tool_calls/0/function/arguments'],
    ['chunk without choices (F10)', 'chat-completion-chunk', mutate(observedStream[3], (c) => delete c.choices), ''],
    ['fragment without index (F02)', 'chat-completion-chunk', mutate(toolChunk, (c) => delete c.choices[0].delta.tool_calls[0].index), '/choices/0/delta/tool_calls/0'],
    ['fragment without its function object (the AI SDK rejects it)', 'tool-call-delta', { index: 0, id: 'call_1', type: 'function' }, ''],
    ['function: null (F32)', 'tool-call-delta', { index: 0, function: null }, '/function'],
    ['chunk without object (openai-python drops it)', 'chat-completion-chunk', mutate(observedStream[1], (c) => delete c.object), ''],
    ['content as an array of parts (Mistral)', 'chat-completion', mutate(completion, (c) => (c.choices[0].message.content = [{ type: 'text', text: 'hi' }])), '/choices/0/message/content'],
    ['annotation that is not a url_citation (the AI SDK rejects it)', 'chat-completion', mutate(completion, (c) => (c.choices[0].message.annotations = [{ type: 'file', file: {} }])), '/choices/0/message/annotations/0/type'],
    ['tool call without type (openai-node runTools skips it)', 'chat-completion', mutate(specToolCompletion, (c) => delete c.choices[0].message.tool_calls[0].type), '/choices/0/message/tool_calls/0'],
    ['code as integer (F18)', 'error', mutate(errorBody, (c) => (c.error.code = 400)), '/error/code'],
    ['type missing', 'error', mutate(errorBody, (c) => delete c.error.type), '/error'],
    ['flat error (F16)', 'error', { object: 'error', message: 'bad', type: 'BadRequestError', param: null, code: 400 }, ''],
    ['string error (F17)', 'error', { error: 'bad request' }, '/error'],
    ['data: null (F27)', 'model-list', { object: 'list', data: null }, '/data'],
    ['empty messages', 'chat-completion-request', mutate(request, (c) => (c.messages = [])), '/messages'],
    ['bad response_format type', 'chat-completion-request', mutate(request, (c) => (c.response_format = { type: 'object' })), '/response_format/type'],
  ])('%s', (_label, name, value, pointer) => {
    expect(pointersOf(name, value)).toContain(pointer || '/');
  });
});
