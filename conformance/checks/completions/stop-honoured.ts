// Stop sequences end a legacy completion before the sequence, with finish_reason "stop".
import type { Check } from '../../types.ts';
import { withBody } from '../chat/body.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { firstChoice } from './text.ts';

export const completionsStopHonoured: Check = {
  id: 'completions.stop-honoured',
  capability: 'completions',
  level: 'SHOULD',
  title: 'The text stops before the stop sequence, with finish_reason stop',
  spec: 'OpenAPI CreateCompletionRequest.stop (StopConfiguration)',
  kind: 'behaviour',
  consequence:
    'A documented feature is lost: prompt templates that end a generation at a delimiter (few-shot lists, code blocks) get text past it and must trim it themselves.',
  evidence: 'OpenAPI CreateCompletionRequest.stop; emulator quirk completions-stop-ignored (conformance/test/mutation.test.ts)',
  run: (input) => {
    const stop = input.request?.stop;
    const stops: string[] = typeof stop === 'string' ? [stop] : Array.isArray(stop) ? stop.filter((s) => typeof s === 'string' && s) : [];
    if (stops.length === 0) return skip('the request carried no stop sequence');
    return withBody(input, (body) => {
      const choice = firstChoice(body);
      if (typeof choice?.text !== 'string') return skip('no text to judge (see completions.schema)');
      const hit = stops.find((s) => choice.text.includes(s));
      if (hit !== undefined) {
        return fail(`the text contains the stop sequence ${show(hit)}`, { expected: `text without ${show(hit)}`, received: show(choice.text), pointer: '/choices/0/text' });
      }
      if (choice.finish_reason !== 'stop') {
        return fail(`the text ended with finish_reason ${show(choice.finish_reason)}, not "stop"`, { expected: 'finish_reason "stop"', received: show(choice.finish_reason), pointer: '/choices/0/finish_reason' });
      }
      return pass();
    });
  },
};
