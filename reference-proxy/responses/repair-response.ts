// Repairs of a Response object a Responses backend sent, shared by the stream and body repairers:
// the keys the spec requires filled in from the request (a stub response.created, S03; llama.cpp
// and vLLM leave out error and others, S11), usage details, and the status of an answer cut by
// max_output_tokens that the backend called completed (S08). Ollama and llama.cpp expose no
// finish reason there, so the proxy infers the cut from the usage: output_tokens at the budget.
import type { ResponsesRepairs } from './repair-kinds.ts';
import { responseObject } from './response-object.ts';
import type { Json } from './types.ts';

/** The keys OpenAPI's Response requires (error, incomplete_details and instructions even when null). */
const REQUIRED = ['id', 'object', 'created_at', 'status', 'error', 'incomplete_details', 'instructions', 'model', 'output', 'tools', 'tool_choice', 'parallel_tool_calls', 'temperature', 'top_p', 'metadata', 'usage'];

export interface ResponseFallback {
  id: string;
  createdAt: number;
  model: string;
}

/** A copy with the required keys present (the backend's values win); the same object when none was missing. */
export function completeResponse(r: Json, request: Json, fallback: ResponseFallback, repairs: ResponsesRepairs): Json {
  let out = r;
  if (REQUIRED.some((k) => !(k in r))) {
    const head = { id: r.id ?? fallback.id, createdAt: r.created_at ?? fallback.createdAt, model: r.model ?? fallback.model, request };
    const template = responseObject(head, { status: r.status ?? 'in_progress', output: r.output ?? [], usage: r.usage ?? null });
    // the required keys first, in OpenAI's order, then whatever else the backend sent
    out = { ...Object.fromEntries(REQUIRED.map((k) => [k, k in r ? r[k] : template[k]])), ...r };
    repairs.add('created_completed');
  }
  const u = out.usage;
  if (u && typeof u === 'object' && (!u.input_tokens_details || !u.output_tokens_details)) {
    out = { ...out, usage: { ...u, input_tokens_details: u.input_tokens_details ?? { cached_tokens: 0 }, output_tokens_details: u.output_tokens_details ?? { reasoning_tokens: 0 } } };
    repairs.add('usage_details_added');
  }
  return out;
}

/** An answer the backend called completed although its output reached max_output_tokens. */
export function cutAtBudget(r: Json, request: Json): boolean {
  const budget = request.max_output_tokens;
  return r.status === 'completed' && Number.isInteger(budget) && Number.isInteger(r.usage?.output_tokens) && r.usage.output_tokens >= budget;
}

/** The response marked incomplete for max_output_tokens. */
export function asIncomplete(r: Json, repairs: ResponsesRepairs): Json {
  repairs.add('incomplete_status');
  return { ...r, status: 'incomplete', completed_at: null, incomplete_details: r.incomplete_details ?? { reason: 'max_output_tokens' } };
}
