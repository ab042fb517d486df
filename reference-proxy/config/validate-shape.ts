// Checks the config file against config/schema.json (ajv, JSON Schema 2020-12, strict, allErrors)
// and turns every ajv error into one line that names the path and says what to change.
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { formatPath, pointerSegments, type PathSegment } from './config-path.ts';
import { closest, didYouMean } from './suggest.ts';

type SchemaNode = { errorHint?: string; properties?: Record<string, SchemaNode>; enum?: unknown[] };

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (compiled) return compiled;
  const ajv = new Ajv2020({ strict: true, allErrors: true, verbose: true, allowUnionTypes: true });
  ajv.addKeyword({ keyword: 'errorHint', schemaType: 'string' });
  const schema = JSON.parse(readFileSync(new URL('./schema.json', import.meta.url), 'utf8'));
  compiled = ajv.compile(schema);
  return compiled;
}

/** Every shape problem in `raw`, one message each; empty when the shape is valid. */
export function validateShape(raw: unknown): string[] {
  const validate = validator();
  if (validate(raw)) return [];
  const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'propertyNames');
  const misspelt = misspeltRequired(errors);
  const messages = errors
    .filter((e) => !(e.keyword === 'required' && misspelt.has(requiredKey(e))))
    .map(describe);
  return [...new Set(messages)];
}

function requiredKey(e: ErrorObject): string {
  return `${e.instancePath}/${String(e.params.missingProperty)}`;
}

/** Required keys reported missing only because an unknown key is a typo of them. */
function misspeltRequired(errors: ErrorObject[]): Set<string> {
  const out = new Set<string>();
  for (const e of errors) {
    if (e.keyword !== 'additionalProperties') continue;
    const known = Object.keys((e.parentSchema as SchemaNode).properties ?? {});
    const meant = closest(String(e.params.additionalProperty), known);
    if (meant !== undefined) out.add(`${e.instancePath}/${meant}`);
  }
  return out;
}

function describe(e: ErrorObject): string {
  const at = pointerSegments(e.instancePath);
  const node = e.parentSchema as SchemaNode;
  switch (e.keyword) {
    case 'required': {
      const key = String(e.params.missingProperty);
      const hint = node.properties?.[key]?.errorHint;
      return line([...at, key], `is required${hint ? `; it ${hint}` : ''}`);
    }
    case 'additionalProperties': {
      const key = String(e.params.additionalProperty);
      const known = Object.keys(node.properties ?? {});
      const suggestion = didYouMean(key, known);
      return line([...at, key], suggestion ? `unknown key${suggestion}` : `unknown key; remove it (allowed here: ${known.join(', ')})`);
    }
    case 'enum': {
      const allowed = (e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v));
      const suggestion = typeof e.data === 'string' ? didYouMean(e.data, allowed.map((a) => JSON.parse(a))) : '';
      return line(at, `must be one of ${allowed.join(', ')}${got(e.data, at)}${suggestion}`);
    }
    case 'pattern':
      if (e.propertyName !== undefined) return line([...at, e.propertyName], node.errorHint ?? 'is not an allowed name');
      return line(at, `${node.errorHint ?? `must match ${String(e.params.pattern)}`}${got(e.data, at)}`);
    case 'type':
      return line(at, `must be ${typeName(e.params.type)}${got(e.data, at)}`);
    default:
      return line(at, `${node.errorHint ?? e.message ?? 'is invalid'}${got(e.data, at)}`);
  }
}

function line(at: PathSegment[], what: string): string {
  return `${formatPath(at)}: ${what}`;
}

function typeName(type: unknown): string {
  const names = (Array.isArray(type) ? type : [type]).map((t) => (t === 'integer' ? 'a whole number' : `a ${t}`));
  return names.join(' or ').replace('a array', 'a list').replace('a object', 'a mapping');
}

// `url` is state.redis.url, which may carry a password
const SECRET_KEYS = new Set(['apiKey', 'key', 'url']);

/** ` (got …)` for scalars and list lengths; a mapping is too big to echo usefully, a secret must never be. */
function got(data: unknown, at: PathSegment[]): string {
  if (SECRET_KEYS.has(String(at[at.length - 1]))) return '';
  if (Array.isArray(data)) return ` (got a list of ${data.length})`;
  if (data !== null && typeof data === 'object') return '';
  const text = JSON.stringify(data) ?? String(data);
  return ` (got ${text.length > 60 ? `${text.slice(0, 57)}...` : text})`;
}
