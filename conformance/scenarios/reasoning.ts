// Reasoning scenarios: a short question with reasoning_effort "low", answered and streamed. A
// server that refuses the knob cleanly (or says the model does not think) makes them skip; an
// undeclared model that shows no reasoning makes the checks skip. The budget keeps a thinking
// model cheap. The registry adds the chat or stream checks every answer is held to.
import { reasoningChecks } from '../checks/reasoning/index.ts';
import type { Scenario, ScenarioRequest } from '../types.ts';

const ask = (model: string, stream: boolean): ScenarioRequest => ({
  method: 'POST',
  path: '/chat/completions',
  stream,
  body: {
    model,
    messages: [{ role: 'user', content: 'What is 17 + 25? Answer with the number only.' }],
    reasoning_effort: 'low',
    max_completion_tokens: 128,
    // a hidden reasoning (OpenAI's) shows only in usage, which a stream sends when asked
    ...(stream ? { stream: true, stream_options: { include_usage: true } } : {}),
  },
});

const common = { capability: 'reasoning' as const, kind: 'protocol' as const, behaviourChecks: [], featureParams: ['reasoning_effort', 'thinking'] };

export const reasoningScenarios: Scenario[] = [
  {
    ...common,
    id: 'reasoning.basic',
    title: 'A question answered with reasoning_effort "low": where the reasoning goes',
    build: ({ model }) => ask(model, false),
    protocolChecks: reasoningChecks,
  },
  {
    ...common,
    id: 'reasoning.stream',
    title: 'The same question streamed: where the reasoning deltas go',
    build: ({ model }) => ask(model, true),
    protocolChecks: reasoningChecks.filter((c) => c.id !== 'reasoning.usage-tokens'),
  },
];
