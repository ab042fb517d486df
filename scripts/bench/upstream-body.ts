// What the bench upstream answers: a tiny chat completion, or an OpenAI-shaped SSE stream whose
// chunks carry the upstream's send time so a client on the same machine can compute transit delay.

/** Stream shape requested by the model name: `bench` uses the defaults, `bench-<chunks>x<delay>ms` overrides them. */
export interface StreamShape {
  chunks: number;
  delayMs: number;
}

const SHAPED_MODEL = /^bench-(\d+)x(\d+(?:\.\d+)?)ms$/;

export function streamShape(model: string, defaults: StreamShape): StreamShape {
  const m = SHAPED_MODEL.exec(model);
  if (!m) return defaults;
  return { chunks: Math.max(1, Number(m[1])), delayMs: Number(m[2]) };
}

export function shapedModel(shape: StreamShape): string {
  return `bench-${shape.chunks}x${shape.delayMs}ms`;
}

/**
 * Field holding the send time, in microseconds of the system-wide monotonic clock
 * (process.hrtime), which every process on the host shares.
 */
export const SENT_FIELD = 'bench_sent_us';

const CREATED = 1_700_000_000;

export function completionJson(model: string): string {
  return JSON.stringify({
    id: 'chatcmpl-bench',
    object: 'chat.completion',
    created: CREATED,
    model,
    system_fingerprint: null,
    choices: [{ index: 0, message: { role: 'assistant', content: 'ok', refusal: null }, logprobs: null, finish_reason: 'stop' }],
    usage: { prompt_tokens: 8, completion_tokens: 1, total_tokens: 9 },
  });
}

/** One `data:` event for chunk `index` of `count`: the first opens the role, the last carries finish_reason. */
export function chunkEvent(model: string, index: number, count: number, sentUs: number): string {
  const delta = index === 0 ? { role: 'assistant', content: '' } : index === count - 1 ? {} : { content: 'tok ' };
  const chunk = {
    id: 'chatcmpl-bench',
    object: 'chat.completion.chunk',
    created: CREATED,
    model,
    system_fingerprint: null,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: index === count - 1 ? 'stop' : null }],
    [SENT_FIELD]: sentUs,
  };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

export const DONE_EVENT = 'data: [DONE]\n\n';

export function monotonicUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}
