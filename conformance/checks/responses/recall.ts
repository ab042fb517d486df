// The conversation-state probe shared by the previous_response_id and item_reference checks: the
// first turn asks the model for a word of its own choosing, the second asks it to repeat that
// word. Only a server that resolves the reference knows the word.
import type { CheckInput, Exchange, Verdict } from '../../types.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { outputOf, outputText, isVerdict } from './output.ts';

export const PICK_WORD = 'Reply with exactly one English noun of your choice, and nothing else.';
export const REPEAT_WORD = 'Repeat the noun you replied with in your previous answer, and nothing else.';

/** The word a first-turn answer chose: its longest run of letters (the last among equals). */
export function chosenWord(text: string): string | undefined {
  const words = text.toLowerCase().match(/\p{L}{3,}/gu) ?? [];
  return words.reduce<string | undefined>((best, w) => (best === undefined || w.length >= best.length ? w : best), undefined);
}

function textOf(exchange: Exchange, request: unknown): string | Verdict {
  const view = outputOf({ exchange, request, scenario: '', model: '' });
  return isVerdict(view) ? view : outputText(view.items);
}

/** pass: the second turn knew the word; fail: it answered without it; skip: refused or nothing to judge. */
export function recallVerdict(input: CheckInput, reference: string, consequence: string): Verdict {
  if (!input.previous) return skip('the first turn gave no response to continue from');
  const first = textOf(input.previous.exchange, input.previous.request);
  if (typeof first !== 'string') return skip(`the first turn has no answer: ${first.message}`);
  const word = chosenWord(first);
  if (!word) return skip(`the first turn answered ${show(first)}, which holds no word to recall`);
  const status = input.exchange.status ?? 0;
  if (status >= 400 && status < 500) return skip(`the server refused ${reference} (HTTP ${status}); responses.state-refusal judges how`);
  const second = textOf(input.exchange, input.request);
  if (typeof second !== 'string') return second;
  if (second.toLowerCase().includes(word)) return pass();
  return fail(`the server answered the second turn without the conversation: ${reference} was silently dropped. ${consequence}`, {
    expected: `an answer repeating ${show(word)}, the word of the first turn`,
    received: show(second, 160),
  });
}
