// Responses streams name each event twice: `event: <type>` and the JSON `type`. The line may be
// left out (the SDKs dispatch on the JSON), but when present it must agree.
import type { Check } from '../../types.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { withResponsesStream } from './events.ts';

export const responsesStreamEventName: Check = {
  id: 'responses.stream-event-name',
  capability: 'responses',
  level: 'SHOULD',
  kind: 'protocol',
  title: 'An event: line, when present, equals the JSON type',
  spec: 'OpenAPI createResponse "Streaming" example (event: <type> before each data line); docs/deviations.md#responses-clients',
  consequence:
    'clients that dispatch on the SSE event name (browser EventSource listeners, openai-node treating event: error as a failure) misroute or drop the event; openai-python and the AI SDK read only the JSON type, so an absent event: line is harmless',
  evidence: 'openai-node src/core/streaming.ts (sse.event === "error" raises APIError); WHATWG EventSource dispatch by event type',
  run: (input) =>
    withResponsesStream(input, ({ events }) => {
      const named = events.filter((e) => e.name !== undefined && !e.done);
      if (named.length === 0) return skip('no event: lines (allowed: clients dispatch on the JSON type)');
      for (const e of named) {
        const type = (e.json as { type?: unknown } | undefined)?.type;
        if (typeof type === 'string' && e.name !== type) {
          return fail(`the event: line says ${show(e.name)} but the JSON type is ${show(type)}`, { expected: `event: ${type}`, received: `event: ${e.name}`, pointer: `/events/${e.n}` });
        }
      }
      return pass();
    }),
};
