// Recorded exchanges for the judge's tests, built the way a recording holds them: request body
// text, answer bytes, an SSE body written out whole.
import type { CapturedExchange } from './captured-exchange.ts';

const enc = new TextEncoder();
export const OPENAI_CHAT = 'https://api.openai.com/v1/chat/completions';

export const COMPLETION = {
  id: 'chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT',
  object: 'chat.completion',
  created: 1741569952,
  model: 'gpt-4.1-nano-2025-04-14',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Hello there, friend!', refusal: null, annotations: [] }, logprobs: null, finish_reason: 'stop' }],
  usage: { prompt_tokens: 9, completion_tokens: 5, total_tokens: 14 },
  service_tier: 'default',
  system_fingerprint: 'fp_de604bd877',
};

export interface CapturedInit {
  id?: string;
  target?: string;
  url?: string;
  method?: string;
  status?: number;
  headers?: Record<string, string>;
  requestKnown?: boolean;
}

/** A recorded exchange answering `request` (an object, serialised) with `body` (serialised unless text). */
export function captured(request: unknown, body: unknown, init: CapturedInit = {}): CapturedExchange {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return {
    id: init.id ?? 'x#1',
    target: init.target ?? 'api.openai.com',
    request: {
      method: init.method ?? (request === undefined ? 'GET' : 'POST'),
      url: init.url ?? OPENAI_CHAT,
      headers: { 'content-type': 'application/json' },
      body: request === undefined ? undefined : JSON.stringify(request),
    },
    requestKnown: init.requestKnown ?? true,
    response: { status: init.status ?? 200, headers: { 'content-type': 'application/json', ...init.headers }, body: enc.encode(text) },
  };
}

/** SSE text with one `data:` event per item (objects serialised, strings as they are). */
export function sseText(events: unknown[]): string {
  return events.map((e) => `data: ${typeof e === 'string' ? e : JSON.stringify(e)}\n\n`).join('');
}

/** A recorded stream: the events written out as the body, content type text/event-stream. */
export function capturedStream(request: unknown, events: unknown[], init: CapturedInit = {}): CapturedExchange {
  return captured(request, sseText(events), { ...init, headers: { 'content-type': 'text/event-stream', ...init.headers } });
}

export const CHAT_REQUEST = { model: 'gpt-4.1-nano', messages: [{ role: 'user', content: 'Say hello' }] };
