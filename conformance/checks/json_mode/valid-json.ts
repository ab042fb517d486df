// JSON mode promises parseable JSON; a reply in prose or in a ```json fence breaks JSON.parse
// in every client that turned the mode on.
import type { Check } from '../../types.ts';
import { isRecord, withBody } from '../chat/body.ts';
import { firstContent, nonAnswer } from '../chat/completion.ts';
import { fail, pass, show, skip } from '../verdict.ts';

export const jsonModeValidJson: Check = {
  id: 'json_mode.valid-json',
  capability: 'json_mode',
  level: 'MUST',
  title: 'With response_format json_object, the content parses as a JSON object',
  spec: 'OpenAPI ResponseFormatJsonObject',
  kind: 'behaviour',
  consequence:
    "The client asked for JSON and parses the content without a fallback: JSON.parse throws, and the AI SDK's object generation in JSON mode throws NoObjectGeneratedError. A refusal or a tool call (when tools were offered) is a documented answer, not a failure.",
  evidence:
    'OpenAPI ResponseFormatJsonObject; recording openai:pydantic-ai:test_openai_prompted_output#0 (a tool call answers a json_object request)',
  run: (input) =>
    withBody(input, (body) => {
      const content = firstContent(body);
      const pointer = '/choices/0/message/content';
      const other = content === undefined ? nonAnswer(body) : undefined;
      if (other) return skip(other);
      if (content === undefined) {
        return fail('the reply has no text content', { expected: 'a JSON object as content', received: show(body.choices?.[0]?.message), pointer });
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(content);
      } catch (e) {
        return fail(`the content is not JSON: ${(e as Error).message}`, { expected: 'a JSON object', received: show(content), pointer });
      }
      if (!isRecord(parsed)) {
        return fail('the content is JSON but not an object', { expected: 'a JSON object', received: show(parsed), pointer });
      }
      return pass();
    }),
};
