import { describe, expect, it } from 'vitest';
import type { RepairKind } from './repairs.ts';
import { placeReasoning, reasoningForBackend } from './reasoning.ts';

describe('placeReasoning (answers)', () => {
  it('renames to the configured field, whatever the backend used', () => {
    const delta: Record<string, unknown> = { content: '', reasoning: 'Okay' };
    expect(placeReasoning(delta, 'reasoning_content')).toBe(true);
    expect(delta).toEqual({ content: '', reasoning_content: 'Okay' });
    const message: Record<string, unknown> = { role: 'assistant', reasoning_content: 'Hmm' };
    expect(placeReasoning(message, 'reasoning')).toBe(true);
    expect(message).toEqual({ role: 'assistant', reasoning: 'Hmm' });
  });

  it('sends both names with "both", and leaves what is already right alone', () => {
    const delta: Record<string, unknown> = { reasoning: 'Okay' };
    expect(placeReasoning(delta, 'both')).toBe(true);
    expect(delta).toEqual({ reasoning: 'Okay', reasoning_content: 'Okay' });
    expect(placeReasoning(delta, 'both')).toBe(false);
    expect(placeReasoning({ reasoning: 'x' }, 'reasoning')).toBe(false);
    expect(placeReasoning({ content: 'no thoughts' }, 'reasoning')).toBe(false);
  });

  it('keeps one name when vLLM sent both (its transition releases)', () => {
    const delta: Record<string, unknown> = { reasoning: 'a', reasoning_content: 'a' };
    expect(placeReasoning(delta, 'reasoning')).toBe(true);
    expect(delta).toEqual({ reasoning: 'a' });
  });
});

describe('reasoningForBackend (requests)', () => {
  it("renames an assistant message's reasoning to the backend's name, copying only what changes", () => {
    const repairs = new Set<RepairKind>();
    const user = { role: 'user', content: 'hi', reasoning: 'not an assistant: kept' };
    const messages = [user, { role: 'assistant', content: 'Hello', reasoning_content: 'Greeting' }];
    const out = reasoningForBackend(messages, 'reasoning', repairs) as any[];
    expect(out[1]).toEqual({ role: 'assistant', content: 'Hello', reasoning: 'Greeting' });
    expect(out[0]).toBe(user);
    expect(messages[1]).toHaveProperty('reasoning_content');
    expect([...repairs]).toEqual(['reasoning_input_renamed']);
  });

  it('returns the same array when nothing needs renaming', () => {
    const messages = [{ role: 'assistant', content: 'x', reasoning_content: 'y' }];
    expect(reasoningForBackend(messages, 'reasoning_content', new Set())).toBe(messages);
  });
});
