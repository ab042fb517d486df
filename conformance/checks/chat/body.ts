// Shared reading of a non-stream JSON response for the models, chat, errors, json_mode and
// structured_outputs checks: when there is a body to judge, what its JSON is, and where a
// schema says it went wrong.
import type { CheckInput, Exchange, Verdict } from '../../types.ts';
import { validate, type SchemaName } from '../../schemas/validate.ts';
import { fail, pass, show, skip } from '../verdict.ts';

/** `application/json`, with or without parameters such as `; charset=utf-8`. */
export function isJsonContentType(headers: Record<string, string>): boolean {
  const type = headers['content-type'];
  return type !== undefined && /^application\/json\s*(;|$)/i.test(type.trim());
}

export function is2xx(exchange: Exchange): boolean {
  return exchange.status !== undefined && exchange.status >= 200 && exchange.status < 300;
}

/** The parsed body: the transport's parse, or the body text parsed here (e.g. a stream request answered with JSON). */
export function bodyJson(exchange: Exchange): unknown {
  if (exchange.json !== undefined) return exchange.json;
  try {
    return JSON.parse(exchange.bodyText);
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Judge a 2xx JSON object body; skip when there is no success body to judge, fail when it is not JSON. */
export function withBody(input: CheckInput, judge: (body: Record<string, any>) => Verdict): Verdict {
  const { exchange } = input;
  if (!is2xx(exchange)) return skip(`status ${exchange.status ?? 'none'}: no success body to judge`);
  const body = bodyJson(exchange);
  if (!isRecord(body)) {
    return fail('the response body is not a JSON object', {
      expected: 'a JSON object',
      received: exchange.jsonError ? `${show(exchange.bodyText, 120)} (${exchange.jsonError})` : show(body ?? exchange.bodyText, 120),
    });
  }
  return judge(body);
}

/** Pass, or fail naming the first schema error; every error (pointer and message) goes to the details. */
export function schemaVerdict(name: SchemaName, value: unknown, what: string): Verdict {
  const result = validate(name, value);
  if (result.ok) return { status: 'pass' };
  const [first] = result.errors;
  const at = first.pointer === '/' ? '' : first.pointer;
  const missing = /^missing required property "(.+)"$/.exec(first.message)?.[1];
  const field = missing === undefined ? at : `${at}/${missing.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  const more = result.errors.length > 1 ? ` (and ${result.errors.length - 1} more, listed in the details)` : '';
  const problem = missing === undefined ? `${field || '/'} ${first.message}` : `required ${field} is missing`;
  return fail(`${what} does not match the ${name} schema: ${problem}${more}`, {
    expected: `${name}.schema.json: ${first.message}`,
    received: missing === undefined ? show(valueAt(value, at)) : `keys ${show(Object.keys(valueAt(value, at) ?? {}))}`,
    pointer: field || '/',
    details: result.errors.map((e) => `${e.pointer}: ${e.message}`),
  });
}

/** The value at a JSON pointer (undefined when the path does not exist). */
export function valueAt(value: unknown, pointer: string): unknown {
  if (pointer === '/' || pointer === '') return value;
  let at: any = value;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (at === null || typeof at !== 'object') return undefined;
    at = at[key];
  }
  return at;
}

/** A 200 with a JSON content type, or a failure naming `what` answered otherwise and what that costs a client. */
export function okJsonVerdict(exchange: Exchange, what: string, consequence: string): Verdict {
  if (exchange.status !== 200) {
    return fail(`${what} answered HTTP ${exchange.status}; ${consequence}`, {
      expected: 'HTTP 200',
      received: `HTTP ${exchange.status}: ${show(exchange.bodyText, 160)}`,
    });
  }
  if (!isJsonContentType(exchange.headers)) {
    return fail(`${what} did not declare a JSON content type`, {
      expected: 'content-type: application/json',
      received: `content-type: ${exchange.headers['content-type'] ?? '(none)'}`,
    });
  }
  return pass();
}

