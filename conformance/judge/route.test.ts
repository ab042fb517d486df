import { describe, expect, it } from 'vitest';
import { endpointLabel, isApiRequest, routeOf } from './route.ts';
import { SELECTORS } from './selectors/index.ts';

const route = (method: string, url: string) => {
  const r = routeOf(method, url, SELECTORS);
  return r && { endpoint: r.selector.endpoint, baseUrl: r.baseUrl };
};

describe('routeOf', () => {
  it('finds chat completions behind any prefix and takes what precedes it as the base URL', () => {
    expect(route('POST', 'https://api.openai.com/v1/chat/completions')).toEqual({ endpoint: 'POST /chat/completions', baseUrl: 'https://api.openai.com/v1' });
    expect(route('post', 'https://x.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-12-01-preview')).toEqual({
      endpoint: 'POST /chat/completions',
      baseUrl: 'https://x.openai.azure.com/openai/deployments/gpt-4o',
    });
    expect(route('POST', 'https://api.deepseek.com/chat/completions')?.baseUrl).toBe('https://api.deepseek.com');
    expect(route('POST', 'https://api.openai.com/v1/chat/completions#stream')?.endpoint).toBe('POST /chat/completions');
  });

  it('reads a transcript path without a host', () => {
    expect(route('POST', '/v1/chat/completions/')).toEqual({ endpoint: 'POST /chat/completions', baseUrl: '/v1' });
    expect(route('GET', '/v1/models')).toEqual({ endpoint: 'GET /models', baseUrl: '/v1' });
  });

  it('needs the method and the whole path end to match', () => {
    expect(route('GET', 'https://api.openai.com/v1/chat/completions')).toBeUndefined();
    expect(route('POST', 'https://api.openai.com/v1/chat/completions/abc/messages')).toBeUndefined();
    expect(route('POST', 'https://api.openai.com/v1/moderations')).toBeUndefined();
  });
});

describe('isApiRequest', () => {
  it('counts judged endpoints and API paths no selector covers yet', () => {
    expect(isApiRequest('POST', 'http://127.0.0.1:8080/v1/chat/completions')).toBe(true);
    expect(isApiRequest('POST', 'https://api.openai.com/v1/embeddings')).toBe(true);
    expect(isApiRequest('POST', 'https://api.deepseek.com/responses')).toBe(true);
  });

  it('leaves out pages, assets and CORS preflights', () => {
    expect(isApiRequest('GET', 'http://127.0.0.1:8080/')).toBe(false);
    expect(isApiRequest('GET', 'http://127.0.0.1:8080/favicon.ico')).toBe(false);
    expect(isApiRequest('GET', 'https://cdn.example.com/app.js')).toBe(false);
    expect(isApiRequest('OPTIONS', 'http://127.0.0.1:8080/v1/chat/completions')).toBe(false);
  });
});

describe('endpointLabel', () => {
  it('names the API path whatever prefix a server puts before it', () => {
    expect(endpointLabel('post', 'https://api.openai.com/v1/embeddings')).toBe('POST /embeddings');
    expect(endpointLabel('POST', 'https://openrouter.ai/api/v1/responses')).toBe('POST /responses');
    expect(endpointLabel('GET', 'https://x.test/v1/responses/resp_1/input_items?limit=2')).toBe('GET /responses/resp_1/input_items');
    expect(endpointLabel('GET', 'http://127.0.0.1:9/health')).toBe('GET /health');
  });
});
