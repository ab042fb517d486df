// The stream translation on literals and real recorded chat streams, judged event by event and by the suite's checks.
import { describe, expect, it } from 'vitest';
import { createStreamNormalizer } from '../normalize/stream.ts';
import type { AnswerContext } from './answer-context.ts';
import { countingIds } from './ids.ts';
import { eventsOf, failures, streamInput } from './judge.fixtures.ts';
import { RECORDED, streamPayloads } from './recorded.fixtures.ts';
import { ResponsesStreamTranslator } from './stream-translator.ts';
import { toChatRequest } from './to-chat-request.ts';
import type { Json } from './types.ts';

const WEATHER = { type: 'function', name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } };

function translator(request: Json, reasoning: AnswerContext['reasoning'] = 'summary') {
  return new ResponsesStreamTranslator({ head: { id: 'resp_1', createdAt: 100, model: request.model, request }, chatRequest: toChatRequest(request), newId: countingIds(), reasoning, now: () => 101_000 });
}

const chunk = (delta: Json, finish: string | null = null, extra: Json = {}) => JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'b', choices: [{ index: 0, delta, finish_reason: finish }], ...extra });
const usage = JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'b', choices: [], usage: { prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 } });

function run(request: Json, payloads: string[], opts: { eof?: boolean; reasoning?: AnswerContext['reasoning'] } = {}) {
  const t = translator(request, opts.reasoning);
  const frames = payloads.flatMap((p) => t.event(p));
  if (opts.eof) frames.push(...t.end());
  return { t, frames, events: eventsOf(frames) };
}

const TEXT_REQUEST = { model: 'm', input: 'Say hello', stream: true };

