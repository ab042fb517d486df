// The pass-through stream repairer on literals: OpenAI's own streams unchanged, llama.cpp's first generation, chat-style errors, vLLM's cut stream, late events, an upstream failure.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SseSplitter } from '../normalize/sse.ts';
import { eventsOf, failures, streamInput } from './judge.fixtures.ts';
import { ResponsesStreamRepairer } from './repair-stream.ts';
import type { Json } from './types.ts';

const REQUEST = { model: 'm', input: 'Say hello', stream: true };
/** OpenAI's own streams, recorded (conformance/checks/responses/recorded-streams.fixtures.json) */
const RECORDED: Array<{ id: string; request: Json; body: string }> = JSON.parse(readFileSync(new URL('../../conformance/checks/responses/recorded-streams.fixtures.json', import.meta.url), 'utf8'));

function repair(payloads: string[], request: Json = REQUEST) {
  const repairer = new ResponsesStreamRepairer({ request, now: () => 5_000 });
  const frames = [...payloads.flatMap((p) => repairer.event(p)), ...repairer.end()];
  return { frames, events: eventsOf(frames), repairs: [...repairer.repairs].sort(), repairer };
}

const resp = (status: string, output: Json[] = []) => ({ id: 'resp_1', object: 'response', created_at: 1, status, model: 'm', output, usage: status === 'in_progress' ? null : { input_tokens: 1, output_tokens: 2, total_tokens: 3 } });
const msg = (text: string, status = 'completed') => ({ id: 'msg_1', type: 'message', status, role: 'assistant', content: text === '' && status === 'in_progress' ? [] : [{ type: 'output_text', text, annotations: [] }] });

