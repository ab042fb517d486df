// The responses_tools checks on OpenAI-shaped answers and on the deviations they exist for.
import { describe, expect, it } from 'vitest';
import { bodyInput, editEvent, functionCall, message, responseObject, streamInput, TOOL_REQUEST, toolEvents, WEATHER } from '../responses/responses.fixtures.ts';
import { responsesToolsArgumentsJson } from './arguments-json.ts';
import { responsesToolsArgumentsValid } from './arguments-valid.ts';
import { responsesToolsCallSchema } from './call-schema.ts';
import { callableNames } from './calls.ts';
import { responsesToolsChoiceHonoured } from './choice-honoured.ts';
import { responsesToolsFormatJson } from './format-json.ts';
import { responsesToolsFormatSchema } from './format-schema.ts';
import { responsesToolsOutputUsed, TOOL_RESULT_MARKER } from './output-used.ts';
import { responsesToolsStreamArguments } from './stream-arguments.ts';

const request = { ...TOOL_REQUEST, stream: false };
const called = (args = '{"city":"Paris"}', extra: Record<string, unknown> = {}) => bodyInput(responseObject({ output: [{ ...functionCall(args), ...extra }] }), request);
const TIME = { type: 'function', name: 'get_time', parameters: { type: 'object', properties: {} }, strict: false };

describe('responses_tools.call-schema', () => {
  it('passes OpenAI\'s function_call items, streamed or not', () => {
    expect(responsesToolsCallSchema.run(called()).status).toBe('pass');
    expect(responsesToolsCallSchema.run(streamInput(toolEvents(), TOOL_REQUEST)).status).toBe('pass');
  });
  it('fails a call without call_id, object arguments, and a function nobody offered', () => {
    expect(responsesToolsCallSchema.run(called(undefined, { call_id: '' }))).toMatchObject({ status: 'fail', pointer: '/output/0/call_id' });
    expect(responsesToolsCallSchema.run(called(undefined, { arguments: { city: 'Paris' } }))).toMatchObject({ status: 'fail', pointer: '/output/0/arguments' });
    expect(responsesToolsCallSchema.run(called(undefined, { name: 'get_stock' }))).toMatchObject({ status: 'fail', pointer: '/output/0/name' });
  });
  it('leaves names open when tools come from elsewhere (tool_search, additional_tools, no request)', () => {
    expect(callableNames({ tools: [WEATHER, { type: 'tool_search' }] })).toBeUndefined();
    expect(callableNames({ tools: [WEATHER], input: [{ type: 'additional_tools', role: 'developer' }] })).toBeUndefined();
    expect(callableNames(undefined)).toBeUndefined();
    expect(callableNames(request)).toEqual(['get_weather']);
  });
});

describe('responses_tools.arguments-json and arguments-valid', () => {
  it('pass JSON-object arguments that match the parameters', () => {
    expect(responsesToolsArgumentsJson.run(called()).status).toBe('pass');
    expect(responsesToolsArgumentsValid.run(called()).status).toBe('pass');
  });
  it('fail arguments that are not JSON, or miss a required field', () => {
    expect(responsesToolsArgumentsJson.run(called('{"city":'))).toMatchObject({ status: 'fail', pointer: '/output/0/arguments' });
    expect(responsesToolsArgumentsValid.run(called('{"town":"Paris"}'))).toMatchObject({ status: 'fail', received: /must have required property 'city'/ });
  });
});

