// A chat-only backend's stream as Responses events: each payload is normalised for the backend's
// profile first (the chat stream's repairs: finish reasons, tool-call indexes, usage, a truncated
// stream turned into an error payload), then translated. With output deny patterns, the text is
// watched as it streams: a match ends the answer there as `content_filter` — response.incomplete
// with that reason — and nothing more is read.
import type { StreamNormalizer } from '../../normalize/index.ts';
import type { ResponsesStreamTranslator, StreamFailure } from '../../responses/stream-translator.ts';
import type { Json } from '../../responses/types.ts';
import type { EventProducer } from './stream-session.ts';

const FILTERED = JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: 'content_filter' }] });

export class TranslatedEvents implements EventProducer {
  stopped = false;

  private readonly normalizer: StreamNormalizer;
  private readonly translator: ResponsesStreamTranslator;
  private readonly filter?: { push(text: string): boolean };

  constructor(normalizer: StreamNormalizer, translator: ResponsesStreamTranslator, filter?: { push(text: string): boolean }) {
    this.normalizer = normalizer;
    this.translator = translator;
    this.filter = filter;
  }

  get final(): Json | undefined {
    return this.translator.final;
  }

  event(data: string): string[] {
    const frames: string[] = [];
    for (const payload of this.normalizer.event(data)) for (const frame of this.translate(payload)) frames.push(frame);
    return frames;
  }

  end(): string[] {
    // a filtered answer ended on purpose: the normaliser would call the cut stream truncated
    const rest = this.stopped ? [] : this.normalizer.end().flatMap((payload) => this.translate(payload));
    return [...rest, ...this.translator.end()];
  }

  fail(error: StreamFailure): string[] {
    return this.translator.fail(error);
  }

  private translate(payload: string): string[] {
    if (this.stopped) return [];
    if (this.filter && this.blocked(payload)) {
      this.stopped = true;
      return this.translator.event(FILTERED);
    }
    return this.translator.event(payload);
  }

  private blocked(payload: string): boolean {
    if (!payload.includes('"content"')) return false;
    let text: unknown;
    try {
      text = JSON.parse(payload)?.choices?.[0]?.delta?.content;
    } catch {
      return false;
    }
    return typeof text === 'string' && text !== '' && this.filter!.push(text);
  }
}
