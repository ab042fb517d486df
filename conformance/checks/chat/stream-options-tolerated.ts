// Some clients always send stream_options; vLLM rejects it with stream:false (F40), so those
// clients work everywhere except there.
import type { Check } from '../../types.ts';
import { is2xx } from './body.ts';
import { fail, pass, show } from '../verdict.ts';

export const chatStreamOptionsTolerated: Check = {
  id: 'chat.stream-options-tolerated',
  capability: 'chat',
  level: 'SHOULD',
  title: 'stream_options with stream:false is not rejected',
  spec: 'OpenAPI ChatCompletionStreamOptions ("only set this when you set stream: true"); wire-facts F40',
  kind: 'protocol',
  run({ exchange }) {
    if (is2xx(exchange)) return pass();
    return fail(`stream_options with stream:false was answered HTTP ${exchange.status}; clients that always send it break here`, {
      expected: 'a 2xx completion (stream_options ignored when not streaming)',
      received: `HTTP ${exchange.status}: ${show(exchange.bodyText, 160)}`,
    });
  },
};
