// One reading of a captured Responses stream, shared by the responses and responses_tools checks:
// every SSE event with its `event:` name and parsed payload, the typed events (JSON objects with a
// string `type`), the lifecycle and terminal events, and the `[DONE]` sentinel some servers add.
import type { CheckInput, Exchange, Verdict } from '../../types.ts';
import { isErrorPayload, isRecord, streamSkip } from '../streaming/parse-stream.ts';

export const LIFECYCLE = new Set(['response.created', 'response.queued', 'response.in_progress', 'response.completed', 'response.incomplete', 'response.failed']);
export const TERMINAL = new Set(['response.completed', 'response.incomplete', 'response.failed']);
/** the status each terminal event announces */
export const TERMINAL_STATUS: Record<string, string> = {
  'response.completed': 'completed',
  'response.incomplete': 'incomplete',
  'response.failed': 'failed',
};

export interface ResponsesEvent {
  /** position in exchange.sse.events; pointers are /events/<n>/… */
  n: number;
  /** the SSE `event:` field, when the server sent one */
  name?: string;
  data: string;
  /** `data: [DONE]`, which is not part of the Responses contract */
  done: boolean;
  json?: unknown;
  jsonError?: string;
}

export interface TypedEvent {
  n: number;
  type: string;
  event: Record<string, any>;
}

export interface ResponsesStream {
  events: ResponsesEvent[];
  /** payloads that are JSON objects with a string `type`, in stream order */
  typed: TypedEvent[];
  /** payloads that report an error: an `error` event, or a chat-style {"error":…} object */
  errors: ResponsesEvent[];
}

export function readResponsesStream(exchange: Exchange): ResponsesStream {
  const events = (exchange.sse?.events ?? []).map((e, n): ResponsesEvent => {
    const base = { n, data: e.data, ...(e.event === undefined ? {} : { name: e.event }) };
    if (e.data === '[DONE]') return { ...base, done: true };
    try {
      return { ...base, done: false, json: JSON.parse(e.data) };
    } catch (err) {
      return { ...base, done: false, jsonError: (err as Error).message };
    }
  });
  const typed: TypedEvent[] = [];
  for (const e of events) {
    if (isRecord(e.json) && typeof e.json.type === 'string') typed.push({ n: e.n, type: e.json.type, event: e.json });
  }
  const errors = events.filter((e) => isRecord(e.json) && (e.json.type === 'error' || (e.json.type === undefined && isErrorPayload(e.json))));
  return { events, typed, errors };
}

/** Run `judge` on the parsed Responses stream, or skip when the exchange holds no stream. */
export function withResponsesStream(input: CheckInput, judge: (stream: ResponsesStream) => Verdict): Verdict {
  return streamSkip(input) ?? judge(readResponsesStream(input.exchange));
}

/** The terminal events (response.completed / incomplete / failed), in order. */
export function terminalEvents(stream: ResponsesStream): TypedEvent[] {
  return stream.typed.filter((e) => TERMINAL.has(e.type));
}

/** The response object the stream ended with, when a terminal event carried one. */
export function finalResponse(stream: ResponsesStream): { n: number; type: string; response: Record<string, any> } | undefined {
  const last = terminalEvents(stream).at(-1);
  return last && isRecord(last.event.response) ? { n: last.n, type: last.type, response: last.event.response } : undefined;
}
