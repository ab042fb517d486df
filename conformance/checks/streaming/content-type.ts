// A stream is served as text/event-stream; proxies and EventSource readers depend on it.
import type { Check } from '../../types.ts';
import { fail, pass, show, skip } from '../verdict.ts';

export const streamingContentType: Check = {
  id: 'streaming.content-type',
  capability: 'streaming',
  level: 'SHOULD',
  kind: 'protocol',
  consequence:
    'openai-node and openai-python read the body as SSE whatever its content type, but proxies buffer a response that is not text/event-stream (nothing shows until the end) and EventSource-style readers refuse it.',
  evidence:
    'openai-node defaultParseResponse (node_modules/openai/src/internal/parse.ts: a stream request takes the SSE path without reading content-type); emulator quirk content-type-json-stream',
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
