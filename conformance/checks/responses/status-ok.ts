// A Responses request that the server accepts must come back as a 200 JSON body; everything else
// in the capability builds on it.
import type { Check } from '../../types.ts';
import { okJsonVerdict } from '../chat/body.ts';

export const responsesStatusOk: Check = {
  id: 'responses.status-ok',
  capability: 'responses',
  level: 'MUST',
  kind: 'protocol',
  title: 'POST /responses answers 200 with a JSON content type',
  spec: 'OpenAPI createResponse (200 application/json)',
  consequence: 'openai-node and openai-python raise an APIError instead of returning the response; the Vercel AI SDK\'s generateText rejects',
  evidence: 'openai-node src/client.ts makeStatusError → APIError.generate for every non-2xx status',
  run: ({ exchange }) => okJsonVerdict(exchange, 'the response', 'clients get an error instead of a response'),
};
