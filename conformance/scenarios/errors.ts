// Client mistakes, each of which must come back as a 4xx with the OpenAI error envelope.
// The registry adds no shared checks here: the error answer is what is judged.
import type { Scenario } from '../types.ts';
import { errorAnswerChecks } from '../checks/errors/index.ts';
import { errorsUnknownModel404 } from '../checks/errors/unknown-model-404.ts';

export const UNKNOWN_MODEL = 'dropin-no-such-model-0';

const hi = [{ role: 'user', content: 'hi' }];

export const errorsScenarios: Scenario[] = [
  {
    id: 'errors.bad-json',
    capability: 'errors',
    title: 'Truncated JSON body',
    kind: 'protocol',
    build: ({ model }) => ({
      method: 'POST',
      path: '/chat/completions',
      rawBody: `{"model":${JSON.stringify(model)},"messages":[{"role":"user","content":"hi"}`,
    }),
    protocolChecks: errorAnswerChecks,
    behaviourChecks: [],
  },
  {
    id: 'errors.invalid-param',
    capability: 'errors',
    title: 'Empty messages array',
    kind: 'protocol',
    build: ({ model }) => ({ method: 'POST', path: '/chat/completions', body: { model, messages: [], max_tokens: 1 } }),
    protocolChecks: errorAnswerChecks,
    behaviourChecks: [],
  },
  {
    id: 'errors.unknown-model',
    capability: 'errors',
    title: 'A model the endpoint does not serve',
    kind: 'protocol',
    build: () => ({ method: 'POST', path: '/chat/completions', body: { model: UNKNOWN_MODEL, messages: hi, max_tokens: 1 } }),
    protocolChecks: [...errorAnswerChecks, errorsUnknownModel404],
    behaviourChecks: [],
  },
  {
    id: 'errors.stream-invalid',
    capability: 'errors',
    title: 'Invalid stream request (empty messages, stream: true)',
    kind: 'protocol',
    build: ({ model }) => ({
      method: 'POST',
      path: '/chat/completions',
      body: { model, messages: [], max_tokens: 1, stream: true },
      stream: true,
    }),
    protocolChecks: errorAnswerChecks,
    behaviourChecks: [],
  },
];
