// Streaming scenarios. The stream invariants (streamInvariantChecks) are added to every stream by
// the registry; listed here are only the checks specific to these two requests.
import type { Scenario } from '../types.ts';
import { streamingIncremental } from '../checks/streaming/incremental.ts';

// A reply of several tokens, so that streaming.incremental has something to judge.
const PROMPT = 'Name three colours, separated by commas.';

function streamRequest(model: string, extra: Record<string, unknown> = {}) {
  return {
    model,
    messages: [{ role: 'user', content: PROMPT }],
    max_tokens: 16,
    temperature: 0,
    stream: true,
    ...extra,
  };
}

export const streamingScenarios: Scenario[] = [
  {
    id: 'streaming.basic',
    capability: 'streaming',
    title: 'Plain stream without stream_options',
    kind: 'protocol',
    build: ({ model }) => ({ method: 'POST', path: '/chat/completions', body: streamRequest(model), stream: true }),
    protocolChecks: [streamingIncremental],
    behaviourChecks: [],
  },
  {
    id: 'streaming.usage',
    capability: 'streaming',
    title: 'Stream with stream_options.include_usage',
    kind: 'protocol',
    build: ({ model }) => ({
      method: 'POST',
      path: '/chat/completions',
      body: streamRequest(model, { stream_options: { include_usage: true } }),
      stream: true,
    }),
    protocolChecks: [streamingIncremental],
    behaviourChecks: [],
    featureParams: ['stream_options'],
  },
];
