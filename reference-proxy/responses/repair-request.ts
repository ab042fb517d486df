// Request rewrites for Responses backends that ignore or reject part of a valid request, tied to
// the profiles known to need them, as the chat request fixes are (normalize/request.ts): Ollama
// ignores tool_choice (S10), so the tool list carries the restriction; llama.cpp and LM Studio
// read only a string tool_choice; Ollama ignores text.format json_object and vLLM fails on it
// (500), while both honour a JSON schema, so an open schema asks for the same thing.
import { narrowTools, RESPONSES_TOOLS } from '../normalize/narrow-tools.ts';
import type { QuirkProfile } from '../types.ts';
import type { ResponsesRepairKind, ResponsesRepairs } from './repair-kinds.ts';
import type { Json } from './types.ts';

interface Fixes {
  narrowTools: boolean;
  stringToolChoice: boolean;
  jsonObjectAsSchema: boolean;
}

const NONE: Fixes = { narrowTools: false, stringToolChoice: false, jsonObjectAsSchema: false };
const FIXES: Record<QuirkProfile, Fixes> = {
  openai: NONE,
  ollama: { ...NONE, narrowTools: true, jsonObjectAsSchema: true },
  'ollama-legacy': { ...NONE, narrowTools: true, jsonObjectAsSchema: true },
  'llama.cpp': { ...NONE, narrowTools: true, stringToolChoice: true },
  vllm: { ...NONE, jsonObjectAsSchema: true },
  'lm-studio': { ...NONE, narrowTools: true, stringToolChoice: true },
  generic: NONE,
};

export function repairResponsesRequest(body: Json, profile: QuirkProfile, repairs: ResponsesRepairs = new Set<ResponsesRepairKind>()): Json {
  const fixes = FIXES[profile];
  const out = { ...body };
  if (fixes.narrowTools) narrowTools(out, RESPONSES_TOOLS, fixes.stringToolChoice, repairs);
  if (fixes.jsonObjectAsSchema && out.text?.format?.type === 'json_object') {
    out.text = { ...out.text, format: { type: 'json_schema', name: 'json_object', schema: { type: 'object' } } };
    repairs.add('json_object_as_schema');
  }
  return out;
}
