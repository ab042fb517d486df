// A non-stream chat completion (already normalised) → the Response object: a reasoning item for
// the reasoning text, a message for the text and refusal, a function_call item per tool call,
// the status from finish_reason (length → incomplete / max_output_tokens, content_filter →
// incomplete / content_filter; the cut item is marked incomplete), and the usage.
import { ProxyError } from '../errors.ts';
import { seconds, statusAtBudget, type AnswerContext } from './answer-context.ts';
import { functionCallItem, messageItem, reasoningItem, reasoningOf, refusalPart, textPart } from './output-items.ts';
import { responseObject } from './response-object.ts';
import { responsesUsage } from './usage.ts';
import type { Json, ResponseItem } from './types.ts';

export function fromChatCompletion(completion: Json, ctx: AnswerContext): Json {
  const choice = Array.isArray(completion?.choices) ? completion.choices[0] : undefined;
  if (!choice || typeof choice.message !== 'object' || choice.message === null) {
    throw new ProxyError(502, 'The backend answered without a choice, so there is no answer to return. Retry the request.', { code: 'upstream_malformed_answer' });
  }
  const message = choice.message as Json;
  const items: ResponseItem[] = [];
  const reasoning = reasoningOf(message);
  if (reasoning) items.push(reasoningItem(ctx.newId('rs'), reasoning, ctx.reasoning));
  const content = messageContent(message, choice.logprobs);
  const calls: Json[] = Array.isArray(message.tool_calls) ? message.tool_calls : [];
  if (content.length > 0 || calls.length === 0) items.push(messageItem(ctx.newId('msg'), 'completed', content.length > 0 ? content : [textPart('')]));
  for (const call of calls) {
    items.push(functionCallItem(ctx.newId('fc'), 'completed', { callId: call.id, name: call.function?.name, arguments: call.function?.arguments ?? '' }));
  }
  const usage = responsesUsage(completion.usage, { chatRequest: ctx.chatRequest, outputChars: () => JSON.stringify(items).length });
  const { status, reason } = statusAtBudget(choice.finish_reason, completion.usage, usage.output_tokens, ctx.head.request);
  const last = items.at(-1)!;
  if (status === 'incomplete' && last.type !== 'reasoning') last.status = 'incomplete';
  return responseObject(ctx.head, {
    status,
    incompleteReason: reason,
    output: items,
    usage,
    completedAt: seconds((ctx.now ?? Date.now)()),
  });
}

function messageContent(message: Json, logprobs: Json | null | undefined): Json[] {
  const parts: Json[] = [];
  if (typeof message.content === 'string' && message.content !== '') parts.push(textPart(message.content, Array.isArray(logprobs?.content) ? logprobs.content : []));
  if (typeof message.refusal === 'string' && message.refusal !== '') parts.push(refusalPart(message.refusal));
  return parts;
}
