// GET and DELETE /v1/responses/{id}: a response the proxy stored, as it was served, and OpenAI's
// deletion answer; one it does not have (never stored, store: false, expired, deleted) is a 404
// with OpenAI's wording. Behind the same inbound keys as every endpoint, and a key reads and
// deletes only the responses it created: another key's is the same 404 (responses/store.ts).
import { authenticate } from '../../auth/authenticate.ts';
import type { Exchange, ProxyContext } from '../../core/context.ts';
import { ProxyError } from '../../errors.ts';
import type { Route } from '../../handlers/routes.ts';
import { sendJson } from '../../handlers/respond.ts';
import { deleteResponse, retrieveResponse } from '../../responses/retrieve.ts';
import { storeFor } from './store-for.ts';

const PREFIX = '/v1/responses/';

/** The response id the path names, and the name of the key asking (undefined without auth). */
function target(ctx: ProxyContext, ex: Exchange): [id: string, owner: string | undefined] {
  const owner = ctx.config.auth ? authenticate(ex.req.header('authorization'), ctx.config.auth.keys).name : undefined;
  ex.record.endpoint = 'responses';
  const raw = ex.record.path.slice(PREFIX.length);
  let id: string | undefined;
  try {
    id = decodeURIComponent(raw);
  } catch {
    id = undefined;
  }
  if (id === undefined || id.includes('/')) throw new ProxyError(404, `Unknown path ${ex.record.path}: the proxy serves GET and DELETE ${PREFIX}{response_id}.`, { code: 'unknown_url' });
  return [id, owner];
}

export const RESPONSES_ROUTES: readonly Route[] = [
  {
    path: PREFIX,
    method: 'GET',
    limited: true,
    prefix: true,
    handle: async (ctx, ex) => sendJson(ex.res, 200, await retrieveResponse(storeFor(ctx), ...target(ctx, ex))),
  },
  {
    path: PREFIX,
    method: 'DELETE',
    limited: true,
    prefix: true,
    handle: async (ctx, ex) => sendJson(ex.res, 200, await deleteResponse(storeFor(ctx), ...target(ctx, ex))),
  },
];
