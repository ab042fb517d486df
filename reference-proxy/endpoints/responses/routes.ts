// GET and DELETE /v1/responses/{id}: a response the proxy stored, as it was served, and OpenAI's
// deletion answer; GET /v1/responses/{id}/input_items: its input items, paged
// (responses/input-items-list.ts). One the proxy does not have (never stored, store: false,
// expired, deleted) is a 404 with OpenAI's wording. Behind the same inbound keys as every endpoint, and a key reads and
// deletes only the responses it created: another key's is the same 404 (responses/store.ts).
import { authenticate } from '../../auth/authenticate.ts';
import type { Exchange, ProxyContext } from '../../core/context.ts';
import { ProxyError } from '../../errors.ts';
import type { Route } from '../../handlers/routes.ts';
import { sendJson } from '../../handlers/respond.ts';
import { inputItemsOf, listPage, parseListQuery } from '../../responses/input-items-list.ts';
import { deleteResponse, notFound, retrieveResponse } from '../../responses/retrieve.ts';
import { storeFor } from './store-for.ts';

const PREFIX = '/v1/responses/';
const INPUT_ITEMS = '/input_items';

/** The response id the path names (before `suffix`), and the name of the key asking (undefined without auth). */
function target(ctx: ProxyContext, ex: Exchange, suffix = ''): [id: string, owner: string | undefined] {
  const owner = ctx.config.auth ? authenticate(ex.req.header('authorization'), ctx.config.auth.keys).name : undefined;
  ex.record.endpoint = 'responses';
  const raw = ex.record.path.slice(PREFIX.length, ex.record.path.length - suffix.length);
  let id: string | undefined;
  try {
    id = decodeURIComponent(raw);
  } catch {
    id = undefined;
  }
  if (id === undefined || id === '' || id.includes('/')) {
    throw new ProxyError(404, `Unknown path ${ex.record.path}: the proxy serves GET and DELETE ${PREFIX}{response_id} and GET ${PREFIX}{response_id}${INPUT_ITEMS}.`, { code: 'unknown_url' });
  }
  return [id, owner];
}

async function getResponseOrItems(ctx: ProxyContext, ex: Exchange): Promise<void> {
  if (!ex.record.path.endsWith(INPUT_ITEMS)) return sendJson(ex.res, 200, await retrieveResponse(storeFor(ctx), ...target(ctx, ex)));
  const [id, owner] = target(ctx, ex, INPUT_ITEMS);
  const url = ex.req.url;
  const query = parseListQuery(new URLSearchParams(url.includes('?') ? url.slice(url.indexOf('?') + 1) : ''));
  const stored = await storeFor(ctx).get(id, owner);
  if (!stored) throw notFound(id);
  sendJson(ex.res, 200, listPage(inputItemsOf(stored), query));
}

export const RESPONSES_ROUTES: readonly Route[] = [
  {
    path: PREFIX,
    method: 'GET',
    limited: true,
    prefix: true,
    handle: getResponseOrItems,
  },
  {
    path: PREFIX,
    method: 'DELETE',
    limited: true,
    prefix: true,
    handle: async (ctx, ex) => sendJson(ex.res, 200, await deleteResponse(storeFor(ctx), ...target(ctx, ex))),
  },
];
