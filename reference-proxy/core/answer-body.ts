// A whole (non-streamed) answer: the endpoint checks, fixes or translates it, then it is sent.
// Nothing reaches the client before the endpoint accepted it, so every problem found here can
// still fail over. State the endpoint keeps (a stored response) is kept before the answer goes
// out, so the client's next request finds it on any replica; only then is there a promise.
import { sendText } from '../handlers/respond.ts';
import { markFirstByte, type Attempt, type AttemptOutcome } from './attempt.ts';
import type { Answer } from './endpoint.ts';

export function answerBody(a: Attempt, text: string): AttemptOutcome | Promise<AttemptOutcome> {
  const answer = a.endpoint.answer(a, text);
  if (answer.kind === 'failed') return answer;
  if (answer.before) return answer.before().then(() => send(a, answer));
  return send(a, answer);
}

function send(a: Attempt, answer: Answer): AttemptOutcome {
  markFirstByte(a);
  sendText(a.ex.res, 200, answer.text);
  return { kind: 'served', usage: answer.usage };
}
