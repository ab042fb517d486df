// The stream normaliser: one instance per response, fed one SSE data payload at a time. It parses
// each payload once and hands the original text back when nothing in it had to change, so a
// conformant stream passes through byte for byte. It is safe on any backend's stream. Chat
// chunks and legacy text-completion chunks share everything but their choices (ChunkKind).
//
// How a stream may end: an upstream [DONE] or a clean EOF after every choice has its
// finish_reason → (usage chunk) + [DONE]. An upstream [DONE] without a finish_reason gets the
// missing finish chunk first, and a usage chunk that came while a choice was still open waits
// for it: the usage chunk is the last before [DONE]. EOF without a finish_reason means the
// backend died or swallowed an error (F13, F31): the client gets an error event and no [DONE], so
// a truncated answer can never pass for a complete one.
import type { NormalizeContext, StreamNormalizer } from './context.ts';
import { abortError, isNamedToolChoice } from './finish-reason.ts';
import type { ReasoningField } from '../types.ts';
import { placeReasoning } from './reasoning.ts';
import type { Repairs } from './repairs.ts';
import { ChoiceState, finishReasonFor, fixChoice, type ChoiceOutcome } from './stream-choice.ts';
import { envelopeFrom } from './upstream-error.ts';
import { wholeSeconds } from './whole-seconds.ts';

/** What differs between the chunks of two endpoints: their object, and how a choice is repaired and finished. */
export interface ChunkKind {
  object: string;
  fixChoice(choice: any, state: ChoiceState, namedToolChoice: boolean, repairs: Repairs): ChoiceOutcome;
  /** the choice of a finish chunk synthesised for a choice that never got one */
  finishChoice(index: number, state: ChoiceState, namedToolChoice: boolean): object;
}

const CHAT: ChunkKind = {
  object: 'chat.completion.chunk',
  fixChoice,
  finishChoice: (index, state, named) => ({ index, delta: {}, logprobs: null, finish_reason: finishReasonFor(state, named) }),
};

export function createStreamNormalizer(ctx: NormalizeContext, kind: ChunkKind = CHAT): StreamNormalizer {
  return new StreamFixer(ctx.request, ctx.repairs ?? new Set(), ctx.reasoningField, kind);
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
  /** the backend's usage chunk, held because a choice had no finish_reason yet */
  private heldUsage?: string;
  private ended = false;

  readonly repairs: Repairs;
  private readonly reasoningField: ReasoningField | undefined;
  private readonly kind: ChunkKind;

  constructor(request: any, repairs: Repairs, reasoningField: ReasoningField | undefined, kind: ChunkKind) {
    this.repairs = repairs;
    this.reasoningField = reasoningField;
    this.kind = kind;
    this.includeUsage = request?.stream_options?.include_usage === true;
    this.named = isNamedToolChoice(request);
  }

  event(data: string): string[] {
    if (this.ended) return [];
    if (data === '[DONE]') return this.finish(true);
    if (data === '') {
      this.repairs.add('empty_chunk_dropped');
      return [];
    }
    let chunk: any;
    try {
      chunk = JSON.parse(data);
    } catch {
      return this.fail(malformed(data));
    }
    if (chunk === null || typeof chunk !== 'object' || Array.isArray(chunk)) return this.fail(malformed(data));
    if (chunk.error || chunk.object === 'error') return this.fail(envelopeFrom(chunk, 200, this.repairs).body);
    return this.chunk(chunk, data);
  }

  end(): string[] {
    return this.ended ? [] : this.finish(false);
  }

  private chunk(chunk: any, data: string): string[] {
    const hasUsage = chunk.usage != null;
    if (!Array.isArray(chunk.choices) || chunk.choices.length === 0) return this.usageChunk(chunk, data, hasUsage);
    let changed = this.pin(chunk);
    if (this.fixObject(chunk)) changed = true;
    for (let i = 0; i < chunk.choices.length; i++) {
      const choice = chunk.choices[i];
      if (choice === null || typeof choice !== 'object') continue;
      if (!Number.isInteger(choice.index)) {
        choice.index = i;
        changed = true;
        this.repairs.add('choice_index_added');
      }
      const outcome = this.kind.fixChoice(choice, this.state(choice.index), this.named, this.repairs);
      if (typeof outcome === 'object') return this.fail(abortError(outcome.abort));
      if (outcome === 'changed') changed = true;
      if (this.reasoningField && placeReasoning(choice.delta, this.reasoningField)) {
        changed = true;
        this.repairs.add('reasoning_renamed');
      }
    }
    if (hasUsage) {
      if (this.includeUsage) {
        this.pendingUsage = chunk.usage;
        chunk.usage = null;
        this.repairs.add('usage_moved');
      } else {
        delete chunk.usage;
        this.repairs.add('usage_dropped');
      }
      changed = true;
    }
    return [changed ? JSON.stringify(chunk) : data];
  }

  /** Only the usage chunk may have no choices (F10, F12), and it exists only when asked for (F09). */
  private usageChunk(chunk: any, data: string, hasUsage: boolean): string[] {
    if (!hasUsage) {
      this.repairs.add('empty_chunk_dropped');
      return [];
    }
    if (!this.includeUsage || this.usageSent) {
      this.repairs.add('usage_dropped');
      return [];
    }
    this.usageSent = true;
    let changed = this.pin(chunk);
    if (!Array.isArray(chunk.choices)) {
      chunk.choices = [];
      changed = true;
      this.repairs.add('usage_choices_added');
    }
    if (this.fixObject(chunk)) changed = true;
    const text = changed ? JSON.stringify(chunk) : data;
    if (this.choices.size > 0 && [...this.choices.values()].every((s) => s.finished)) return [text];
    this.heldUsage = text;
    return [];
  }

  private fixObject(chunk: any): boolean {
    if (chunk.object === this.kind.object) return false;
    chunk.object = this.kind.object;
    this.repairs.add('object_fixed');
    return true;
  }

  /** Every chunk carries the first chunk's id and created (F35), created in whole seconds. */
  private pin(chunk: any): boolean {
    if (!this.pinned) {
      this.pinned = true;
      this.id = chunk.id;
      this.model = chunk.model;
      this.created = wholeSeconds(chunk.created);
      if (this.created === chunk.created) return false;
      chunk.created = this.created;
      this.repairs.add('created_integer');
      return true;
    }
    let changed = false;
    if (this.id !== undefined && chunk.id !== this.id) {
      chunk.id = this.id;
      changed = true;
      this.repairs.add('id_pinned');
    }
    if (chunk.created !== this.created) {
      this.repairs.add(Number.isInteger(chunk.created) ? 'created_pinned' : 'created_integer');
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
    if (open.length > 0) this.repairs.add('finish_synthesized');
    const out = open.map(([index, state]) =>
      JSON.stringify(this.envelope([this.kind.finishChoice(index, state, this.named)])),
    );
    if (this.heldUsage !== undefined) out.push(this.heldUsage);
    else if (this.includeUsage && !this.usageSent && this.pendingUsage !== undefined) {
      out.push(JSON.stringify({ ...this.envelope([]), usage: this.pendingUsage }));
    }
    if (!upstreamSaidDone) this.repairs.add('done_appended');
    out.push('[DONE]');
    this.ended = true;
    return out;
  }

  private envelope(choices: unknown[]): Record<string, unknown> {
    return { id: this.id, object: this.kind.object, created: this.created, model: this.model, choices };
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
