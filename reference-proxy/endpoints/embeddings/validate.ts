// The checks the proxy makes on an embeddings request before routing, as OpenAI makes them
// (wire-facts-surface fact 45): a model; input as a string, strings, token ids or lists of token
// ids, none empty (an empty string embeds to a vector of nothing); encoding_format float or
// base64; dimensions a positive integer.
import { ProxyError } from '../../errors.ts';

export interface EmbeddingsRequest {
  model: string;
  input: string | string[] | number[] | number[][];
  encoding_format?: 'float' | 'base64';
  dimensions?: number;
  [key: string]: unknown;
}

export function validateEmbeddingsRequest(body: unknown): EmbeddingsRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalid('The request body must be a JSON object with "model" and "input".', null, 'invalid_type');
  }
  const { model, input, encoding_format: format, dimensions } = body as Record<string, unknown>;
  if (model === undefined) throw invalid('You must provide a model parameter.', 'model', 'missing_required_parameter');
  if (typeof model !== 'string' || model === '') throw invalid(`Invalid type for 'model': expected a non-empty string.`, 'model', 'invalid_type');
  if (input === undefined) throw invalid(`Missing required parameter: 'input'.`, 'input', 'missing_required_parameter');
  const problem = inputProblem(input);
  if (problem) throw invalid(`Invalid 'input': ${problem}.`, 'input', 'invalid_value');
  if (format !== undefined && format !== 'float' && format !== 'base64') {
    throw invalid(`Invalid value for 'encoding_format': ${JSON.stringify(format)}. Supported values are: 'float' and 'base64'.`, 'encoding_format', 'invalid_value');
  }
  if (dimensions !== undefined && !(Number.isInteger(dimensions) && (dimensions as number) >= 1)) {
    throw invalid(`Invalid value for 'dimensions': expected an integer of at least 1.`, 'dimensions', 'invalid_value');
  }
  return body as EmbeddingsRequest;
}

const isTokens = (v: unknown): boolean => Array.isArray(v) && v.length > 0 && v.every((t) => Number.isInteger(t) && t >= 0);

function inputProblem(input: unknown): string | undefined {
  if (typeof input === 'string') return input === '' ? 'it cannot be an empty string' : undefined;
  if (!Array.isArray(input)) return 'expected a string, an array of strings, an array of token ids or an array of token id arrays';
  if (input.length === 0) return 'it cannot be an empty array';
  if (input.every((i) => typeof i === 'string')) {
    const empty = input.findIndex((i) => i === '');
    return empty >= 0 ? `input[${empty}] cannot be an empty string` : undefined;
  }
  if (isTokens(input) || input.every(isTokens)) return undefined;
  return 'expected an array of strings, of token ids or of non-empty token id arrays, not a mix';
}

function invalid(message: string, param: string | null, code: string): ProxyError {
  return new ProxyError(400, message, { param, code });
}
