// Listening with TLS, with a self-signed certificate made for this test.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { completion, json } from './helpers/replies.ts';
import { chatBody, startTestProxy } from './helpers/proxy.ts';
import { startUpstream } from './helpers/upstream.ts';

const dir = mkdtempSync(join(tmpdir(), 'dropin-tls-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('TLS', () => {
  it('serves https with the configured certificate', async () => {
    const keyFile = join(dir, 'key.pem');
    const certFile = join(dir, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-days', '1', '-keyout', keyFile, '-out', certFile], { stdio: 'ignore' });
    const up = await startUpstream(json(completion('over tls')));
    const proxy = await startTestProxy([{ name: 'a', baseUrl: up.baseUrl }], { listen: { host: '127.0.0.1', port: 0, tls: { certFile, keyFile } } });
    const agent = new Agent({ connect: { ca: readFileSync(certFile), servername: 'localhost' } });
    try {
      expect(proxy.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const res = await request(`${proxy.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(chatBody()),
        dispatcher: agent,
      });
      expect(res.statusCode).toBe(200);
      expect(((await res.body.json()) as any).choices[0].message.content).toBe('over tls');
    } finally {
      await agent.close();
      await proxy.close();
      await up.close();
    }
  });
});
