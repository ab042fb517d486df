// Canned OpenAI-shaped answers (wire-facts §1.3/§1.4) for the fake upstreams.
import type { ServerResponse } from 'node:http';
import type { Reply } from './upstream.ts';

export function completion(content: string | null, extra: { tool_calls?: unknown[]; finish_reason?: string; model?: string } = {}) {
  return {
    id: 'chatcmpl-test1',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: extra.model ?? 'test-model',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: null, ...(extra.tool_calls ? { tool_calls: extra.tool_calls } : {}) },
        logprobs: null,
        finish_reason: extra.finish_reason ?? (extra.tool_calls ? 'tool_calls' : 'stop'),
      },
    ],
    usage: { prompt_tokens: 11, completion_tokens: 7, total_tokens: 18 },
  };
}

export function chunk(delta: object, finish: string | null = null, extra: object = {}): string {
  return JSON.stringify({
    id: 'chatcmpl-test1',
    object: 'chat.completion.chunk',
    created: 1_700_000_000,
    model: 'test-model',
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    ...extra,
  });
}

export function usageChunk(): string {
  return JSON.stringify({
    id: 'chatcmpl-test1',
    object: 'chat.completion.chunk',
    created: 1_700_000_000,
    model: 'test-model',
    choices: [],
    usage: { prompt_tokens: 11, completion_tokens: 7, total_tokens: 18 },
  });
}

/** The payloads of a text stream in OpenAI's own shape, ending with [DONE]. */
export function textStream(parts: string[], opts: { usage?: boolean } = {}): string[] {
  const usage = opts.usage ? { usage: null } : {};
  return [
    chunk({ role: 'assistant', content: '', refusal: null }, null, usage),
    ...parts.map((p) => chunk({ content: p }, null, usage)),
    chunk({}, 'stop', usage),
    ...(opts.usage ? [usageChunk()] : []),
    '[DONE]',
  ];
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Reply {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
}

export function errorReply(status: number, message: string, headers: Record<string, string> = {}): Reply {
  return json({ error: { message, type: status === 429 ? 'rate_limit_error' : 'server_error', param: null, code: null } }, status, headers);
}

export function sseHead(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
}

export function sse(payloads: string[]): Reply {
  return (_req, res) => {
    sseHead(res);
    for (const p of payloads) res.write(`data: ${p}\n\n`);
    res.end();
  };
}
