// Non-stream body repair: the keys the spec requires but backends omit (F33), tool-call
// arguments sent as objects (F28), finish_reason (F05, F07, F08), `object` and a whole-second
// `created`.
import { randomBytes } from 'node:crypto';
import { ProxyError } from '../errors.ts';
import type { NormalizeContext } from './context.ts';
import { abortError, isNamedToolChoice, mapFinishReason, reconcileWithToolCalls } from './finish-reason.ts';
import type { ReasoningField } from '../types.ts';
import { placeReasoning } from './reasoning.ts';
import type { Repairs } from './repairs.ts';
import { wholeSeconds } from './whole-seconds.ts';

/** A conformant copy of a non-stream chat completion; throws ProxyError(502) for an aborted one. */
export function normalizeCompletion(json: any, ctx: NormalizeContext): any {
  if (json === null || typeof json !== 'object' || !Array.isArray(json.choices)) return json;
  const repairs = ctx.repairs ?? new Set();
  const named = isNamedToolChoice(ctx.request);
  if (json.object !== 'chat.completion') repairs.add('object_fixed');
  const created = wholeSeconds(json.created);
  if (created !== json.created) repairs.add('created_integer');
  return {
    ...json,
    object: 'chat.completion',
    created,
    choices: json.choices.map((choice: any, position: number) => fixChoice(choice, position, named, repairs, ctx.reasoningField)),
  };
}

function fixChoice(choice: any, position: number, named: boolean, repairs: Repairs, reasoningField?: ReasoningField): any {
  const message = fixMessage(choice?.message ?? {}, repairs);
  if (reasoningField && placeReasoning(message, reasoningField)) repairs.add('reasoning_renamed');
  const given = choice?.finish_reason;
  const raw = typeof given === 'string' ? mapFinishReason(given) : 'stop';
  if (raw === 'abort') {
    const { error } = abortError(given);
    throw new ProxyError(502, error.message, { code: error.code });
  }
  const finish = reconcileWithToolCalls(raw, Array.isArray(message.tool_calls), named, argumentsComplete(message.tool_calls));
  if (raw !== given) repairs.add('finish_reason_mapped');
  if (finish !== raw) repairs.add('finish_reason_reconciled');
  if (!Number.isInteger(choice?.index)) repairs.add('choice_index_added');
  if (choice?.logprobs === undefined) repairs.add('message_keys_added');
  return {
    ...choice,
    index: Number.isInteger(choice?.index) ? choice.index : position,
    message,
    logprobs: choice?.logprobs ?? null,
    finish_reason: finish,
  };
}

function argumentsComplete(calls: any[] | undefined): boolean {
  return (calls ?? []).every((c) => {
    try {
      JSON.parse(c?.function?.arguments);
      return true;
    } catch {
      return false;
    }
  });
}

function fixMessage(message: any, repairs: Repairs): any {
  if (message.role !== 'assistant' || message.content === undefined || message.refusal === undefined) repairs.add('message_keys_added');
  const out = { ...message, role: 'assistant', content: message.content ?? null, refusal: message.refusal ?? null };
  if (Array.isArray(out.tool_calls) && out.tool_calls.length > 0) out.tool_calls = out.tool_calls.map((call: any) => fixToolCall(call, repairs));
  else if ('tool_calls' in out) {
    delete out.tool_calls;
    repairs.add('tool_nulls_removed');
  }
  return out;
}

function fixToolCall(call: any, repairs: Repairs): any {
  const fn = call?.function ?? {};
  const args = fn.arguments;
  const hasId = typeof call?.id === 'string' && call.id !== '';
  if (!hasId || call?.type == null || typeof fn.name !== 'string') repairs.add('tool_call_fields_added');
  if (typeof args !== 'string') repairs.add('arguments_stringified');
  return {
    ...call,
    id: hasId ? call.id : `call_${randomBytes(12).toString('hex')}`,
    type: call?.type ?? 'function',
    function: {
      ...fn,
      name: typeof fn.name === 'string' ? fn.name : '',
      arguments: typeof args === 'string' ? args : args == null ? '{}' : JSON.stringify(args),
    },
  };
}
