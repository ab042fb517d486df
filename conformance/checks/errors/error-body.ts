// Reading the error answer of an errors.* scenario: judged only when the endpoint answered with
// something other than success (errors.status-4xx reports a success).
import type { CheckInput, Verdict } from '../../types.ts';
import { bodyJson, is2xx, isRecord } from '../chat/body.ts';
import { skip } from '../verdict.ts';

/** Judge the parsed error body; skip when the request was answered with success or not at all. */
export function withErrorBody(input: CheckInput, judge: (body: unknown) => Verdict): Verdict {
  const { exchange } = input;
  if (exchange.status === undefined) return skip('no response arrived');
  if (is2xx(exchange)) return skip(`status ${exchange.status}: no error answer to judge (see errors.status-4xx)`);
  return judge(bodyJson(exchange));
}

/** The `error` object of an envelope, or undefined when the body has none (errors.envelope reports it). */
export function errorObject(body: unknown): Record<string, any> | undefined {
  return isRecord(body) && isRecord(body.error) ? body.error : undefined;
}
