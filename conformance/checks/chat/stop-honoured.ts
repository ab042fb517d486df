// Clients use stop sequences to cut templates and turns; the stop string must not be in the
// reply and the completion must say it stopped (`stop`).
import type { Check } from '../../types.ts';
import { withBody } from './body.ts';
import { firstContent, firstFinishReason } from './completion.ts';
import { fail, pass, show, skip } from '../verdict.ts';

export const chatStopHonoured: Check = {
  id: 'chat.stop-honoured',
  capability: 'chat',
  level: 'SHOULD',
  title: 'Output stops before the stop sequence, with finish_reason stop',
  spec: 'OpenAPI CreateChatCompletionRequest.stop (StopConfiguration)',
  kind: 'behaviour',
  consequence:
    'A documented feature is lost: clients that cut templates or turns with stop sequences get text past their delimiter and must trim it themselves.',
  evidence:
    'OpenAPI CreateChatCompletionRequest.stop; emulator quirk stop-ignored (conformance/test/mutation.test.ts)',
  run(input) {
    const stops = stopStrings(input.request?.stop);
    if (!stops.length) return skip('the request carried no stop sequence');
    return withBody(input, (body) => {
      const content = firstContent(body);
      if (content === undefined) return skip('the first choice has no text content to judge');
      const hit = stops.find((s) => content.includes(s));
      if (hit !== undefined) {
        return fail(`the reply contains the stop sequence ${show(hit)}`, {
          expected: `content without ${show(hit)}`,
          received: show(content),
          pointer: '/choices/0/message/content',
        });
      }
      const reason = firstFinishReason(body);
      if (reason !== 'stop') {
        return fail(`the reply ended with finish_reason ${show(reason)}, not "stop"`, {
          expected: 'finish_reason "stop"',
          received: show(reason),
          pointer: '/choices/0/finish_reason',
        });
      }
      return pass();
    });
  },
};

function stopStrings(stop: unknown): string[] {
  if (typeof stop === 'string') return [stop];
  return Array.isArray(stop) ? stop.filter((s): s is string => typeof s === 'string' && s !== '') : [];
}
