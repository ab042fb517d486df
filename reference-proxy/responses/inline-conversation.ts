// For backends that serve /v1/responses themselves: the conversation the proxy stored is sent
// inline, since Ollama ignores previous_response_id, llama.cpp refuses it, vLLM keeps nothing by
// default, Ollama and llama.cpp refuse item_reference (S09) — and a conversation the proxy routed
// to one backend may continue on another. The stored items go without their ids (the backend
// never issued them) and without reasoning items, which each backend reads differently (llama.cpp
// refuses one without raw text; OpenAI looks its id up) and no model needs to answer the next turn.
import type { Conversation } from './conversation.ts';
import type { Json, ResponseItem } from './types.ts';

export function inlineConversation(body: Json, conversation: Conversation): Json {
  const hasReferences = Array.isArray(body.input) && body.input.some((i: Json) => i?.type === 'item_reference');
  if (!body.previous_response_id && !hasReferences) return body;
  const input: ResponseItem[] = typeof body.input === 'string' ? [{ role: 'user', content: body.input }] : body.input;
  const resolved = input.flatMap((item) => (item?.type === 'item_reference' ? replayed(conversation.references.get(item.id)) : [item]));
  const { previous_response_id: _, ...rest } = body;
  return { ...rest, input: [...conversation.history.flatMap(replayed), ...resolved] };
}

function replayed(item: ResponseItem | undefined): ResponseItem[] {
  if (!item || item.type === 'reasoning') return [];
  const { id: _, ...rest } = item;
  return [rest];
}
