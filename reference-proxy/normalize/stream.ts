// The stream normaliser: one instance per response, fed one SSE data payload at a time. It parses
// each payload once and hands the original text back when nothing in it had to change, so a
// conformant stream passes through byte for byte. It is safe on any backend's stream.
//
// How a stream may end: an upstream [DONE] or a clean EOF after every choice has its
// finish_reason → (synthesised usage chunk) + [DONE]. An upstream [DONE] without a finish_reason
// gets the missing finish chunk first. EOF without a finish_reason means the backend died or
// swallowed an error (F13, F31): the client gets an error event and no [DONE], so a truncated
// answer can never pass for a complete one.
import type { NormalizeContext, StreamNormalizer } from './context.ts';
import { abortError, isNamedToolChoice } from './finish-reason.ts';
import { ChoiceState, finishReasonFor, fixChoice } from './stream-choice.ts';
import { envelopeFrom } from './upstream-error.ts';

const CHUNK = 'chat.completion.chunk';

export function createStreamNormalizer(ctx: NormalizeContext): StreamNormalizer {
  return new StreamFixer(ctx.request);
}

class StreamFixer implements StreamNormalizer {
  private readonly includeUsage: boolean;
  private readonly named: boolean;
  private readonly choices = new Map<number, ChoiceState>();
  private id: unknown;
  private created: unknown;
  private model: unknown;
  private pinned = false;
  private usageSent = false;
  /** usage a backend put on a normal chunk, to be sent in its own chunk at the end */
  private pendingUsage: unknown;
  private ended = false;

  constructor(request: any) {
    this.includeUsage = request?.stream_options?.include_usage === true;
    this.named = isNamedToolChoice(request);
  }

  event(data: string): string[] {
    if (this.ended) return [];
    if (data === '[DONE]') return this.finish(true);
    if (data === '') return [];
    let chunk: any;
    try {
      chunk = JSON.parse(data);
    } catch {
      return this.fail(malformed(data));
    }
    if (chunk === null || typeof chunk !== 'object' || Array.isArray(chunk)) return this.fail(malformed(data));
    if (chunk.error || chunk.object === 'error') return this.fail(envelopeFrom(chunk, 200).body);
    return this.chunk(chunk, data);
  }

  end(): string[] {
    return this.ended ? [] : this.finish(false);
  }

  private chunk(chunk: any, data: string): string[] {
    const hasUsage = chunk.usage != null;
    if (!Array.isArray(chunk.choices) || chunk.choices.length === 0) return this.usageChunk(chunk, data, hasUsage);
    let changed = this.pin(chunk);
    if (chunk.object !== CHUNK) {
      chunk.object = CHUNK;
      changed = true;
    }
    for (let i = 0; i < chunk.choices.length; i++) {
      const choice = chunk.choices[i];
      if (choice === null || typeof choice !== 'object') continue;
      if (!Number.isInteger(choice.index)) {
        choice.index = i;
        changed = true;
      }
      const outcome = fixChoice(choice, this.state(choice.index), this.named);
      if (typeof outcome === 'object') return this.fail(abortError(outcome.abort));
      if (outcome === 'changed') changed = true;
    }
    if (hasUsage) {
      if (this.includeUsage) {
        this.pendingUsage = chunk.usage;
        chunk.usage = null;
      } else {
        delete chunk.usage;
      }
      changed = true;
    }
    return [changed ? JSON.stringify(chunk) : data];
  }

  /** Only the usage chunk may have no choices (F10, F12), and it exists only when asked for (F09). */
  private usageChunk(chunk: any, data: string, hasUsage: boolean): string[] {
    if (!hasUsage || !this.includeUsage || this.usageSent) return [];
    this.usageSent = true;
    let changed = this.pin(chunk);
    if (!Array.isArray(chunk.choices)) {
      chunk.choices = [];
      changed = true;
    }
    if (chunk.object !== CHUNK) {
      chunk.object = CHUNK;
      changed = true;
    }
    return [changed ? JSON.stringify(chunk) : data];
  }

  /** Every chunk carries the first chunk's id and created (F35). */
  private pin(chunk: any): boolean {
    if (!this.pinned) {
      this.pinned = true;
      this.id = chunk.id;
      this.created = chunk.created;
      this.model = chunk.model;
      return false;
    }
    let changed = false;
    if (this.id !== undefined && chunk.id !== this.id) {
      chunk.id = this.id;
      changed = true;
    }
    if (this.created !== undefined && chunk.created !== this.created) {
      chunk.created = this.created;
      changed = true;
    }
    return changed;
  }

  private state(index: number): ChoiceState {
    let state = this.choices.get(index);
    if (!state) this.choices.set(index, (state = new ChoiceState()));
    return state;
  }

  private finish(upstreamSaidDone: boolean): string[] {
    const open = [...this.choices].filter(([, s]) => !s.finished);
    if (this.choices.size === 0) return this.fail(truncated('before sending any completion chunk'));
    if (open.length > 0 && !upstreamSaidDone) return this.fail(truncated('before the answer was finished'));
    const out = open.map(([index, state]) =>
      JSON.stringify(this.envelope([{ index, delta: {}, logprobs: null, finish_reason: finishReasonFor(state, this.named) }])),
    );
    if (this.includeUsage && !this.usageSent && this.pendingUsage !== undefined) {
      out.push(JSON.stringify({ ...this.envelope([]), usage: this.pendingUsage }));
    }
    out.push('[DONE]');
    this.ended = true;
    return out;
  }

  private envelope(choices: unknown[]): Record<string, unknown> {
    return { id: this.id, object: CHUNK, created: this.created, model: this.model, choices };
  }

  private fail(body: unknown): string[] {
    this.ended = true;
    return [JSON.stringify(body)];
  }
}

function malformed(data: string): unknown {
  const snippet = data.length > 120 ? `${data.slice(0, 120)}…` : data;
  return streamError(`The backend sent a stream event that is not a JSON chunk ("${snippet}"); the answer is incomplete. Retry the request.`, 'upstream_malformed_event');
}

function truncated(when: string): unknown {
  return streamError(`The backend closed the stream ${when} (no finish_reason), so the answer is incomplete. Retry the request.`, 'upstream_truncated');
}

function streamError(message: string, code: string): unknown {
  return { error: { message, type: 'server_error', param: null, code } };
}
