// The stream normaliser's newer duties: the finish chunk before the usage chunk, whole-second
// `created`, `object` — and naming each repair it makes, and none for a conformant stream.
import { describe, expect, it } from 'vitest';
import { createStreamNormalizer } from './stream.ts';
import { expectConformant, OLLAMA_LEGACY_TEXT, OLLAMA_TOOLS_F03, OPENAI_TEXT, OPENAI_TOOLS } from './stream-test-kit.ts';
import type { RepairKind } from './repairs.ts';

const withUsage = { stream: true, stream_options: { include_usage: true } };
const base = { id: 'c1', object: 'chat.completion.chunk', created: 1_700_000_000, model: 'm' };
const chunk = (choices: unknown[], extra: object = {}) => JSON.stringify({ ...base, choices, ...extra });
const delta = (d: unknown, finish: string | null = null, extra: object = {}) => chunk([{ index: 0, delta: d, finish_reason: finish }], extra);
const usage = { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 };

function run(payloads: string[], request: object = {}, eof = true): { out: string[]; repairs: RepairKind[] } {
  const repairs = new Set<RepairKind>();
  const n = createStreamNormalizer({ profile: 'generic', request, repairs });
  const out = payloads.flatMap((p) => n.event(p));
  if (eof) out.push(...n.end());
  expect(n.repairs).toBe(repairs);
  return { out, repairs: [...repairs].sort() };
}

describe('repairs named', () => {
  it.each([
    ['OpenAI text', OPENAI_TEXT, withUsage],
    ['OpenAI parallel tools', OPENAI_TOOLS, withUsage],
  ])('none for a conformant stream (%s), which passes byte for byte', (_name, payloads, request) => {
    expect(run(payloads, request)).toEqual({ out: payloads, repairs: [] });
  });

  it('each kind a legacy Ollama stream needs', () => {
    expect(run(OLLAMA_LEGACY_TEXT, withUsage).repairs).toEqual(['created_pinned', 'role_fixed']);
    expect(run(OLLAMA_TOOLS_F03, { tools: [{}] }).repairs).toEqual(['tool_index_split']);
  });
});

describe('no finish_reason, then usage, then [DONE] (F13)', () => {
  it('sends the synthesised finish chunk before the usage chunk, and the usage chunk last', () => {
    const { out, repairs } = run([delta({ role: 'assistant', content: 'Hi' }), chunk([], { usage }), '[DONE]'], withUsage);
    expectConformant(out, { usage: true });
    const kind = (p: string) => (p === '[DONE]' ? p : JSON.parse(p).usage ? 'usage' : JSON.parse(p).choices[0].finish_reason);
    expect(out.map(kind)).toEqual([null, 'stop', 'usage', '[DONE]']);
    expect(repairs).toEqual(['finish_synthesized']);
  });

  it('still ends with an error event when the stream closes without finish_reason or [DONE]', () => {
    const { out } = run([delta({ role: 'assistant', content: 'Hi' }), chunk([], { usage })], withUsage);
    expect(out).toHaveLength(2);
    expect(JSON.parse(out[1]).error.code).toBe('upstream_truncated');
  });
});

describe('a clean close after the finish chunk (F31)', () => {
  it('appends [DONE] after the usage chunk, and says so', () => {
    const { out, repairs } = run([delta({ role: 'assistant', content: 'Hi' }), delta({}, 'stop'), chunk([], { usage })], withUsage);
    expectConformant(out, { usage: true });
    expect(repairs).toEqual(['done_appended']);
  });
});

describe('created and object', () => {
  it('makes a float created whole seconds on every chunk, and the synthesised ones', () => {
    const float = { created: 1_700_000_000.123 };
    const { out, repairs } = run([delta({ role: 'assistant', content: 'Hi' }, null, float), delta({ content: '!' }, null, float), '[DONE]']);
    expectConformant(out, { usage: false });
    expect(out.slice(0, -1).map((p) => JSON.parse(p).created)).toEqual([1_700_000_000, 1_700_000_000, 1_700_000_000]);
    expect(repairs).toEqual(['created_integer', 'finish_synthesized']);
  });

  it('gives a chunk without created the current time', () => {
    const before = Math.floor(Date.now() / 1000);
    const { out } = run([delta({ role: 'assistant', content: 'Hi' }, 'stop', { created: undefined }), '[DONE]']);
    expect(JSON.parse(out[0]).created).toBeGreaterThanOrEqual(before);
  });

  it('sets object on chunks that say chat.completion', () => {
    const wrong = { object: 'chat.completion' };
    const { out, repairs } = run([delta({ role: 'assistant', content: 'Hi' }, null, wrong), delta({}, 'stop', wrong), chunk([], { usage, ...wrong }), '[DONE]'], withUsage);
    expectConformant(out, { usage: true });
    expect(out.slice(0, -1).every((p) => JSON.parse(p).object === 'chat.completion.chunk')).toBe(true);
    expect(repairs).toEqual(['object_fixed']);
  });
});
