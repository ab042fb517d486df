// A valid stream request is answered 200.
import type { Check } from '../../types.ts';
import { fail, pass, show } from '../verdict.ts';

export const streamingStatusOk: Check = {
  id: 'streaming.status-ok',
  capability: 'streaming',
  level: 'MUST',
  kind: 'protocol',
  consequence:
    'openai-node and openai-python raise APIError instead of returning a stream for a valid streaming request.',
  evidence:
    'openai-node APIError.generate (node_modules/openai/src/core/error.ts)',
  title: 'Stream request answered with status 200',
  spec: 'OpenAPI POST /chat/completions 200 text/event-stream',
  run({ exchange }) {
    if (exchange.status === undefined) {
      // No response head means the network or the harness failed; there is no status to judge.
      return { status: 'error', message: `no response arrived: ${exchange.transportError?.message ?? 'transport failure'}` };
    }
    if (exchange.status === 200) return pass();
    return fail(`the stream request was answered with status ${exchange.status}`, {
      expected: '200',
      received: `${exchange.status} ${show(exchange.bodyText.slice(0, 200))}`,
    });
  },
};
