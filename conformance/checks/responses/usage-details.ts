// The detail objects of ResponseUsage (cached and reasoning tokens), required by the spec, are
// only read for cost breakdowns; llama.cpp omits them (ggml-org/llama.cpp#22659).
import type { Check } from '../../types.ts';
import { isRecord } from '../streaming/parse-stream.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { withFinalResponse } from './final-response.ts';

export const responsesUsageDetails: Check = {
  id: 'responses.usage-details',
  capability: 'responses',
  level: 'MAY',
  kind: 'protocol',
  title: 'usage carries input_tokens_details.cached_tokens and output_tokens_details.reasoning_tokens',
  spec: 'OpenAPI ResponseUsage (input_tokens_details, output_tokens_details required)',
  consequence: 'cost dashboards and the AI SDK\'s cachedInputTokens / reasoningTokens read undefined; nothing throws',
  evidence: '@ai-sdk/openai src/responses/convert-openai-responses-usage.ts (details read with ?.); ggml-org/llama.cpp#22659',
  run: (input) =>
    withFinalResponse(input, ({ response, at }) => {
      const u = response.usage;
      if (!isRecord(u)) return skip('no usage object to judge (see responses.usage)');
      if (!isRecord(u.input_tokens_details) || !Number.isInteger(u.input_tokens_details.cached_tokens)) {
        return fail('usage.input_tokens_details.cached_tokens is missing', { expected: 'input_tokens_details: {cached_tokens: integer}', received: show(u), pointer: `${at}/usage/input_tokens_details` });
      }
      if (!isRecord(u.output_tokens_details) || !Number.isInteger(u.output_tokens_details.reasoning_tokens)) {
        return fail('usage.output_tokens_details.reasoning_tokens is missing', { expected: 'output_tokens_details: {reasoning_tokens: integer}', received: show(u), pointer: `${at}/usage/output_tokens_details` });
      }
      return pass();
    }),
};
