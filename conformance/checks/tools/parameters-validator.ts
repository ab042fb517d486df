// Validates tool-call arguments against the `parameters` schema the request declared. Tool schemas
// are the caller's, written in OpenAI's JSON Schema subset without $schema, so ajv runs in its
// default draft and non-strict mode; each schema is compiled once.
import { Ajv, type ValidateFunction } from 'ajv';

const ajv = new Ajv({ strict: false, allErrors: true });
const compiled = new Map<string, ValidateFunction | Error>();

export type ArgumentsResult = { ok: true } | { ok: false; errors: string[] } | { ok: 'unusable'; reason: string };

export function validateArguments(parameters: unknown, args: unknown): ArgumentsResult {
  const key = JSON.stringify(parameters);
  if (!compiled.has(key)) compiled.set(key, compile(parameters));
  const fn = compiled.get(key)!;
  if (fn instanceof Error) return { ok: 'unusable', reason: fn.message };
  if (fn(args)) return { ok: true };
  return { ok: false, errors: (fn.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`) };
}

function compile(parameters: unknown): ValidateFunction | Error {
  try {
    return ajv.compile(parameters as object);
  } catch (e) {
    return e as Error;
  }
}
