// Vision scenarios: an 8×8 solid-red PNG sent to the target's vision model inline (data: URL)
// and by an http URL dropin serves on loopback for the run, asking for its colour; and the same
// image sent to the chat model, which must answer or refuse in the error envelope. Low detail
// keeps an image at the smallest token cost clouds bill.
import { chatSchema } from '../checks/chat/schema.ts';
import { visionDataUrlAccepted, visionHttpUrlAccepted } from '../checks/vision/accepted.ts';
import { visionImageUsed } from '../checks/vision/image-used.ts';
import { visionRefusalClean } from '../checks/vision/refusal-clean.ts';
import { probeImageDataUrl } from '../run/image-asset.ts';
import type { Scenario, ScenarioRequest } from '../types.ts';

const QUESTION = 'What colour is this image? Answer with one word.';

const ask = (model: string, url: string): ScenarioRequest => ({
  method: 'POST',
  path: '/chat/completions',
  body: {
    model,
    messages: [{ role: 'user', content: [{ type: 'text', text: QUESTION }, { type: 'image_url', image_url: { url, detail: 'low' } }] }],
    max_tokens: 16,
    temperature: 0,
  },
});

export const visionScenarios: Scenario[] = [
  {
    id: 'vision.data-url',
    capability: 'vision',
    title: 'An inline image (data: URL) to the vision model',
    kind: 'behaviour',
    modelRole: 'vision',
    sharedInvariants: false,
    build: ({ model }) => ask(model, probeImageDataUrl()),
    protocolChecks: [visionDataUrlAccepted, chatSchema],
    behaviourChecks: [visionImageUsed],
  },
  {
    id: 'vision.http-url',
    capability: 'vision',
    title: 'An image by http URL (served on loopback) to the vision model',
    kind: 'behaviour',
    modelRole: 'vision',
    fetchesLoopback: true,
    sharedInvariants: false,
    build: ({ model, imageUrl }) => ask(model, imageUrl ?? 'http://127.0.0.1/dropin-probe.png'),
    protocolChecks: [visionHttpUrlAccepted, chatSchema],
    behaviourChecks: [visionImageUsed],
  },
  {
    id: 'vision.refusal',
    capability: 'vision',
    title: 'An image to the chat model: answered, or refused in the error envelope',
    kind: 'protocol',
    sharedInvariants: false,
    build: ({ model }) => ask(model, probeImageDataUrl()),
    protocolChecks: [visionRefusalClean],
    behaviourChecks: [],
  },
];
