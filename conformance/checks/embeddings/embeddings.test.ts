// The embeddings checks on literal answers: what passes (OpenAI's shapes, float and base64), and
// each deviation the checks exist for.
import { describe, expect, it } from 'vitest';
import type { CheckInput } from '../../types.ts';
import { inputOf, jsonExchange } from '../test-exchange.ts';
import { embeddingsBase64Honoured } from './base64-honoured.ts';
import { embeddingsBase64Matches } from './base64-matches.ts';
import { embeddingsDimensions } from './dimensions.ts';
import { embeddingsEmptyInputRefused } from './empty-input-refused.ts';
import { embeddingsOrder } from './order.ts';
import { embeddingsSameLength } from './same-length.ts';
import { embeddingsSchema } from './schema.ts';
import { embeddingsTokenInput } from './token-input.ts';
import { embeddingsUsage } from './usage.ts';
import { decodeBase64, inputCount } from './vectors.ts';
import { embeddingsVectorsValid } from './vectors-valid.ts';

const VECTOR = [0.25, -0.5, 0.125, 0.75];
const b64 = (v: number[], bigEndian = false) => {
  const bytes = Buffer.alloc(v.length * 4);
  v.forEach((x, i) => (bigEndian ? bytes.writeFloatBE(x, i * 4) : bytes.writeFloatLE(x, i * 4)));
  return bytes.toString('base64');
};
const list = (...embeddings: unknown[]) => ({
  object: 'list',
  data: embeddings.map((embedding, index) => ({ object: 'embedding', index, embedding })),
  model: 'text-embedding-3-small',
  usage: { prompt_tokens: 4, total_tokens: 4 },
});
const answer = (body: unknown, request: Record<string, unknown> = {}, status = 200): CheckInput =>
  inputOf(jsonExchange(body, { status, path: '/embeddings', request: { model: 'e', input: 'x', ...request } }));

describe('embeddings answer checks', () => {
  it('pass a float answer and a base64 answer as OpenAI sends them', () => {
    for (const check of [embeddingsSchema, embeddingsVectorsValid, embeddingsOrder, embeddingsUsage]) {
      expect(check.run(answer(list(VECTOR))).status, check.id).toBe('pass');
      expect(check.run(answer(list(b64(VECTOR)), { encoding_format: 'base64' })).status, check.id).toBe('pass');
    }
  });

  it('embeddings.schema points at a missing index and a data that is not a list', () => {
    expect(embeddingsSchema.run(answer({ ...list(VECTOR), data: [{ object: 'embedding', embedding: VECTOR }] }))).toMatchObject({ status: 'fail', pointer: '/data/0/index' });
    expect(embeddingsSchema.run(answer({ ...list(VECTOR), data: null }))).toMatchObject({ status: 'fail', pointer: '/data' });
  });

  it('embeddings.vectors fails nulls, zeros, empty vectors, a string for a float request and base64 that is not whole float32s', () => {
    expect(embeddingsVectorsValid.run(answer(list([0.1, null, 0.3])))).toMatchObject({ status: 'fail', pointer: '/data/0/embedding/1' });
    expect(embeddingsVectorsValid.run(answer(list([0, 0, 0])))).toMatchObject({ status: 'fail', message: /all zeros/ });
    expect(embeddingsVectorsValid.run(answer(list([])))).toMatchObject({ status: 'fail', message: /empty vector/ });
    expect(embeddingsVectorsValid.run(answer(list(b64(VECTOR))))).toMatchObject({ status: 'fail', message: /floats were asked for/ });
    expect(embeddingsVectorsValid.run(answer(list('AAAAAAA='), { encoding_format: 'base64' }))).toMatchObject({ status: 'fail', message: /not a whole number of float32/ });
    expect(embeddingsVectorsValid.run(answer({ error: { message: 'x' } }, {}, 400)).status).toBe('skip');
  });

  it('embeddings.order fails a reordered batch and a missing vector', () => {
    const reversed = list(VECTOR, VECTOR, VECTOR);
    reversed.data.reverse();
    expect(embeddingsOrder.run(answer(reversed, { input: ['a', 'b', 'c'] }))).toMatchObject({ status: 'fail', pointer: '/data/0/index', received: 'indices [2,1,0]' });
    expect(embeddingsOrder.run(answer(list(VECTOR), { input: ['a', 'b'] }))).toMatchObject({ status: 'fail', message: /2 input\(s\) were sent but 1/ });
    expect(embeddingsOrder.run(answer(list(VECTOR), { input: [1, 2, 3] })).status).toBe('pass');
  });

  it('embeddings.same-length and embeddings.usage', () => {
    expect(embeddingsSameLength.run(answer(list(VECTOR, [1, 2])))).toMatchObject({ status: 'fail', pointer: '/data/1/embedding' });
    expect(embeddingsSameLength.run(answer(list(VECTOR))).status).toBe('skip');
    const { usage: _gone, ...noUsage } = list(VECTOR);
    expect(embeddingsUsage.run(answer(noUsage))).toMatchObject({ status: 'fail', pointer: '/usage' });
  });
});

