// A text request is answered with an assistant message holding output_text.
import type { Check } from '../../types.ts';
import { fail, pass, show } from '../verdict.ts';
import { outputText, withOutput } from './output.ts';

export const responsesOutputText: Check = {
  id: 'responses.output-text',
  capability: 'responses',
  level: 'MUST',
  kind: 'protocol',
  title: 'A text answer is a message item with output_text parts',
  spec: 'OpenAPI OutputMessage, OutputTextContent',
  consequence: 'openai-node and openai-python compute response.output_text from message items\' output_text parts, and the Vercel AI SDK reads the same parts: any other shape gives the app an empty answer',
  evidence: 'openai-node src/lib/ResponsesParser.ts addOutputText; @ai-sdk/openai src/responses/openai-responses-language-model.ts (message → text content)',
  run: (input) =>
    withOutput(input, (view) => {
      const text = outputText(view.items);
      if (text.trim() !== '') return pass();
      return fail('the answer carries no output_text in a message item', {
        expected: 'output: [{"type":"message","role":"assistant","content":[{"type":"output_text","text":"…"}]}]',
        received: show(view.items, 200),
        pointer: view.pointer(0),
      });
    }),
};
