// How a Responses request is translated for one backend's chat API (backends[].translation, with
// defaults every chat server reads), and the chat request itself, made once per request and
// setting and kept with the request: the adapter asks for it when judging a candidate (refuse),
// when sending it and when reading the answer. A request the translation refuses is refused for
// every chat-only candidate alike.
import { ProxyError } from '../../errors.ts';
import { toChatRequest } from '../../responses/to-chat-request.ts';
import type { Json } from '../../responses/types.ts';
import type { BackendConfig, TranslationConfig } from '../../types.ts';
import { preparedOf, type ResponsesRequest } from './request.ts';

export const DEFAULT_TRANSLATION: TranslationConfig = { maxTokensField: 'max_tokens', reasoningField: 'reasoning_content', reasoningStyle: 'summary' };

export function translationOf(backend: BackendConfig): TranslationConfig {
  return backend.translation ? { ...DEFAULT_TRANSLATION, ...backend.translation } : DEFAULT_TRANSLATION;
}

/** The chat request for this backend, or the 400 the translation refuses the request with (as a value). */
export function chatRequestOrRefusal(request: ResponsesRequest, backend: BackendConfig): Json | ProxyError {
  const { maxTokensField, reasoningField } = translationOf(backend);
  const key = `${maxTokensField} ${reasoningField}`;
  const { conversation, chat } = preparedOf(request);
  let made = chat.get(key);
  if (made === undefined) {
    try {
      made = toChatRequest(request, { history: conversation.history, references: conversation.references, options: { maxTokensField, reasoningField } });
    } catch (error) {
      if (!(error instanceof ProxyError)) throw error;
      made = error;
    }
    chat.set(key, made);
  }
  return made;
}

/** The chat request for an attempt's backend, which refuse() has already found translatable. */
export function chatRequestFor(request: ResponsesRequest, backend: BackendConfig): Json {
  const made = chatRequestOrRefusal(request, backend);
  if (made instanceof ProxyError) throw made;
  return made;
}
