// Literal streams from wire-facts (§1.4 OpenAI, §2.4 Ollama current, §2.5 Ollama legacy) and a
// checker for the stream rules of wire-facts §8.2, shared by the normaliser's tests.
import { expect } from 'vitest';
import type { QuirkProfile } from '../types.ts';
import { createStreamNormalizer } from './stream.ts';

const line = (v: unknown) => JSON.stringify(v);

const oai = { id: 'chatcmpl-D8Z5xyz', object: 'chat.completion.chunk', created: 1770933892, model: 'gpt-4.1-nano-2025-04-14', service_tier: 'default', system_fingerprint: 'fp_de604bd877' };

/** OpenAI, text answer, include_usage on (wire-facts §1.4 capture). */
export const OPENAI_TEXT = [
  line({ ...oai, choices: [{ index: 0, delta: { role: 'assistant', content: '', refusal: null }, logprobs: null, finish_reason: null }], usage: null, obfuscation: 'Qup1BsQ3' }),
  line({ ...oai, choices: [{ index: 0, delta: { content: '**' }, logprobs: null, finish_reason: null }], usage: null, obfuscation: 'yhjoJbEF' }),
  line({ ...oai, choices: [{ index: 0, delta: { content: 'Hi' }, logprobs: null, finish_reason: null }], usage: null, obfuscation: 'a1' }),
  line({ ...oai, choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }], usage: null, obfuscation: 'zap0' }),
  line({ ...oai, choices: [], usage: { prompt_tokens: 16, completion_tokens: 300, total_tokens: 316, prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 } }, obfuscation: 'h9RiQLL' }),
  '[DONE]',
];

const tc = (delta: unknown, finish: string | null = null) =>
  line({ ...oai, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], usage: null });

/** OpenAI, two parallel tool calls streamed incrementally, include_usage on. */
export const OPENAI_TOOLS = [
  tc({ role: 'assistant', content: null, tool_calls: [{ index: 0, id: 'call_a', type: 'function', function: { name: 'get_weather', arguments: '' } }] }),
  tc({ tool_calls: [{ index: 0, function: { arguments: '{"ci' } }] }),
  tc({ tool_calls: [{ index: 0, function: { arguments: 'ty":"Paris"}' } }] }),
  tc({ tool_calls: [{ index: 1, id: 'call_b', type: 'function', function: { name: 'get_time', arguments: '' } }] }),
  tc({ tool_calls: [{ index: 1, function: { arguments: '{"tz":"CET"}' } }] }),
  tc({}, 'tool_calls'),
  line({ ...oai, choices: [], usage: { prompt_tokens: 20, completion_tokens: 30, total_tokens: 50 } }),
  '[DONE]',
];

const oll = { id: 'chatcmpl-417', object: 'chat.completion.chunk', created: 1755000000, model: 'llama3.2', system_fingerprint: 'fp_ollama' };
const ol = (delta: unknown, finish: string | null = null) => line({ ...oll, choices: [{ index: 0, delta, finish_reason: finish }] });

/** Ollama ≥ v0.32.6 (§2.4): text, usage requested. */
export const OLLAMA_TEXT = [
  ol({ role: 'assistant', content: 'Hel' }),
  ol({ content: 'lo' }),
  ol({}, 'stop'),
  line({ ...oll, choices: [], usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 } }),
  '[DONE]',
];

