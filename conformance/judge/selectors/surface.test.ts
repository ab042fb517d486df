// The selectors of POST /embeddings, POST /completions and GET /models/{id}, and the reasoning
// checks on chat answers: what each recorded exchange is held to.
import { describe, expect, it } from 'vitest';
import { CHAT_REQUEST, COMPLETION, captured, capturedStream } from '../captured.fixtures.ts';
import type { CapturedExchange } from '../captured-exchange.ts';
import { routeOf } from '../route.ts';
import type { ExchangeView } from '../selector.ts';
import { NO_REQUEST } from '../selection-kit.ts';
import { requestJson, toExchange } from '../to-exchange.ts';
import { chatSelector } from './chat.ts';
import { completionsSelector } from './completions.ts';
import { embeddingsSelector } from './embeddings.ts';
import { SELECTORS } from './index.ts';
import { modelsRetrieveSelector } from './models-retrieve.ts';

function viewOf(c: CapturedExchange): ExchangeView {
  const exchange = toExchange(c);
  return { exchange, request: requestJson(c), requestKnown: c.requestKnown, stream: exchange.sse !== undefined, status: c.response!.status };
}
const EMBEDDINGS = 'https://api.openai.com/v1/embeddings';
const COMPLETIONS = 'https://api.openai.com/v1/completions';
const embeddingList = { object: 'list', data: [{ object: 'embedding', index: 0, embedding: 'AACAPw==' }], model: 'e', usage: { prompt_tokens: 1, total_tokens: 1 } };
const select = (selector: typeof embeddingsSelector, c: CapturedExchange) => selector.select(viewOf(c)).map((k) => k.id);

describe('routing', () => {
  it('sends each path to its selector: /completions after /chat/completions, retrieve beside the list', () => {
    const endpoint = (method: string, url: string) => routeOf(method, url, SELECTORS)?.selector.endpoint;
    expect(endpoint('POST', COMPLETIONS)).toBe('POST /completions');
    expect(endpoint('POST', 'https://api.openai.com/v1/chat/completions')).toBe('POST /chat/completions');
    expect(endpoint('POST', EMBEDDINGS)).toBe('POST /embeddings');
    expect(endpoint('GET', 'https://api.openai.com/v1/models')).toBe('GET /models');
    expect(endpoint('GET', 'http://127.0.0.1:11434/v1/models/hf.co%2Fuser%2Frepo:Q4')).toBe('GET /models/{model}');
  });
});

describe('embeddings selector', () => {
  it('holds an answer to the answer checks and to what the request asked for', () => {
    const request = { model: 'e', input: ['a'], encoding_format: 'base64', dimensions: 1 };
    expect(select(embeddingsSelector, captured(request, embeddingList, { url: EMBEDDINGS }))).toEqual([
      'embeddings.status-ok', 'embeddings.schema', 'embeddings.vectors', 'embeddings.order', 'embeddings.usage', 'embeddings.base64-honoured', 'embeddings.dimensions',
    ]);
    const batch = select(embeddingsSelector, captured({ model: 'e', input: [[1, 2], [3]] }, embeddingList, { url: EMBEDDINGS }));
    expect(batch).toEqual(expect.arrayContaining(['embeddings.same-length', 'embeddings.token-input']));
  });

  it('judges an empty input by its refusal, and withholds the order without the request', () => {
    expect(select(embeddingsSelector, captured({ model: 'e', input: [''] }, { error: { message: 'x' } }, { url: EMBEDDINGS, status: 400 }))).toEqual(['embeddings.empty-input-refused']);
    const unkept = embeddingsSelector.select(viewOf(captured(undefined, embeddingList, { url: EMBEDDINGS, method: 'POST', requestKnown: false })));
    expect(unkept.find((c) => c.id === 'embeddings.order')!.run({} as never)).toEqual({ status: 'skip', message: NO_REQUEST });
  });
});

describe('completions selector', () => {
  const text = { id: 'cmpl-1', object: 'text_completion', created: 1, model: 'm', choices: [{ text: ' hi', index: 0, logprobs: null, finish_reason: 'length' }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } };

  it('holds a body to the body checks and the limits it set; stop only on a text the limit did not cut', () => {
    expect(select(completionsSelector, captured({ model: 'm', prompt: 'p', max_tokens: 1, stop: ['7'] }, text, { url: COMPLETIONS }))).toEqual([
      'completions.status-ok', 'completions.schema', 'completions.finish-reason', 'completions.usage', 'completions.max-tokens-honoured',
    ]);
  });

  it('holds a stream to the stream checks', () => {
    const ids = select(completionsSelector, capturedStream({ model: 'm', prompt: 'p', stream: true }, [{ ...text, usage: null }, '[DONE]'], { url: COMPLETIONS }));
    expect(ids).toEqual(['completions.stream-status-ok', 'completions.stream-chunks', 'completions.stream-done', 'completions.stream-finish-reason', 'completions.stream-usage']);
  });
});

describe('models retrieve selector', () => {
  const url = 'http://127.0.0.1:8000/v1/models/m';
  it('judges the model; a 404 without the route by retrieve-ok (S24); a model-not-found by its envelope', () => {
    expect(select(modelsRetrieveSelector, captured(undefined, { id: 'm', object: 'model', created: 1, owned_by: 'x' }, { url }))).toEqual(['models.retrieve-ok', 'models.retrieve-schema']);
    expect(select(modelsRetrieveSelector, captured(undefined, { detail: 'Not Found' }, { url, status: 404 }))).toEqual(['models.retrieve-ok']);
    const unknown = { error: { message: "model 'm' not found", type: 'not_found_error' } };
    expect(select(modelsRetrieveSelector, captured(undefined, unknown, { url, status: 404 }))).toContain('errors.envelope');
  });
});

describe('reasoning on chat answers', () => {
  it('are judged only when the answer shows reasoning', () => {
    const plain = chatSelector.select(viewOf(captured(CHAT_REQUEST, COMPLETION))).map((c) => c.id);
    expect(plain.filter((id) => id.startsWith('reasoning.'))).toEqual([]);
    const thinking = { ...COMPLETION, choices: [{ ...COMPLETION.choices[0], message: { role: 'assistant', content: '<think>hm</think>Hi' } }] };
    const ids = chatSelector.select(viewOf(captured(CHAT_REQUEST, thinking))).map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['reasoning.separate', 'reasoning.field', 'reasoning.usage-tokens']));
  });
});
