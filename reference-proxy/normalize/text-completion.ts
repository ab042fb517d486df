// Legacy completions (POST /v1/completions, wire-facts-surface §3): the same repairs as chat where
// the shapes agree — one id and created per stream (Ollama stamps every chunk anew), usage only
// when asked for and last (S26: Ollama's zero usage on every chunk), finish_reason mapped, an
// aborted generation never passed off as complete — and the choice's own keys: `text`, and
// `logprobs` (null) which the spec requires on every choice. Its enum has no tool_calls.
import { ProxyError } from '../errors.ts';
import type { NormalizeContext, StreamNormalizer } from './context.ts';
import { abortError, mapFinishReason } from './finish-reason.ts';
import type { Repairs } from './repairs.ts';
import { createStreamNormalizer, type ChunkKind } from './stream.ts';
import { ChoiceState, type ChoiceOutcome } from './stream-choice.ts';
import { wholeSeconds } from './whole-seconds.ts';

const ENUM = new Set(['stop', 'length', 'content_filter']);

/** A legacy finish_reason: the chat mapping, then anything outside its enum is a stop; 'abort' stays an abort. */
export function textFinishReason(reason: string): string {
  const mapped = mapFinishReason(reason);
  return mapped === 'abort' || ENUM.has(mapped) ? mapped : 'stop';
}

/** Repairs one text choice in place: text and logprobs present, finish_reason present and in the enum. */
export function fixTextChoice(choice: any, state: ChoiceState, _named: boolean, repairs: Repairs): ChoiceOutcome {
  let changed = false;
  if (typeof choice.text !== 'string' || choice.logprobs === undefined) {
    if (typeof choice.text !== 'string') choice.text = '';
    if (choice.logprobs === undefined) choice.logprobs = null;
    repairs.add('text_choice_keys_added');
    changed = true;
  }
  const reason = choice.finish_reason;
  if (reason === undefined) {
    choice.finish_reason = null;
    repairs.add('finish_reason_null_added');
    return 'changed';
  }
  if (reason === null) return changed ? 'changed' : 'same';
  const mapped = textFinishReason(String(reason));
  if (mapped === 'abort') return { abort: String(reason) };
  state.finished = true;
  if (mapped === reason) return changed ? 'changed' : 'same';
  repairs.add('finish_reason_mapped');
  choice.finish_reason = mapped;
  return 'changed';
}

const TEXT: ChunkKind = {
  object: 'text_completion',
  fixChoice: fixTextChoice,
  finishChoice: (index) => ({ index, text: '', logprobs: null, finish_reason: 'stop' }),
};

export function createTextCompletionStreamNormalizer(ctx: NormalizeContext): StreamNormalizer {
  return createStreamNormalizer({ ...ctx, reasoningField: undefined }, TEXT);
}

/** A conformant copy of a non-stream legacy completion; throws ProxyError(502) for an aborted one. */
export function normalizeTextCompletion(json: any, ctx: NormalizeContext): any {
  if (json === null || typeof json !== 'object' || !Array.isArray(json.choices)) return json;
  const repairs = ctx.repairs ?? new Set();
  if (json.object !== 'text_completion') repairs.add('object_fixed');
  const created = wholeSeconds(json.created);
  if (created !== json.created) repairs.add('created_integer');
  const choices = json.choices.map((given: any, position: number) => {
    const choice = { ...given, index: Number.isInteger(given?.index) ? given.index : position };
    if (!Number.isInteger(given?.index)) repairs.add('choice_index_added');
    const outcome = fixTextChoice(choice, new ChoiceState(), false, repairs);
    if (typeof outcome === 'object') {
      const { error } = abortError(outcome.abort);
      throw new ProxyError(502, error.message, { code: error.code });
    }
    if (choice.finish_reason === null) choice.finish_reason = 'stop';
    return choice;
  });
  return { ...json, object: 'text_completion', created, choices };
}
