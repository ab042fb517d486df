// The Response object the proxy answers with, key for key as OpenAI sends it (recorded traffic;
// wire-facts-surface §1.2): the answer's status, output and usage, and the request's settings
// echoed, with OpenAI's defaults where the client left them out. The same skeleton serves
// response.created (in_progress, no output), the terminal event and the non-stream body.
import type { Json, ResponseItem } from './types.ts';

export type ResponseStatus = 'in_progress' | 'completed' | 'incomplete' | 'failed';

export interface ResponseHead {
  id: string;
  /** epoch seconds */
  createdAt: number;
  model: string;
  /** the client's Responses request */
  request: Json;
}

export interface ResponseState {
  status: ResponseStatus;
  output?: ResponseItem[];
  usage?: Json | null;
  /** why an incomplete answer stopped */
  incompleteReason?: 'max_output_tokens' | 'content_filter';
  /** the failure of a failed response: {code, message} */
  error?: { code: string; message: string };
  /** epoch seconds, for completed answers */
  completedAt?: number;
}

export function responseObject(head: ResponseHead, state: ResponseState): Json {
  const r = head.request;
  return {
    id: head.id,
    object: 'response',
    created_at: head.createdAt,
    status: state.status,
    background: false,
    completed_at: state.status === 'completed' ? (state.completedAt ?? head.createdAt) : null,
    error: state.error ?? null,
    incomplete_details: state.status === 'incomplete' ? { reason: state.incompleteReason ?? 'max_output_tokens' } : null,
    instructions: r.instructions ?? null,
    max_output_tokens: r.max_output_tokens ?? null,
    max_tool_calls: r.max_tool_calls ?? null,
    model: head.model,
    output: state.output ?? [],
    parallel_tool_calls: r.parallel_tool_calls ?? true,
    previous_response_id: r.previous_response_id ?? null,
    prompt_cache_key: r.prompt_cache_key ?? null,
    reasoning: { effort: r.reasoning?.effort ?? null, summary: r.reasoning?.summary ?? null },
    safety_identifier: r.safety_identifier ?? null,
    service_tier: 'default',
    store: r.store ?? true,
    temperature: r.temperature ?? 1,
    text: { format: r.text?.format ?? { type: 'text' }, verbosity: r.text?.verbosity ?? 'medium' },
    tool_choice: r.tool_choice ?? 'auto',
    tools: (Array.isArray(r.tools) ? r.tools : []).map(echoTool),
    top_logprobs: r.top_logprobs ?? 0,
    top_p: r.top_p ?? 1,
    truncation: r.truncation ?? 'disabled',
    usage: state.usage ?? null,
    user: r.user ?? null,
    metadata: r.metadata ?? {},
  };
}

/** OpenAI echoes function tools with description and strict filled in (strict defaults to true). */
function echoTool(tool: Json): Json {
  if (tool?.type !== 'function') return tool;
  return { type: tool.type, name: tool.name, description: tool.description ?? null, parameters: tool.parameters ?? null, strict: tool.strict ?? true };
}
