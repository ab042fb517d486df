import { describe, expect, it } from 'vitest';
import { ProxyError } from '../../errors.ts';
import type { BackendConfig } from '../../types.ts';
import { prepare, type ResponsesRequest } from './request.ts';
import { chatRequestOrRefusal, translationOf } from './translation.ts';

const backend = (translation?: BackendConfig['translation']) => ({ name: 'b', translation }) as BackendConfig;
const request = (body: object): ResponsesRequest => {
  const r = { model: 'm', ...body } as ResponsesRequest;
  prepare(r, { history: [], references: new Map() });
  return r;
};

describe('the translation per backend', () => {
  it('reads what every chat server reads unless the backend says otherwise', () => {
    expect(translationOf(backend())).toEqual({ maxTokensField: 'max_tokens', reasoningField: 'reasoning_content', reasoningStyle: 'summary' });
    expect(translationOf(backend({ maxTokensField: 'max_completion_tokens' })).maxTokensField).toBe('max_completion_tokens');
  });

  it('makes the chat request once per request and setting', () => {
    const r = request({ input: 'hi', max_output_tokens: 64 });
    const plain = chatRequestOrRefusal(r, backend());
    expect(plain).toMatchObject({ messages: [{ role: 'user', content: 'hi' }], max_tokens: 64 });
    expect(chatRequestOrRefusal(r, backend())).toBe(plain);
    expect(chatRequestOrRefusal(r, backend({ maxTokensField: 'max_completion_tokens' }))).toMatchObject({ max_completion_tokens: 64 });
  });

  it('gives the 400 a chat backend would deserve as a value', () => {
    const refused = chatRequestOrRefusal(request({ input: 'hi', tools: [{ type: 'web_search' }] }), backend());
    expect(refused).toBeInstanceOf(ProxyError);
    expect(refused).toMatchObject({ status: 400, param: 'tools[0].type', code: 'unsupported_value' });
  });
});
