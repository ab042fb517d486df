// Every top-level field of a Responses request, decided once (wire-facts-surface §1.1): what the
// translation carries onto chat, what it accepts and only echoes (hints for OpenAI's own
// infrastructure that change nothing a chat backend does), and what it refuses because a chat
// backend cannot honour it. Anything else is refused as OpenAI refuses it: "Unknown parameter".
import { belowMinimum, invalidType, invalidValue, missing, unknownParameter, unsupported } from './refuse.ts';
import type { Json } from './types.ts';

const TRANSLATED = ['model', 'input', 'instructions', 'tools', 'tool_choice', 'parallel_tool_calls', 'text', 'reasoning', 'max_output_tokens', 'temperature', 'top_p', 'top_logprobs', 'include', 'stream', 'stream_options', 'previous_response_id', 'store'];
/**
 * accepted and echoed: caching and tier hints; max_tool_calls limits built-in tool calls only;
 * truncation and context_management (compaction) only act past the context window, where the
 * backend answers with its own context-length error instead
 */
const ECHOED = ['metadata', 'user', 'safety_identifier', 'prompt_cache_key', 'prompt_cache_retention', 'prompt_cache_options', 'service_tier', 'truncation', 'context_management', 'max_tool_calls', 'background'];
const REFUSED: Record<string, string> = {
  conversation: 'names a conversation of OpenAI\'s Conversations API, which the proxy does not keep; use previous_response_id',
  prompt: 'names a prompt template stored at OpenAI, which the backend cannot read',
  // a safety control asked for must not be skipped silently
  moderation: 'asks for OpenAI\'s moderation of the input and output, which a chat backend does not run',
};
const KNOWN = new Set([...TRANSLATED, ...ECHOED]);

/** Throws the 400 OpenAI would give (or the refusal of a feature that cannot be bridged). */
export function checkRequest(body: unknown): asserts body is Json {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw invalidType('body', 'an object', body);
  const b = body as Json;
  for (const key of Object.keys(b)) {
    if (b[key] === undefined || b[key] === null) continue;
    if (REFUSED[key]) throw unsupported(key, REFUSED[key]);
    if (!KNOWN.has(key)) throw unknownParameter(key);
  }
  if (typeof b.model !== 'string' || b.model === '') throw b.model === undefined || b.model === null ? missing('model') : invalidType('model', 'a string', b.model);
  if (b.input === undefined || b.input === null) throw missing('input');
  if (typeof b.input !== 'string' && !Array.isArray(b.input)) throw invalidType('input', 'a string or an array of input items', b.input);
  for (const key of ['instructions', 'previous_response_id', 'user', 'safety_identifier', 'prompt_cache_key']) checkType(b, key, 'string', 'a string');
  for (const key of ['stream', 'store', 'parallel_tool_calls', 'background']) checkType(b, key, 'boolean', 'a boolean');
  for (const key of ['text', 'reasoning', 'metadata', 'stream_options']) checkObject(b, key);
  if (b.background === true) throw unsupported('background', 'asks for a background run, which needs OpenAI\'s job queue');
  checkInteger(b, 'max_output_tokens', 16);
  checkInteger(b, 'top_logprobs', 0, 20);
  checkRange(b, 'temperature', 0, 2);
  checkRange(b, 'top_p', 0, 1);
  if (b.include !== undefined && b.include !== null && (!Array.isArray(b.include) || b.include.some((v: unknown) => typeof v !== 'string'))) {
    throw invalidType('include', 'an array of strings', b.include);
  }
  if (b.truncation !== undefined && b.truncation !== null && b.truncation !== 'auto' && b.truncation !== 'disabled') {
    throw invalidValue('truncation', `'${String(b.truncation)}'. Supported values are: 'auto' and 'disabled'.`);
  }
}

function checkType(b: Json, key: string, type: string, expected: string): void {
  if (b[key] !== undefined && b[key] !== null && typeof b[key] !== type) throw invalidType(key, expected, b[key]);
}

function checkObject(b: Json, key: string): void {
  const v = b[key];
  if (v !== undefined && v !== null && (typeof v !== 'object' || Array.isArray(v))) throw invalidType(key, 'an object', v);
}

function checkInteger(b: Json, key: string, min: number, max = Infinity): void {
  const v = b[key];
  if (v === undefined || v === null) return;
  if (!Number.isInteger(v)) throw invalidType(key, 'an integer', v);
  if (v < min) throw belowMinimum(key, min, v);
  if (v > max) throw invalidValue(key, `expected a value <= ${max}, but got ${v} instead.`);
}

function checkRange(b: Json, key: string, min: number, max: number): void {
  const v = b[key];
  if (v === undefined || v === null) return;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw invalidType(key, 'a number', v);
  if (v < min || v > max) throw invalidValue(key, `expected a value between ${min} and ${max}, but got ${v} instead.`);
}
