// A whole (non-streamed) answer: the endpoint checks, fixes or translates it, then it is sent.
// Nothing reaches the client before the endpoint accepted it, so every problem found here can
// still fail over.
import { sendText } from '../handlers/respond.ts';
import { markFirstByte, type Attempt, type AttemptOutcome } from './attempt.ts';

export function answerBody(a: Attempt, text: string): AttemptOutcome {
  const answer = a.endpoint.answer(a, text);
  if (answer.kind === 'failed') return answer;
  markFirstByte(a);
  sendText(a.ex.res, 200, answer.text);
  answer.after?.();
  return { kind: 'served', usage: answer.usage };
}
