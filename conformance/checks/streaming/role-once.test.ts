import { describe, expect, it } from 'vitest';
import { chunk, ollamaTextStream, openAiTextStream, streamInput } from './stream-fixtures.ts';
import { streamingRoleOnce } from './role-once.ts';

describe('streaming.role-once', () => {
  it('passes role on the first delta only (OpenAI and Ollama ≥0.32.6)', () => {
    expect(streamingRoleOnce.run(streamInput(openAiTextStream())).status).toBe('pass');
    expect(streamingRoleOnce.run(streamInput(ollamaTextStream())).status).toBe('pass');
  });
  it('fails role "assistant" on every chunk (F01, Ollama <0.32.6)', () => {
    const events = [chunk({ role: 'assistant', content: 'Red' }), chunk({ role: 'assistant', content: ', blue' }), chunk({ role: 'assistant', content: '' }, 'stop'), '[DONE]'];
    expect(streamingRoleOnce.run(streamInput(events))).toMatchObject({ status: 'fail', pointer: '/events/1/choices/0/delta/role' });
  });
  it('fails a first role other than assistant', () => {
    const v = streamingRoleOnce.run(streamInput([chunk({ role: 'user', content: 'x' }, 'stop'), '[DONE]']));
    expect(v).toMatchObject({ status: 'fail', received: '"user"' });
  });
  it('fails a choice whose deltas never carry a role (openai-node: "missing role for choice 0")', () => {
    const v = streamingRoleOnce.run(streamInput([chunk({ content: 'Red' }), chunk({}, 'stop'), '[DONE]']));
    expect(v).toMatchObject({ status: 'fail', pointer: '/events/0/choices/0/delta', received: 'no role on 2 delta(s)' });
  });
  it('tracks choices separately', () => {
    const two = { ...(chunk({}) as object), choices: [0, 1].map((index) => ({ index, delta: { role: 'assistant', content: 'a' }, finish_reason: null })) };
    expect(streamingRoleOnce.run(streamInput([two, '[DONE]'])).status).toBe('pass');
  });
});
