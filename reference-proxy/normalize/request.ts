// Request rewrites for parameters a backend would otherwise ignore or reject. Each one is tied to
// the profiles known to need it: applying them everywhere would be harmless for most, but
// e.g. OpenAI's reasoning models refuse `max_tokens`, so nothing is rewritten for 'openai', and
// an unidentified server ('generic') only loses what no server needs (stream_options on a
// non-stream request).
import type { QuirkProfile } from '../types.ts';
import { CHAT_TOOLS, narrowTools } from './narrow-tools.ts';
import { reasoningForBackend } from './reasoning.ts';
import type { Repairs } from './repairs.ts';

interface RequestFixes {
  /** F21: the backend ignores max_completion_tokens but honours max_tokens */
  maxCompletionTokens: boolean;
  /** F23: tool_choice is ignored, so the tool list itself has to carry the restriction */
  narrowTools: boolean;
  /** llama.cpp reads tool_choice only as a string; named/allowed choices become 'required'/mode */
  stringToolChoice: boolean;
  /** F38: parallel_tool_calls defaults to false instead of the spec's true */
  parallelToolCallsDefault: boolean;
  /** F40: stream_options without stream:true is a 400 */
  dropStreamOptionsWithoutStream: boolean;
  /** F25: json_object is rejected; an open json_schema asks for the same (any JSON object) */
  jsonObjectAsSchema: boolean;
  /** F39, S20: the name under which the backend reads reasoning sent back on assistant messages */
  reasoningInput?: 'reasoning' | 'reasoning_content';
}

const NONE: RequestFixes = {
  maxCompletionTokens: false,
  narrowTools: false,
  stringToolChoice: false,
  parallelToolCallsDefault: false,
  dropStreamOptionsWithoutStream: false,
  jsonObjectAsSchema: false,
};

const FIXES: Record<QuirkProfile, RequestFixes> = {
  openai: NONE,
  ollama: { ...NONE, maxCompletionTokens: true, narrowTools: true, reasoningInput: 'reasoning' },
  'ollama-legacy': { ...NONE, maxCompletionTokens: true, narrowTools: true, reasoningInput: 'reasoning' },
  'llama.cpp': { ...NONE, narrowTools: true, stringToolChoice: true, parallelToolCallsDefault: true, reasoningInput: 'reasoning_content' },
  vllm: { ...NONE, dropStreamOptionsWithoutStream: true, reasoningInput: 'reasoning' },
  'lm-studio': { ...NONE, narrowTools: true, stringToolChoice: true, jsonObjectAsSchema: true, reasoningInput: 'reasoning' },
  generic: { ...NONE, dropStreamOptionsWithoutStream: true },
};

/**
 * F37: backends that cannot answer `n > 1` with n choices: Ollama ignores n, llama-server
 * refuses more choices than it has slots (500). The proxy asks them n times instead.
 */
const IGNORES_N: ReadonlySet<QuirkProfile> = new Set(['ollama', 'ollama-legacy', 'llama.cpp']);

/** How many separate upstream requests it takes to honour the request's `n` on this profile (1 = pass n through). */
export function fanOutCount(body: { n?: unknown; stream?: unknown }, profile: QuirkProfile): number {
  const n = typeof body.n === 'number' && Number.isInteger(body.n) ? body.n : 1;
  return IGNORES_N.has(profile) && n > 1 && body.stream !== true ? Math.min(n, 128) : 1;
}

/** A new request body the backend of `profile` will honour as OpenAI would; `repairs` learns each rewrite. */
export function normalizeRequest(body: any, profile: QuirkProfile, repairs: Repairs = new Set()): any {
  const fixes = FIXES[profile];
  const out = { ...body };
  if (fixes.maxCompletionTokens && out.max_completion_tokens != null) {
    out.max_tokens = out.max_completion_tokens;
    delete out.max_completion_tokens;
    repairs.add('max_completion_tokens_renamed');
  }
  if (fixes.narrowTools) narrowTools(out, CHAT_TOOLS, fixes.stringToolChoice, repairs);
  if (fixes.parallelToolCallsDefault && Array.isArray(out.tools) && out.parallel_tool_calls == null) {
    out.parallel_tool_calls = true;
    repairs.add('parallel_tool_calls_set');
  }
  if (fixes.dropStreamOptionsWithoutStream && out.stream !== true && 'stream_options' in out) {
    delete out.stream_options;
    repairs.add('stream_options_dropped');
  }
  if (fixes.reasoningInput) {
    const messages = reasoningForBackend(out.messages, fixes.reasoningInput, repairs);
    if (messages !== out.messages) out.messages = messages;
  }
  if (fixes.jsonObjectAsSchema && out.response_format?.type === 'json_object') {
    out.response_format = { type: 'json_schema', json_schema: { name: 'json_object', schema: { type: 'object' } } };
    repairs.add('json_object_as_schema');
  }
  return out;
}

/** A legacy completions request the backend of `profile` accepts: only the fix chat and completions share (F40). */
export function normalizeTextRequest(body: any, profile: QuirkProfile, repairs: Repairs = new Set()): any {
  const out = { ...body };
  if (FIXES[profile].dropStreamOptionsWithoutStream && out.stream !== true && 'stream_options' in out) {
    delete out.stream_options;
    repairs.add('stream_options_dropped');
  }
  return out;
}

