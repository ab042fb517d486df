// Non-stream body repair: the keys the spec requires but backends omit (F33), tool-call
// arguments sent as objects (F28), and finish_reason (F05, F07, F08).
import { randomBytes } from 'node:crypto';
import { ProxyError } from '../errors.ts';
import type { NormalizeContext } from './context.ts';
import { abortError, isNamedToolChoice, mapFinishReason, reconcileWithToolCalls } from './finish-reason.ts';

/** A conformant copy of a non-stream chat completion; throws ProxyError(502) for an aborted one. */
export function normalizeCompletion(json: any, ctx: NormalizeContext): any {
  if (json === null || typeof json !== 'object' || !Array.isArray(json.choices)) return json;
  const named = isNamedToolChoice(ctx.request);
  return {
    ...json,
    object: 'chat.completion',
    choices: json.choices.map((choice: any, position: number) => fixChoice(choice, position, named)),
  };
}

function fixChoice(choice: any, position: number, named: boolean): any {
  const message = fixMessage(choice?.message ?? {});
  const raw = typeof choice?.finish_reason === 'string' ? mapFinishReason(choice.finish_reason) : 'stop';
  if (raw === 'abort') {
    const { error } = abortError(choice.finish_reason);
    throw new ProxyError(502, error.message, { code: error.code });
  }
  return {
    ...choice,
    index: Number.isInteger(choice?.index) ? choice.index : position,
    message,
    logprobs: choice?.logprobs ?? null,
    finish_reason: reconcileWithToolCalls(raw, Array.isArray(message.tool_calls), named, argumentsComplete(message.tool_calls)),
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

function fixMessage(message: any): any {
  const out = { ...message, role: 'assistant', content: message.content ?? null, refusal: message.refusal ?? null };
  if (Array.isArray(out.tool_calls) && out.tool_calls.length > 0) out.tool_calls = out.tool_calls.map(fixToolCall);
  else delete out.tool_calls;
  return out;
}

function fixToolCall(call: any): any {
  const fn = call?.function ?? {};
  const args = fn.arguments;
  return {
    ...call,
    id: typeof call?.id === 'string' && call.id !== '' ? call.id : `call_${randomBytes(12).toString('hex')}`,
    type: call?.type ?? 'function',
    function: {
      ...fn,
      name: typeof fn.name === 'string' ? fn.name : '',
      arguments: typeof args === 'string' ? args : args == null ? '{}' : JSON.stringify(args),
    },
  };
}