describe('ResponsesStreamRepairer', () => {
  it('OpenAI\'s recorded streams go through unchanged, except the 2025 one that predates sequence_number', () => {
    for (const recording of RECORDED) {
      const payloads = new SseSplitter().push(Buffer.from(recording.body));
      const { frames, repairs } = repair(payloads, recording.request);
      if (recording.id.includes('pydantic')) {
        expect(repairs, recording.id).toEqual(['sequence_renumbered']);
        expect(eventsOf(frames).map((e) => e.data.sequence_number)).toEqual(payloads.map((_, i) => i));
      } else {
        expect(frames.join(''), recording.id).toBe(recording.body.replace(/\r\n/g, '\n'));
        expect(repairs, recording.id).toEqual([]);
      }
      expect(failures(streamInput(frames, recording.request)), recording.id).toEqual([]);
    }
  });

  it('llama.cpp\'s first-generation stream: stub created, no numbers, no indices, a call without id or .done', () => {
    const call = { arguments: '', call_id: 'fc_abc', name: 'get_weather', type: 'function_call', status: 'in_progress' };
    const { events, repairs } = repair([
      JSON.stringify({ type: 'response.created', response: { id: 'resp_1', object: 'response', status: 'in_progress' } }),
      JSON.stringify({ type: 'response.output_item.added', item: call }),
      JSON.stringify({ type: 'response.function_call_arguments.delta', delta: '{"city":', item_id: 'fc_abc' }),
      JSON.stringify({ type: 'response.function_call_arguments.delta', delta: '"Paris"}', item_id: 'fc_abc' }),
      JSON.stringify({ type: 'response.output_item.done', item: { ...call, arguments: '{"city":"Paris"}', status: 'completed' } }),
      JSON.stringify({ type: 'response.completed', response: { ...resp('completed', [{ ...call, arguments: '{"city":"Paris"}', status: 'completed' }]) } }),
      '[DONE]',
    ]);
    expect(events.map((e) => e.name)).toEqual([
      'response.created', 'response.output_item.added', 'response.function_call_arguments.delta', 'response.function_call_arguments.delta',
      'response.function_call_arguments.done', 'response.output_item.done', 'response.completed',
    ]);
    expect(events[0].data.response).toMatchObject({ id: 'resp_1', error: null, incomplete_details: null, instructions: null, tools: [], model: 'm' });
    expect(events[4].data).toEqual({ type: 'response.function_call_arguments.done', sequence_number: 4, item_id: 'fc_abc', output_index: 0, arguments: '{"city":"Paris"}' });
    expect(events.at(-1)!.data.response.output[0]).toMatchObject({ id: 'fc_abc', call_id: 'fc_abc' });
    expect(repairs).toEqual(['arguments_done_added', 'created_completed', 'done_dropped', 'indices_added', 'item_id_added', 'sequence_renumbered', 'usage_details_added']);
  });

  it('a chat-style error payload becomes the error event and response.failed (S13)', () => {
    const { events, repairs } = repair([JSON.stringify({ error: { message: 'boom', type: 'invalid_request_error', param: 'input', code: 'bad' } })]);
    expect(events.map((e) => e.name)).toEqual(['response.created', 'error', 'response.failed']);
    expect(events[1].data.error).toEqual({ type: 'invalid_request_error', code: 'bad', message: 'boom', param: 'input' });
    expect(events[2].data.response).toMatchObject({ status: 'failed', error: { code: 'server_error', message: 'boom' } });
    expect(repairs).toContain('error_reshaped');
  });

  it('vLLM\'s cut stream (response.completed with status incomplete) ends with response.incomplete', () => {
    const { events } = repair([
      JSON.stringify({ type: 'response.created', sequence_number: 0, response: resp('in_progress') }),
      JSON.stringify({ type: 'response.completed', sequence_number: 1, response: { ...resp('completed'), status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } } }),
    ]);
    expect(events.at(-1)!.data).toMatchObject({ type: 'response.incomplete', response: { status: 'incomplete', completed_at: null } });
  });

  it('events after the terminal one, and late events of an item already done, are not passed on', () => {
    const at = { item_id: 'msg_1', output_index: 0, content_index: 0 };
    const { events } = repair([
      JSON.stringify({ type: 'response.created', response: resp('in_progress') }),
      JSON.stringify({ type: 'response.output_item.added', output_index: 0, item: msg('', 'in_progress') }),
      JSON.stringify({ type: 'response.content_part.added', ...at, part: { type: 'output_text', text: '', annotations: [] } }),
      JSON.stringify({ type: 'response.output_text.delta', ...at, delta: 'Hi' }),
      JSON.stringify({ type: 'response.output_item.done', output_index: 0, item: msg('Hi') }),
      JSON.stringify({ type: 'response.output_text.done', ...at, text: 'Hi' }),
      JSON.stringify({ type: 'response.completed', response: resp('completed', [msg('Hi')]) }),
      JSON.stringify({ type: 'response.output_text.delta', ...at, delta: '!' }),
    ]);
    expect(events.map((e) => e.name)).toEqual([
      'response.created', 'response.output_item.added', 'response.content_part.added', 'response.output_text.delta',
      'response.output_text.done', 'response.content_part.done', 'response.output_item.done', 'response.completed',
    ]);
  });

  it('the upstream failing mid-stream closes the open items, then error and response.failed', () => {
    const repairer = new ResponsesStreamRepairer({ request: REQUEST });
    const frames = [
      ...repairer.event(JSON.stringify({ type: 'response.created', sequence_number: 0, response: resp('in_progress') })),
      ...repairer.event(JSON.stringify({ type: 'response.output_item.added', sequence_number: 1, output_index: 0, item: msg('', 'in_progress') })),
      ...repairer.fail({ message: 'socket hang up', code: 'upstream_disconnected' }),
    ];
    expect(eventsOf(frames).map((e) => e.name).slice(-3)).toEqual(['response.output_item.done', 'error', 'response.failed']);
    expect(repairer.final).toMatchObject({ status: 'failed', output: [{ id: 'msg_1', status: 'incomplete' }] });
    expect(failures(streamInput(frames, REQUEST))).toEqual([]);
  });
});
