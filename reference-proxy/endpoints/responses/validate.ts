// The checks a Responses request needs before routing — the fields the proxy itself reads (model,
// input, stream, store, previous_response_id), worded as OpenAI words them — and the stored
// conversation it continues. A previous_response_id or an item_reference the store does not have
// (unknown, expired, deleted, never stored) is a 400 naming it, before any backend is asked: a
// stateless backend would otherwise answer without the history, silently. Everything else is
// judged per backend: the translation refuses what a chat backend cannot honour (adapter's
// refuse), a Responses backend judges its own request.
import type { ProxyContext } from '../../core/context.ts';
import type { ApiKeyConfig } from '../../types.ts';
import { resolveConversation } from '../../responses/conversation.ts';
import { emptyString, invalidType, itemNotFound, missing } from '../../responses/refuse.ts';
import type { Json } from '../../responses/types.ts';
import { prepare, type ResponsesRequest } from './request.ts';
import { storeFor } from './store-for.ts';

export async function validateResponsesRequest(body: unknown, ctx: ProxyContext, caller?: ApiKeyConfig): Promise<ResponsesRequest> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw invalidType('body', 'a JSON object with "model" and "input"', body);
  const b = body as Json;
  if (b.model === undefined || b.model === null) throw missing('model');
  if (typeof b.model !== 'string' || b.model === '') throw invalidType('model', 'a non-empty string', b.model);
  if (b.input === undefined || b.input === null) throw missing('input');
  if (typeof b.input !== 'string' && !Array.isArray(b.input)) throw invalidType('input', 'a string or an array of input items', b.input);
  for (const key of ['stream', 'store']) if (b[key] != null && typeof b[key] !== 'boolean') throw invalidType(key, 'a boolean', b[key]);
  // an empty id names no response; read as absent, the turn would go on without its history
  if (b.previous_response_id === '') throw emptyString('previous_response_id');
  // a key continues and references only the responses it created
  const conversation = await resolveConversation(b, storeFor(ctx), caller?.name);
  if (Array.isArray(b.input)) {
    for (const [i, item] of (b.input as Json[]).entries()) {
      if (item === null || typeof item !== 'object' || Array.isArray(item)) throw invalidType(`input[${i}]`, 'an object', item);
      if (item.type !== 'item_reference') continue;
      if (typeof item.id !== 'string') throw invalidType(`input[${i}].id`, 'a string', item.id);
      if (!conversation.references.has(item.id)) throw itemNotFound(item.id, b.store === false);
    }
  }
  const request = b as ResponsesRequest;
  prepare(request, conversation);
  return request;
}
