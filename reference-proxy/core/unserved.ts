// The answer for a model that exists but that no backend serves on the endpoint asked (an
// embeddings request for a chat model, a chat request for an embedding model, images for a
// model without vision, an API its backends do not serve): a 404, as OpenAI answers a model used
// on the wrong endpoint, naming the endpoint, the model and what the operator can declare.
import { ProxyError } from '../errors.ts';
import type { Candidate } from '../types.ts';
import type { ProxyContext } from './context.ts';
import type { Endpoint, EndpointRequest } from './endpoint.ts';

export function notServedError<R extends EndpointRequest>(ctx: ProxyContext, endpoint: Endpoint<R>, model: string, candidates: Candidate[]): ProxyError {
  const backends = [...new Set(candidates.map((c) => c.backend.name))];
  const apiServed = candidates.some((c) => endpoint.via(ctx.apis.get(c.backend.name)) !== undefined);
  const why = apiServed
    ? `its backends (${backends.join(', ')}) do not offer it for this request there (their embeddingModels or visionModels leave it out)`
    : `none of its backends (${backends.join(', ')}) serves ${endpoint.path}`;
  return new ProxyError(404, `The model \`${model}\` is not served on ${endpoint.path}: ${why}. Use a model served on ${endpoint.path}, or ask the proxy operator to declare it (backends[].apis, embeddingModels, visionModels).`, {
    param: 'model',
    code: 'model_not_supported_on_endpoint',
  });
}
