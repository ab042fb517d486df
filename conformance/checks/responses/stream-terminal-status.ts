// The terminal event's type agrees with the status of the response it carries: a truncated answer
// ends with response.incomplete, not response.completed (vLLM's S08 variant).
import type { Check } from '../../types.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { finalResponse, TERMINAL_STATUS, withResponsesStream } from './events.ts';

export const responsesStreamTerminalStatus: Check = {
  id: 'responses.stream-terminal-status',
  capability: 'responses',
  level: 'SHOULD',
  kind: 'protocol',
  title: 'The terminal event type matches its response.status',
  spec: 'OpenAPI ResponseCompletedEvent, ResponseIncompleteEvent; docs/deviations.md#s08',
  consequence:
    'clients that branch on the event (openai-node / openai-python listeners for response.incomplete, openai-python\'s get_final_response() which accepts only response.completed) treat a truncated or failed answer as complete',
  evidence: 'openai-node src/lib/responses/ResponseStream.ts (typed listeners per event type); vllm entrypoints/openai/responses/serving.py (always response.completed, docs/deviations.md#s08)',
  run: (input) =>
    withResponsesStream(input, (stream) => {
      const final = finalResponse(stream);
      if (!final) return skip('no terminal response (see responses.stream-terminal)');
      const want = TERMINAL_STATUS[final.type];
      if (final.response.status === want) return pass();
      return fail(`${final.type} carries a response with status ${show(final.response.status)}`, {
        expected: `status ${show(want)} (or the terminal event that matches the status)`,
        received: `${final.type} with status ${show(final.response.status)}`,
        pointer: `/events/${final.n}/response/status`,
      });
    }),
};
