// POST /v1/responses on any backend. A backend serving the Responses API answers it natively:
// the request passed through with the stored conversation inlined and the profile's fixes, the
// answer repaired in flight. A chat-only backend answers it through the translation: the request
// becomes a chat request, the answer or stream becomes a Response or OpenAI's event stream. The
// proxy keeps the conversation (in memory, or Redis with state.redis), so previous_response_id and
// item_reference work whatever the backend keeps; GET and DELETE /v1/responses/{id} read and
// remove what it kept. A request the translation cannot honour leaves the chat-only candidates
// out, and with none left the client gets the 400 naming the parameter.
import type { Endpoint } from '../../core/endpoint.ts';
import { createStreamNormalizer } from '../../normalize/index.ts';
import { ResponsesStreamRepairer } from '../../responses/repair-stream.ts';
import { ResponsesStreamTranslator } from '../../responses/stream-translator.ts';
import { hasImageInput, isEmbeddingModel, mayTakeImages } from '../../routing/model-kinds.ts';
import { createOutputFilter } from '../../safety/safety.ts';
import type { Candidate } from '../../types.ts';
import { answerResponses } from './answer.ts';
import { answerContext, proxyIds } from './answer-context.ts';
import { responsesInputTexts, responsesPromptTokens } from './measure.ts';
import { NativeEvents } from './native-events.ts';
import { outputCheck } from './output-check.ts';
import type { ResponsesRequest } from './request.ts';
import { RESPONSES_ROUTES } from './routes.ts';
import { ResponsesStreamSession } from './stream-session.ts';
import { TranslatedEvents } from './translated-events.ts';
import { chatRequestFor, chatRequestOrRefusal } from './translation.ts';
import { responsesUpstream } from './upstream.ts';
import { validateResponsesRequest } from './validate.ts';

const notEmbedding = (c: Candidate) => !isEmbeddingModel(c);
const visual = (c: Candidate) => !isEmbeddingModel(c) && mayTakeImages(c);

export const responsesEndpoint: Endpoint<ResponsesRequest> = {
  name: 'responses',
  path: '/v1/responses',
  inputParam: 'input',
  via: (apis) => (apis.has('responses') ? 'native' : apis.has('chat') ? 'translated' : undefined),
  accepts: (request) => (Array.isArray(request.input) && hasImageInput(request.input) ? visual : notEmbedding),
  validate: validateResponsesRequest,
  streams: (request) => request.stream === true,
  promptTokens: responsesPromptTokens,
  inputTexts: responsesInputTexts,
  refuse(request, target) {
    if (target.apis.has('responses')) return undefined;
    const chat = chatRequestOrRefusal(request, target.candidate.backend);
    return chat instanceof Error ? chat : undefined;
  },
  upstream: responsesUpstream,
  answer: answerResponses,
  stream(a, _up, out) {
    const filter = a.ctx.denyOutput.length > 0 ? createOutputFilter(a.ctx.denyOutput) : undefined;
    const check = outputCheck(a, true);
    if (a.via === 'native') return new ResponsesStreamSession(a, out, new NativeEvents(new ResponsesStreamRepairer({ request: a.request, repairs: a.repairs, newId: proxyIds(a.profile) }), filter), check);
    const chat = chatRequestFor(a.request, a.candidate.backend);
    const normalizer = createStreamNormalizer({ profile: a.profile, request: chat, repairs: a.repairs });
    return new ResponsesStreamSession(a, out, new TranslatedEvents(normalizer, new ResponsesStreamTranslator(answerContext(a, chat)), filter), check);
  },
  routes: RESPONSES_ROUTES,
};

