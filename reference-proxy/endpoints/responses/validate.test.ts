import { describe, expect, it } from 'vitest';
import type { ProxyContext } from '../../core/context.ts';
import { ProxyError } from '../../errors.ts';
import { DEFAULT_STORE_LIMITS } from '../../responses/store.ts';
import { createLocalState } from '../../state/local-state.ts';
import { responsesInputTexts, responsesPromptTokens } from './measure.ts';
import { preparedOf } from './request.ts';
import { keep, storeFor } from './store-for.ts';
import { validateResponsesRequest } from './validate.ts';

const context = () => ({ state: createLocalState(), config: { responses: { store: DEFAULT_STORE_LIMITS } }, log: () => {} }) as unknown as ProxyContext;

async function rejection(body: unknown, ctx = context()): Promise<{ status: number; param: string | null; code: string | null; message: string }> {
  const error = await validateResponsesRequest(body, ctx).then(() => undefined, (e: unknown) => e);
  if (!(error instanceof ProxyError)) throw new Error('expected a ProxyError');
  return { status: error.status, param: error.param, code: error.code, message: error.message };
}

describe('validateResponsesRequest', () => {
  it('names the parameter of each problem in the fields the proxy reads', async () => {
    expect(await rejection([])).toMatchObject({ status: 400, param: 'body', code: 'invalid_type' });
    expect(await rejection({ input: 'x' })).toMatchObject({ param: 'model', code: 'missing_required_parameter' });
    expect(await rejection({ model: 'm' })).toMatchObject({ param: 'input', code: 'missing_required_parameter' });
    expect(await rejection({ model: 'm', input: 3 })).toMatchObject({ param: 'input', code: 'invalid_type' });
    expect(await rejection({ model: 'm', input: 'x', stream: 'yes' })).toMatchObject({ param: 'stream', code: 'invalid_type' });
    expect(await rejection({ model: 'm', input: [{ type: 'item_reference', id: 7 }] })).toMatchObject({ param: 'input[0].id', code: 'invalid_type' });
    expect(await rejection({ model: 'm', input: [{ role: 'user', content: 'hi' }, null] })).toMatchObject({ param: 'input[1]', code: 'invalid_type' });
    expect(await rejection({ model: 'm', input: 'x', previous_response_id: '' })).toMatchObject({ param: 'previous_response_id', code: 'empty_string' });
  });

  it('refuses references the store does not have, by name', async () => {
    expect(await rejection({ model: 'm', input: 'x', previous_response_id: 'resp_gone' })).toMatchObject({
      param: 'previous_response_id',
      code: 'previous_response_not_found',
      message: "Previous response with id 'resp_gone' not found.",
    });
    expect(await rejection({ model: 'm', input: [{ type: 'item_reference', id: 'msg_gone' }], store: false })).toMatchObject({
      param: 'input',
      message: "Item with id 'msg_gone' not found. Items are not persisted when `store` is set to false.",
    });
  });

  it('resolves a stored conversation, which counts towards the input texts and tokens', async () => {
    const ctx = context();
    const first = { model: 'm', input: 'What is the capital of France?' };
    const answer = { id: 'resp_1', status: 'completed', output: [{ id: 'msg_1', type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Paris.' }] }] };
    const asked = await validateResponsesRequest(first, ctx);
    keep(ctx, asked, preparedOf(asked).conversation, answer);
    expect(await storeFor(ctx).get('resp_1')).toBeDefined();
    const next = await validateResponsesRequest({ model: 'm', instructions: 'Be brief.', previous_response_id: 'resp_1', input: [{ type: 'item_reference', id: 'msg_1' }, { role: 'user', content: [{ type: 'input_text', text: 'And Spain?' }] }] }, ctx);
    expect(preparedOf(next).conversation.history).toHaveLength(2);
    expect([...responsesInputTexts(next)]).toEqual(['Be brief.', 'What is the capital of France?', 'Paris.', 'Paris.', 'And Spain?']);
    const alone = await validateResponsesRequest({ model: 'm', input: 'And Spain?' }, ctx);
    expect(responsesPromptTokens(next)).toBeGreaterThan(responsesPromptTokens(alone) + 10);
  });

  it('keeps nothing of a store: false or failed response', async () => {
    const ctx = context();
    const request = await validateResponsesRequest({ model: 'm', input: 'x', store: false }, ctx);
    keep(ctx, request, preparedOf(request).conversation, { id: 'resp_2', status: 'completed', output: [] });
    const other = await validateResponsesRequest({ model: 'm', input: 'x' }, ctx);
    keep(ctx, other, preparedOf(other).conversation, { id: 'resp_3', status: 'failed', output: [] });
    expect(await storeFor(ctx).get('resp_2')).toBeUndefined();
    expect(await storeFor(ctx).get('resp_3')).toBeUndefined();
  });
});
