// The response object clients parse: id, created_at, model, status, output items with ids, text
// parts with annotations, function calls with string arguments, usage numbers.
import type { Check } from '../../types.ts';
import { schemaVerdict, withBody } from '../chat/body.ts';

export const responsesSchema: Check = {
  id: 'responses.schema',
  capability: 'responses',
  level: 'MUST',
  kind: 'protocol',
  title: 'The body matches the Response schema clients parse',
  spec: 'OpenAPI Response, OutputMessage, OutputTextContent, FunctionToolCall, ResponseUsage; docs/deviations.md#s04',
  consequence:
    'openai-node computes output_text by iterating output[] and each message\'s content[] and throws a TypeError when either is missing; the Vercel AI SDK validates the body with zod and generateText throws AI_TypeValidationError on a message without id or annotations, a function_call without id (S04), or usage without input_tokens/output_tokens',
  evidence: 'openai-node src/lib/ResponsesParser.ts addOutputText; @ai-sdk/openai src/responses/openai-responses-api.ts openaiResponsesResponseSchema',
  run: (input) => withBody(input, (body) => schemaVerdict('response', body, 'the response')),
};
