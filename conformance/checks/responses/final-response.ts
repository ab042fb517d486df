// The response object an exchange ends with — the non-stream body, or the `response` of a
// stream's terminal event — for the checks that judge it the same way in both modes.
import type { CheckInput, Verdict } from '../../types.ts';
import { bodyJson, is2xx } from '../chat/body.ts';
import { isRecord } from '../streaming/parse-stream.ts';
import { skip } from '../verdict.ts';
import { finalResponse, readResponsesStream } from './events.ts';

export interface FinalResponse {
  response: Record<string, any>;
  /** JSON pointer of the response object: '' for a body, /events/<n>/response in a stream */
  at: string;
}

export function withFinalResponse(input: CheckInput, judge: (final: FinalResponse) => Verdict): Verdict {
  const { exchange } = input;
  if (!is2xx(exchange)) return skip(`status ${exchange.status ?? 'none'}: no response to judge`);
  if (!exchange.sse) {
    const body = bodyJson(exchange);
    return isRecord(body) ? judge({ response: body, at: '' }) : skip('the body is not a JSON object (see responses.schema)');
  }
  const final = finalResponse(readResponsesStream(exchange));
  if (!final) return skip('the stream has no terminal event carrying a response (see responses.stream-terminal)');
  return judge({ response: final.response, at: `/events/${final.n}/response` });
}
