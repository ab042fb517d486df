// The conversation store of one proxy: made on first use from its shared state — in memory by
// default, in Redis when state.redis is configured, so a conversation continues on any replica —
// bounded by responses.store. A response is kept before its answer (or its stream's terminal event)
// goes out, so the client's next turn finds it on whichever replica it reaches. A write that fails
// does not fail the answer, which the backend gave: it is logged (the next turn naming that
// response gets the usual 400 "not found").
import type { ProxyContext } from '../../core/context.ts';
import { recordOf, type Conversation } from '../../responses/conversation.ts';
import type { ResponsesStore } from '../../responses/store.ts';
import type { Json } from '../../responses/types.ts';
import type { ResponsesRequest } from './request.ts';

const stores = new WeakMap<ProxyContext, ResponsesStore>();

export function storeFor(ctx: ProxyContext): ResponsesStore {
  let store = stores.get(ctx);
  if (!store) {
    store = ctx.state.conversations(ctx.config.responses.store);
    stores.set(ctx, store);
  }
  return store;
}

/** Keeps a served response and its conversation, unless the client said store: false or it failed; never rejects. */
export async function keep(ctx: ProxyContext, request: ResponsesRequest, conversation: Conversation, final: Json | undefined): Promise<void> {
  const record = final && recordOf(request, conversation, withPrevious(final, request));
  if (!record) return;
  await storeFor(ctx).save(record).catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    ctx.log(JSON.stringify({ level: 'warn', msg: `responses: response ${String(final.id)} was answered but could not be stored (${reason}); a later turn naming it will be refused as not found` }));
  });
}

/**
 * The response echoing the client's previous_response_id: a Responses backend was sent the
 * conversation inline, so its answer echoes none (the memory store also reads it to count only
 * what a turn adds).
 */
export function withPrevious(response: Json, request: ResponsesRequest): Json {
  const previous = request.previous_response_id ?? null;
  return response.previous_response_id === previous ? response : { ...response, previous_response_id: previous };
}
