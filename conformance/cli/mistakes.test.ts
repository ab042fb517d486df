import { describe, expect, it } from 'vitest';
import { summarizeCapabilities } from '../run/summarize.ts';
import type { RecordedExchange, TargetResult } from '../types.ts';
import { candidateBaseUrls, explain, findMistake, isFatal, modelIds } from './mistakes.ts';

function exchange(scenario: string, status: number | undefined, bodyText: string, opts: { model?: string; type?: string; stream?: boolean } = {}): RecordedExchange {
  const body = scenario === 'models.list' ? undefined : JSON.stringify({ model: opts.model ?? 'gpt-4o', messages: [], stream: opts.stream });
  return {
    id: `${scenario}#1`,
    scenario,
    request: { method: body ? 'POST' : 'GET', url: 'http://h/v1/x', headers: {}, body },
    status,
    headers: status === undefined ? {} : { 'content-type': opts.type ?? 'application/json' },
    bodyText,
    timing: { startedAt: 0, totalMs: 1 },
    truncated: false,
  };
}

function target(exchanges: RecordedExchange[], baseUrl = 'http://127.0.0.1:11434/v1'): TargetResult {
  return {
    name: 't', baseUrl, model: 'gpt-4o', kind: 'url', startedAt: '', durationMs: 1,
    usage: { requests: exchanges.length, prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
    capabilities: summarizeCapabilities([]), checks: [], exchanges,
  };
}

const OPENAI_404 = '{"error":{"message":"The model `gpt-4o` does not exist or you do not have access to it.","type":"invalid_request_error","param":null,"code":"model_not_found"}}';
const OLLAMA_404 = '{"error":{"message":"model \\"gpt-4o\\" not found, try pulling it first","type":"api_error","param":null,"code":null}}';
const VLLM_404 = '{"object":"error","message":"The model `gpt-4o` does not exist.","type":"NotFoundError","param":null,"code":404}';
const MODELS = '{"object":"list","data":[{"id":"llama3.2:3b","object":"model"},{"id":"gpt-4o-mini","object":"model"}]}';

describe('findMistake', () => {
  it.each([['OpenAI', OPENAI_404], ['Ollama', OLLAMA_404], ['vLLM', VLLM_404]])('every request refused as an unknown model (%s wording) is fatal', (_server, body) => {
    const t = target([
      exchange('models.list', 200, MODELS),
      exchange('chat.basic', 404, body),
      exchange('streaming.basic', 404, body, { stream: true }),
      // a deliberately broken request is refused whatever the model: it does not count
      exchange('errors.invalid-param', 400, '{"error":{"message":"messages must not be empty"}}'),
      exchange('errors.unknown-model', 404, OPENAI_404, { model: 'dropin-no-such-model-0' }),
    ]);
    const m = findMistake(t);
    expect(m).toEqual({ kind: 'unknown-model', refused: 2, of: 2 });
    expect(isFatal(m!)).toBe(true);
    expect(explain(m!, t, { models: modelIds(MODELS) })).toBe(
      'every request naming the model "gpt-4o" was refused as an unknown model. Did you mean --model gpt-4o-mini? http://127.0.0.1:11434/v1/models offers: llama3.2:3b, gpt-4o-mini.',
    );
  });

  it('some requests refused as an unknown model: a hint, not fatal', () => {
    const t = target([exchange('chat.basic', 200, '{"id":"x"}'), exchange('streaming.basic', 404, OPENAI_404, { stream: true })]);
    const m = findMistake(t)!;
    expect(isFatal(m)).toBe(false);
    expect(explain(m, t, { models: ['a', 'b'] })).toBe('1 of 2 requests naming the model "gpt-4o" was refused as an unknown model. http://127.0.0.1:11434/v1/models offers: a, b.');
  });

  it('404 on every path points at the missing /v1', () => {
    const t = target([exchange('models.list', 404, '404 page not found', { type: 'text/plain' }), exchange('chat.basic', 404, '404 page not found', { type: 'text/plain' })], 'http://127.0.0.1:11434');
    const m = findMistake(t)!;
    expect(m).toEqual({ kind: 'not-found', answered: 2 });
    expect(explain(m, t, {})).toBe(
      'every request was answered 404 Not Found: http://127.0.0.1:11434 is not the API\'s base URL. OpenAI-compatible servers serve the API under /v1: did you mean --base-url http://127.0.0.1:11434/v1?',
    );
    expect(explain(m, t, { workingBaseUrl: 'http://127.0.0.1:11434/v1' })).toMatch(/http:\/\/127\.0\.0\.1:11434\/v1 answers GET \/models: did you mean --base-url http:\/\/127\.0\.0\.1:11434\/v1\?$/);
  });

  it('HTML pages: not an OpenAI-compatible API', () => {
    const page = '<!doctype html><html><body>Grafana</body></html>';
    const t = target([exchange('models.list', 200, page, { type: 'text/html; charset=utf-8' }), exchange('chat.basic', 405, page, { type: 'text/html' })], 'http://127.0.0.1:3000');
    const m = findMistake(t)!;
    expect(m).toMatchObject({ kind: 'not-json', count: 2, answered: 2 });
    expect(isFatal(m)).toBe(true);
    expect(explain(m, t, {})).toBe(
      'every answer was an HTML page: http://127.0.0.1:3000 does not look like an OpenAI-compatible API. OpenAI-compatible servers serve the API under /v1: did you mean --base-url http://127.0.0.1:3000/v1?',
    );
  });

  it('finds nothing in a conformant or merely broken run', () => {
    expect(findMistake(target([exchange('models.list', 200, MODELS), exchange('chat.basic', 200, '{"id":"x"}')]))).toBeUndefined();
    expect(findMistake(target([exchange('chat.basic', undefined, '')]))).toBeUndefined();
    expect(findMistake(target([exchange('chat.basic', 401, '{"error":{"message":"Incorrect API key"}}')]))).toBeUndefined();
  });
});

describe('candidateBaseUrls', () => {
  it('tries /v1 added and an endpoint path cut off', () => {
    expect(candidateBaseUrls('http://h:11434')).toEqual(['http://h:11434/v1']);
    expect(candidateBaseUrls('http://h:11434/v1/chat/completions')).toEqual(['http://h:11434/v1']);
    expect(candidateBaseUrls('http://h/api/chat/completions')).toEqual(['http://h/api', 'http://h/api/v1']);
    expect(candidateBaseUrls('http://h:11434/v1/')).toEqual([]);
  });
});
