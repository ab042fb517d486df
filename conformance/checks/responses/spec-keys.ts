// Keys the spec requires on every Response (even when null) that no official client reads: a
// strict typed client may reject the object, so their absence is worth a warning (S11).
import type { Check } from '../../types.ts';
import { fail, pass, show } from '../verdict.ts';
import { withFinalResponse } from './final-response.ts';

export const SPEC_KEYS = ['error', 'incomplete_details', 'instructions', 'tools', 'tool_choice', 'parallel_tool_calls', 'metadata', 'temperature', 'top_p'];

export const responsesSpecKeys: Check = {
  id: 'responses.spec-keys',
  capability: 'responses',
  level: 'MAY',
  kind: 'protocol',
  title: 'The response carries every key the spec requires, null where empty',
  spec: 'OpenAPI Response (required list); docs/deviations.md#s11',
  consequence:
    'no official client reads these keys (openai-node and openai-python type them but do not validate, the AI SDK marks them nullish); strict spec-generated clients may reject the object. OpenAI itself omits them in some recordings',
  evidence: 'recording openai:ai:openai-phase.1 (OpenAI without error/instructions/tools); llama.cpp server-task.cpp to_json_oaicompat_resp (S11)',
  run: (input) =>
    withFinalResponse(input, ({ response, at }) => {
      const missing = SPEC_KEYS.filter((k) => !(k in response));
      if (missing.length === 0) return pass();
      return fail(`the response lacks ${missing.length} key(s) the spec requires: ${missing.join(', ')}`, {
        expected: `keys ${SPEC_KEYS.join(', ')} (null allowed)`,
        received: `keys ${show(Object.keys(response))}`,
        pointer: `${at}/${missing[0]}`,
      });
    }),
};
