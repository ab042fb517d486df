// `dropin certify` on your own proxy, as a user runs it: --config FILE starts the proxy from your
// config for the run, --base-url URL tests a running one; reports go under ./dropin-report/certify.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../fixtures/emulator/index.ts';
import { parseConfig } from '../../reference-proxy/config/load.ts';
import { startProxy, type RunningProxy } from '../../reference-proxy/index.ts';

const BIN = new URL('../../bin/dropin.js', import.meta.url).pathname;

function certify(args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'certify', '--repeat', '1', ...args], { cwd, env: { ...process.env, CI: 'true', OPENAI_API_KEY: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let spec: RunningEmulator;
let legacy: RunningEmulator;
let proxy: RunningProxy;
beforeAll(async () => {
  [spec, legacy] = await Promise.all([startEmulator(), startEmulator({ profile: 'ollama-legacy' })]);
  proxy = await startProxy(
    parseConfig({ listen: { host: '127.0.0.1', port: 0 }, backends: [{ name: 'spec', baseUrl: spec.url, profile: 'openai', models: ['dropin-emulator-1'] }] }),
    { log: () => {} },
  );
});
afterAll(async () => {
  await proxy.close();
  await Promise.all([spec.close(), legacy.close()]);
});

const dir = () => mkdtempSync(join(tmpdir(), 'dropin-certify-'));

describe.concurrent('dropin certify on your own proxy', () => {
  it('--config FILE: starts your proxy for the run, in front of the backends it names, with its inbound key', async () => {
    const cwd = dir();
    writeFileSync(
      join(cwd, 'proxy.yaml'),
      [
        'listen: { host: 127.0.0.1, port: 1 }',
        'backends:',
        `  - { name: local, baseUrl: "${legacy.url}", profile: ollama-legacy, models: [dropin-emulator-1] }`,
        'aliases:',
        '  fast: [{ backend: local, model: dropin-emulator-1 }]',
        'auth:',
        '  keys:',
        '    - { name: app, key: env:APP_KEY }',
      ].join('\n'),
    );
    const r = await certify(['--config', 'proxy.yaml'], cwd, { APP_KEY: 'sk-app-key-0123456789' });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/certified: every MUST and SHOULD check passes through the proxy/);
    const results = JSON.parse(readFileSync(join(cwd, 'dropin-report', 'certify', 'results.json'), 'utf8'));
    expect(results.targets.map((t: { name: string }) => t.name)).toEqual(['proxy→dropin-emulator-1', 'proxy→fast']);
    expect(JSON.stringify(results)).not.toContain('sk-app-key-0123456789');
  });

  it('--base-url URL: a running proxy; the emulated legacy Ollama straight, without a proxy, is not certified', async () => {
    const cwd = dir();
    const ok = await certify(['--base-url', `${proxy.url}/v1`], cwd);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(existsSync(join(cwd, 'dropin-report', 'certify', 'report.html'))).toBe(true);
    const raw = await certify(['--base-url', legacy.url, '--model', 'dropin-emulator-1', '--out', 'legacy'], cwd);
    expect(raw.code).toBe(1);
    expect(raw.stdout).toMatch(/FAIL MUST streaming\.role-once[\s\S]*NOT certified\n$/);
  });

  it('usage errors: --config and --base-url together, a model the config does not serve', async () => {
    const cwd = dir();
    const both = await certify(['--config', 'x.yaml', '--base-url', proxy.url], cwd);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/either --config FILE .* or --base-url URL/);
    writeFileSync(join(cwd, 'p.yaml'), `backends:\n  - { name: a, baseUrl: "${spec.url}", models: [m1] }\n`);
    const unknown = await certify(['--config', 'p.yaml', '--model', 'm2'], cwd);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--model m2: p\.yaml serves no such model; it serves m1/);
    expect(existsSync(join(cwd, 'dropin-report'))).toBe(false);
  });
});
