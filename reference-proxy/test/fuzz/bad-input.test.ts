// The proxy under bad request bodies: some 10,000 generated requests through one proxy. Every
// answer is what the request oracle allows (never a 5xx, every refusal the OpenAI envelope), the
// proxy logs no handler failure, and its heap after GC ends where it started.
import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyByteEdits, byteEdits, edit, invalidUtf8, junkKey, otherType, pathsOf, removeAt, validRequest, type Json } from './arbitraries.ts';
import { DENIED_WORD, MAX_BODY_BYTES, startFuzzTarget, type FuzzTarget } from './fuzz-target.ts';
import { checkAnswer, expectationFor, expectationForBytes, expectEnvelope } from './request-oracle.ts';

setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;
const heapAfterGc = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

let target: FuzzTarget;
let heapAtStart = 0;
beforeAll(async () => {
  target = await startFuzzTarget();
  // warm up: first requests compile schemas, open pools and fill caches that are meant to stay
  for (let i = 0; i < 200; i++) await target.send({ body: JSON.stringify({ model: 'test-model', messages: [{ role: 'user', content: `hi ${i}` }], stream: i % 2 === 0 }) });
  heapAtStart = heapAfterGc();
});
afterAll(async () => {
  await target.close();
});

const sendJson = (value: unknown) => target.send({ body: JSON.stringify(value) });
const run = (property: fc.IAsyncPropertyWithHooks<any>, numRuns: number) => fc.assert(property, { numRuns });

describe('bodies', () => {
  it('serves valid requests', async () => {
    await run(fc.asyncProperty(validRequest, async (request) => {
      expect(expectationFor(request)).toBe('served');
      checkAnswer(await sendJson(request), 'served');
    }), 500);
  });

  it('refuses arbitrary strings and JSON that is no chat request', async () => {
    const body = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.json({ maxDepth: 3 }), fc.string({ maxLength: 50 }));
    await run(fc.asyncProperty(body, async (text) => checkAnswer(await target.send({ body: text }), expectationForBytes(text))), 1200);
  });

  it('refuses truncated valid bodies', async () => {
    const truncated = validRequest.chain((r) => {
      const text = JSON.stringify(r);
      return fc.nat(text.length - 1).map((n) => text.slice(0, n));
    });
    await run(fc.asyncProperty(truncated, async (text) => checkAnswer(await target.send({ body: text }), 'refused')), 1000);
  });

  it('answers valid bodies with mutated bytes as the oracle says', async () => {
    const mutated = fc.tuple(validRequest, byteEdits).map(([r, edits]) => applyByteEdits(Buffer.from(JSON.stringify(r)), edits));
    await run(fc.asyncProperty(mutated, async (bytes) => checkAnswer(await target.send({ body: bytes }), expectationForBytes(bytes))), 1500);
  });

  it('answers bodies with invalid UTF-8 as the oracle says', async () => {
    const broken = fc.tuple(validRequest, invalidUtf8, fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.boolean()).map(([r, bad, at, inString]) => {
      const text = JSON.stringify(r);
      // inside a string value (still JSON), or anywhere (usually not)
      const i = inString ? text.indexOf('"content":"') + '"content":"'.length : Math.floor(at * text.length);
      return Buffer.concat([Buffer.from(text.slice(0, i)), Buffer.from(bad), Buffer.from(text.slice(i))]);
    });
    await run(fc.asyncProperty(broken, async (bytes) => checkAnswer(await target.send({ body: bytes }), expectationForBytes(bytes))), 1000);
  });
});

