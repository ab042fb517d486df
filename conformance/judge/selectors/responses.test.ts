import { describe, expect, it } from 'vitest';
import { responsesBodyChecks, responsesStreamChecks } from '../../checks/responses/index.ts';
import { functionCall, message, responseObject, streamExchange, textEvents, toolEvents } from '../../checks/responses/responses.fixtures.ts';
import { jsonExchange } from '../../checks/test-exchange.ts';
import type { Exchange } from '../../types.ts';
import type { ExchangeView } from '../selector.ts';
import { NO_REQUEST } from '../selection-kit.ts';
import { responsesSelector } from './responses.ts';

const view = (exchange: Exchange, request?: unknown): ExchangeView => ({ exchange, request, requestKnown: request !== undefined, stream: exchange.sse !== undefined, status: exchange.status! });
const ids = (v: ExchangeView) => responsesSelector.select(v).map((c) => c.id);
const weather = { type: 'function', name: 'get_weather', parameters: { type: 'object' } };

describe('responses selector', () => {
  it('holds a text answer to the body or stream invariants only', () => {
    expect(ids(view(jsonExchange(responseObject()), { model: 'm', input: 'hi' }))).toEqual(responsesBodyChecks.map((c) => c.id));
    expect(ids(view(streamExchange(textEvents()), { model: 'm', input: 'hi', stream: true }))).toEqual([...responsesStreamChecks.map((c) => c.id), 'responses_tools.stream-arguments']);
  });

  it('adds the function-call checks and an enforced tool_choice', () => {
    const request = { model: 'm', input: 'x', tools: [weather], tool_choice: 'required' };
    const got = ids(view(jsonExchange(responseObject({ output: [functionCall('{}')] })), request));
    expect(got).toEqual(expect.arrayContaining(['responses_tools.call-schema', 'responses_tools.arguments-json', 'responses_tools.arguments-valid', 'responses_tools.choice-honoured']));
    expect(ids(view(streamExchange(toolEvents()), { ...request, tool_choice: 'auto', stream: true }))).not.toContain('responses_tools.choice-honoured');
  });

  it('judges text.format only on answers not cut by max_output_tokens', () => {
    const request = { model: 'm', input: 'JSON please', text: { format: { type: 'json_schema', name: 'x', schema: { type: 'object' } } } };
    expect(ids(view(jsonExchange(responseObject({ output: [message('{}')] })), request))).toEqual(expect.arrayContaining(['responses_tools.format-json', 'responses_tools.format-schema']));
    const cut = responseObject({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' }, output: [message('{"a')] });
    expect(ids(view(jsonExchange(cut), request))).not.toContain('responses_tools.format-json');
  });

  it('withholds argument schemas without the request, and judges an error answer by its envelope', () => {
    const checks = responsesSelector.select(view(jsonExchange(responseObject({ output: [functionCall('{}')] }))));
    const valid = checks.find((c) => c.id === 'responses_tools.arguments-valid')!;
    expect(valid.run({ exchange: jsonExchange({}), request: undefined, scenario: 's', model: 'm' })).toEqual({ status: 'skip', message: NO_REQUEST });
    expect(ids(view(jsonExchange({ error: { message: 'x', type: 'invalid_request_error', param: null, code: null } }, { status: 400 }), {}))).toEqual(['errors.envelope', 'errors.envelope-fields', 'errors.content-type', 'errors.type-known']);
  });
});
