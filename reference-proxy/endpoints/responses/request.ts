// A Responses request as the adapter carries it between its steps: the client's body as sent
// (what a Responses backend gets, the conversation inlined), and beside it — never in it — the
// stored conversation it continues and the chat requests it translates to, worked out once per
// request however many candidates are tried.
import type { EndpointRequest } from '../../core/endpoint.ts';
import type { ProxyError } from '../../errors.ts';
import type { Conversation } from '../../responses/conversation.ts';
import type { Json } from '../../responses/types.ts';

export interface ResponsesRequest extends EndpointRequest {
  input?: unknown;
  stream?: boolean | null;
  store?: boolean | null;
  previous_response_id?: string | null;
}

export interface Prepared {
  /** the stored turns previous_response_id names and the items item_reference entries name */
  conversation: Conversation;
  /** the chat request per translation settings (responses/to-chat-request.ts), or the 400 it refuses with */
  chat: Map<string, Json | ProxyError>;
}

const prepared = new WeakMap<ResponsesRequest, Prepared>();

export function prepare(request: ResponsesRequest, conversation: Conversation): void {
  prepared.set(request, { conversation, chat: new Map() });
}

/** What validate() worked out for this request. */
export function preparedOf(request: ResponsesRequest): Prepared {
  const found = prepared.get(request);
  if (!found) throw new Error('dropin: a Responses request reached an attempt without being validated');
  return found;
}
