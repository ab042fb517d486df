// Compiles the JSON Schema a request carried, once per distinct schema. A separate, non-strict
// ajv: request schemas are the user's, and may use keywords the wire schemas never need.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

const ajv = new Ajv2020({ strict: false, allErrors: true });
const cache = new Map<string, ValidateFunction>();

export type CompiledSchema = { ok: true; check(value: unknown): string[] } | { ok: false; error: string };

export function compileRequestedSchema(schema: object): CompiledSchema {
  const key = JSON.stringify(schema);
  try {
    let fn = cache.get(key);
    if (!fn) {
      fn = ajv.compile(schema);
      cache.set(key, fn);
    }
    const validate = fn;
    return { ok: true, check: (value) => (validate(value) ? [] : (validate.errors ?? []).map(describe)) };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

function describe(e: { instancePath: string; message?: string; params: Record<string, unknown> }): string {
  const where = e.instancePath || '/';
  if (e.params.additionalProperty) return `${where} has unexpected property "${String(e.params.additionalProperty)}"`;
  return `${where} ${e.message ?? 'is invalid'}`;
}