/** Ollama ≥ v0.32.6 (§2.4): whole tool calls, with the all-zero indices of F03. */
export const OLLAMA_TOOLS_F03 = [
  ol({ role: 'assistant', content: '', tool_calls: [{ id: 'call_ab12cd34', index: 0, type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] }),
  ol({ content: '', tool_calls: [{ id: 'call_ef56gh78', index: 0, type: 'function', function: { name: 'get_time', arguments: '{"tz":"CET"}' } }] }),
  ol({}, 'tool_calls'),
  '[DONE]',
];

const legacy = (created: number, delta: unknown, finish: string | null = null) =>
  line({ ...oll, created, choices: [{ index: 0, delta: { role: 'assistant', ...(delta as object) }, finish_reason: finish }] });

/** Ollama < v0.32.6 (§2.5): role on every chunk, created per chunk, finish on the last content chunk, usage as a copy. */
export const OLLAMA_LEGACY_TEXT = [
  legacy(1755000000, { content: 'Hel' }),
  legacy(1755000001, { content: 'lo' }),
  legacy(1755000002, { content: '' }, 'stop'),
  line({ ...oll, created: 1755000002, choices: [], usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 } }),
  '[DONE]',
];

/** Ollama < v0.32.6: a tool call, finish_reason stop (before v0.5.12, F05), no [DONE] (F31). */
export const OLLAMA_LEGACY_TOOL = [
  legacy(1755000000, { content: '', tool_calls: [{ id: 'call_x1', index: 0, type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } }] }),
  legacy(1755000003, { content: '' }, 'stop'),
];

/** Feeds payloads through a fresh normaliser; `eof` adds the end() call of a clean upstream close. */
export function normalizeAll(payloads: string[], request: any = {}, profile: QuirkProfile = 'ollama', eof = true): string[] {
  const n = createStreamNormalizer({ profile, request });
  const out = payloads.flatMap((p) => n.event(p));
  return eof ? [...out, ...n.end()] : out;
}

/** The stream rules a client relies on (wire-facts §8.2). */
export function expectConformant(out: string[], opts: { usage: boolean }): void {
  expect(out.at(-1)).toBe('[DONE]');
  const chunks = out.slice(0, -1).map((p) => JSON.parse(p));
  expect(chunks.every((c) => c.object === 'chat.completion.chunk' && Array.isArray(c.choices))).toBe(true);
  expect(new Set(chunks.map((c) => c.id)).size).toBe(1);
  expect(new Set(chunks.map((c) => c.created)).size).toBe(1);
  const usageChunks = chunks.filter((c) => c.choices.length === 0);
  expect(usageChunks.length).toBe(opts.usage ? 1 : 0);
  if (opts.usage) expect(chunks.at(-1).choices).toEqual([]);
  expect(chunks.filter((c) => c.usage != null).length).toBe(opts.usage ? 1 : 0);
  const choices = chunks.flatMap((c) => c.choices);
  expect(choices.filter((c) => 'role' in c.delta).length).toBe(1);
  expect(choices[0].delta.role).toBe('assistant');
  expect(choices.every((c) => c.finish_reason !== undefined)).toBe(true);
  expect(choices.filter((c) => c.finish_reason !== null).length).toBe(1);
  const fragments = choices.flatMap((c) => c.delta.tool_calls ?? []);
  expect(fragments.every((f) => Number.isInteger(f.index))).toBe(true);
  for (const key of ['id', 'type'] as const) {
    const perIndex = fragments.filter((f) => f[key] !== undefined).map((f) => f.index);
    expect(new Set(perIndex).size).toBe(perIndex.length);
  }
  const named = fragments.filter((f) => f.function?.name !== undefined).map((f) => f.index);
  expect(new Set(named).size).toBe(named.length);
}

/** The tool calls a client accumulator (openai-python style: join by index, concatenate) assembles. */
export function assembleToolCalls(out: string[]): { id: string; name: string; arguments: string }[] {
  const calls: { id: string; name: string; arguments: string }[] = [];
  for (const p of out.filter((x) => x.startsWith('{'))) {
    for (const choice of JSON.parse(p).choices ?? []) {
      for (const f of choice.delta?.tool_calls ?? []) {
        const call = (calls[f.index] ??= { id: '', name: '', arguments: '' });
        call.id += f.id ?? '';
        call.name += f.function?.name ?? '';
        call.arguments += f.function?.arguments ?? '';
      }
    }
  }
  return calls;
}
