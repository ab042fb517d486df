// POST /v1/embeddings: routed to embedding models on backends serving the embeddings API. The
// client gets the encoding it asked for whatever the backend sends (base64 made here where a
// backend cannot, S17); `dimensions` and token input go only where they are honoured, else a 400
// names the parameter (S18, S19); usage counts like a chat prompt (metrics, cost, token limits).
import { ProxyError } from '../../errors.ts';
import type { Endpoint, Target } from '../../core/endpoint.ts';
import { estimateInputTokens } from '../../routing/estimate-tokens.ts';
import { mayEmbed } from '../../routing/model-kinds.ts';
import { answerEmbeddings } from './answer.ts';
import { ignoresDimensions, sendsBase64, takesTokenInput } from './capabilities.ts';
import { validateEmbeddingsRequest, type EmbeddingsRequest } from './validate.ts';

export const embeddingsEndpoint: Endpoint<EmbeddingsRequest> = {
  name: 'embeddings',
  path: '/v1/embeddings',
  inputParam: 'input',
  via: (apis) => (apis.has('embeddings') ? 'native' : undefined),
  accepts: () => mayEmbed,
  validate: (body) => validateEmbeddingsRequest(body),
  streams: () => false,
  promptTokens: (request) => estimateInputTokens(request.input),
  inputTexts: (request) => [request.input].flat().filter((t): t is string => typeof t === 'string'),
  refuse: refuseEmbeddings,
  upstream(a) {
    const body: Record<string, unknown> = { ...a.request, model: a.candidate.model };
    if (a.request.encoding_format === 'base64' && !sendsBase64(a.profile, a.version)) {
      body.encoding_format = 'float';
      a.repairs.add('encoding_format_float');
    }
    return { path: '/embeddings', body, stream: false };
  },
  answer: answerEmbeddings,
};

function refuseEmbeddings(request: EmbeddingsRequest, target: Target): ProxyError | undefined {
  const backend = target.candidate.backend.name;
  if (request.dimensions !== undefined && ignoresDimensions(target.profile, target.version)) {
    return unsupported('dimensions', `${backend} ignores it and sends full-length vectors`);
  }
  const tokens = Array.isArray(request.input) && typeof request.input[0] !== 'string';
  if (tokens && !takesTokenInput(target.profile)) return unsupported('input', `${backend} takes text only, not token ids; send the text`);
  return undefined;
}

function unsupported(param: string, why: string): ProxyError {
  return new ProxyError(400, `'${param}' is not supported as sent by the backend serving this model (${why}).`, { param, code: 'unsupported_parameter' });
}
