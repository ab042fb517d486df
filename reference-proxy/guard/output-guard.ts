// Checks that a structured-output answer is what the client asked for: json_object → the content
// parses to a JSON object; json_schema → it parses and validates against the schema. Backends
// that ignore or only loosely honour response_format (wire-facts F25, F26) are caught here, and
// the server can retry on the next candidate instead of handing the client unusable output.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

export type GuardResult = { ok: true } | { ok: false; reason: string };

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = new Ajv2020({ strict: false, allErrors: false, validateSchema: false });
addFormats(ajv);

/** Compiled validators by schema JSON text; bounded because every client may send its own schema. */
const cache = new Map<string, ValidateFunction | string>();
const CACHE_LIMIT = 256;

export function guardOutput(request: any, content: string | null): GuardResult {
  const format = request?.response_format?.type;
  if (format !== 'json_object' && format !== 'json_schema') return { ok: true };
  // No content means the model called a tool or refused; there is no JSON answer to check.
  if (content === null) return { ok: true };
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch (err) {
    return { ok: false, reason: `the output is not valid JSON (${(err as Error).message})` };
  }
  if (format === 'json_object') {
    const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
    return isObject ? { ok: true } : { ok: false, reason: 'the output is JSON but not an object' };
  }
  const schema = request.response_format.json_schema?.schema;
  if (schema === null || typeof schema !== 'object') return { ok: true };
  return checkSchema(schema, value);
}

function checkSchema(schema: object, value: unknown): GuardResult {
  const validate = compiled(schema);
  // A schema ajv cannot compile is the client's mistake, caught upstream or not at all; the guard
  // only vouches for what it can check.
  if (typeof validate === 'string') return { ok: true };
  if (validate(value)) return { ok: true };
  const first = validate.errors?.[0];
  const where = first?.instancePath || '/';
  return { ok: false, reason: `the output does not match the requested schema at ${where}: ${first?.message ?? 'invalid'}` };
}

function compiled(schema: object): ValidateFunction | string {
  const key = JSON.stringify(schema);
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let entry: ValidateFunction | string;
  try {
    entry = ajv.compile(schema);
  } catch (err) {
    entry = (err as Error).message;
  }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, entry);
  return entry;
}
