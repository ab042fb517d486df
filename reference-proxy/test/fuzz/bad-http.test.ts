// The proxy under bad HTTP: odd content types, credentials, header sizes, message framing
// (content-length and transfer-encoding tricks), unknown paths and methods. A request that is
// fine gets its answer; anything else a 4xx in the OpenAI envelope, never a 5xx or a dropped
// connection, and no handler failure in the log.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUZZ_KEY, startFuzzTarget, type Answer, type FuzzTarget } from './fuzz-target.ts';
import { rawExchange } from './raw-http.ts';
import { checkAnswer, expectEnvelope, type Expectation } from './request-oracle.ts';

let target: FuzzTarget;
beforeAll(async () => {
  target = await startFuzzTarget();
});
afterAll(async () => {
  await target.close();
});

const BODY = JSON.stringify({ model: 'test-model', messages: [{ role: 'user', content: 'Say hi' }] });
const AUTH = `Bearer ${FUZZ_KEY}`;
const run = (property: fc.IAsyncPropertyWithHooks<any>, numRuns: number) => fc.assert(property, { numRuns });

describe('headers', () => {
  it('accepts JSON content types (or none) and refuses others', async () => {
    const contentType = fc.oneof(
      fc.constantFrom('application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'application/vnd.api+json', undefined).map((ct) => ({ ct, expected: 'served' as Expectation })),
      fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/html', 'application/xml').map((ct) => ({ ct, expected: 'refused' as Expectation })),
      fc.string({ maxLength: 40 }).filter(isHeaderValue).map((ct) => ({ ct, expected: 'either' as Expectation })),
    );
    await run(fc.asyncProperty(contentType, async ({ ct, expected }) => {
      const headers: Record<string, string> = ct === undefined ? { authorization: AUTH } : { authorization: AUTH, 'content-type': ct };
      checkAnswer(await target.send({ headers, body: BODY }), expected);
    }), 300);
  });

  it('answers duplicate content types and credentials without failing', async () => {
    const pair = fc.tuple(fc.constantFrom('content-type', 'authorization', 'content-length', 'host'), fc.array(fc.string({ maxLength: 30 }).filter(isHeaderValue), { minLength: 2, maxLength: 3 }));
    await run(fc.asyncProperty(pair, async ([name, values]) => {
      const headers = ['authorization', AUTH, 'content-type', 'application/json', ...values.flatMap((v) => [name, v])];
      checkAnswer(await sendOrRefused(() => target.send({ headers, body: BODY })), 'either');
    }), 200);
  });

  it('refuses missing or wrong credentials with 401', async () => {
    const authorization = fc.oneof(fc.constant(undefined), fc.string({ maxLength: 60 }).filter(isHeaderValue), fc.string({ maxLength: 40 }).filter(isHeaderValue).map((k) => `Bearer ${k}`));
    await run(fc.asyncProperty(authorization, async (auth) => {
      fc.pre(auth === undefined || auth.trim() !== AUTH);
      const headers: Record<string, string> = auth === undefined ? { 'content-type': 'application/json' } : { 'content-type': 'application/json', authorization: auth };
      const answer = await target.send({ headers, body: BODY });
      checkAnswer(answer, 'refused');
      expect(answer.status).toBe(401);
    }), 200);
  });

  it('answers 431 to headers beyond what Node accepts, and serves the rest', async () => {
    await run(fc.asyncProperty(fc.integer({ min: 1, max: 64 * 1024 }), async (length) => {
      const answer = await sendOrRefused(() => target.send({ headers: { authorization: AUTH, 'content-type': 'application/json', 'x-junk': 'j'.repeat(length) }, body: BODY }));
      // Node's 16 KiB limit counts every header together: within the last KiB under it, the other
      // headers decide, and either answer is right as long as it is the right one
      const limit = 16 * 1024;
      const refused = length > limit || (length > limit - 1024 && answer.status === 431);
      checkAnswer(answer, refused ? 'refused' : 'served');
      if (refused) expect(answer.status).toBe(431);
    }), 60);
  });

  it('serves requests whatever x-request-id they carry', async () => {
    await run(fc.asyncProperty(fc.string({ maxLength: 300 }).filter(isHeaderValue), async (id) => {
      checkAnswer(await target.send({ headers: { authorization: AUTH, 'content-type': 'application/json', 'x-request-id': id }, body: BODY }), 'served');
    }), 200);
  });
});

describe('framing', () => {
  const contentLength = fc.oneof(
    fc.constant('exact'),
    fc.constant(undefined),
    fc.nat({ max: 2 * BODY.length }).map(String),
    fc.constantFrom('-1', 'abc', '1e3', '0x10', ' 75', '+75', '99999999999999999999', '', '75, 75', '75,76', '7 5'),
  );
  const transferEncoding = fc.oneof(
    fc.constant(undefined),
    fc.constantFrom('chunked', 'Chunked', 'chunked, chunked', 'gzip', 'gzip, chunked', 'identity', 'xchunked', 'chunked ', ' chunked', 'chunked;q=1', ''),
  );
  it('answers every content-length and transfer-encoding with a response, 4xx in the envelope unless it is well framed', async () => {
    await run(fc.asyncProperty(contentLength, transferEncoding, fc.boolean(), async (cl, te, chunkedBody) => {
      const payload = chunkedBody ? `${BODY.length.toString(16)}\r\n${BODY}\r\n0\r\n\r\n` : BODY;
      const head = [
        'POST /v1/chat/completions HTTP/1.1',
        'Host: 127.0.0.1',
        `Authorization: ${AUTH}`,
        'Content-Type: application/json',
        ...(cl === undefined ? [] : [`Content-Length: ${cl === 'exact' ? payload.length : cl}`]),
        ...(te === undefined ? [] : [`Transfer-Encoding: ${te}`]),
        'Connection: close',
      ].join('\r\n');
      // A client that declares more than it sends has to say it is done (half-close) or wait for
      // requestTimeoutMs; one that sent a whole request waits for the answer (Node drops requests
      // whose client half-closes, as a client abort).
      const short = cl !== undefined && cl !== 'exact' && /^\s*\d+\s*$/.test(cl) && Number(cl) > payload.length && te === undefined;
      const answer = await rawExchange(target.proxy.port, [`${head}\r\n\r\n${payload}`], { halfClose: short });
      expect(answer.status, answer.raw.slice(0, 300)).toBeGreaterThan(0);
      checkAnswer({ status: answer.status, headers: {}, text: answer.body }, 'either');
    }), 500);
  });
});

describe('paths and methods', () => {
  const routes = new Map([['GET /v1/models', 200], ['GET /healthz', 200], ['GET /readyz', 200], ['GET /metrics', 200], ['POST /v1/chat/completions', 200]]);
  const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'HEAD', 'PROPFIND', 'SEARCH', 'PURGE', 'BREW');
  const path = fc.oneof(
    fc.constantFrom('/v1/models', '/healthz', '/readyz', '/metrics', '/v1/chat/completions', '/v1/chat/completions?x=1', '//v1/models', '/v1/models/', '/V1/MODELS', '/v1/chat/completions%00', '/v1/embeddings', '/', '*'),
    fc.webPath({ size: 'small' }).map((p) => p || '/'),
    fc.string({ maxLength: 30 }).map((s) => `/${encodeURIComponent(s)}`),
  );
  it('answers known routes and refuses everything else with 404, 405 or 400', async () => {
    await run(fc.asyncProperty(method, path, async (m, p) => {
      const known = routes.get(`${m} ${p.split('?')[0]}`);
      const body = m === 'POST' ? BODY : undefined;
      const answer = await sendOrRefused(() => target.send({ method: m, path: p, body, headers: { authorization: AUTH, 'content-type': 'application/json' } }));
      if (known) expect(answer.status).toBe(known);
      else if (m === 'HEAD') expect(answer.status).toBeGreaterThanOrEqual(400);
      else expectEnvelope(answer);
    }), 600);
  });
});

describe('the proxy after all of it', () => {
  it('logged no handler failure and no 5xx', () => {
    expect(target.serverErrors).toEqual([]);
  });
});

function isHeaderValue(value: string): boolean {
  return /^[\t\x20-\x7e]*$/.test(value) && value.trim() === value;
}

/**
 * undici refuses to send some requests (e.g. conflicting content-length values) before they reach
 * the proxy; those count as refused, with an envelope made up here so the oracle can read them.
 */
async function sendOrRefused(send: () => Promise<Answer>): Promise<Answer> {
  try {
    return await send();
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (!code.startsWith('UND_ERR_INVALID_ARG') && !code.startsWith('UND_ERR_REQ_CONTENT_LENGTH_MISMATCH')) throw error;
    return { status: 400, headers: {}, text: JSON.stringify({ error: { message: `client refused: ${code}`, type: 'client', param: null, code: null } }) };
  }
}
