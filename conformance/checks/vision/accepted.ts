// A vision model answers a request that carries an image: inline (data: URL) it must; by http
// URL it should, unless the server could not reach the URL (then the scenario cannot judge it).
import type { Check, CheckInput, Verdict } from '../../types.ts';
import { bodyJson, isRecord, okJsonVerdict } from '../chat/body.ts';
import { show, skip } from '../verdict.ts';

export const visionDataUrlAccepted: Check = {
  id: 'vision.data-url-accepted',
  capability: 'vision',
  level: 'MUST',
  title: 'A vision model answers an image sent as a data: URL content part',
  spec: 'OpenAPI ChatCompletionRequestMessageContentPartImage (image_url.url: a data URL)',
  kind: 'protocol',
  consequence:
    'openai-node and openai-python raise APIError for the request, and the AI SDK (which sends image parts it gets as bytes as data: URLs) throws: the application cannot send images at all.',
  evidence: 'openai-node APIError.generate (node_modules/openai/src/core/error.ts); @ai-sdk/openai convertToOpenAIChatMessages (image parts as data: URLs)',
  run: ({ exchange }) => okJsonVerdict(exchange, 'the request with an inline image', 'clients get an error instead of an answer'),
};

export const visionHttpUrlAccepted: Check = {
  id: 'vision.http-url-accepted',
  capability: 'vision',
  level: 'SHOULD',
  title: 'A vision model answers an image sent as an http URL (the server downloads it)',
  spec: 'OpenAPI ChatCompletionRequestMessageContentPartImage (image_url.url: "either a URL of the image or the base64 encoded image data"); docs/deviations.md#s22',
  kind: 'protocol',
  consequence:
    'Every request that passes an image by URL raises BadRequestError in openai-node/openai-python (and the AI SDK passes URL images through as URLs), so the application must download images and inline them as data: URLs for this server.',
  evidence: 'Ollama: 400 "image URLs are not currently supported, please use base64 encoded data instead"; LM Studio: "\'url\' field must be a base64 encoded image." (lmstudio-bug-tracker#1120) (docs/deviations.md#s22)',
  run: (input) => unreachable(input) ?? okJsonVerdict(input.exchange, 'the request with an image URL', 'clients that pass image URLs get an error'),
};

/**
 * A refusal that says the download failed is the network's doing (a remote or sandboxed server
 * cannot reach this machine's loopback), not a deviation: nothing to judge.
 */
function unreachable({ exchange }: CheckInput): Verdict | undefined {
  const status = exchange.status ?? 0;
  if (status < 400 || status >= 500) return undefined;
  const body = bodyJson(exchange);
  const message = isRecord(body) && isRecord(body.error) && typeof body.error.message === 'string' ? body.error.message : '';
  if (!/download|fetch|timed? ?out|connect|unreachable|resolve/i.test(message)) return undefined;
  return skip(`the server could not fetch the image URL served on this machine (HTTP ${status}: ${show(message, 120)})`);
}
