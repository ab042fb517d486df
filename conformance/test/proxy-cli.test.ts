// `dropin proxy` as a user runs it: one command in front of a local Ollama (here the emulator
// with Ollama's profile), and a config file with a mistake.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../fixtures/emulator/index.ts';

const BIN = new URL('../../bin/dropin.js', import.meta.url).pathname;
const cleanup: Array<() => unknown> = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

function start(args: string[]) {
  const child = spawn(process.execPath, [BIN, 'proxy', ...args], { env: { ...process.env, CI: 'true' } });
  cleanup.push(() => child.exitCode === null && child.kill('SIGTERM'));
  let stderr = '';
  const url = new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (d) => {
      stderr += d;
      const m = /listening on (\S+)/.exec(stderr);
      if (m) resolve(m[1]);
    });
    child.on('close', (code) => reject(Object.assign(new Error(`exited ${code}: ${stderr}`), { code, stderr })));
  });
  return { child, url };
}

describe('dropin proxy', () => {
  it('--ollama proxies a local Ollama in one command, with all its models', async () => {
    const ollama = await startEmulator({ profile: 'ollama' });
    cleanup.push(() => ollama.close());
    const { url } = start(['--ollama', ollama.url, '--port', '0']);
    const client = new OpenAI({ baseURL: `${await url}/v1`, apiKey: 'unused', maxRetries: 0 });
    const models = await client.models.list();
    expect(models.data.map((m) => m.id)).toContain('dropin-emulator-1');
    const chat = await client.chat.completions.create({ model: 'dropin-emulator-1', messages: [{ role: 'user', content: 'hi' }], n: 2 });
    expect(chat.choices).toHaveLength(2);
    expect(chat.choices[0].message.refusal).toBeNull();
  });

  it('exits 2 naming the path when the config is wrong', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dropin-proxy-'));
    writeFileSync(join(dir, 'p.yaml'), 'backends:\n  - name: a\n    baseUrl: not-a-url\n    models: [m]\n');
    const err = await start(['--config', join(dir, 'p.yaml')]).url.catch((e) => e);
    expect(err.code).toBe(2);
    expect(err.stderr).toMatch(/backends\[0\]\.baseUrl/);
  });

  it('exits 2 when Ollama cannot be reached', async () => {
    const err = await start(['--ollama', 'http://127.0.0.1:9/v1']).url.catch((e) => e);
    expect(err.code).toBe(2);
    expect(err.stderr).toMatch(/ollama serve/);
  });
});

describe('dropin proxy --port / --host', () => {
  it('override the listen address of a config file', async () => {
    const config = new URL('../../reference-proxy/examples/emulator.yaml', import.meta.url).pathname;
    const printed = await new Promise<string>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'proxy', '--config', config, '--port', '18999', '--host', '0.0.0.0', '--print-config']);
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.on('close', () => resolve(out));
    });
    expect(JSON.parse(printed).listen).toMatchObject({ host: '0.0.0.0', port: 18999 });
    // the file says 18400: a free port instead proves the flag reached the server
    const { url } = start(['--config', config, '--port', '0', '--host', '127.0.0.1']);
    const listening = new URL(await url);
    expect(listening.port).not.toBe('18400');
    const models = await fetch(`${listening.origin}/v1/models`).then((r) => r.json());
    expect(models.data.map((m: { id: string }) => m.id)).toContain('fast');
  });

  it('refuses a port that is not one', async () => {
    const err = await start(['--ollama', '--port', 'http']).url.catch((e) => e);
    expect(err.code).toBe(2);
    expect(err.stderr).toMatch(/--port must be 0\.\.65535 \(got "http"\)/);
  });
});
