// fast-check generators: valid chat requests, and the ways clients get them wrong (wrong types,
// missing fields, junk, broken bytes).
import fc from 'fast-check';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Path = Array<string | number>;

const text = fc.string({ maxLength: 40 });
const message = fc.oneof(
  fc.record({ role: fc.constantFrom('system', 'developer', 'user', 'assistant'), content: text }),
  fc.record({ role: fc.constant('user'), content: fc.array(fc.record({ type: fc.constant('text'), text }), { minLength: 1, maxLength: 2 }) }),
);
const tool = fc.record({
  type: fc.constant('function'),
  function: fc.record({
    name: fc.stringMatching(/^[a-zA-Z0-9_-]{1,20}$/),
    description: text,
    parameters: fc.constant({ type: 'object', properties: { city: { type: 'string' } }, required: ['city'] }),
  }),
});

/** A chat request the OpenAI schema accepts, for a model the fuzz proxy serves. */
export const validRequest: fc.Arbitrary<Record<string, Json>> = fc
  .record(
    {
      model: fc.constantFrom('test-model', 'smart'),
      messages: fc.array(message, { minLength: 1, maxLength: 3 }),
      stream: fc.boolean(),
      temperature: fc.double({ min: 0, max: 2, noNaN: true }),
      top_p: fc.double({ min: 0, max: 1, noNaN: true }),
      max_tokens: fc.integer({ min: 1, max: 4096 }),
      max_completion_tokens: fc.integer({ min: 1, max: 4096 }),
      n: fc.integer({ min: 1, max: 3 }),
      stop: fc.oneof(text, fc.array(text, { minLength: 1, maxLength: 4 })),
      seed: fc.integer(),
      user: text,
      tools: fc.array(tool, { minLength: 1, maxLength: 2 }),
      tool_choice: fc.constantFrom('auto', 'none', 'required'),
      response_format: fc.constantFrom({ type: 'text' }, { type: 'json_object' }),
      metadata: fc.dictionary(fc.stringMatching(/^[a-z]{1,8}$/), text, { maxKeys: 3 }),
    },
    { requiredKeys: ['model', 'messages'] },
  )
  .map((r) => (r.stream === true ? { ...r, stream_options: { include_usage: true } } : r) as unknown as Record<string, Json>);

/** Every path inside a value, parents before children. */
export function pathsOf(value: Json, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  const entries: Array<[string | number, Json]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key])]);
}

export function jsonType(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** A JSON value of some other type than `value`. */
export function otherType(value: unknown): fc.Arbitrary<Json> {
  const byType: Record<string, fc.Arbitrary<Json>> = {
    null: fc.constant(null),
    boolean: fc.boolean(),
    number: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
    string: fc.string({ maxLength: 20 }),
    array: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }) as fc.Arbitrary<Json>,
    object: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>, { maxKeys: 3 }),
  };
  const others = Object.keys(byType).filter((t) => t !== jsonType(value));
  return fc.constantFrom(...others).chain((t) => byType[t]);
}

/** A deep copy of `value` with `update` applied to the parent of `path`. */
export function edit(value: Json, path: Path, update: (parent: any, key: string | number) => void): Json {
  // through JSON, not structuredClone: generated values may share objects, and an edit must touch one place
  const copy = JSON.parse(JSON.stringify(value)) as Json;
  let parent: any = copy;
  for (const key of path.slice(0, -1)) parent = parent[key];
  update(parent, path[path.length - 1]);
  return copy;
}

export function removeAt(parent: any, key: string | number): void {
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete parent[key];
}

/** Keys that trip code treating request objects as dictionaries. */
export const junkKey = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', ''));

/** Byte edits on an encoded body: flip, insert or delete a byte at a position. */
export const byteEdits = fc.array(
  fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), op: fc.constantFrom('flip', 'insert', 'delete'), byte: fc.integer({ min: 0, max: 255 }) }),
  { minLength: 1, maxLength: 4 },
);

export function applyByteEdits(input: Buffer, edits: Array<{ at: number; op: string; byte: number }>): Buffer {
  let bytes = [...input];
  for (const { at, op, byte } of edits) {
    const i = Math.floor(at * bytes.length);
    if (op === 'flip') bytes[i] = byte;
    else if (op === 'insert') bytes.splice(i, 0, byte);
    else bytes.splice(i, 1);
  }
  return Buffer.from(bytes);
}

/** Byte sequences that are not valid UTF-8: stray continuations, truncated and overlong sequences, surrogates. */
export const invalidUtf8 = fc.constantFrom(
  [0x80], [0xbf], [0xc3], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xff], [0xfe, 0xff],
);
