// The few request checks the proxy needs before routing (what it reads: model, messages, stream);
// everything else is the backend's to judge. Messages follow OpenAI's own wording.
import { ProxyError } from '../../errors.ts';

export interface ChatRequest {
  model: string;
  messages: unknown[];
  stream?: boolean | null;
  [key: string]: unknown;
}

export function validateChatRequest(body: unknown): ChatRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalid('The request body must be a JSON object with "model" and "messages".', null, 'invalid_type');
  }
  const { model, messages, stream } = body as Record<string, unknown>;
  if (model === undefined) throw invalid('You must provide a model parameter.', 'model', 'missing_required_parameter');
  if (typeof model !== 'string' || model === '') throw invalid(`Invalid type for 'model': expected a non-empty string.`, 'model', 'invalid_type');
  if (messages === undefined) throw invalid(`Missing required parameter: 'messages'.`, 'messages', 'missing_required_parameter');
  if (!Array.isArray(messages)) throw invalid(`Invalid type for 'messages': expected an array of message objects.`, 'messages', 'invalid_type');
  if (messages.length === 0) throw invalid(`Invalid 'messages': empty array. Expected an array with minimum length 1.`, 'messages', 'empty_array');
  const bad = messages.findIndex((m) => typeof m !== 'object' || m === null || typeof (m as { role?: unknown }).role !== 'string');
  if (bad >= 0) throw invalid(`Invalid 'messages[${bad}]': expected an object with a string 'role'.`, `messages[${bad}]`, 'invalid_type');
  if (stream !== undefined && stream !== null && typeof stream !== 'boolean') {
    throw invalid(`Invalid type for 'stream': expected a boolean.`, 'stream', 'invalid_type');
  }
  return body as ChatRequest;
}

function invalid(message: string, param: string | null, code: string): ProxyError {
  return new ProxyError(400, message, { param, code });
}

/** Whether the client asked for structured output the guard can check. */
export function wantsStructuredOutput(body: ChatRequest): boolean {
  const type = (body.response_format as { type?: unknown } | undefined)?.type;
  return type === 'json_object' || type === 'json_schema';
}