describe('ResponsesStreamTranslator', () => {
  it('a text answer streams as OpenAI\'s sequence, numbered from 0, named by event: lines, without [DONE]', () => {
    const { frames, events, t } = run(TEXT_REQUEST, [chunk({ role: 'assistant', content: '' }), chunk({ content: 'Hel' }), chunk({ content: 'lo' }), chunk({}, 'stop'), usage, '[DONE]']);
    expect(events.map((e) => e.name)).toEqual([
      'response.created', 'response.in_progress', 'response.output_item.added', 'response.content_part.added',
      'response.output_text.delta', 'response.output_text.delta', 'response.output_text.done', 'response.content_part.done',
      'response.output_item.done', 'response.completed',
    ]);
    expect(events.map((e) => e.data.sequence_number)).toEqual(events.map((_, i) => i));
    expect(events.every((e) => e.name === e.data.type)).toBe(true);
    expect(Object.keys(events[4].data)).toEqual(['type', 'sequence_number', 'item_id', 'output_index', 'content_index', 'delta', 'logprobs']);
    expect(events[4].data).toMatchObject({ item_id: events[2].data.item.id, output_index: 0, content_index: 0, delta: 'Hel', logprobs: [] });
    expect(events[0].data.response).toMatchObject({ id: 'resp_1', status: 'in_progress', output: [], usage: null, model: 'm' });
    const final = events.at(-1)!.data.response;
    expect(final).toMatchObject({ status: 'completed', completed_at: 101, output: [{ type: 'message', status: 'completed', content: [{ type: 'output_text', text: 'Hello' }] }], usage: { input_tokens: 7, output_tokens: 3, total_tokens: 10 } });
    expect(t.final).toEqual(final);
    expect(frames.join('')).not.toContain('[DONE]');
    expect(failures(streamInput(frames, TEXT_REQUEST))).toEqual([]);
  });

  it('a stream without finish_reason whose reported output reached max_output_tokens ends response.incomplete (F13)', () => {
    const request = { ...TEXT_REQUEST, max_output_tokens: 16 };
    const normalizer = createStreamNormalizer({ profile: 'generic', request: toChatRequest(request) });
    const budget = JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'b', choices: [], usage: { prompt_tokens: 7, completion_tokens: 16, total_tokens: 23 } });
    const t = translator(request);
    const frames = [chunk({ role: 'assistant', content: '1 2 3' }), budget, '[DONE]'].flatMap((p) => normalizer.event(p)).flatMap((p) => t.event(p));
    expect(eventsOf(frames).at(-1)).toMatchObject({ name: 'response.incomplete', data: { response: { status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } } } });
    expect(failures(streamInput(frames, request))).toEqual([]);
  });

  it('parallel tool calls, even interleaved, become function_call items with argument deltas and .done events', () => {
    const request = { model: 'm', input: 'Weather?', tools: [WEATHER], stream: true };
    const call = (index: number, args: string, first = false) => ({ index, ...(first ? { id: `call_${index}`, type: 'function' } : {}), function: { ...(first ? { name: 'get_weather' } : {}), arguments: args } });
    const { frames, events } = run(request, [
      chunk({ role: 'assistant', content: 'Checking.' }),
      chunk({ tool_calls: [call(0, '{"city":', true)] }),
      chunk({ tool_calls: [call(1, '{"city":"Rome"}', true)] }),
      chunk({ tool_calls: [call(0, '"Paris"}')] }),
      chunk({}, 'tool_calls'), usage, '[DONE]',
    ]);
    const final = events.at(-1)!.data.response;
    expect(final.output.map((i: Json) => [i.type, i.call_id, i.arguments])).toEqual([['message', undefined, undefined], ['function_call', 'call_0', '{"city":"Paris"}'], ['function_call', 'call_1', '{"city":"Rome"}']]);
    const done = events.filter((e) => e.name === 'response.function_call_arguments.done').map((e) => e.data);
    expect(done.map((d) => [d.output_index, d.arguments, 'name' in d])).toEqual([[1, '{"city":"Paris"}', false], [2, '{"city":"Rome"}', false]]);
    expect(failures(streamInput(frames, request))).toEqual([]);
  });

  it('a cut answer ends with response.incomplete (max_output_tokens), the cut item incomplete', () => {
    const request = { model: 'm', input: 'Count', max_output_tokens: 16, stream: true };
    const { frames, events } = run(request, [chunk({ content: '1 2 3' }), chunk({}, 'length'), usage, '[DONE]']);
    const last = events.at(-1)!.data;
    expect(last).toMatchObject({ type: 'response.incomplete', response: { status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' }, output: [{ status: 'incomplete' }] } });
    expect(events.filter((e) => /completed|incomplete|failed/.test(e.name!) && e.name!.startsWith('response.') && !e.name!.includes('item'))).toHaveLength(1);
    expect(failures(streamInput(frames, request))).toEqual([]);
  });

  it('reasoning deltas (either name) become a reasoning item first: summary events, or reasoning_text events', () => {
    const payloads = [chunk({ reasoning_content: 'Let me ' }), chunk({ reasoning: 'think.' }), chunk({ content: 'Answer.' }), chunk({}, 'stop'), '[DONE]'];
    const summary = run(TEXT_REQUEST, payloads);
    expect(summary.events.map((e) => e.name).slice(2, 9)).toEqual([
      'response.output_item.added', 'response.reasoning_summary_part.added', 'response.reasoning_summary_text.delta', 'response.reasoning_summary_text.delta',
      'response.reasoning_summary_text.done', 'response.reasoning_summary_part.done', 'response.output_item.done',
    ]);
    expect(summary.events.at(-1)!.data.response.output[0]).toMatchObject({ type: 'reasoning', summary: [{ type: 'summary_text', text: 'Let me think.' }] });
    expect(failures(streamInput(summary.frames, TEXT_REQUEST))).toEqual([]);
    const raw = run(TEXT_REQUEST, payloads, { reasoning: 'reasoning_text' });
    expect(raw.events.filter((e) => e.name === 'response.reasoning_text.delta').map((e) => e.data.delta)).toEqual(['Let me ', 'think.']);
    expect(raw.events.at(-1)!.data.response.output[0]).toMatchObject({ summary: [], content: [{ type: 'reasoning_text', text: 'Let me think.' }] });
    expect(failures(streamInput(raw.frames, TEXT_REQUEST))).toEqual([]);
  });

  it('a refusal streams as a refusal part with refusal.delta / .done', () => {
    const { frames, events } = run(TEXT_REQUEST, [chunk({ refusal: 'I cannot' }), chunk({ refusal: ' help.' }), chunk({}, 'stop'), '[DONE]']);
    expect(events.filter((e) => e.name?.startsWith('response.refusal')).map((e) => e.name)).toEqual(['response.refusal.delta', 'response.refusal.delta', 'response.refusal.done']);
    expect(events.at(-1)!.data.response.output[0].content).toEqual([{ type: 'refusal', refusal: 'I cannot help.' }]);
    expect(failures(streamInput(frames, TEXT_REQUEST))).toEqual([]);
  });

  it('an upstream error mid-stream ends with the error event and response.failed, never response.completed', () => {
    const error = JSON.stringify({ error: { message: 'runner crashed', type: 'server_error', param: null, code: 'upstream_truncated' } });
    const { frames, events } = run(TEXT_REQUEST, [chunk({ content: 'Hel' }), error]);
    expect(events.map((e) => e.name).slice(-5)).toEqual(['response.output_text.done', 'response.content_part.done', 'response.output_item.done', 'error', 'response.failed']);
    expect(events.at(-2)!.data).toMatchObject({ type: 'error', error: { type: 'server_error', code: 'upstream_truncated', message: 'runner crashed', param: null } });
    expect(events.at(-1)!.data.response).toMatchObject({ status: 'failed', error: { code: 'server_error', message: 'runner crashed' }, output: [{ status: 'incomplete' }] });
    expect(frames.join('')).not.toContain('response.completed');
    expect(failures(streamInput(frames, TEXT_REQUEST))).toEqual([]);
  });

  it('EOF before a finish_reason, a malformed payload and a failed connection each end in response.failed', () => {
    const eof = run(TEXT_REQUEST, [chunk({ content: 'Hel' })], { eof: true });
    expect(eof.events.at(-1)!.data).toMatchObject({ type: 'response.failed' });
    expect(eof.events.at(-2)!.data.error.code).toBe('upstream_truncated');
    const garbage = run(TEXT_REQUEST, ['<html>']);
    expect(garbage.events.at(-2)!.data.error.code).toBe('upstream_malformed_event');
    const t = translator(TEXT_REQUEST);
    const frames = [...t.start(), ...t.event(chunk({ content: 'Hi' })), ...t.fail({ message: 'socket hang up', code: 'upstream_disconnected' })];
    expect(eventsOf(frames).map((e) => e.name).slice(-2)).toEqual(['error', 'response.failed']);
    expect(t.event(chunk({ content: 'late' }))).toEqual([]);
    expect(t.end()).toEqual([]);
    for (const f of [eof.frames, garbage.frames, frames]) expect(failures(streamInput(f, TEXT_REQUEST))).toEqual([]);
  });

  it('after a finish_reason, EOF without [DONE] still completes; the usage chunk is waited for', () => {
    const { events } = run(TEXT_REQUEST, [chunk({ content: 'Hi' }), chunk({}, 'stop'), usage], { eof: true });
    expect(events.at(-1)!.data).toMatchObject({ type: 'response.completed', response: { usage: { input_tokens: 7 } } });
  });

  it('every recorded real chat stream, normalised then translated, passes every Responses stream check', () => {
    const streams = RECORDED.chat.filter((c) => c.stream);
    expect(streams.length).toBeGreaterThan(8);
    for (const recorded of streams) {
      const tools = (recorded.request?.tools ?? []).filter((t: Json) => t.function).map((t: Json) => ({ type: 'function', name: t.function.name, parameters: t.function.parameters }));
      const request = { model: 'm', input: 'x', stream: true, ...(tools.length > 0 ? { tools } : {}) };
      const normalizer = createStreamNormalizer({ profile: 'generic', request: toChatRequest(request) });
      const t = translator(request);
      const frames = [...t.start()];
      for (const payload of streamPayloads(recorded.body)) for (const out of normalizer.event(payload)) frames.push(...t.event(out));
      for (const out of normalizer.end()) frames.push(...t.event(out));
      frames.push(...t.end());
      expect(failures(streamInput(frames, request)), recorded.id).toEqual([]);
      // a recorded upstream error (OpenRouter's mid-stream error chunk) must end failed, the others finished
      expect(t.final?.status, recorded.id).toMatch(/"error":\s*\{/.test(recorded.body) ? /^failed$/ : /^(completed|incomplete)$/);
    }
  });
});
