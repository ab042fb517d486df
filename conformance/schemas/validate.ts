// Compiles the wire schemas once (ajv, JSON Schema 2020-12, strict mode) and validates values
// against them. Errors come back as data with JSON pointers, never as exceptions.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

export const SCHEMA_NAMES = [
  'chat-completion-request',
  'chat-completion',
  'chat-completion-chunk',
  'chat-completion-strict',
  'chat-completion-chunk-strict',
  'tool-call',
  'tool-call-delta',
  'error',
  'model-list',
  'response',
  'embedding-list',
  'text-completion',
  'model',
] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];

export const SCHEMA_BASE = 'https://dropin.dev/schemas/';

export interface SchemaError {
  /** JSON pointer into the validated value */
  pointer: string;
  message: string;
}

export type ValidationResult = { ok: true } | { ok: false; errors: SchemaError[] };

const here = dirname(fileURLToPath(import.meta.url));
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
let compiled: Map<string, ValidateFunction> | undefined;

function compileAll(): Map<string, ValidateFunction> {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  const files = readdirSync(here).filter((f) => f.endsWith('.schema.json'));
  for (const f of files) ajv.addSchema(JSON.parse(readFileSync(join(here, f), 'utf8')));
  const out = new Map<string, ValidateFunction>();
  for (const f of files) {
    const name = f.replace(/\.schema\.json$/, '');
    out.set(name, ajv.getSchema(SCHEMA_BASE + f)!);
  }
  return out;
}

/** Validate `value` against the named wire schema. */
export function validate(name: SchemaName, value: unknown): ValidationResult {
  compiled ??= compileAll();
  const fn = compiled.get(name);
  if (!fn) throw new Error(`dropin: no schema named ${name} in ${here}`);
  if (fn(value)) return { ok: true };
  const errors = (fn.errors ?? []).map((e) => ({
    pointer: e.instancePath || '/',
    message: describe(e.keyword, e.params as Record<string, unknown>, e.message),
  }));
  return { ok: false, errors };
}

function describe(keyword: string, params: Record<string, unknown>, message?: string): string {
  if (keyword === 'required') return `missing required property "${String(params.missingProperty)}"`;
  if (keyword === 'enum') return `${message}: ${JSON.stringify(params.allowedValues)}`;
  if (keyword === 'const') return `must be ${JSON.stringify(params.allowedValue)}`;
  return message ?? keyword;
}
