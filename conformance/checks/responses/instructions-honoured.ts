// `instructions` reach the model as its system (developer) message.
import type { Check } from '../../types.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { outputText, withOutput } from './output.ts';

/** The word the scenario's instructions demand, e.g. 'Answer with the single word "pineapple"'. */
export function demandedWord(instructions: unknown): string | undefined {
  return typeof instructions === 'string' ? /word "([^"]+)"/.exec(instructions)?.[1] : undefined;
}

export const responsesInstructionsHonoured: Check = {
  id: 'responses.instructions-honoured',
  capability: 'responses',
  level: 'SHOULD',
  kind: 'behaviour',
  title: 'instructions are applied as the system message',
  spec: 'OpenAPI CreateResponse.instructions ("A system (or developer) message inserted into the model\'s context")',
  consequence: 'the app\'s system prompt is silently dropped: the Vercel AI SDK and the openai SDKs send `system`/instructions there, and the model answers without its rules',
  evidence: '@ai-sdk/openai src/responses/convert-to-openai-responses-input.ts (system messages); ollama openai/responses.go FromResponsesRequest and llama.cpp server_chat_convert_responses_to_chatcmpl (instructions → leading system message)',
  run: (input) => {
    const word = demandedWord(input.request?.instructions);
    if (!word) return skip('the request carried no instructions demanding a word');
    return withOutput(input, (view) => {
      const text = outputText(view.items);
      if (text.toLowerCase().includes(word.toLowerCase())) return pass();
      return fail(`the answer ignores the instructions (they demand ${show(word)})`, { expected: `an answer containing ${show(word)}`, received: show(text, 160), pointer: view.pointer(0) });
    });
  },
};
