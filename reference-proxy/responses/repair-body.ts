// The pass-through repair of a non-stream Response a Responses backend sent: the keys the spec
// requires (S11), function_call items without id (S04), an answer cut by max_output_tokens that
// the backend called completed (S08), and, when asked, the proxy's own ids in place of the
// backend's (Ollama's resp_<n> / msg_<n> collide across restarts and backends, and the
// conversation store keys on them).
import type { NewId } from './ids.ts';
import type { ResponsesRepairKind, ResponsesRepairs } from './repair-kinds.ts';
import { asIncomplete, completeResponse, cutAtBudget } from './repair-response.ts';
import type { Json } from './types.ts';

const PREFIX: Record<string, 'msg' | 'fc' | 'rs'> = { message: 'msg', function_call: 'fc', reasoning: 'rs' };

export function repairResponseBody(body: Json, request: Json, opts: { repairs?: ResponsesRepairs; newId?: NewId; now?: () => number } = {}): Json {
  const repairs = opts.repairs ?? new Set<ResponsesRepairKind>();
  const now = (opts.now ?? Date.now)();
  const proxyId = opts.newId?.('resp');
  let r = completeResponse(body, request, { id: proxyId ?? `resp_${now}`, createdAt: Math.floor(now / 1000), model: String(request.model ?? '') }, repairs);
  if (cutAtBudget(r, request)) r = asIncomplete(r, repairs);
  const output = Array.isArray(r.output) ? r.output.map((item: Json) => itemWithId(item, repairs, opts.newId)) : r.output;
  if (proxyId) repairs.add('ids_remapped');
  return { ...r, ...(proxyId ? { id: proxyId } : {}), output };
}

function itemWithId(item: Json, repairs: ResponsesRepairs, newId?: NewId): Json {
  if (newId && PREFIX[item?.type]) return { ...item, id: newId(PREFIX[item.type]) };
  if (typeof item?.id === 'string' && item.id !== '') return item;
  if (item?.type !== 'function_call' || typeof item.call_id !== 'string') return item;
  repairs.add('item_id_added');
  return { id: item.call_id, ...item };
}
