// Watches the payloads going to a streaming client of a chunked endpoint (chat, legacy
// completions): usage for metrics, the assembled content for the output guard, the output
// filter, and how the stream ended: [DONE], an error, or — without [DONE] — whether every choice
// had its finish_reason (then the answer is complete and only the terminator is missing).
// Payloads are parsed only when something needs their contents.
import { mapFinishReason } from '../../normalize/finish-reason.ts';
import { SseSplitter } from '../../normalize/sse.ts';
import type { Usage } from '../../observe/metrics.ts';

export interface OutputFilter {
  push(text: string): boolean;
}

export interface ChunkMeta {
  id: string;
  created: number;
  model: string;
}

export class StreamObserver {
  usage?: Usage;
  content = '';
  sawDone = false;
  /** the upstream sent an error event */
  error?: string;
  /** non-empty data payloads seen, [DONE] included */
  payloads = 0;
  /** the first payload that is not a JSON object: no client SDK can parse it */
  malformed?: string;
  meta?: ChunkMeta;
  private readonly splitter = new SseSplitter();
  /** indices of the choices that got a finish_reason */
  private readonly finishedChoices = new Set<number>();

  /**
   * `choices`: how many the request asked for (its n), each of which must finish; `text`: where a
   * choice carries its text, `delta.content` (chat, the default) or `text` (legacy completions)
   */
  private readonly opts: { collectContent: boolean; filter?: OutputFilter; choices?: number; text?: 'delta' | 'text' };

  constructor(opts: { collectContent: boolean; filter?: OutputFilter; choices?: number; text?: 'delta' | 'text' }) {
    this.opts = opts;
  }

  /** Every choice the request asked for got its finish_reason: the answer is whole, [DONE] or not. */
  get finished(): boolean {
    return this.finishedChoices.size >= (this.opts.choices ?? 1);
  }

  /** Looks at one raw upstream chunk (pass-through mode). */
  seeRaw(chunk: Buffer): void {
    for (const data of this.splitter.push(chunk)) this.see(data);
  }

  /** Looks at one payload; returns true when the output filter blocks it. */
  see(payload: string): boolean {
    if (payload === '') return false;
    this.payloads++;
    if (payload === '[DONE]') {
      this.sawDone = true;
      return false;
    }
    // A first-character test, not a parse: the hot path parses only what it needs.
    if (payload.trimStart()[0] !== '{') {
      this.malformed ??= payload;
      return false;
    }
    const needed =
      this.opts.collectContent ||
      this.opts.filter ||
      this.meta === undefined ||
      payload.includes('"usage"') ||
      payload.includes('"error"') ||
      (!this.finished && hasFinishReason(payload));
    if (!needed) return false;
    let chunk: any;
    try {
      chunk = JSON.parse(payload);
    } catch {
      this.malformed ??= payload;
      return false;
    }
    return this.inspect(chunk);
  }

  private inspect(chunk: any): boolean {
    if (chunk?.error) {
      this.error = typeof chunk.error?.message === 'string' ? chunk.error.message : 'the backend reported an error';
      return false;
    }
    if (chunk?.usage) this.usage = chunk.usage;
    if (!this.meta && typeof chunk?.id === 'string') this.meta = { id: chunk.id, created: chunk.created, model: chunk.model };
    let blocked = false;
    for (const choice of Array.isArray(chunk?.choices) ? chunk.choices : []) {
      // an aborted generation (vLLM "abort", "error") did not finish: it is no complete answer
      if (typeof choice?.finish_reason === 'string' && mapFinishReason(choice.finish_reason) !== 'abort') {
        this.finishedChoices.add(Number.isInteger(choice.index) ? choice.index : 0);
      }
      const text = this.opts.text === 'text' ? choice?.text : choice?.delta?.content;
      if (typeof text !== 'string' || text === '') continue;
      if (this.opts.collectContent && (choice.index ?? 0) === 0) this.content += text;
      if (this.opts.filter?.push(text)) blocked = true;
    }
    return blocked;
  }
}

/** A string finish_reason, as compact JSON or with a space (a first test, not a parse). */
function hasFinishReason(payload: string): boolean {
  return payload.includes('"finish_reason":"') || payload.includes('"finish_reason": "');
}

/** The chunk objects of the endpoints this observer watches. */
export type ChunkObject = 'chat.completion.chunk' | 'text_completion';

/** The last chunk of a stream stopped by the output filter, in the endpoint's chunk shape. */
export function contentFilterChunk(meta: ChunkMeta | undefined, object: ChunkObject = 'chat.completion.chunk'): string {
  const choice = object === 'text_completion' ? { index: 0, text: '' } : { index: 0, delta: {} };
  return JSON.stringify({
    id: meta?.id ?? (object === 'text_completion' ? 'cmpl-dropin' : 'chatcmpl-dropin'),
    object,
    created: meta?.created ?? Math.floor(Date.now() / 1000),
    model: meta?.model ?? '',
    choices: [{ ...choice, logprobs: null, finish_reason: 'content_filter' }],
  });
}

/** An in-stream error event in the OpenAI envelope (openai-python raises APIError on it). */
export function streamErrorPayload(message: string, code: string): string {
  return JSON.stringify({ error: { message, type: 'server_error', param: null, code } });
}
