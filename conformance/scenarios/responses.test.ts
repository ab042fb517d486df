import { describe, expect, it } from 'vitest';
import { jsonExchange } from '../checks/test-exchange.ts';
import { responsesScenarios } from './responses.ts';
import { responsesToolsScenarios } from './responses-tools.ts';

const all = [...responsesScenarios, ...responsesToolsScenarios];
const byId = Object.fromEntries(all.map((s) => [s.id, s]));
const body = (id: string) => byId[id].build({ model: 'm' }).body as Record<string, any>;
const first = jsonExchange({ id: 'resp_1', object: 'response', output: [{ type: 'reasoning', id: 'rs_1' }, { type: 'message', id: 'msg_1', content: [] }] }, { path: '/responses' });

describe('responses scenarios', () => {
  it('keep the catalogue ids', () => {
    expect(all.map((s) => s.id)).toEqual([
      'responses.basic',
      'responses.items',
      'responses.stream',
      'responses.max-output-tokens',
      'responses.stream-max-output-tokens',
      'responses.previous-response-id',
      'responses.item-reference',
      'responses.stream-error',
      'responses_tools.required',
      'responses_tools.named',
      'responses_tools.none',
      'responses_tools.stream',
      'responses_tools.output',
      'responses_tools.json-schema',
      'responses_tools.json-object',
    ]);
  });

  it.each(all.map((s) => [s.id]))('%s is a cheap POST /responses on an optional endpoint', (id) => {
    const req = byId[id].build({ model: 'm' });
    expect(req).toMatchObject({ method: 'POST', path: '/responses' });
    expect(byId[id].optionalEndpoint).toBe(true);
    expect(body(id).max_output_tokens).toBeGreaterThanOrEqual(16);
    expect(body(id).max_output_tokens).toBeLessThanOrEqual(48);
    expect(body(id).temperature, 'reasoning models refuse temperature').toBeUndefined();
    expect(req.stream === true).toBe(body(id).stream === true);
  });

  it('send string input, item input and instructions', () => {
    expect(typeof body('responses.basic').input).toBe('string');
    expect(body('responses.items').input[0]).toMatchObject({ type: 'message', role: 'user', content: [{ type: 'input_text' }] });
    expect(body('responses.items').instructions).toMatch(/"pineapple"/);
  });

  it('continue the first turn by previous_response_id and by item_reference to its message', () => {
    const byIdTurn = byId['responses.previous-response-id'].nextTurn!({ model: 'm', first });
    expect(byIdTurn?.body).toMatchObject({ previous_response_id: 'resp_1', max_output_tokens: 16 });
    const byRef = byId['responses.item-reference'].nextTurn!({ model: 'm', first });
    expect((byRef?.body as any).input.slice(1, 3)).toEqual([{ type: 'item_reference', id: 'rs_1' }, { type: 'item_reference', id: 'msg_1' }]);
    const refused = jsonExchange({ error: { message: 'no' } }, { status: 400 });
    expect(byId['responses.previous-response-id'].nextTurn!({ model: 'm', first: refused })).toBeUndefined();
    expect(byId['responses.item-reference'].unsupportedNote).toMatch(/store = false/);
  });

  it('use flat tools and the Responses tool_choice shape', () => {
    expect(body('responses_tools.named').tool_choice).toEqual({ type: 'function', name: 'get_time' });
    for (const tool of body('responses_tools.required').tools) expect(tool).toMatchObject({ type: 'function', name: expect.any(String), parameters: expect.any(Object) });
    expect(body('responses_tools.output').input.map((i: any) => i.type)).toEqual([undefined, 'function_call', 'function_call_output']);
    expect(body('responses_tools.json-schema').text.format).toMatchObject({ type: 'json_schema', name: 'capital', strict: true });
    expect(body('responses_tools.json-object').input).toMatch(/JSON/);
  });
});
