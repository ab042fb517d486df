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
