// POST /v1/completions (legacy text completions): passed through to backends serving that API
// with the same failover as chat and the normalisation that applies to it — stream framing and
// [DONE], one id and created per stream, finish_reason mapping, usage last and only when asked
// (S26), the error envelope — and parameters a backend would ignore or crash on refused.
import type { Endpoint } from '../../core/endpoint.ts';
import { createTextCompletionStreamNormalizer, needsNormalization, normalizeTextRequest } from '../../normalize/index.ts';
import { estimateInputTokens } from '../../routing/estimate-tokens.ts';
import { isEmbeddingModel } from '../../routing/model-kinds.ts';
import type { Candidate } from '../../types.ts';
import { DataStreamSession } from '../data-stream/session.ts';
import { answerTextCompletion } from './answer.ts';
import { refuseTextCompletion } from './refusals.ts';
import { validateTextCompletionRequest, type TextCompletionRequest } from './validate.ts';

const generative = (c: Candidate) => !isEmbeddingModel(c);

export const completionsEndpoint: Endpoint<TextCompletionRequest> = {
  name: 'completions',
  path: '/v1/completions',
  inputParam: 'prompt',
  via: (apis) => (apis.has('completions') ? 'native' : undefined),
  accepts: () => generative,
  validate: (body) => validateTextCompletionRequest(body),
  streams: (request) => request.stream === true,
  promptTokens: (request) => estimateInputTokens(request.prompt),
  inputTexts: (request) => [request.prompt, request.suffix].flat().filter((t): t is string => typeof t === 'string'),
  refuse: refuseTextCompletion,
  upstream: (a) => ({
    path: '/completions',
    body: normalizeTextRequest({ ...a.request, model: a.candidate.model }, a.profile, a.repairs),
    stream: a.request.stream === true,
  }),
  answer: answerTextCompletion,
  stream: (a, up, out) =>
    new DataStreamSession(a, up, out, {
      normalizer: needsNormalization(a.profile) ? createTextCompletionStreamNormalizer({ profile: a.profile, request: a.request, repairs: a.repairs }) : undefined,
      object: 'text_completion',
      choices: typeof a.request.n === 'number' && Number.isInteger(a.request.n) && a.request.n > 1 ? a.request.n : 1,
    }),
};
