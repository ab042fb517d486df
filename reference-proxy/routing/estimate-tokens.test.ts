import { describe, expect, it } from 'vitest';
import { estimateInputTokens, estimatePromptTokens, messageText } from './estimate-tokens.ts';

describe('estimatePromptTokens', () => {
  it('counts about four characters per token plus a per-message overhead', () => {
    expect(estimatePromptTokens({ messages: [{ role: 'user', content: 'x'.repeat(400) }] })).toBe(104);
    expect(estimatePromptTokens({ messages: [{ role: 'system', content: 'abcd' }, { role: 'user', content: 'abcd' }] })).toBe(10);
  });

  it('reads text parts and ignores images', () => {
    const body = { messages: [{ role: 'user', content: [{ type: 'text', text: 'x'.repeat(40) }, { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } }] }] };
    expect(estimatePromptTokens(body)).toBe(14);
  });

  it('adds tool schemas, tool calls and a requested json_schema', () => {
    const bare = { messages: [{ role: 'user', content: 'hi' }] };
    const tools = [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }];
    expect(estimatePromptTokens({ ...bare, tools })).toBe(Math.ceil(('hi'.length + JSON.stringify(tools).length) / 4) + 4);
    const call = { role: 'assistant', content: null, tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{}' } }] };
    expect(estimatePromptTokens({ messages: [call] })).toBeGreaterThan(4);
    const withSchema = { ...bare, response_format: { type: 'json_schema', json_schema: { name: 'x', schema: { type: 'object' } } } };
    expect(estimatePromptTokens(withSchema)).toBeGreaterThan(estimatePromptTokens(bare));
  });

  it('tolerates a body that is not a chat request', () => {
    expect(estimatePromptTokens(undefined)).toBe(0);
    expect(estimatePromptTokens({ messages: 'nope', tools: {} })).toBe(0);
  });
});

describe('messageText', () => {
  it('joins string content and text parts', () => {
    expect(messageText({ content: 'a' })).toBe('a');
    expect(messageText({ content: [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }] })).toBe('a\nb');
    expect(messageText({ content: null })).toBe('');
  });
});

describe('estimateInputTokens', () => {
  it('sizes every form of prompt and embedding input', () => {
    expect(estimateInputTokens('x'.repeat(40))).toBe(10);
    expect(estimateInputTokens(['x'.repeat(8), 'y'.repeat(4)])).toBe(3);
    expect(estimateInputTokens([1, 2, 3])).toBe(3);
    expect(estimateInputTokens([[1, 2], [3]])).toBe(3);
    expect(estimateInputTokens(null)).toBe(0);
  });
});
