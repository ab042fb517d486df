// The shapes the Responses translation reads and writes: a Responses request body and its items
// (kept loose, as they arrive from clients), the chat messages they become, and the options a
// backend's profile sets.

/** A parsed JSON object from a client or a backend, before validation. */
export type Json = Record<string, any>;

/** A Responses item: an input item, or an output item (message, function_call, reasoning). */
export type ResponseItem = Json;

export interface ChatToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export type ChatPart = { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string; detail?: string } };

export interface ChatMessage {
  role: string;
  content?: string | ChatPart[] | null;
  tool_calls?: ChatToolCall[];
  tool_call_id?: string;
  /** earlier reasoning sent back, under the name the backend reads (TranslateOptions.reasoningField) */
  reasoning_content?: string;
  reasoning?: string;
}

export interface TranslateOptions {
  /** what the backend reads as the output budget; most chat-only servers read max_tokens */
  maxTokensField: 'max_tokens' | 'max_completion_tokens';
  /** where reasoning items sent back by the client go on the assistant message; 'none' drops them */
  reasoningField: 'reasoning_content' | 'reasoning' | 'none';
}

export const DEFAULT_TRANSLATE_OPTIONS: TranslateOptions = { maxTokensField: 'max_tokens', reasoningField: 'reasoning_content' };
