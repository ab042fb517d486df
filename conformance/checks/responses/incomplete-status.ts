// An answer cut by max_output_tokens says so: status "incomplete" with incomplete_details.reason
// "max_output_tokens" (S08). The scenario asks for far more text than its budget allows.
import type { Check } from '../../types.ts';
import { isRecord } from '../streaming/parse-stream.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { withFinalResponse } from './final-response.ts';

export const responsesIncompleteStatus: Check = {
  id: 'responses.incomplete-status',
  capability: 'responses',
  level: 'MUST',
  kind: 'behaviour',
  title: 'An answer cut by max_output_tokens has status incomplete, reason max_output_tokens',
  spec: 'OpenAPI Response.status, Response.incomplete_details; docs/deviations.md#s08',
  consequence:
    'the Vercel AI SDK maps incomplete_details.reason to finishReason "length" and reports "stop" otherwise, and the openai SDKs\' status says completed: agents and apps take the truncated text (half a JSON document, a cut-off answer) as complete, silently',
  evidence: '@ai-sdk/openai src/responses/map-openai-responses-finish-reason.ts; ollama openai/responses.go ToResponse (status always completed, docs/deviations.md#s08)',
  run: (input) => {
    const max = input.request?.max_output_tokens;
    if (!Number.isInteger(max)) return skip('the request set no max_output_tokens');
    return withFinalResponse(input, ({ response, at }) => {
      const reason = isRecord(response.incomplete_details) ? response.incomplete_details.reason : undefined;
      if (response.status === 'incomplete' && reason === 'max_output_tokens') return pass();
      if (response.status === 'incomplete') {
        return fail('the response is incomplete but incomplete_details.reason is not max_output_tokens', { expected: 'incomplete_details: {"reason":"max_output_tokens"}', received: show(response.incomplete_details), pointer: `${at}/incomplete_details` });
      }
      const used = isRecord(response.usage) ? response.usage.output_tokens : undefined;
      const why = typeof used === 'number' && used > max ? `max_output_tokens ${max} was ignored (${used} output tokens)` : `the answer was cut at max_output_tokens ${max}, yet the status says ${show(response.status)}`;
      return fail(why, { expected: 'status "incomplete", incomplete_details.reason "max_output_tokens"', received: `status ${show(response.status)}, incomplete_details ${show(response.incomplete_details)}`, pointer: `${at}/status` });
    });
  },
};
