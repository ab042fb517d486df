// Tool-calling scenarios: a named tool_choice, `required` with two tools (non-stream and
// streamed, where parallel calls must arrive on distinct indices), and `none`.
import type { Scenario } from '../types.ts';
import { toolsArgumentsJson } from '../checks/tools/arguments-json.ts';
import { toolsArgumentsString } from '../checks/tools/arguments-string.ts';
import { toolsArgumentsValid } from '../checks/tools/arguments-valid.ts';
import { toolsCallSchema } from '../checks/tools/call-schema.ts';
import { toolsChoiceHonoured } from '../checks/tools/choice-honoured.ts';
import { toolsFinishReason } from '../checks/tools/finish-reason.ts';
import { toolsStreamDistinctIndex } from '../checks/tools/stream-distinct-index.ts';
import { toolsStreamFinishReason } from '../checks/tools/stream-finish-reason.ts';
import { toolsStreamIdOnce } from '../checks/tools/stream-id-once.ts';
import { toolsStreamIndex } from '../checks/tools/stream-index.ts';
import { toolsStreamNoNulls } from '../checks/tools/stream-no-nulls.ts';

export const WEATHER_TOOL = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Current weather in a city',
    parameters: {
      type: 'object',
      properties: {
        city: { type: 'string' },
        unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
      },
      required: ['city'],
    },
  },
} as const;

export const TIME_TOOL = {
  type: 'function',
  function: {
    name: 'get_time',
    description: 'Current local time in an IANA timezone',
    parameters: {
      type: 'object',
      properties: { timezone: { type: 'string', description: 'e.g. Europe/Paris' } },
      required: ['timezone'],
    },
  },
} as const;

const FEATURE_PARAMS = ['tools', 'tool_choice'];
// Two short calls need more room than a text reply; 64 keeps a truncated call unlikely.
const MAX_TOKENS = 64;
/** small enough that any tool call is cut (F06: the cut must be reported as length, not tool_calls) */
const LENGTH_LIMIT = 5;
const BOTH_PROMPT = 'What is the weather in Paris in celsius, and what time is it in Europe/Paris? Use the tools.';

function chat(model: string, content: string, extra: Record<string, unknown>) {
  return { model, messages: [{ role: 'user', content }], max_tokens: MAX_TOKENS, temperature: 0, ...extra };
}

const nonStreamShape = [toolsCallSchema, toolsArgumentsString, toolsArgumentsJson, toolsFinishReason];
const streamShape = [
  toolsStreamIndex,
  toolsStreamDistinctIndex,
  toolsStreamIdOnce,
  toolsStreamNoNulls,
  toolsStreamFinishReason,
  toolsArgumentsString,
  toolsArgumentsJson,
];

export const toolsScenarios: Scenario[] = [
  {
    id: 'tools.named',
    capability: 'tools',
    title: 'Named tool_choice forces that function',
    kind: 'behaviour',
    build: ({ model }) => ({
      method: 'POST',
      path: '/chat/completions',
      // both tools offered: an endpoint that treats a named choice as "auto" calls the wrong one or both
      body: chat(model, 'What is the weather in Paris?', {
        tools: [WEATHER_TOOL, TIME_TOOL],
        tool_choice: { type: 'function', function: { name: 'get_weather' } },
      }),
    }),
    protocolChecks: nonStreamShape,
    behaviourChecks: [toolsChoiceHonoured, toolsArgumentsValid],
    featureParams: FEATURE_PARAMS,
  },
  {
    id: 'tools.required',
    capability: 'tools',
    title: 'tool_choice "required" yields tool calls',
    kind: 'behaviour',
    build: ({ model }) => ({
      method: 'POST',
      path: '/chat/completions',
      body: chat(model, BOTH_PROMPT, { tools: [WEATHER_TOOL, TIME_TOOL], tool_choice: 'required' }),
    }),
    protocolChecks: nonStreamShape,
    behaviourChecks: [toolsChoiceHonoured, toolsArgumentsValid],
    featureParams: FEATURE_PARAMS,
  },
  {
    id: 'tools.stream',
    capability: 'tools',
    title: 'Streamed tool calls arrive as well-formed fragments',
    kind: 'behaviour',
    build: ({ model }) => ({
      method: 'POST',
      path: '/chat/completions',
      body: chat(model, BOTH_PROMPT, { tools: [WEATHER_TOOL, TIME_TOOL], tool_choice: 'required', stream: true }),
      stream: true,
    }),
    protocolChecks: streamShape,
    behaviourChecks: [toolsChoiceHonoured, toolsArgumentsValid],
    featureParams: FEATURE_PARAMS,
  },
  {
    id: 'tools.none',
    capability: 'tools',
    title: 'tool_choice "none" answers without tool calls',
    kind: 'behaviour',
    build: ({ model }) => ({
      method: 'POST',
      path: '/chat/completions',
      body: chat(model, 'What is the weather in Paris? Answer in one short sentence.', {
        tools: [WEATHER_TOOL],
        tool_choice: 'none',
      }),
    }),
    protocolChecks: [],
    behaviourChecks: [toolsChoiceHonoured],
    featureParams: FEATURE_PARAMS,
  },
  {
    id: 'tools.stream-length',
    capability: 'tools',
    title: 'A streamed tool call cut by max_tokens ends with finish_reason "length"',
    kind: 'protocol',
    build: ({ model }) => ({
      method: 'POST',
      path: '/chat/completions',
      body: {
        ...chat(model, 'What is the weather in Paris in celsius? Use the tool.', {
          tools: [WEATHER_TOOL],
          tool_choice: 'required',
          stream: true,
          stream_options: { include_usage: true },
        }),
        max_tokens: LENGTH_LIMIT,
      },
      stream: true,
    }),
    protocolChecks: [toolsStreamFinishReason],
    behaviourChecks: [],
    featureParams: [...FEATURE_PARAMS, 'stream_options'],
  },
];
