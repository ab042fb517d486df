// Upstream keys (and the inbound key) never leave the proxy: mixed traffic against backends that
// echo the credential they were sent in every place a backend can put it, then every log line,
// response status line, header and body, /metrics, /v1/models, /readyz and the --print-config
// dump are scanned for the secrets.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../config/load.ts';
import { startProxy, type RunningProxy } from '../../index.ts';
import { completion, json, sseHead, textStream } from '../helpers/replies.ts';
import { startUpstream, type FakeUpstream, type Reply } from '../helpers/upstream.ts';

const LITERAL_KEY = 'sk-literal-upstream-5f1e2d3c4b5a69788';
const ENV_KEY = 'sk-env-upstream-9a8b7c6d5e4f3a2b1';
const INBOUND_KEY = 'dropin-inbound-key-0f9e8d7c6b5a';
const ENV = { DROPIN_TEST_UPSTREAM_KEY: ENV_KEY, DROPIN_TEST_INBOUND_KEY: INBOUND_KEY };
const SECRETS = [LITERAL_KEY, ENV_KEY, INBOUND_KEY];

const errorEvent = (message: string) => JSON.stringify({ error: { message, type: 'server_error', param: null, code: null } });

/** One upstream; what it does depends on the model name, and it echoes the credential it got. */
const echoing: Reply = (req, res) => {
  const credential = String(req.headers.authorization);
  const say = `Incorrect API key provided: ${credential}`;
  switch (req.body.model) {
    case 'm-down':
      return json({ error: { message: `overloaded (${credential})`, type: 'server_error' } }, 503)(req, res);
    case 'm-401':
      return json({ error: { message: say, type: 'invalid_request_error', code: 'invalid_api_key' } }, 401)(req, res);
    case 'm-400':
      return json({ error: { message: `bad request with ${credential}`, type: 'invalid_request_error' } }, 400)(req, res);
    case 'm-429':
      return json({ error: { message: `rate limited for ${credential}` } }, 429, { 'retry-after': '1' })(req, res);
    case 'm-stream-err-first':
      sseHead(res);
      return void res.end(`data: ${errorEvent(say)}\n\n`);
    case 'm-stream-err-later':
      sseHead(res);
      res.write(`data: ${textStream(['Hi'])[0]}\n\n`);
      return void setTimeout(() => res.end(`data: ${errorEvent(say)}\n\n`), 20);
    default:
      if (!req.body.stream) return json(completion(req.body.response_format ? 'not json at all' : 'hello'))(req, res);
      sseHead(res);
      return void res.end(textStream(['hel', 'lo']).map((p) => `data: ${p}\n\n`).join(''));
  }
};

function rawConfig(baseUrl: string) {
  // profile openai: the raw pass-through path, where secrets in upstream bytes are scrubbed without a parse
  const backend = (name: string, models: string[], apiKey: string, extra: object = {}) => ({ name, baseUrl, models, apiKey, profile: 'openai', ...extra });
  return {
    listen: { host: '127.0.0.1', port: 0 },
    backends: [
      backend('ok', ['m-ok'], LITERAL_KEY),
      backend('down', ['m-down'], 'env:DROPIN_TEST_UPSTREAM_KEY'),
      backend('rejecting', ['m-401'], 'env:DROPIN_TEST_UPSTREAM_KEY'),
      backend('picky', ['m-400'], LITERAL_KEY),
      backend('limited', ['m-429'], 'env:DROPIN_TEST_UPSTREAM_KEY'),
      backend('err-first', ['m-stream-err-first'], LITERAL_KEY),
      backend('err-later', ['m-stream-err-later'], 'env:DROPIN_TEST_UPSTREAM_KEY'),
      backend('err-later-ollama', ['m-stream-err-later'], LITERAL_KEY, { profile: 'ollama' }),
    ],
    aliases: {
      failover: [{ backend: 'down', model: 'm-down' }, { backend: 'ok', model: 'm-ok' }],
      'err-first': [{ backend: 'err-first', model: 'm-stream-err-first' }, { backend: 'ok', model: 'm-ok' }],
      'err-first-alone': [{ backend: 'err-first', model: 'm-stream-err-first' }],
      'err-later': [{ backend: 'err-later', model: 'm-stream-err-later' }],
      'err-later-ollama': [{ backend: 'err-later-ollama', model: 'm-stream-err-later' }],
    },
    retry: { attempts: 2, backoffMs: { initial: 1, max: 10 } },
    auth: { keys: [{ name: 'team', key: 'env:DROPIN_TEST_INBOUND_KEY' }] },
  };
}

