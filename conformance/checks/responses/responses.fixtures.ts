// Test kit for the Responses checks: response objects and event streams shaped as OpenAI sends them
// (wire-facts-surface §1.2–1.3, checked against the recorded traffic), and the exchanges that carry
// them, so each check's test can break one thing and see the check catch it.
import type { CheckInput, Exchange, SseCapture } from '../../types.ts';
import { inputOf, jsonExchange } from '../test-exchange.ts';

const enc = new TextEncoder();
export const RESP_ID = 'resp_0183a1b2c3d4e5f60718293a4b5c6d7e8f';
export const MSG_ID = 'msg_0183a1b2c3d4e5f60718293a4b5c6d7e90';
export const FC_ID = 'fc_0183a1b2c3d4e5f60718293a4b5c6d7e91';
export const CALL_ID = 'call_AB6AaRZ1FYZB2RwS6A5vbdqn';

export const TEXT_REQUEST = { model: 'gpt-4.1-nano', input: 'Say hello', max_output_tokens: 32, stream: true };
export const WEATHER = { type: 'function', name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] }, strict: false };
export const TOOL_REQUEST = { model: 'gpt-4.1-nano', input: 'Weather in Paris?', tools: [WEATHER], tool_choice: 'required', stream: true };

export function message(text: string, status = 'completed'): Record<string, unknown> {
  return { id: MSG_ID, type: 'message', status, role: 'assistant', content: [{ type: 'output_text', text, annotations: [], logprobs: [] }] };
}

export function functionCall(args: string, status = 'completed'): Record<string, unknown> {
  return { id: FC_ID, type: 'function_call', status, arguments: args, call_id: CALL_ID, name: 'get_weather' };
}

export function responseObject(over: Record<string, unknown> = {}): Record<string, any> {
  return {
    id: RESP_ID, object: 'response', created_at: 1741476542, status: 'completed', completed_at: 1741476543,
    error: null, incomplete_details: null, instructions: null, max_output_tokens: null, model: 'gpt-4.1-nano-2025-04-14',
    output: [message('Hello there!')], parallel_tool_calls: true, previous_response_id: null, store: true,
    temperature: 1, text: { format: { type: 'text' } }, tool_choice: 'auto', tools: [], top_p: 1, truncation: 'disabled',
    usage: { input_tokens: 9, input_tokens_details: { cached_tokens: 0 }, output_tokens: 3, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 12 },
    metadata: {},
    ...over,
  };
}

const inProgress = (): Record<string, any> => responseObject({ status: 'in_progress', completed_at: null, output: [], usage: null });

/** A text answer streamed as OpenAI does: created, in_progress, item and part added, deltas, the four .done events, completed. */
export function textEvents(deltas: string[] = ['Hello', ' there', '!']): Record<string, any>[] {
  const text = deltas.join('');
  const at = { item_id: MSG_ID, output_index: 0, content_index: 0 };
  return numbered([
    { type: 'response.created', response: inProgress() },
    { type: 'response.in_progress', response: inProgress() },
    { type: 'response.output_item.added', output_index: 0, item: { ...message('', 'in_progress'), content: [] } },
    { type: 'response.content_part.added', ...at, part: { type: 'output_text', annotations: [], logprobs: [], text: '' } },
    ...deltas.map((delta) => ({ type: 'response.output_text.delta', ...at, delta, logprobs: [], obfuscation: 'x1' })),
    { type: 'response.output_text.done', ...at, text, logprobs: [] },
    { type: 'response.content_part.done', ...at, part: { type: 'output_text', annotations: [], logprobs: [], text } },
    { type: 'response.output_item.done', output_index: 0, item: message(text) },
    { type: 'response.completed', response: responseObject({ output: [message(text)] }) },
  ]);
}

/** A function call streamed as OpenAI does: arguments in fragments, .done without `name` (S07). */
export function toolEvents(fragments: string[] = ['{"ci', 'ty":"Pa', 'ris"}']): Record<string, any>[] {
  const args = fragments.join('');
  return numbered([
    { type: 'response.created', response: inProgress() },
    { type: 'response.in_progress', response: inProgress() },
    { type: 'response.output_item.added', output_index: 0, item: functionCall('', 'in_progress') },
    ...fragments.map((delta) => ({ type: 'response.function_call_arguments.delta', item_id: FC_ID, output_index: 0, delta, obfuscation: 'x1' })),
    { type: 'response.function_call_arguments.done', item_id: FC_ID, output_index: 0, arguments: args },
    { type: 'response.output_item.done', output_index: 0, item: functionCall(args) },
    { type: 'response.completed', response: responseObject({ output: [functionCall(args)], tools: [WEATHER], tool_choice: 'required' }) },
  ]);
}

/** Sequence numbers from 0, as OpenAI numbers its events. */
export function numbered(events: Record<string, any>[]): Record<string, any>[] {
  return events.map((e, i) => ({ type: e.type, sequence_number: i, ...e }));
}

export interface StreamOptions {
  /** send `event: <type>` lines (default true, as OpenAI does) */
  eventLines?: boolean;
  /** raw payloads appended after the events, e.g. '[DONE]' */
  trailer?: string[];
  status?: number;
}

/** An exchange carrying the events as a Responses SSE stream. */
export function streamExchange(events: Array<Record<string, any> | string>, opts: StreamOptions = {}): Exchange {
  const payloads = [...events, ...(opts.trailer ?? [])];
  const sseEvents = payloads.map((e, i) => {
    const data = typeof e === 'string' ? e : JSON.stringify(e);
    const name = typeof e !== 'string' && opts.eventLines !== false && typeof e.type === 'string' ? e.type : undefined;
    return { data, at: i, ...(name ? { event: name } : {}) };
  });
  const bodyText = sseEvents.map((e) => `${e.event ? `event: ${e.event}\n` : ''}data: ${e.data}\n\n`).join('');
  const sse: SseCapture = { events: sseEvents, comments: [], unknownFields: [], retries: [], lineEndings: ['LF'], problems: [] };
  return {
    request: { method: 'POST', url: 'http://127.0.0.1:1/v1/responses', headers: {}, body: JSON.stringify(TEXT_REQUEST) },
    status: opts.status ?? 200,
    headers: { 'content-type': 'text/event-stream; charset=utf-8' },
    body: enc.encode(bodyText),
    bodyText,
    sse,
    timing: { startedAt: 0, headersMs: 1, firstByteMs: 1, totalMs: payloads.length + 1 },
    truncated: false,
  };
}

export function streamInput(events: Array<Record<string, any> | string>, request: unknown = TEXT_REQUEST, opts: StreamOptions = {}): CheckInput {
  return inputOf(streamExchange(events, opts), request);
}

export function bodyInput(body: unknown, request: unknown = { ...TEXT_REQUEST, stream: false }, status = 200): CheckInput {
  return inputOf(jsonExchange(body, { status, path: '/responses', request }), request);
}

/** A copy of the events with the one of `type` (the `nth` such) changed by `edit`. */
export function editEvent(events: Record<string, any>[], type: string, edit: (e: Record<string, any>) => Record<string, any>, nth = 0): Record<string, any>[] {
  let seen = -1;
  return events.map((e) => (e.type === type && ++seen === nth ? edit(structuredClone(e)) : e));
}

export function without(events: Record<string, any>[], type: string): Record<string, any>[] {
  return events.filter((e) => e.type !== type);
}
