import { describe, expect, it } from 'vitest';
import { redactRun } from './redact.ts';
import { SAMPLE_API_KEY, SAMPLE_GATEWAY_TOKEN, SAMPLE_SECRETS, sampleRun } from './sample-run.ts';

describe('redactRun', () => {
  it('masks credential headers, keeping the auth scheme', () => {
    const run = redactRun(sampleRun(), []);
    const [emulator, , gateway] = run.targets;
    expect(emulator.exchanges[0].request.headers.authorization).toBe('Bearer ***');
    expect(gateway.exchanges[0].request.headers['x-api-key']).toBe('***');
    expect(emulator.exchanges[0].request.headers['content-type']).toBe('application/json');
  });

  it('masks every credential header name, whatever its case', () => {
    const run = sampleRun();
    run.targets[0].exchanges[0].request.headers = {
      Authorization: 'Basic dXNlcjpwYXNz', 'Proxy-Authorization': 'opaque', 'API-Key': 'a', Cookie: 'session=1',
    };
    expect(redactRun(run, []).targets[0].exchanges[0].request.headers).toEqual({
      Authorization: 'Basic ***', 'Proxy-Authorization': '***', 'API-Key': '***', Cookie: '***',
    });
  });

  it('replaces secret strings everywhere: URLs, bodies, messages', () => {
    const run = sampleRun();
    run.targets[1].checks[0].received = `echoed ${SAMPLE_API_KEY} back`;
    run.targets[1].exchanges[0].bodyText = JSON.stringify({ note: `key=${SAMPLE_API_KEY}` });
    const text = JSON.stringify(redactRun(run, SAMPLE_SECRETS));
    for (const s of SAMPLE_SECRETS) expect(text).not.toContain(s);
    expect(text).toContain('echoed *** back');
    expect(text).toContain('/chat/completions?key=***');
  });

  it('catches secrets in their JSON-escaped and URL-encoded forms', () => {
    const secret = 'pa"ss/wo rd';
    const run = sampleRun();
    run.targets[0].exchanges[0].request.url = `http://127.0.0.1:1/v1/models?k=${encodeURIComponent(secret)}`;
    run.targets[0].exchanges[0].bodyText = JSON.stringify({ k: secret });
    const out = redactRun(run, [secret]).targets[0].exchanges[0];
    expect(out.request.url).toBe('http://127.0.0.1:1/v1/models?k=***');
    expect(out.bodyText).toBe('{"k":"***"}');
  });

  it('ignores secrets shorter than 4 characters and leaves the input untouched', () => {
    const run = sampleRun();
    const before = JSON.stringify(run);
    const out = redactRun(run, ['v1', SAMPLE_GATEWAY_TOKEN]);
    expect(JSON.stringify(run)).toBe(before);
    expect(out.targets[0].baseUrl).toBe('http://127.0.0.1:4010/v1');
    expect(out).not.toBe(run);
  });
});
