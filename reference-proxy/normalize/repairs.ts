// The names of the repairs the normalisers make, one per kind of deviation fixed. They label the
// `dropin_repairs_total{backend,kind}` counter and fill the `repairs` field of the request log,
// so an operator sees which backend needs which fix and how often: a public contract, never
// renamed silently. A request counts each kind once, however many chunks it touched. The
// Responses pass-through's kinds (responses/repair-kinds.ts) count on the same metric; where a
// name is shared (tools_narrowed, …) it is the same fix on the other API.
import { RESPONSES_REPAIR_KINDS } from '../responses/repair-kinds.ts';

export const REPAIR_KINDS = {
  ...RESPONSES_REPAIR_KINDS,
  // streams
  done_appended: 'F31: a stream that finished (every choice has its finish_reason) but closed without [DONE] gets it',
  finish_synthesized: 'F13: a stream that said [DONE] without a finish_reason gets the finish chunk, before its usage chunk',
  object_fixed: 'object set to chat.completion.chunk (chat.completion for a body)',
  id_pinned: "every chunk carries the first chunk's id",
  created_pinned: "F35: every chunk carries the first chunk's created",
  created_integer: 'a created that is a float (or missing) made whole seconds',
  role_fixed: 'F01: delta.role "assistant" once per choice, on its first delta',
  choice_index_added: 'a choice without an integer index gets its position',
  delta_added: 'a choice whose delta is missing or null gets {}',
  finish_reason_null_added: 'a choice without a finish_reason key gets null',
  usage_dropped: 'F09: usage the client did not ask for (stream_options.include_usage) removed',
  usage_moved: 'usage on content chunks moved to its own chunk before [DONE] (S26: Ollama puts zero usage on every legacy completion chunk)',
  usage_choices_added: 'F10: a usage chunk without choices gets choices: []',
  empty_chunk_dropped: 'F12, F30: chunks with empty choices and no usage (preambles, pings) and empty payloads dropped',
  tool_index_added: 'F02: a tool-call fragment without an index gets one',
  tool_index_split: 'F03: parallel tool calls sent on one index get one index each',
  tool_fields_deduplicated: 'F04: id, type and function.name sent once per call',
  tool_nulls_removed: 'F32: tool_calls: null, type: null and friends removed',
  arguments_stringified: 'F28: function.arguments sent as an object become a JSON string',
  finish_reason_mapped: 'F08: a finish_reason outside the enum mapped to its OpenAI value',
  finish_reason_reconciled: 'F05, F06: stop → tool_calls when tool calls were sent; length for a call cut short',
  stream_content_type: 'a stream the backend labelled other than text/event-stream sent as text/event-stream',
  // non-stream bodies
  message_keys_added: 'F33: message.refusal, choices[].logprobs, role or content added as the spec requires',
  tool_call_fields_added: 'a tool call without id or type gets them',
  // errors
  error_envelope: 'F16-F19: an error body reshaped into {"error":{message,type,param,code}}',
  error_status: 'F20: a client mistake answered with 5xx (or 422/501) sent as 400',
  // requests
  max_completion_tokens_renamed: 'F21: max_completion_tokens sent as max_tokens to a backend that ignores it',
  tools_narrowed: "F23, F24: tool_choice enforced through the tool list for a backend that ignores or rejects it",
  tool_choice_stringified: 'F24: an object tool_choice sent as the string the backend accepts',
  parallel_tool_calls_set: 'F38: parallel_tool_calls: true sent, the spec default the backend does not apply',
  stream_options_dropped: 'F40: stream_options left out of a non-stream request',
  json_object_as_schema: 'F25: response_format json_object sent as an open json_schema',
  n_fanned_out: 'F37: n > 1 asked as n requests to a backend that answers one choice',
  reasoning_input_renamed: "F39, S20: an assistant message's reasoning sent under the name the backend reads",
  image_inlined: 'S22: an image URL downloaded by the proxy and sent inline to a backend that refuses URLs (images.fetchUrls)',
  // reasoning (answers, when reasoning.field is configured)
  reasoning_renamed: 'F39, S20: reasoning text moved to the configured field (reasoning, reasoning_content or both)',
  // legacy completions
  text_choice_keys_added: 'a legacy completion choice without text or logprobs gets them (the spec requires both)',
  // embeddings
  embedding_encoded: 'S17: float vectors sent as little-endian float32 base64, as asked, by a backend that ignores encoding_format',
  embedding_decoded: 'a base64 vector sent as floats to a client that did not ask for base64',
  embedding_keys_removed: 'keys outside the spec on embedding items (llama.cpp encoding_format) removed',
  embedding_fields_added: 'object, index or the list envelope of an embeddings answer added as the spec requires',
  encoding_format_float: 'S17: encoding_format float asked of a backend that cannot send base64 (the proxy encodes)',
} as const;

export type RepairKind = keyof typeof REPAIR_KINDS;

/** The repairs one upstream response (or request) needed. */
export type Repairs = Set<RepairKind>;