/** Everything the client saw: status line, headers, body. */
async function seen(res: Response): Promise<string> {
  return `${res.status} ${JSON.stringify([...res.headers])}\n${await res.text()}`;
}

describe('secrets never leave the proxy', () => {
  let upstream: FakeUpstream;
  let proxy: RunningProxy;
  const logs: string[] = [];
  const outputs: string[] = [];
  const chat = async (body: object) =>
    outputs.push(
      await seen(
        await fetch(`${proxy.url}/v1/chat/completions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${INBOUND_KEY}` },
          body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }], ...body }),
        }),
      ),
    );

  beforeAll(async () => {
    upstream = await startUpstream(echoing);
    proxy = await startProxy(parseConfig(rawConfig(upstream.baseUrl), ENV), { log: (line) => logs.push(line) });
    for (const stream of [false, true]) {
      for (const model of ['m-ok', 'failover', 'm-401', 'm-400', 'm-429']) await chat({ model, stream });
    }
    await chat({ model: 'm-ok', response_format: { type: 'json_object' } });
    for (const model of ['err-first', 'err-first-alone', 'err-later', 'err-later-ollama']) await chat({ model, stream: true });
    await chat({ model: 'm-ok', stream: true, stream_options: 'not an object' });
    outputs.push(await seen(await fetch(`${proxy.url}/v1/chat/completions`, { method: 'POST', headers: { authorization: 'Bearer wrong' }, body: '{}' })));
    for (const path of ['/metrics', '/v1/models', '/readyz', '/healthz']) {
      outputs.push(await seen(await fetch(`${proxy.url}${path}`, { headers: { authorization: `Bearer ${INBOUND_KEY}` } })));
    }
  });
  afterAll(async () => {
    await proxy.close();
    await upstream.close();
  });

  it('sent each backend its own key, and exercised every path it meant to', () => {
    const keys = new Set(upstream.requests.map((r) => r.headers.authorization));
    expect(keys).toEqual(new Set([`Bearer ${LITERAL_KEY}`, `Bearer ${ENV_KEY}`]));
    const statuses = outputs.map((o) => Number(o.slice(0, 3)));
    expect(statuses).toEqual(expect.arrayContaining([200, 400, 401, 429, 502]));
    expect(outputs.join('\n')).toMatch(/output_validation_failed/);
    expect(outputs.join('\n')).toMatch(/upstream_auth_failed/);
    expect(outputs.filter((o) => o.includes('text/event-stream') && !o.includes('[DONE]')).length).toBeGreaterThanOrEqual(2);
    expect(logs.length).toBe(outputs.length);
  });

  it('shows no secret in any response, log line or metric', () => {
    const leaks = [...outputs, ...logs].filter((text) => SECRETS.some((s) => text.includes(s)));
    expect(leaks).toEqual([]);
  });

  it('shows no secret in the --print-config dump', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dropin-secrets-'));
    try {
      const file = join(dir, 'proxy.json');
      await writeFile(file, JSON.stringify(rawConfig('http://127.0.0.1:9/v1')));
      const bin = join(import.meta.dirname, '../../../bin/dropin.js');
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, 'proxy', '--config', file, '--print-config'], {
        env: { ...process.env, ...ENV },
      });
      const dumped = JSON.parse(stdout);
      expect(dumped.backends.map((b: { apiKey: string }) => b.apiKey)).toEqual(Array(8).fill('***'));
      expect(dumped.auth.keys[0].key).toBe('***');
      for (const secret of SECRETS) expect(stdout + stderr).not.toContain(secret);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
