// JSON mode. The spec requires the prompt itself to ask for JSON, so the system message does.
import type { Scenario } from '../types.ts';
import { jsonModeValidJson } from '../checks/json_mode/valid-json.ts';

export const jsonModeScenarios: Scenario[] = [
  {
    id: 'json_mode.object',
    capability: 'json_mode',
    title: 'response_format json_object',
    kind: 'behaviour',
    build: ({ model }) => ({
      method: 'POST',
      path: '/chat/completions',
      body: {
        model,
        messages: [
          { role: 'system', content: 'Reply in JSON: a single JSON object and nothing else.' },
          { role: 'user', content: 'What is the capital of France? Use the key "capital".' },
        ],
        max_tokens: 32,
        temperature: 0,
        response_format: { type: 'json_object' },
      },
    }),
    protocolChecks: [],
    behaviourChecks: [jsonModeValidJson],
    featureParams: ['response_format'],
  },
];
