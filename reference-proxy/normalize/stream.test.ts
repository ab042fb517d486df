import { describe, expect, it } from 'vitest';
import { frame, SseSplitter } from './sse.ts';
import {
  assembleToolCalls,
  expectConformant,
  normalizeAll,
  OLLAMA_LEGACY_TEXT,
  OLLAMA_LEGACY_TOOL,
  OLLAMA_TEXT,
  OLLAMA_TOOLS_F03,
  OPENAI_TEXT,
  OPENAI_TOOLS,
} from './stream-test-kit.ts';

const withUsage = { stream: true, stream_options: { include_usage: true } };
const base = { id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'm' };
const chunk = (choices: unknown[], extra: object = {}) => JSON.stringify({ ...base, choices, ...extra });
const delta = (d: unknown, finish: string | null = null, extra: object = {}) => chunk([{ index: 0, delta: d, finish_reason: finish, ...extra }]);

describe('a conformant OpenAI stream', () => {
  it.each([
    ['text', OPENAI_TEXT],
    ['parallel tool calls', OPENAI_TOOLS],
  ])('passes through byte for byte (%s)', (_name, payloads) => {
    expect(normalizeAll(payloads, withUsage, 'openai')).toEqual(payloads);
  });

  it('survives de-framing and re-framing unchanged', () => {
    const wire = OPENAI_TOOLS.map(frame).join('');
    const splitter = new SseSplitter();
    const bytes = Buffer.from(wire);
    const payloads = [0, 7, 100, 333, bytes.length].flatMap((end, i, ends) => splitter.push(bytes.subarray(i === 0 ? 0 : ends[i - 1], end)));
    expect(normalizeAll(payloads, withUsage, 'openai').map(frame).join('')).toBe(wire);
  });
});

describe('Ollama streams come out conformant', () => {
  it('current text stream (§2.4) is already conformant and unchanged', () => {
    expect(normalizeAll(OLLAMA_TEXT, withUsage)).toEqual(OLLAMA_TEXT);
    expectConformant(normalizeAll(OLLAMA_TEXT, withUsage), { usage: true });
  });

  it('current tool stream with all-zero indices (F03) gets one index per call', () => {
    const out = normalizeAll(OLLAMA_TOOLS_F03, { tools: [{}] });
    expectConformant(out, { usage: false });
    expect(assembleToolCalls(out)).toEqual([
      { id: 'call_ab12cd34', name: 'get_weather', arguments: '{"city":"Paris"}' },
      { id: 'call_ef56gh78', name: 'get_time', arguments: '{"tz":"CET"}' },
    ]);
  });

  it('legacy text stream (§2.5): role once, created pinned, usage as its own chunk', () => {
    const out = normalizeAll(OLLAMA_LEGACY_TEXT, withUsage, 'ollama-legacy');
    expectConformant(out, { usage: true });
    expect(JSON.parse(out[3]).created).toBe(1755000000);
  });

  it('legacy tool stream: finish_reason stop becomes tool_calls (F05), [DONE] appended at EOF (F31)', () => {
    const out = normalizeAll(OLLAMA_LEGACY_TOOL, { tools: [{}] }, 'ollama-legacy');
    expectConformant(out, { usage: false });
    expect(JSON.parse(out[1]).choices[0].finish_reason).toBe('tool_calls');
  });

  it('an unrequested usage chunk is dropped (F09)', () => {
    const out = normalizeAll(OLLAMA_LEGACY_TEXT, { stream: true }, 'ollama-legacy');
    expectConformant(out, { usage: false });
    expect(out).toHaveLength(4);
  });
});

