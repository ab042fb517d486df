// Every endpoint the proxy serves. An endpoint is a folder holding its adapter (core/endpoint.ts);
// serving one more is that folder and one line here.
import type { Endpoint, EndpointRequest } from '../core/endpoint.ts';
import { chatEndpoint } from './chat/adapter.ts';
import { completionsEndpoint } from './completions/adapter.ts';
import { embeddingsEndpoint } from './embeddings/adapter.ts';
import { responsesEndpoint } from './responses/adapter.ts';

export const ENDPOINTS: readonly Endpoint<EndpointRequest>[] = [
  chatEndpoint,
  completionsEndpoint,
  embeddingsEndpoint,
  responsesEndpoint,
];
