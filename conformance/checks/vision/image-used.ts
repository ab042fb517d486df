// The answer shows the model saw the image: asked for the colour of a solid red square, it says
// red. A server that drops images silently gets an answer about nothing.
import type { Check } from '../../types.ts';
import { PROBE_COLOUR } from '../../run/image-asset.ts';
import { withBody } from '../chat/body.ts';
import { firstContent } from '../chat/completion.ts';
import { fail, pass, show, skip } from '../verdict.ts';

export const visionImageUsed: Check = {
  id: 'vision.image-used',
  capability: 'vision',
  level: 'MUST',
  title: `The answer names the image's colour (${PROBE_COLOUR}): the model saw the image`,
  spec: 'OpenAPI ChatCompletionRequestMessageContentPartImage',
  kind: 'behaviour',
  consequence:
    'Silent data loss: the request succeeds and every client returns an answer, but the model never saw the image, so descriptions, OCR and visual Q&A are made up.',
  evidence: 'ollama/ollama#17501 (images silently dropped); emulator quirk vision-image-dropped (conformance/test/mutation.test.ts)',
  run: (input) =>
    withBody(input, (body) => {
      const content = firstContent(body);
      if (content === undefined) return skip('the answer has no text content to judge');
      if (new RegExp(`\\b${PROBE_COLOUR}\\b`, 'i').test(content)) return pass();
      return fail(`asked for the colour of a solid ${PROBE_COLOUR} image, the model did not say ${PROBE_COLOUR}: the image was dropped or not seen`, {
        expected: `an answer naming ${PROBE_COLOUR}`,
        received: show(content, 160),
        pointer: '/choices/0/message/content',
      });
    }),
};
