// Legacy POST /completions scenarios: a short prompt, a count cut by max_tokens, a count ended by
// a stop sequence, and a stream with usage. The registry adds the body or stream checks every
// answer is held to. A server without the endpoint (chat-only gateways) makes them skip.
import { completionsMaxTokensHonoured } from '../checks/completions/max-tokens-honoured.ts';
import { completionsStopHonoured } from '../checks/completions/stop-honoured.ts';
import { completionsUsage } from '../checks/completions/usage.ts';
import type { Scenario, ScenarioRequest } from '../types.ts';

const COUNT = 'Count from 1 to 20, separated by spaces:';

const post = (body: Record<string, unknown>): ScenarioRequest => ({ method: 'POST', path: '/completions', body, stream: body.stream === true });
const common = { capability: 'completions' as const, optionalEndpoint: true, unsupportedNote: 'Clients of the legacy API (FIM, base-model prompts) must use chat completions here.' };

export const completionsScenarios: Scenario[] = [
  {
    ...common,
    id: 'completions.basic',
    title: 'A prompt completed as text_completion',
    kind: 'protocol',
    build: ({ model }) => post({ model, prompt: 'Say hello in three words:', max_tokens: 16, temperature: 0 }),
    protocolChecks: [completionsUsage],
    behaviourChecks: [],
  },
  {
    ...common,
    id: 'completions.max-tokens',
    title: 'max_tokens: 5 cuts a long completion',
    kind: 'behaviour',
    build: ({ model }) => post({ model, prompt: COUNT, max_tokens: 5, temperature: 0 }),
    protocolChecks: [],
    behaviourChecks: [completionsMaxTokensHonoured],
  },
  {
    ...common,
    id: 'completions.stop',
    title: 'stop: ["7"] ends the count before 7',
    kind: 'behaviour',
    build: ({ model }) => post({ model, prompt: COUNT, max_tokens: 32, temperature: 0, stop: ['7'] }),
    protocolChecks: [],
    behaviourChecks: [completionsStopHonoured],
    featureParams: ['stop'],
  },
  {
    ...common,
    id: 'completions.stream',
    title: 'A streamed completion with usage: chunks, finish reason, usage chunk, [DONE]',
    kind: 'protocol',
    build: ({ model }) => post({ model, prompt: 'Name three colours:', max_tokens: 16, temperature: 0, stream: true, stream_options: { include_usage: true } }),
    protocolChecks: [],
    behaviourChecks: [],
  },
];