describe('responses_tools.choice-honoured', () => {
  it('passes required with a call, none without, and a named choice calling that function', () => {
    expect(responsesToolsChoiceHonoured.run(called()).status).toBe('pass');
    expect(responsesToolsChoiceHonoured.run(bodyInput(responseObject(), { ...request, tool_choice: 'none' })).status).toBe('pass');
    const named = { ...request, tools: [WEATHER, TIME], tool_choice: { type: 'function', name: 'get_weather' } };
    expect(responsesToolsChoiceHonoured.run(bodyInput(responseObject({ output: [functionCall('{}')] }), named)).status).toBe('pass');
  });
  it('fails the choices Ollama ignores (S10)', () => {
    expect(responsesToolsChoiceHonoured.run(bodyInput(responseObject(), request))).toMatchObject({ status: 'fail', message: /"required" was ignored/ });
    expect(responsesToolsChoiceHonoured.run(bodyInput(responseObject({ output: [functionCall('{}')] }), { ...request, tool_choice: 'none' }))).toMatchObject({ status: 'fail', pointer: '/output/0' });
    const named = { ...request, tools: [WEATHER, TIME], tool_choice: { type: 'function', name: 'get_time' } };
    expect(responsesToolsChoiceHonoured.run(bodyInput(responseObject({ output: [functionCall('{}')] }), named))).toMatchObject({ status: 'fail', expected: 'only calls to "get_time"' });
    expect(responsesToolsChoiceHonoured.run(bodyInput(responseObject(), { ...request, tool_choice: 'auto' })).status).toBe('skip');
  });
});

describe('responses_tools.stream-arguments', () => {
  it('passes fragments, and one delta with the whole JSON (S06)', () => {
    expect(responsesToolsStreamArguments.run(streamInput(toolEvents(), TOOL_REQUEST)).status).toBe('pass');
    expect(responsesToolsStreamArguments.run(streamInput(toolEvents(['{"city":"Paris"}']), TOOL_REQUEST)).status).toBe('pass');
  });
  it('fails .done arguments that differ from the deltas', () => {
    const bad = editEvent(toolEvents(), 'response.function_call_arguments.done', (e) => ({ ...e, arguments: '{"city":"Rome"}' }));
    expect(responsesToolsStreamArguments.run(streamInput(bad, TOOL_REQUEST))).toMatchObject({ status: 'fail', pointer: '/events/6/arguments' });
  });
});

describe('responses_tools.output-used', () => {
  const turn = { model: 'm', tools: [WEATHER], input: [{ role: 'user', content: 'x' }, { type: 'function_call_output', call_id: 'call_1', output: '{}' }] };
  it('passes an answer that uses the tool result and fails one that does not', () => {
    expect(responsesToolsOutputUsed.run(bodyInput(responseObject({ output: [message(`It is ${TOOL_RESULT_MARKER} °C.`)] }), turn)).status).toBe('pass');
    expect(responsesToolsOutputUsed.run(bodyInput(responseObject({ output: [functionCall('{}')] }), turn))).toMatchObject({ status: 'fail' });
    expect(responsesToolsOutputUsed.run(bodyInput(responseObject(), request)).status).toBe('skip');
  });
});

describe('responses_tools.format-json and format-schema', () => {
  const schema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false };
  const jsonSchema = { model: 'm', input: 'x', text: { format: { type: 'json_schema', name: 'city', schema, strict: true } } };
  const jsonObject = { model: 'm', input: 'Reply in JSON', text: { format: { type: 'json_object' } } };
  it('pass JSON that matches the schema', () => {
    expect(responsesToolsFormatJson.run(bodyInput(responseObject({ output: [message('{"city":"Paris"}')] }), jsonSchema)).status).toBe('pass');
    expect(responsesToolsFormatSchema.run(bodyInput(responseObject({ output: [message('{"city":"Paris"}')] }), jsonSchema)).status).toBe('pass');
  });
  it('fail free text for json_object and JSON of another shape for json_schema', () => {
    expect(responsesToolsFormatJson.run(bodyInput(responseObject({ output: [message('Paris')] }), jsonObject))).toMatchObject({ status: 'fail', message: /json_object was not honoured/ });
    expect(responsesToolsFormatSchema.run(bodyInput(responseObject({ output: [message('{"town":"Paris"}')] }), jsonSchema))).toMatchObject({ status: 'fail' });
    expect(responsesToolsFormatSchema.run(bodyInput(responseObject(), jsonObject)).status).toBe('skip');
  });
});
