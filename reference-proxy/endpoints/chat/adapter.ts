// POST /v1/chat/completions: served by backends serving the chat API, with the profile's request
// fixes and the operator's system prompt, answers normalised and guarded, `n > 1` fanned out
// where a backend ignores it, streams relayed as data-only SSE.
import type { Endpoint, UpstreamCall } from '../../core/endpoint.ts';
import type { Attempt } from '../../core/attempt.ts';
import { guardOutput } from '../../guard/output-guard.ts';
import { createStreamNormalizer, fanOutCount, needsNormalization, normalizeRequest } from '../../normalize/index.ts';
import { estimatePromptTokens } from '../../routing/estimate-tokens.ts';
import { hasImageInput, isEmbeddingModel, mayTakeImages } from '../../routing/model-kinds.ts';
import { applySafetyPrompt, messageTexts } from '../../safety/safety.ts';
import type { Candidate } from '../../types.ts';
import { DataStreamSession } from '../data-stream/session.ts';
import { answerChat } from './answer.ts';
import { messagesWithInlineImages, needsInlineImages } from './inline-images.ts';
import { mergeCompletions } from './merge-completions.ts';
import { guarded, normalizes } from './policy.ts';
import { validateChatRequest, type ChatRequest } from './validate.ts';

const notEmbedding = (c: Candidate) => !isEmbeddingModel(c);
const visual = (c: Candidate) => !isEmbeddingModel(c) && mayTakeImages(c);

export const chatEndpoint: Endpoint<ChatRequest> = {
  name: 'chat',
  path: '/v1/chat/completions',
  inputParam: 'messages',
  via: (apis) => (apis.has('chat') ? 'native' : undefined),
  accepts: (request) => (hasImageInput(request.messages) ? visual : notEmbedding),
  validate: (body) => validateChatRequest(body),
  streams: (request) => request.stream === true,
  promptTokens: (request) => estimatePromptTokens(request),
  inputTexts: (request) => request.messages.flatMap(messageTexts),
  upstream: chatUpstream,
  answer: answerChat,
  merge: mergeCompletions,
  stream: (a, up, out) =>
    new DataStreamSession(a, up, out, {
      normalizer: normalizes(a)
        ? createStreamNormalizer({ profile: a.profile, request: a.request, repairs: a.repairs, reasoningField: a.ctx.config.reasoning?.field })
        : undefined,
      object: 'chat.completion.chunk',
      choices: requestedChoices(a.request),
      guard: guarded(a) && a.ctx.config.guard.stream === 'buffer' ? (content) => guardOutput(a.request, content) : undefined,
    }),
};

/** Images by URL inline for backends that refuse URLs (a download first), then the request as is. */
function chatUpstream(a: Attempt<ChatRequest>): UpstreamCall | Promise<UpstreamCall> {
  if (!needsInlineImages(a)) return chatCall(a, a.request);
  a.repairs.add('image_inlined');
  return messagesWithInlineImages(a).then((messages) => chatCall(a, { ...a.request, messages }));
}

/** The candidate's model name, the profile's fixes, the safety prompt; n asked as n copies where the backend ignores n. */
function chatCall(a: Attempt<ChatRequest>, request: ChatRequest): UpstreamCall {
  const stream = request.stream === true;
  // a conformant backend asked for the model the client named gets the request as it came (no copy)
  const routed = request.model === a.candidate.model ? request : { ...request, model: a.candidate.model };
  const fixed = needsNormalization(a.profile) ? normalizeRequest(routed, a.profile, a.repairs) : routed;
  const prompt = a.ctx.config.safety.systemPrompt;
  const body = prompt ? applySafetyPrompt(fixed, prompt) : fixed;
  const copies = fanOutCount(request, a.profile);
  if (copies === 1) return { path: '/chat/completions', body, stream };
  a.repairs.add('n_fanned_out');
  const { n: _n, ...one } = body;
  return { path: '/chat/completions', body: one, stream, copies };
}

/** The choices a stream must finish: the request's n (1 when absent or odd). */
function requestedChoices(request: ChatRequest): number {
  const { n } = request;
  return typeof n === 'number' && Number.isInteger(n) && n > 1 ? n : 1;
}