describe('embeddings request checks', () => {
  it('embeddings.base64-honoured: S17 floats for a base64 request fail; skips when floats were asked', () => {
    expect(embeddingsBase64Honoured.run(answer(list(VECTOR), { encoding_format: 'base64' }))).toMatchObject({ status: 'fail', message: /ignored.*pass them through/ });
    expect(embeddingsBase64Honoured.run(answer(list(VECTOR))).status).toBe('skip');
  });

  it('embeddings.base64-matches compares with the float turn: equal, run-to-run close, or other numbers', () => {
    const withFloats = (second: CheckInput, first: number[]): CheckInput => ({ ...second, previous: { exchange: jsonExchange(list(first)), request: {} } });
    const base64 = (v: number[], bigEndian = false) => answer(list(b64(v, bigEndian)), { encoding_format: 'base64' });
    expect(embeddingsBase64Matches.run(withFloats(base64(VECTOR), VECTOR)).status).toBe('pass');
    const close = embeddingsBase64Matches.run(withFloats(base64(VECTOR.map((v) => v + 1e-4)), VECTOR));
    expect(close).toMatchObject({ status: 'pass', message: /run-to-run variation/ });
    expect(embeddingsBase64Matches.run(withFloats(base64(VECTOR, true), VECTOR))).toMatchObject({ status: 'fail', pointer: '/data/0/embedding' });
    expect(embeddingsBase64Matches.run(withFloats(base64([0.5, 0.5]), VECTOR))).toMatchObject({ status: 'fail', message: /2 float32 values, the float answer has 4/ });
    expect(embeddingsBase64Matches.run(base64(VECTOR)).status).toBe('skip');
  });

  it('embeddings.dimensions: S18 a full vector for dimensions fails', () => {
    expect(embeddingsDimensions.run(answer(list(VECTOR), { dimensions: 4 })).status).toBe('pass');
    expect(embeddingsDimensions.run(answer(list(VECTOR), { dimensions: 2 }))).toMatchObject({ status: 'fail', received: '4 values' });
    expect(embeddingsDimensions.run(answer(list(VECTOR))).status).toBe('skip');
  });

  it('embeddings.token-input: S19 a refusal fails and names the LangChain fix', () => {
    expect(embeddingsTokenInput.run(answer(list(VECTOR), { input: [[1, 2]] })).status).toBe('pass');
    const refused = embeddingsTokenInput.run(answer({ error: { message: 'invalid input type' } }, { input: [[1, 2]] }, 400));
    expect(refused).toMatchObject({ status: 'fail', message: /check_embedding_ctx_length=False/ });
  });

  it('embeddings.empty-input-refused: a 4xx envelope passes; an embedded empty string, a 500 or a string body fails', () => {
    const openai = { error: { message: "'$.input' is invalid.", type: 'invalid_request_error', param: null, code: null } };
    expect(embeddingsEmptyInputRefused.run(answer(openai, { input: [''] }, 400)).status).toBe('pass');
    expect(embeddingsEmptyInputRefused.run(answer(list(VECTOR), { input: [''] }))).toMatchObject({ status: 'fail', message: /embedded instead of refused/ });
    expect(embeddingsEmptyInputRefused.run(answer(openai, { input: [''] }, 500)).status).toBe('fail');
    expect(embeddingsEmptyInputRefused.run(answer({ error: 'empty' }, { input: [''] }, 400)).status).toBe('fail');
  });
});

describe('reading vectors', () => {
  it('decodes little-endian float32 base64 and counts inputs as the API does', () => {
    expect(decodeBase64(b64(VECTOR)).vector).toEqual(VECTOR);
    expect(decodeBase64('not base64!').problem).toMatch(/not valid base64/);
    expect([inputCount({ input: 'a' }), inputCount({ input: ['a', 'b'] }), inputCount({ input: [1, 2] }), inputCount({ input: [[1], [2]] })]).toEqual([1, 2, 1, 2]);
  });
});
