// GET and DELETE /v1/responses/{id} for the responses the proxy stored: the Response as it was
// served, and OpenAI's deletion answer. A response the proxy does not have (never stored,
// store: false, expired, deleted) is a 404 with OpenAI's wording.
import { ProxyError } from '../errors.ts';
import type { ResponsesStore } from './store.ts';
import type { Json } from './types.ts';

export const notFound = (id: string) => new ProxyError(404, `Response with id '${id}' not found.`, { param: 'response_id' });

export async function retrieveResponse(store: ResponsesStore, id: string, owner?: string): Promise<Json> {
  const stored = await store.get(id, owner);
  if (!stored) throw notFound(id);
  return stored.response;
}

export async function deleteResponse(store: ResponsesStore, id: string, owner?: string): Promise<Json> {
  if (!(await store.delete(id, owner))) throw notFound(id);
  return { id, object: 'response', deleted: true };
}
