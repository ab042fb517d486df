// Token accounting: what a run cost, read from the usage the endpoint itself reported
// (non-stream bodies, and usage chunks of streams).
import type { Exchange, TokenUsage } from '../types.ts';

export function emptyUsage(): TokenUsage {
  return { requests: 0, prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };
}

export function addUsage(total: TokenUsage, exchange: Exchange): void {
  total.requests += 1;
  const usage = exchange.sse ? lastStreamUsage(exchange) : usageOf(exchange.json);
  if (!usage) return;
  total.prompt_tokens += usage.prompt_tokens;
  total.completion_tokens += usage.completion_tokens;
  total.total_tokens += usage.total_tokens;
}

type Usage = Omit<TokenUsage, 'requests'>;

function lastStreamUsage(exchange: Exchange): Usage | undefined {
  let found: Usage | undefined;
  for (const event of exchange.sse!.events) {
    if (!event.data.includes('"usage"')) continue;
    try {
      found = usageOf(JSON.parse(event.data)) ?? found;
    } catch {
      // not JSON: streaming.data-json reports it
    }
  }
  return found;
}

/** Chat usage (prompt/completion tokens), or Responses usage (input/output tokens, in streams on the event's response). */
function usageOf(body: unknown): Usage | undefined {
  const b = body as { usage?: Record<string, unknown>; response?: { usage?: Record<string, unknown> } } | undefined;
  const u = b?.usage ?? b?.response?.usage;
  if (!u || typeof u !== 'object') return undefined;
  const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0);
  const prompt = n(u.prompt_tokens ?? u.input_tokens);
  const completion = n(u.completion_tokens ?? u.output_tokens);
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: n(u.total_tokens) || prompt + completion };
}
