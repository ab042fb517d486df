// Structured outputs with a strict json_schema, non-stream and streamed. The schema mixes a
// string, an integer and an enum and forbids extra keys, so an ignored schema (F26) shows.
import type { Scenario } from '../types.ts';
import { structuredOutputsSchemaValid } from '../checks/structured_outputs/schema-valid.ts';
import { structuredOutputsValidJson } from '../checks/structured_outputs/valid-json.ts';

export const CITY_SCHEMA = {
  type: 'object',
  properties: {
    city: { type: 'string' },
    population_millions: { type: 'integer' },
    size: { type: 'string', enum: ['small', 'medium', 'large'] },
  },
  required: ['city', 'population_millions', 'size'],
  additionalProperties: false,
};

// A three-key object needs about 25 tokens; 48 leaves room without inviting a long reply.
function structured(model: string, stream: boolean) {
  return {
    model,
    messages: [{ role: 'user', content: 'Describe Paris: its name, population in millions, and size.' }],
    max_tokens: 48,
    temperature: 0,
    response_format: { type: 'json_schema', json_schema: { name: 'city', strict: true, schema: CITY_SCHEMA } },
    ...(stream ? { stream: true } : {}),
  };
}

const checks = [structuredOutputsValidJson, structuredOutputsSchemaValid];
const FEATURE_PARAMS = ['response_format', 'json_schema'];

export const structuredOutputsScenarios: Scenario[] = [
  {
    id: 'structured_outputs.schema',
    capability: 'structured_outputs',
    title: 'response_format json_schema (strict)',
    kind: 'behaviour',
    build: ({ model }) => ({ method: 'POST', path: '/chat/completions', body: structured(model, false) }),
    protocolChecks: [],
    behaviourChecks: checks,
    featureParams: FEATURE_PARAMS,
  },
  {
    id: 'structured_outputs.stream',
    capability: 'structured_outputs',
    title: 'response_format json_schema (strict), streamed',
    kind: 'behaviour',
    build: ({ model }) => ({ method: 'POST', path: '/chat/completions', body: structured(model, true), stream: true }),
    protocolChecks: [],
    behaviourChecks: checks,
    featureParams: FEATURE_PARAMS,
  },
];
