// The output items of a translated answer, shaped as OpenAI's (recorded traffic): a message with
// output_text (and refusal) parts, a function_call per chat tool call (the backend's call id kept
// as call_id, clients answer with it), and a reasoning item for the reasoning text a chat backend
// sends as reasoning_content or reasoning — as a summary, the only reasoning the Vercel AI SDK
// reads (S14), or as reasoning_text content, as vLLM and llama.cpp send it.
import type { Json, ResponseItem } from './types.ts';

export type ItemStatus = 'in_progress' | 'completed' | 'incomplete';

/** How reasoning text is given to Responses clients (see the file comment). */
export type ReasoningStyle = 'summary' | 'reasoning_text';

export function textPart(text: string, logprobs: Json[] = []): Json {
  return { type: 'output_text', annotations: [], logprobs, text };
}

export const refusalPart = (refusal: string): Json => ({ type: 'refusal', refusal });

export function messageItem(id: string, status: ItemStatus, content: Json[]): ResponseItem {
  return { id, type: 'message', status, content, role: 'assistant' };
}

export function functionCallItem(id: string, status: ItemStatus, call: { callId: string; name: string; arguments: string }): ResponseItem {
  return { id, type: 'function_call', status, arguments: call.arguments, call_id: call.callId, name: call.name };
}

export function reasoningItem(id: string, text: string, style: ReasoningStyle): ResponseItem {
  if (style === 'summary') return { id, type: 'reasoning', summary: text === '' ? [] : [{ type: 'summary_text', text }] };
  return { id, type: 'reasoning', summary: [], content: text === '' ? [] : [{ type: 'reasoning_text', text }] };
}

/** The reasoning text of a chat message or delta, under either name backends use (F39, S20). */
export function reasoningOf(message: Json | undefined): string | undefined {
  const text = message?.reasoning_content ?? message?.reasoning;
  return typeof text === 'string' ? text : undefined;
}
