// The names of the repairs made to a Responses backend's own answers (pass-through), one per kind
// of deviation of the surface catalogue (wire-facts-surface §8) fixed in flight. Like the chat
// REPAIR_KINDS they are meant for the repairs metric and the request log: a public contract.

export const RESPONSES_REPAIR_KINDS = {
  sequence_renumbered: 'S01: sequence_number missing, repeated or out of order: every event numbered from 0',
  indices_added: 'S02: output_index / content_index missing: filled in from the items streamed so far',
  created_completed: 'S03, S11: a stub or partial Response object given the keys the spec requires',
  item_id_added: 'S04: a function_call item without id given one (its call id, as the events name it)',
  arguments_done_added: 'S05: response.function_call_arguments.done sent before output_item.done where the backend sent none',
  items_closed: 'the .done events of items left open sent before the terminal event',
  incomplete_status: 'S08: an answer cut by max_output_tokens (status incomplete, or usage at the budget) ends with response.incomplete',
  error_reshaped: 'S13: a chat-style {"error":…} payload sent as an error event and response.failed',
  done_dropped: 'S16: [DONE] after a Responses stream removed',
  created_first: 'response.created sent first (a backend began with another event)',
  text_done_fixed: 'output_text.done / content_part.done text set to what the deltas said',
  final_output_filled: 'the terminal response given the output items that were streamed',
  terminal_added: 'a stream that ended without a terminal event closed with an error event and response.failed',
  usage_details_added: 'S11: usage given input_tokens_details / output_tokens_details',
  tools_narrowed: "S10: tool_choice enforced through the tool list for a backend that ignores it",
  tool_choice_stringified: 'an object tool_choice sent as the string the backend reads (llama.cpp, LM Studio)',
  json_object_as_schema: 'text.format json_object sent as an open json_schema to a backend that ignores or fails on it (Ollama, vLLM)',
  ids_remapped: "response and item ids replaced by the proxy's, unique across backends (for the conversation store)",
} as const;

export type ResponsesRepairKind = keyof typeof RESPONSES_REPAIR_KINDS;
/** Where the repairs are noted: a set of these kinds, or the attempt's set of every kind (normalize/repairs.ts). */
export interface ResponsesRepairs extends Iterable<string> {
  add(kind: ResponsesRepairKind): unknown;
  has(kind: string): boolean;
}
