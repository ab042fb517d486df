import { describe, expect, it } from 'vitest';
import { normalizeError } from './upstream-error.ts';

const norm = (status: number, body: unknown) => normalizeError(status, typeof body === 'string' ? body : JSON.stringify(body));

describe('normalizeError', () => {
  it('keeps an OpenAI envelope as it is', () => {
    const body = { error: { message: 'Unsupported parameter', type: 'invalid_request_error', param: 'max_tokens', code: 'unsupported_parameter' } };
    expect(norm(400, body)).toEqual({ status: 400, body });
  });

  it('wraps a flat vLLM/SGLang body and drops its integer code (F16, F18, F19)', () => {
    expect(norm(400, { object: 'error', message: 'bad n', type: 'BadRequestError', param: null, code: 400 })).toEqual({
      status: 400,
      body: { error: { message: 'bad n', type: 'invalid_request_error', param: null, code: null } },
    });
  });

  it('wraps a string error body from LM Studio (F17)', () => {
    expect(norm(400, { error: "'response_format.type' must be 'json_schema' or 'text'" }).body.error).toEqual({
      message: "'response_format.type' must be 'json_schema' or 'text'",
      type: 'invalid_request_error',
      param: null,
      code: null,
    });
  });

  it('fills the missing param of llama.cpp and maps its context-size type to OpenAI code (F18, F19)', () => {
    const out = norm(400, { error: { code: 400, message: 'request (9000 tokens) exceeds the context size', type: 'exceed_context_size_error', n_ctx: 4096 } });
    expect(out).toEqual({
      status: 400,
      body: { error: { message: 'request (9000 tokens) exceeds the context size', type: 'invalid_request_error', param: null, code: 'context_length_exceeded' } },
    });
  });

  it("maps Ollama's types and marks an unknown model as model_not_found (F19)", () => {
    expect(norm(404, { error: { message: "model 'foo' not found", type: 'not_found_error', param: null, code: null } }).body.error).toMatchObject({
      type: 'invalid_request_error',
      code: 'model_not_found',
    });
    expect(norm(503, { error: { message: 'server busy', type: 'api_error', param: null, code: null } })).toMatchObject({
      status: 503,
      body: { error: { type: 'server_error' } },
    });
  });

  it('answers a JSON parse error sent as 500 with 400 (F20)', () => {
    const out = norm(500, { error: { code: 500, message: '[json.exception.parse_error.101] parse error at line 1', type: 'server_error' } });
    expect(out.status).toBe(400);
    expect(out.body.error.type).toBe('invalid_request_error');
  });

  it("answers llama.cpp's 500 for an image to a model without vision with 400 (S23): the request, not the server, was at fault", () => {
    const message = 'image input is not supported - hint: if this is unexpected, you may need to provide the mmproj';
    const out = norm(500, { error: { code: 500, message, type: 'server_error' } });
    expect(out.status).toBe(400);
    expect(out.body.error).toMatchObject({ type: 'invalid_request_error', message });
  });

  it('keeps a genuine server failure a 5xx', () => {
    expect(norm(500, { error: { code: 500, message: 'CUDA out of memory', type: 'server_error' } }).status).toBe(500);
  });

  it('turns an HTML page into a short message naming its title', () => {
    const out = norm(502, '<html><head><title>502 Bad Gateway</title></head><body><h1>nginx</h1></body></html>');
    expect(out.status).toBe(502);
    expect(out.body.error.message).toBe('The backend answered with a non-JSON error body: "502 Bad Gateway".');
    expect(out.body.error.type).toBe('server_error');
  });

  it('describes FastAPI validation details and answers 422 with 400', () => {
    const out = norm(422, { detail: [{ loc: ['body', 'messages'], msg: 'field required', type: 'missing' }] });
    expect(out).toMatchObject({ status: 400, body: { error: { message: 'body.messages: field required', type: 'invalid_request_error' } } });
  });

  it('gives an empty body a message that says what happened', () => {
    expect(norm(503, '').body.error).toEqual({
      message: 'The backend answered HTTP 503 without an error message.',
      type: 'server_error',
      param: null,
      code: null,
    });
  });

  it('names its repairs: the envelope reshaped, the status corrected; none for a conformant envelope', () => {
    const kinds = (status: number, body: unknown) => {
      const repairs = new Set();
      normalizeError(status, JSON.stringify(body), repairs as never);
      return [...repairs].sort();
    };
    expect(kinds(400, { error: { message: 'm', type: 'invalid_request_error', param: null, code: null } })).toEqual([]);
    expect(kinds(400, { object: 'error', message: 'bad', type: 'BadRequestError', param: null, code: 400 })).toEqual(['error_envelope']);
    expect(kinds(500, { error: { message: '[json.exception.parse_error] x', type: 'server_error', param: null, code: null } })).toEqual(['error_envelope', 'error_status']);
  });
});
