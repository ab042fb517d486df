import { describe, expect, it } from 'vitest';
import { ProxyError } from '../errors.ts';
import type { RepairKind } from './repairs.ts';
import { createTextCompletionStreamNormalizer, normalizeTextCompletion, textFinishReason } from './text-completion.ts';

const base = { id: 'cmpl-1', object: 'text_completion', created: 1_700_000_000, model: 'm' };
const chunk = (choices: unknown[], extra: object = {}) => JSON.stringify({ ...base, choices, ...extra });
const text = (t: string, finish: string | null = null, extra: object = {}) => chunk([{ text: t, index: 0, logprobs: null, finish_reason: finish }], extra);

function run(payloads: string[], request: object = { stream: true }) {
  const repairs = new Set<RepairKind>();
  const n = createTextCompletionStreamNormalizer({ profile: 'ollama', request, repairs });
  const out = [...payloads.flatMap((p) => n.event(p)), ...n.end()];
  return { out, repairs };
}

describe('legacy completion streams', () => {
  it('passes a conformant stream through byte for byte', () => {
    const stream = [text('Once'), text(' upon'), text('', 'stop'), '[DONE]'];
    const { out, repairs } = run(stream);
    expect(out).toEqual(stream);
    expect([...repairs]).toEqual([]);
  });

  it("fixes Ollama's (S26): zero usage on every chunk becomes null, real usage last; created pinned", () => {
    const zero = { usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 } };
    const usage = { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 };
    const ollama = [
      JSON.stringify({ ...base, created: 1, choices: [{ text: 'Once', index: 0, finish_reason: null }], ...zero }),
      JSON.stringify({ ...base, created: 2, choices: [{ text: ' upon', index: 0, finish_reason: 'stop' }], ...zero }),
      JSON.stringify({ ...base, created: 3, choices: [], usage }),
      '[DONE]',
    ];
    const { out, repairs } = run(ollama, { stream: true, stream_options: { include_usage: true } });
    const parsed = out.slice(0, -1).map((p) => JSON.parse(p));
    expect(parsed.map((c) => c.created)).toEqual([1, 1, 1]);
    expect(parsed.map((c) => c.usage)).toEqual([null, null, usage]);
    expect(parsed[0].choices[0]).toEqual({ text: 'Once', index: 0, finish_reason: null, logprobs: null });
    expect(out.at(-1)).toBe('[DONE]');
    expect([...repairs].sort()).toEqual(['created_pinned', 'text_choice_keys_added', 'usage_moved']);
  });

  it('drops usage the client did not ask for', () => {
    const { out } = run([text('a', 'stop', { usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } }), '[DONE]']);
    expect(JSON.parse(out[0])).not.toHaveProperty('usage');
  });

  it('maps finish reasons into its enum, synthesises a missing finish, appends [DONE] at EOF', () => {
    expect(JSON.parse(run([text('a', 'eos'), '[DONE]']).out[0]).choices[0].finish_reason).toBe('stop');
    expect(JSON.parse(run([text('a', 'max_tokens'), '[DONE]']).out[0]).choices[0].finish_reason).toBe('length');
    expect(JSON.parse(run([text('a', 'tool_calls'), '[DONE]']).out[0]).choices[0].finish_reason).toBe('stop');
    const synthesised = run([text('a'), '[DONE]']);
    expect(JSON.parse(synthesised.out[1]).choices[0]).toEqual({ index: 0, text: '', logprobs: null, finish_reason: 'stop' });
    expect(synthesised.repairs.has('finish_synthesized')).toBe(true);
    const eof = run([text('a', 'stop')]);
    expect(eof.out).toEqual([text('a', 'stop'), '[DONE]']);
    expect(eof.repairs.has('done_appended')).toBe(true);
  });

  it('ends a truncated or aborted stream with an error event, never [DONE]', () => {
    const truncated = run([text('a')]).out;
    expect(JSON.parse(truncated.at(-1)!).error.code).toBe('upstream_truncated');
    const aborted = run([text('a', 'abort')]).out;
    expect(JSON.parse(aborted.at(-1)!).error.code).toBe('upstream_aborted');
    expect([...truncated, ...aborted]).not.toContain('[DONE]');
  });
});

describe('legacy completion bodies', () => {
  it('adds what the spec requires and maps finish_reason', () => {
    const repairs = new Set<RepairKind>();
    const out = normalizeTextCompletion({ ...base, object: 'completion', created: 1.5, choices: [{ text: 'hi', finish_reason: 'eos_token' }] }, { profile: 'ollama', request: {}, repairs });
    expect(out).toMatchObject({ object: 'text_completion', created: 1, choices: [{ text: 'hi', index: 0, logprobs: null, finish_reason: 'stop' }] });
    expect([...repairs].sort()).toEqual(['choice_index_added', 'created_integer', 'finish_reason_mapped', 'object_fixed', 'text_choice_keys_added']);
  });

  it('refuses an aborted generation as a 502', () => {
    expect(() => normalizeTextCompletion({ ...base, choices: [{ text: 'h', index: 0, logprobs: null, finish_reason: 'abort' }] }, { profile: 'vllm', request: {} })).toThrow(ProxyError);
  });

  it('keeps the legacy finish_reason enum', () => {
    expect(['stop', 'length', 'content_filter', 'tool_calls', 'abort', 'weird'].map(textFinishReason)).toEqual(['stop', 'length', 'content_filter', 'stop', 'abort', 'stop']);
  });
});
