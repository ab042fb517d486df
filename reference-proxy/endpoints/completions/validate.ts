// The checks the proxy needs on a legacy completions request before routing (model, prompt,
// stream); the rest is the backend's to judge. Messages follow OpenAI's own wording.
import { ProxyError } from '../../errors.ts';

export interface TextCompletionRequest {
  model: string;
  /** string | string[] | number[] | number[][] | null (OpenAI's default prompt) */
  prompt: unknown;
  stream?: boolean | null;
  [key: string]: unknown;
}

export function validateTextCompletionRequest(body: unknown): TextCompletionRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalid('The request body must be a JSON object with "model" and "prompt".', null, 'invalid_type');
  }
  const { model, prompt, stream } = body as Record<string, unknown>;
  if (model === undefined) throw invalid('You must provide a model parameter.', 'model', 'missing_required_parameter');
  if (typeof model !== 'string' || model === '') throw invalid(`Invalid type for 'model': expected a non-empty string.`, 'model', 'invalid_type');
  if (prompt === undefined) throw invalid(`Missing required parameter: 'prompt'.`, 'prompt', 'missing_required_parameter');
  if (prompt !== null && !isPrompt(prompt)) {
    throw invalid(`Invalid type for 'prompt': expected a string, an array of strings, an array of token ids or an array of token id arrays.`, 'prompt', 'invalid_type');
  }
  if (stream !== undefined && stream !== null && typeof stream !== 'boolean') {
    throw invalid(`Invalid type for 'stream': expected a boolean.`, 'stream', 'invalid_type');
  }
  return body as TextCompletionRequest;
}

const isTokens = (v: unknown) => Array.isArray(v) && v.every((t) => Number.isInteger(t));

function isPrompt(prompt: unknown): boolean {
  if (typeof prompt === 'string') return true;
  if (!Array.isArray(prompt)) return false;
  return prompt.every((p) => typeof p === 'string') || isTokens(prompt) || prompt.every(isTokens);
}

function invalid(message: string, param: string | null, code: string): ProxyError {
  return new ProxyError(400, message, { param, code });
}
