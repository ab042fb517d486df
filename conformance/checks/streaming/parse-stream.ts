// One reading of a captured SSE stream, shared by every streaming and tools check: each event's
// payload is parsed once per check call, classified as the [DONE] terminator, an error event, a
// chunk, or a payload that is not JSON (which only streaming.data-json reports).
import type { CheckInput, Exchange, Verdict } from '../../types.ts';
import { skip } from '../verdict.ts';

export const DONE = '[DONE]';

export interface StreamEvent {
  /** position in exchange.sse.events; pointers are /events/<n>/… */
  n: number;
  data: string;
  done: boolean;
  /** the parsed payload, when it is JSON */
  json?: unknown;
  jsonError?: string;
  /** the payload reports an error instead of carrying a chunk */
  error: boolean;
}

export interface StreamChunk {
  n: number;
  /** a JSON object that is not an error event; its shape is whatever the server sent */
  chunk: Record<string, any>;
}

export interface ParsedStream {
  events: StreamEvent[];
  chunks: StreamChunk[];
  errors: StreamEvent[];
}

export function parseStream(exchange: Exchange): ParsedStream {
  const events = (exchange.sse?.events ?? []).map((e, n) => parseEvent(e.data, n));
  const chunks: StreamChunk[] = [];
  for (const e of events) {
    if (!e.error && isRecord(e.json)) chunks.push({ n: e.n, chunk: e.json });
  }
  return { events, chunks, errors: events.filter((e) => e.error) };
}

function parseEvent(data: string, n: number): StreamEvent {
  if (data === DONE) return { n, data, done: true, error: false };
  try {
    const json: unknown = JSON.parse(data);
    return { n, data, done: false, json, error: isErrorPayload(json) };
  } catch (e) {
    return { n, data, done: false, jsonError: (e as Error).message, error: false };
  }
}

/**
 * openai-python raises on any payload with a truthy `error`; vLLM's old flat errors are marked
 * `object: "error"` instead. Both are error events, not chunks.
 */
export function isErrorPayload(json: unknown): boolean {
  return isRecord(json) && (Boolean(json.error) || json.object === 'error');
}

export function isRecord(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Why a stream check cannot judge this exchange, or undefined when it can. */
export function streamSkip({ exchange }: CheckInput): Verdict | undefined {
  if (exchange.status === undefined) {
    return skip(`no response arrived (${exchange.transportError?.message ?? 'transport failure'})`);
  }
  if (exchange.status < 200 || exchange.status >= 300) {
    return skip(`status ${exchange.status}: there is no stream to judge`);
  }
  if (!exchange.sse) return skip('the response was not read as an SSE stream (see streaming.content-type)');
  return undefined;
}

/** Run `judge` on the parsed stream, or skip when the exchange holds no stream. */
export function withStream(input: CheckInput, judge: (stream: ParsedStream) => Verdict): Verdict {
  return streamSkip(input) ?? judge(parseStream(input.exchange));
}

/** The request asked for a usage chunk (`stream_options.include_usage: true`). */
export function includeUsage(request: any): boolean {
  return isRecord(request) && isRecord(request.stream_options) && request.stream_options.include_usage === true;
}

/** A chunk carries usage when its `usage` is present and not null. */
export function hasUsage(chunk: Record<string, any>): boolean {
  return chunk.usage !== undefined && chunk.usage !== null;
}

export const FINISH_REASONS = ['stop', 'length', 'tool_calls', 'content_filter', 'function_call'];

export interface StreamChoice {
  n: number;
  /** position in the chunk's `choices` array, for pointers */
  i: number;
  /** the choice's own `index` (its position when the server left it out) */
  index: number;
  choice: Record<string, any>;
  delta: Record<string, any>;
}

/** Every choice entry of every chunk, in stream order. */
export function choicesOf({ chunks }: ParsedStream): StreamChoice[] {
  const out: StreamChoice[] = [];
  for (const { n, chunk } of chunks) {
    if (!Array.isArray(chunk.choices)) continue;
    chunk.choices.forEach((choice: unknown, i: number) => {
      if (!isRecord(choice)) return;
      const index = Number.isInteger(choice.index) ? (choice.index as number) : i;
      out.push({ n, i, index, choice, delta: isRecord(choice.delta) ? choice.delta : {} });
    });
  }
  return out;
}
