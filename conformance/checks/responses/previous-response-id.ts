// previous_response_id continues a stored conversation; a server that ignores it answers without
// the history and says nothing (S09).
import type { Check } from '../../types.ts';
import { recallVerdict } from './recall.ts';

export const responsesPreviousResponseId: Check = {
  id: 'responses.previous-response-id',
  capability: 'responses',
  level: 'MUST',
  kind: 'behaviour',
  title: 'previous_response_id continues the conversation, or is refused',
  spec: 'OpenAPI CreateResponse.previous_response_id, store (default true); docs/deviations.md#s09',
  consequence:
    'the openai SDKs\' conversation pattern (previous_response_id: response.id) and agent frameworks built on it lose every earlier turn without an error: the model answers as if the conversation had just begun',
  evidence: 'ollama docs/api/openai-compatibility.mdx ("no previous_response_id support") and openai/responses.go (the field is not read) (docs/deviations.md#s09)',
  run: (input) => recallVerdict(input, 'previous_response_id', 'Every app that chains responses by id loses its history on this server.'),
};
