// A valid streamed legacy completion is answered 200.
import type { Check } from '../../types.ts';
import { fail, pass, show } from '../verdict.ts';

export const completionsStreamStatusOk: Check = {
  id: 'completions.stream-status-ok',
  capability: 'completions',
  level: 'MUST',
  title: 'A streamed completion request is answered 200',
  spec: 'OpenAPI createCompletion (stream: data-only server-sent events)',
  kind: 'protocol',
  consequence: 'openai-node and openai-python raise APIError instead of returning a stream; the AI SDK\'s streamText on a completion model throws.',
  evidence: 'openai-node APIError.generate (node_modules/openai/src/core/error.ts)',
  run({ exchange }) {
    if (exchange.status === undefined) return { status: 'error', message: `no response arrived: ${exchange.transportError?.message ?? 'transport failure'}` };
    if (exchange.status === 200) return pass();
    return fail(`the streamed completion was answered HTTP ${exchange.status}`, { expected: '200', received: `${exchange.status} ${show(exchange.bodyText.slice(0, 200))}` });
  },
};
