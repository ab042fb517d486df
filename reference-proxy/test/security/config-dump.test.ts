// Config dumps and config errors never show a secret: `dropin proxy --print-config` masks every
// backend and inbound key (literal or env:), and a config rejected at start-up names the paths
// of its problems without echoing the keys written next to them.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SECRETS = {
  backendLiteral: 'sk-dump-literal-3e4f5a6b7c8d9e0f',
  backendEnv: 'sk-dump-env-a1b2c3d4e5f6a7b8',
  inboundLiteral: 'inbound-dump-literal-11223344',
  inboundEnv: 'inbound-dump-env-55667788',
};
const ENV = { DUMP_BACKEND_KEY: SECRETS.backendEnv, DUMP_INBOUND_KEY: SECRETS.inboundEnv };

const GOOD_YAML = `
backends:
  - { name: cloud, baseUrl: "https://api.example.com/v1", models: [gpt-x], apiKey: ${SECRETS.backendLiteral} }
  - { name: cloud2, baseUrl: "https://api2.example.com/v1", models: [gpt-y], apiKey: "env:DUMP_BACKEND_KEY" }
  - { name: local, baseUrl: "http://127.0.0.1:11434/v1", models: [llama] }
auth:
  keys:
    - { name: team, key: ${SECRETS.inboundLiteral}, models: [gpt-x] }
    - { name: ci, key: "env:DUMP_INBOUND_KEY" }
`;

const BAD_YAML = `
backends:
  - { name: cloud, baseUrl: "https://api.example.com/v2", models: [gpt-x], apiKey: ${SECRETS.backendLiteral} }
  - { name: cloud2, baseUrl: "https://api2.example.com/v1", models: [], apikey: ${SECRETS.backendEnv} }
auth:
  keys:
    - { name: team, key: ${SECRETS.inboundLiteral}, models: "gpt-x" }
    - { name: ci, key: "env:DUMP_INBOUND_KEY", rateLimit: { requestsPerMinute: -1 } }
    - { name: ops, kye: ${SECRETS.inboundEnv} }
`;

let dir: string;
const bin = join(import.meta.dirname, '../../../bin/dropin.js');

async function printConfig(yaml: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const file = join(dir, `proxy-${Math.random().toString(36).slice(2)}.yaml`);
  await writeFile(file, yaml);
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, 'proxy', '--config', file, '--print-config'], { env: { ...process.env, ...ENV } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dropin-dump-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('config dumps', () => {
  it('--print-config masks every backend and inbound key and keeps the rest', async () => {
    const { code, stdout, stderr } = await printConfig(GOOD_YAML);
    expect(code).toBe(0);
    const dumped = JSON.parse(stdout);
    expect(dumped.backends.map((b: { apiKey?: string }) => b.apiKey)).toEqual(['***', '***', undefined]);
    expect(dumped.auth.keys.map((k: { key: string }) => k.key)).toEqual(['***', '***']);
    expect(dumped.backends[0]).toMatchObject({ name: 'cloud', baseUrl: 'https://api.example.com/v1', models: ['gpt-x'] });
    expect(dumped.auth.keys[0]).toMatchObject({ name: 'team', models: ['gpt-x'] });
    // no profile lines: each backend shows what it was identified as (here, whatever answers)
    for (const b of dumped.backends) expect(b).toMatchObject({ profile: 'auto', detected: { profile: expect.any(String), source: expect.any(String) } });
    for (const secret of Object.values(SECRETS)) expect(stdout + stderr).not.toContain(secret);
  });

  it('a rejected config names the problems without echoing the keys beside them', async () => {
    const { code, stdout, stderr } = await printConfig(BAD_YAML);
    expect(code).toBe(2);
    expect(stderr).toMatch(/backends\[0\]\.baseUrl/);
    expect(stderr).toMatch(/backends\[1\]\.apikey: unknown key; did you mean "apiKey"/);
    expect(stderr).toMatch(/auth\.keys\[0\]\.models/);
    expect(stderr).toMatch(/auth\.keys\[2\]\.kye/);
    for (const secret of Object.values(SECRETS)) expect(stdout + stderr).not.toContain(secret);
  });
});