describe('stream fixes, one deviation at a time', () => {
  it('strips a repeated role (F01) and adds a missing first role', () => {
    const out = normalizeAll([delta({ content: 'a' }), delta({ role: 'assistant', content: 'b' }), delta({}, 'stop'), '[DONE]']);
    expect(out.slice(0, 2).map((p) => JSON.parse(p).choices[0].delta)).toEqual([{ content: 'a', role: 'assistant' }, { content: 'b' }]);
  });

  it('assigns indices to fragments without one (F02)', () => {
    const out = normalizeAll([
      delta({ role: 'assistant', tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '' } }] }),
      delta({ tool_calls: [{ function: { arguments: '{"a":1}' } }] }),
      delta({ tool_calls: [{ id: 'call_2', type: 'function', function: { name: 'g', arguments: '{}' } }] }),
      delta({}, 'tool_calls'),
      '[DONE]',
    ]);
    expect(assembleToolCalls(out)).toEqual([
      { id: 'call_1', name: 'f', arguments: '{"a":1}' },
      { id: 'call_2', name: 'g', arguments: '{}' },
    ]);
  });

  it('splits parallel calls sent as index 0 without ids by their names (F03)', () => {
    const out = normalizeAll([
      delta({ role: 'assistant', tool_calls: [{ index: 0, function: { name: 'f', arguments: '{}' } }, { index: 0, function: { name: 'g', arguments: '{}' } }] }),
      delta({}, 'tool_calls'),
      '[DONE]',
    ]);
    expect(assembleToolCalls(out).map((c) => c.name)).toEqual(['f', 'g']);
  });

  it('sends id, type and name once per call (F04)', () => {
    const frag = (args: string) => ({ index: 0, id: 'chatcmpl-tool-aa62', type: 'function', function: { name: 'add', arguments: args } });
    const out = normalizeAll([delta({ role: 'assistant', tool_calls: [frag('{"a"')] }), delta({ tool_calls: [frag(':1}')] }), delta({}, 'tool_calls'), '[DONE]']);
    expect(JSON.parse(out[1]).choices[0].delta.tool_calls).toEqual([{ index: 0, function: { arguments: ':1}' } }]);
    expect(assembleToolCalls(out)).toEqual([{ id: 'chatcmpl-tool-aa62', name: 'add', arguments: '{"a":1}' }]);
  });

  it('stringifies object arguments (F28) and drops null keys (F32)', () => {
    const out = normalizeAll([
      delta({ role: 'assistant', tool_calls: null }),
      delta({ tool_calls: [{ index: 0, id: 'c', type: null, function: { name: 'f', arguments: { a: 1 } } }] }),
      delta({}, 'tool_calls'),
      '[DONE]',
    ]);
    expect(JSON.parse(out[0]).choices[0].delta).toEqual({ role: 'assistant' });
    expect(JSON.parse(out[1]).choices[0].delta.tool_calls).toEqual([{ index: 0, id: 'c', type: 'function', function: { name: 'f', arguments: '{"a":1}' } }]);
  });

  it('keeps length on a truncated tool call (F06) and reports named tool_choice as stop (F07)', () => {
    const call = (args: string) => delta({ role: 'assistant', tool_calls: [{ index: 0, id: 'c', type: 'function', function: { name: 'f', arguments: args } }] });
    const finish = (args: string, reason: string, request: object) =>
      JSON.parse(normalizeAll([call(args), delta({}, reason), '[DONE]'], request)[1]).choices[0].finish_reason;
    expect(finish('{"a', 'length', {})).toBe('length');
    expect(finish('{"a":1}', 'tool_calls', { tool_choice: { type: 'function', function: { name: 'f' } } })).toBe('stop');
    expect(finish('{"a":1}', 'stop', { tool_choice: 'required' })).toBe('tool_calls');
  });

  it('reports a call cut short as length even when the backend says tool_calls (F06, legacy Ollama)', () => {
    const cut = delta({ role: 'assistant', tool_calls: [{ index: 0, id: 'c', type: 'function', function: { name: 'f', arguments: '{"city":"Pa' } }] }, 'tool_calls');
    expect(JSON.parse(normalizeAll([cut, '[DONE]'], { tool_choice: 'required' })[0]).choices[0].finish_reason).toBe('length');
  });

  it.each([
    ['eos', 'stop'],
    ['eos_token', 'stop'],
    ['end_turn', 'stop'],
    ['', 'stop'],
    ['sensitive', 'content_filter'],
  ])('maps finish_reason %j to %j (F08)', (raw, mapped) => {
    const out = normalizeAll([delta({ role: 'assistant', content: 'x' }), delta({}, raw), '[DONE]']);
    expect(JSON.parse(out[1]).choices[0].finish_reason).toBe(mapped);
  });

  it('turns finish_reason abort into an error event and never sends [DONE] (F08)', () => {
    const out = normalizeAll([delta({ role: 'assistant', content: 'x' }), delta({}, 'abort'), '[DONE]']);
    expect(out).toHaveLength(2);
    expect(JSON.parse(out[1]).error).toMatchObject({ type: 'server_error', code: 'upstream_aborted', param: null });
  });

  it('adds a missing finish_reason key on intermediate chunks', () => {
    const out = normalizeAll([chunk([{ index: 0, delta: { role: 'assistant', content: 'x' } }]), delta({}, 'stop'), '[DONE]']);
    expect(JSON.parse(out[0]).choices[0].finish_reason).toBeNull();
  });

  it('gives a usage chunk without choices an empty array (F10) and moves usage off normal chunks', () => {
    const usage = { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 };
    const out = normalizeAll([delta({ role: 'assistant', content: 'x' }, null, {}), delta({}, 'stop'), JSON.stringify({ ...base, usage }), '[DONE]'], withUsage);
    expect(JSON.parse(out[2])).toMatchObject({ choices: [], usage, object: 'chat.completion.chunk' });
    const onFinish = normalizeAll([delta({ role: 'assistant', content: 'x' }), chunk([{ index: 0, delta: {}, finish_reason: 'stop' }], { usage }), '[DONE]'], withUsage);
    expectConformant(onFinish, { usage: true });
    expect(JSON.parse(onFinish[2]).usage).toEqual(usage);
  });

  it('strips usage from normal chunks when it was not requested (F09)', () => {
    const usage = { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 };
    const out = normalizeAll([chunk([{ index: 0, delta: { role: 'assistant', content: 'x' }, finish_reason: 'stop' }], { usage }), '[DONE]']);
    expect(JSON.parse(out[0])).not.toHaveProperty('usage');
  });

  it('drops empty-choices chunks that carry no usage (F12) and empty events (F30)', () => {
    const out = normalizeAll([JSON.stringify({ id: '', object: '', created: 0, model: '', choices: [] }), '', delta({ role: 'assistant', content: 'x' }), delta({}, 'stop'), '[DONE]']);
    expectConformant(out, { usage: false });
    expect(JSON.parse(out[0]).id).toBe('c1');
  });

  it('pins id and created to the first chunk (F35)', () => {
    const later = JSON.stringify({ ...base, id: 'c2', created: 9, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] });
    const out = normalizeAll([delta({ role: 'assistant', content: 'x' }), later, '[DONE]']);
    expect(JSON.parse(out[1])).toMatchObject({ id: 'c1', created: 1 });
  });

  it('leaves reasoning and reasoning_content as they are (F39)', () => {
    const payloads = [delta({ role: 'assistant', reasoning: 'hmm' }), delta({ reasoning_content: 'so' }), delta({ content: 'ok' }), delta({}, 'stop'), '[DONE]'];
    expect(normalizeAll(payloads)).toEqual(payloads);
  });
});

