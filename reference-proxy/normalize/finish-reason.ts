// finish_reason repair shared by the stream and non-stream paths (wire-facts F05-F08).
// OpenAI's enum is stop | length | tool_calls | content_filter | function_call. Backends invent
// others; each maps to the OpenAI value with the same meaning. An aborted generation has no such
// value: reporting it as `stop` would make a truncated answer look complete, so it becomes an
// error instead ('abort').

const STANDARD = new Set(['stop', 'length', 'tool_calls', 'content_filter', 'function_call']);

const ALIASES: Record<string, string> = {
  '': 'stop',
  eos: 'stop',
  eos_token: 'stop',
  end_turn: 'stop',
  stop_sequence: 'stop',
  max_tokens: 'length',
  model_length: 'length',
  tool_call: 'tool_calls',
  tool_use: 'tool_calls',
  sensitive: 'content_filter',
};

const ABORTS = new Set(['abort', 'aborted', 'error', 'network_error', 'cancelled']);

/** An OpenAI finish_reason, or 'abort' when the backend gave up mid-generation. */
export function mapFinishReason(reason: string): string {
  if (STANDARD.has(reason)) return reason;
  const alias = ALIASES[reason.toLowerCase()];
  if (alias) return alias;
  return ABORTS.has(reason.toLowerCase()) ? 'abort' : 'stop';
}

/** True when the client forced one named tool: OpenAI then reports `stop`, not `tool_calls`. */
export function isNamedToolChoice(request: any): boolean {
  const choice = request?.tool_choice;
  return typeof choice === 'object' && choice !== null && (choice.type === 'function' || choice.type === 'custom');
}

/**
 * The reason OpenAI would report given whether tool calls were produced. `length` and
 * `content_filter` are kept, and a call whose arguments are not complete JSON was cut short by
 * max_tokens whatever the backend says: it must not look executable (F06).
 */
export function reconcileWithToolCalls(reason: string, sawToolCalls: boolean, namedChoice: boolean, callsComplete = true): string {
  if (reason === 'length' || reason === 'content_filter' || reason === 'function_call') return reason;
  if (!sawToolCalls) return 'stop';
  if (!callsComplete) return 'length';
  return namedChoice ? 'stop' : 'tool_calls';
}

/** Envelope payload for a generation the backend aborted. */
export function abortError(reason: string): { error: { message: string; type: string; param: null; code: string } } {
  return {
    error: {
      message: `The backend aborted the generation (finish_reason "${reason}"), so the answer is incomplete. Retry the request.`,
      type: 'server_error',
      param: null,
      code: 'upstream_aborted',
    },
  };
}