describe('fields', () => {
  it('answers a wrong type in any field as the oracle says', async () => {
    const wrong = validRequest.chain((r) =>
      fc.constantFrom(...pathsOf(r)).chain((path) => otherType(path.reduce<any>((v, k) => v[k], r)).map((value) => edit(r, path, (p, k) => (p[k] = value)))),
    );
    await run(fc.asyncProperty(wrong, async (request) => checkAnswer(await sendJson(request), expectationFor(request))), 2000);
  });

  it('answers missing fields as the oracle says', async () => {
    // removed last to first in document order, so no removal shifts a path still to be removed
    const missing = validRequest.chain((r) => {
      const paths = pathsOf(r);
      const picks = fc.subarray([...paths.keys()], { minLength: 1, maxLength: 3 });
      return picks.map((indices) => [...indices].sort((a, b) => b - a).reduce<Json>((v, i) => edit(v, paths[i], removeAt), r));
    });
    await run(fc.asyncProperty(missing, async (request) => checkAnswer(await sendJson(request), expectationFor(request))), 1000);
  });

  it('answers extra junk anywhere as the oracle says', async () => {
    const junk = validRequest.chain((r) =>
      fc
        .tuple(fc.constantFrom<Array<string | number>>([], ...pathsOf(r).filter((p) => isObjectAt(r, p))), junkKey, fc.jsonValue({ maxDepth: 3 }))
        .map(([path, key, value]) => ({ text: withMember(r, path, key, value) })),
    );
    await run(fc.asyncProperty(junk, async ({ text }) => checkAnswer(await target.send({ body: text }), expectationForBytes(text))), 1000);
  });

  it('refuses model names it does not serve, whatever they look like', async () => {
    const unknown = fc.tuple(validRequest, fc.oneof(junkKey, fc.string({ unit: 'grapheme', maxLength: 30 }))).map(([r, model]) => ({ ...r, model }));
    await run(fc.asyncProperty(unknown, async (request) => checkAnswer(await sendJson(request), expectationFor(request))), 500);
  });

  it('refuses messages that match an input deny pattern', async () => {
    const denied = validRequest.map((r) => ({ ...r, messages: [...(r.messages as object[]), { role: 'user', content: `say ${DENIED_WORD.toUpperCase()} now` }] }));
    await run(fc.asyncProperty(denied, async (request) => {
      const answer = await sendJson(request);
      checkAnswer(answer, 'refused');
      expect(JSON.parse(answer.text).error.code).toBe('content_policy_violation');
    }), 100);
  });
});

describe('size and depth', () => {
  it('answers 413 to bodies over maxBodyBytes, declared or chunked', async () => {
    const huge = fc.record({ size: fc.integer({ min: MAX_BODY_BYTES + 1, max: 4 * MAX_BODY_BYTES }), chunked: fc.boolean() });
    await run(fc.asyncProperty(huge, async ({ size, chunked }) => {
      const text = JSON.stringify({ model: 'test-model', messages: [{ role: 'user', content: 'x'.repeat(size) }] });
      const body = chunked ? Readable.from(chunksOf(text, 16 * 1024)) : text;
      const answer = await target.send({ body: body as unknown as string });
      expectEnvelope(answer);
      expect(answer.status).toBe(413);
    }), 40);
  });

  it('refuses deeply nested bodies without overflowing the stack', async () => {
    const deep = fc.record({ depth: fc.integer({ min: 200, max: 100_000 }), open: fc.constantFrom('[', '{"a":'), where: fc.constantFrom('root', 'content', 'junk', 'tools') });
    await run(fc.asyncProperty(deep, async ({ depth, open, where }) => {
      const close = open === '[' ? ']' : '}';
      const nested = open.repeat(depth) + '1' + close.repeat(depth);
      const text = {
        root: nested,
        content: `{"model":"test-model","messages":[{"role":"user","content":${nested}}]}`,
        junk: `{"model":"test-model","messages":[{"role":"user","content":"x"}],"junk":${nested}}`,
        tools: `{"model":"test-model","messages":[{"role":"user","content":"x"}],"tools":[${nested}]}`,
      }[where];
      const answer = await target.send({ body: text });
      expectEnvelope(answer);
      expect(answer.status).toBe(Buffer.byteLength(text) > MAX_BODY_BYTES ? 413 : 400);
    }), 40);
  });
});

describe('the proxy after all of it', () => {
  it('logged no handler failure and no 5xx', () => {
    expect(target.serverErrors).toEqual([]);
  });

  it('still serves, and its heap after GC is where it started', async () => {
    checkAnswer(await sendJson({ model: 'test-model', messages: [{ role: 'user', content: 'still there?' }] }), 'served');
    const growth = heapAfterGc() - heapAtStart;
    // ~10,000 requests: a leak of even 1 KiB each would show
    expect(growth, `heap grew by ${growth} bytes`).toBeLessThan(8 * 1024 * 1024);
  });
});

function isObjectAt(root: unknown, path: Array<string | number>): boolean {
  const value = path.reduce<any>((v, k) => v[k], root);
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The request's JSON with one more member in the object at `path` (as text, so "__proto__" stays a plain key). */
function withMember(root: unknown, path: Array<string | number>, key: string, value: unknown): string {
  const marker = '"\u0000junk\u0000"';
  const withPlaceholder = edit(root as any, [...path, '\u0000junk\u0000'], (p, k) => (p[k] = 0));
  return JSON.stringify(withPlaceholder).replace(`${marker}:0`, `${JSON.stringify(key)}:${JSON.stringify(value)}`);
}

function* chunksOf(text: string, size: number): Generator<Buffer> {
  for (let i = 0; i < text.length; i += size) yield Buffer.from(text.slice(i, i + size));
}
