// The 400 answers the translation gives, worded as OpenAI words them (the recorded error bodies:
// "Invalid 'temperature': …", "Unknown parameter: 'x'.", "Missing required parameter: 'input'."),
// each naming the parameter, so the SDKs raise BadRequestError and the suite reads the refusal
// of a feature as a clean "unsupported".
import { ProxyError } from '../errors.ts';

const bad = (message: string, param: string, code: string) => new ProxyError(400, message, { param, code });

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value === 'string' ? 'a string' : `a ${typeof value}`;
}

export const missing = (param: string) => bad(`Missing required parameter: '${param}'.`, param, 'missing_required_parameter');

export const invalidType = (param: string, expected: string, got: unknown) =>
  bad(`Invalid type for '${param}': expected ${expected}, but got ${describeValue(got)} instead.`, param, 'invalid_type');

export const invalidValue = (param: string, detail: string) => bad(`Invalid value for '${param}': ${detail}`, param, 'invalid_value');

export const belowMinimum = (param: string, min: number, got: number) =>
  bad(`Invalid '${param}': integer below minimum value. Expected a value >= ${min}, but got ${got} instead.`, param, 'integer_below_min_value');

export const emptyString = (param: string) =>
  bad(`Invalid '${param}': empty string. Expected a string with minimum length 1, but got an empty string instead.`, param, 'empty_string');

export const unknownParameter = (param: string) => bad(`Unknown parameter: '${param}'.`, param, 'unknown_parameter');

const BRIDGED = 'this model is served by a Chat Completions backend through dropin\'s translation';

/** A valid Responses parameter the chat backend behind this model cannot honour. */
export const unsupported = (param: string, why: string) => bad(`Unsupported parameter: '${param}' ${why} (${BRIDGED}).`, param, 'unsupported_parameter');

/** A valid value the chat backend behind this model cannot honour, worded as OpenAI's "Unsupported value" answers. */
export const unsupportedValue = (param: string, value: string, why: string) =>
  bad(`Unsupported value: '${param}' does not support '${value}' with this model: ${why} (${BRIDGED}).`, param, 'unsupported_value');

/** An item_reference the store does not have: OpenAI's own answer (quoted in dyad-sh/dyad#2457), 400 naming `input`. */
export function itemNotFound(id: unknown, storeOff: boolean): ProxyError {
  const hint = storeOff ? ' Items are not persisted when `store` is set to false.' : '';
  return new ProxyError(400, `Item with id '${String(id)}' not found.${hint}`, { param: 'input' });
}
