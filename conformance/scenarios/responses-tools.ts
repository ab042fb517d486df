// Responses tool-calling and structured-output scenarios: flat function tools with tool_choice
// required / named / none (non-stream and streamed), a function_call_output turn, and text.format
// json_schema / json_object.
import { responsesOutputText } from '../checks/responses/output-text.ts';
import { responsesToolsArgumentsJson } from '../checks/responses_tools/arguments-json.ts';
import { responsesToolsArgumentsValid } from '../checks/responses_tools/arguments-valid.ts';
import { responsesToolsCallSchema } from '../checks/responses_tools/call-schema.ts';
import { responsesToolsChoiceHonoured } from '../checks/responses_tools/choice-honoured.ts';
import { responsesToolsFormatJson } from '../checks/responses_tools/format-json.ts';
import { responsesToolsFormatSchema } from '../checks/responses_tools/format-schema.ts';
import { responsesToolsOutputUsed, TOOL_RESULT_MARKER } from '../checks/responses_tools/output-used.ts';
import { responsesToolsStreamArguments } from '../checks/responses_tools/stream-arguments.ts';
import type { Scenario, ScenarioRequest } from '../types.ts';

export const RESPONSES_WEATHER = {
  type: 'function',
  name: 'get_weather',
  description: 'Current weather in a city',
  parameters: {
    type: 'object',
    properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
    required: ['city'],
  },
  strict: false,
} as const;

export const RESPONSES_TIME = {
  type: 'function',
  name: 'get_time',
  description: 'Current local time in an IANA timezone',
  parameters: { type: 'object', properties: { timezone: { type: 'string', description: 'e.g. Europe/Paris' } }, required: ['timezone'] },
  strict: false,
} as const;

const TOOLS = [RESPONSES_WEATHER, RESPONSES_TIME];
const TOOL_PARAMS = ['tools', 'tool_choice'];
const BOTH = 'What is the weather in Paris, and what time is it in Europe/Paris? Use the tools.';
/** two short calls need more room than a sentence */
const CALLS_BUDGET = 48;
const ANSWER_BUDGET = 32;
const CALL_ID = 'call_dropin_weather_1';

const post = (body: Record<string, unknown>, stream = false): ScenarioRequest => ({ method: 'POST', path: '/responses', body: stream ? { ...body, stream: true } : body, stream });

const callShape = [responsesToolsCallSchema, responsesToolsArgumentsJson];
const common = { capability: 'responses_tools' as const, optionalEndpoint: true };

export const responsesToolsScenarios: Scenario[] = [
  {
    ...common,
    id: 'responses_tools.required',
    title: 'tool_choice "required" with flat function tools yields function_call items',
    kind: 'behaviour',
    build: ({ model }) => post({ model, input: BOTH, tools: TOOLS, tool_choice: 'required', max_output_tokens: CALLS_BUDGET }),
    protocolChecks: callShape,
    behaviourChecks: [responsesToolsChoiceHonoured, responsesToolsArgumentsValid],
    featureParams: TOOL_PARAMS,
  },
  {
    ...common,
    id: 'responses_tools.named',
    title: 'A named tool_choice {"type":"function","name":…} forces that function',
    kind: 'behaviour',
    // both tools offered and the second one named: a server that treats the choice as "auto" calls the wrong one or both
    build: ({ model }) => post({ model, input: 'What time is it in Paris (Europe/Paris)?', tools: TOOLS, tool_choice: { type: 'function', name: 'get_time' }, max_output_tokens: ANSWER_BUDGET }),
    protocolChecks: callShape,
    behaviourChecks: [responsesToolsChoiceHonoured, responsesToolsArgumentsValid],
    featureParams: TOOL_PARAMS,
  },
  {
    ...common,
    id: 'responses_tools.none',
    title: 'tool_choice "none" answers in text',
    kind: 'behaviour',
    build: ({ model }) => post({ model, input: 'What is the weather in Paris? Answer in one short sentence.', tools: [RESPONSES_WEATHER], tool_choice: 'none', max_output_tokens: ANSWER_BUDGET }),
    protocolChecks: [],
    behaviourChecks: [responsesToolsChoiceHonoured],
    featureParams: TOOL_PARAMS,
  },
  {
    ...common,
    id: 'responses_tools.stream',
    title: 'Streamed function calls: argument deltas, .done events, final output',
    kind: 'behaviour',
    build: ({ model }) => post({ model, input: BOTH, tools: TOOLS, tool_choice: 'required', max_output_tokens: CALLS_BUDGET }, true),
    protocolChecks: [...callShape, responsesToolsStreamArguments],
    behaviourChecks: [responsesToolsChoiceHonoured, responsesToolsArgumentsValid],
    featureParams: TOOL_PARAMS,
  },
  {
    ...common,
    id: 'responses_tools.output',
    title: 'A function_call_output turn is answered with the result',
    kind: 'behaviour',
    build: ({ model }) =>
      post({
        model,
        input: [
          { role: 'user', content: 'What is the weather in Paris? Use the tool.' },
          { type: 'function_call', call_id: CALL_ID, name: 'get_weather', arguments: '{"city":"Paris"}' },
          { type: 'function_call_output', call_id: CALL_ID, output: `{"city":"Paris","temperature_c":${TOOL_RESULT_MARKER},"sky":"clear"}` },
        ],
        tools: [RESPONSES_WEATHER],
        max_output_tokens: ANSWER_BUDGET,
      }),
    protocolChecks: [responsesOutputText],
    behaviourChecks: [responsesToolsOutputUsed],
    featureParams: ['function_call_output', 'function_call'],
  },
  {
    ...common,
    id: 'responses_tools.json-schema',
    title: 'text.format json_schema constrains the answer',
    kind: 'behaviour',
    build: ({ model }) =>
      post({
        model,
        input: 'Give the capital of France and the country it is in.',
        text: {
          format: {
            type: 'json_schema',
            name: 'capital',
            schema: { type: 'object', properties: { city: { type: 'string' }, country: { type: 'string' } }, required: ['city', 'country'], additionalProperties: false },
            strict: true,
          },
        },
        max_output_tokens: ANSWER_BUDGET,
      }),
    protocolChecks: [],
    behaviourChecks: [responsesToolsFormatJson, responsesToolsFormatSchema],
    featureParams: ['text.format', 'json_schema'],
  },
  {
    ...common,
    id: 'responses_tools.json-object',
    title: 'text.format json_object yields JSON',
    kind: 'behaviour',
    build: ({ model }) => post({ model, input: 'Reply in JSON: an object whose "city" key holds the capital of France.', text: { format: { type: 'json_object' } }, max_output_tokens: ANSWER_BUDGET }),
    protocolChecks: [],
    behaviourChecks: [responsesToolsFormatJson],
    featureParams: ['text.format', 'json_object'],
  },
];
