import type { Check } from '../../types.ts';
import { fail, pass, show, skip } from '../verdict.ts';

export const streamingContentType: Check = {
  id: 'streaming.content-type',
  capability: 'streaming',
  level: 'MUST',
  kind: 'protocol',
  title: 'Stream served as text/event-stream',
  spec: 'OpenAPI POST /chat/completions 200 text/event-stream',
  run({ exchange }) {
    const status = exchange.status;
    if (status === undefined || status < 200 || status >= 300) return skip(`status ${status ?? 'none'}: no stream was served`);
    const header = exchange.headers['content-type'];
    const media = header?.split(';')[0].trim().toLowerCase();
    if (media === 'text/event-stream') return pass();
    return fail('the stream was not served as text/event-stream, so SSE clients will not parse it', {
      expected: 'content-type: text/event-stream',
      received: `content-type: ${show(header)}`,
    });
  },
};