describe('how a stream ends', () => {
  it('appends [DONE] at EOF only after a finish_reason (F31)', () => {
    expect(normalizeAll([delta({ role: 'assistant', content: 'x' }), delta({}, 'stop')]).at(-1)).toBe('[DONE]');
  });

  it('ends a stream that died mid-answer with an error event, not [DONE] (F13, F31)', () => {
    const out = normalizeAll([delta({ role: 'assistant', content: 'Hel' }), delta({ content: '' })]);
    expect(out.at(-1)).not.toBe('[DONE]');
    expect(JSON.parse(out.at(-1)!).error).toMatchObject({ code: 'upstream_truncated', type: 'server_error' });
  });

  it('reports an empty stream as an error', () => {
    expect(JSON.parse(normalizeAll([])[0]).error.code).toBe('upstream_truncated');
  });

  it('adds the missing finish chunk when the backend said [DONE] without one', () => {
    const out = normalizeAll([delta({ role: 'assistant', content: 'x' }), '[DONE]']);
    expectConformant(out, { usage: false });
    expect(JSON.parse(out[1]).choices[0]).toEqual({ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' });
  });

  it('passes a mid-stream error as the envelope and drops what follows (F14, F16, F18)', () => {
    const flat = JSON.stringify({ object: 'error', message: 'engine died', type: 'InternalServerError', param: null, code: 500 });
    const out = normalizeAll([delta({ role: 'assistant', content: 'x' }), flat, '[DONE]']);
    expect(out).toHaveLength(2);
    expect(JSON.parse(out[1])).toEqual({ error: { message: 'engine died', type: 'server_error', param: null, code: null } });
  });

  it('turns a payload that is not JSON into an error event', () => {
    const out = normalizeAll([delta({ role: 'assistant', content: 'x' }), ': ping', delta({}, 'stop')]);
    expect(out).toHaveLength(2);
    expect(JSON.parse(out[1]).error.code).toBe('upstream_malformed_event');
  });

  it('ignores anything after [DONE]', () => {
    const out = normalizeAll([delta({ role: 'assistant', content: 'x' }, 'stop'), '[DONE]', delta({ content: 'late' })]);
    expect(out).toHaveLength(2);
  });
});
