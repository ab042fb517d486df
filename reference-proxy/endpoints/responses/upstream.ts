// The upstream request of one attempt. A backend serving /v1/responses gets the client's request
// with the stored conversation inlined (previous_response_id and item_reference resolved by the
// proxy, so they work on stateless servers and across backends) and the profile's request fixes;
// a chat-only backend gets the translation onto /chat/completions with the chat fixes of its
// profile, and images by URL inline where the backend refuses URLs. The operator's system prompt
// leads either way.
import type { Attempt } from '../../core/attempt.ts';
import type { UpstreamCall } from '../../core/endpoint.ts';
import { normalizeRequest } from '../../normalize/index.ts';
import { inlineConversation } from '../../responses/inline-conversation.ts';
import { repairResponsesRequest } from '../../responses/repair-request.ts';
import type { Json } from '../../responses/types.ts';
import { applySafetyPrompt } from '../../safety/safety.ts';
import { messagesWithInlineImages, needsInlineImages } from '../chat/inline-images.ts';
import type { ChatRequest } from '../chat/validate.ts';
import { preparedOf, type ResponsesRequest } from './request.ts';
import { chatRequestFor } from './translation.ts';

export function responsesUpstream(a: Attempt<ResponsesRequest>): UpstreamCall | Promise<UpstreamCall> {
  a.ex.record.via = a.via;
  const stream = a.request.stream === true;
  const prompt = a.ctx.config.safety.systemPrompt;
  if (a.via === 'native') return { path: '/responses', body: nativeBody(a, prompt), stream };
  const chat = chatRequestFor(a.request, a.candidate.backend) as ChatRequest;
  const call = (messages: unknown[]): UpstreamCall => {
    const fixed = normalizeRequest({ ...chat, messages, model: a.candidate.model }, a.profile, a.repairs);
    return { path: '/chat/completions', body: prompt ? applySafetyPrompt(fixed, prompt) : fixed, stream };
  };
  // the chat endpoint's image download, for the translated request (its cache is keyed on it)
  const asChat = { ...a, request: chat } as unknown as Attempt<ChatRequest>;
  if (!needsInlineImages(asChat)) return call(chat.messages);
  a.repairs.add('image_inlined');
  return messagesWithInlineImages(asChat).then(call);
}

function nativeBody(a: Attempt<ResponsesRequest>, prompt: string | undefined): Json {
  const inlined = inlineConversation(a.request, preparedOf(a.request).conversation);
  const body = repairResponsesRequest({ ...inlined, model: a.candidate.model }, a.profile, a.repairs);
  if (!prompt) return body;
  const input = typeof body.input === 'string' ? [{ role: 'user', content: body.input }] : body.input;
  return { ...body, input: [{ role: 'system', content: prompt }, ...input] };
}
