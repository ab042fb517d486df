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
