// Certification under Bun: `dropin proxy` started by Bun (its Bun.serve front and fetch to the
// upstreams) in front of the emulator, and `dropin certify --base-url` run against it as a user
// would, through the three kinds of path: the raw pass-through (`profile: openai`), the generic
// repairs of a server the proxy cannot identify, and an identified Ollama (request fixes and
// repaired streams). Every MUST and SHOULD check must pass.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../fixtures/emulator/index.ts';
import { startProxyProcess, type ProxyProcess } from '../helpers/proxy-process.ts';

const BIN = new URL('../../../bin/dropin.js', import.meta.url).pathname;
const MODEL = 'dropin-emulator-1';
const BACKENDS = [
  { name: 'openai', emulator: 'spec', profile: 'openai' },
  { name: 'generic', emulator: 'spec' },
  { name: 'ollama', emulator: 'ollama' },
] as const;

let emulators: RunningEmulator[] = [];
let proxy: ProxyProcess;
const out = mkdtempSync(join(tmpdir(), 'dropin-certify-bun-'));

beforeAll(async () => {
  emulators = await Promise.all(BACKENDS.map((b) => startEmulator({ profile: b.emulator })));
  proxy = await startProxyProcess(
    {
      listen: { host: '127.0.0.1', port: 0 },
      backends: BACKENDS.map((b, i) => ({ name: b.name, baseUrl: emulators[i].url, models: [MODEL], ...('profile' in b ? { profile: b.profile } : {}) })),
      aliases: Object.fromEntries(BACKENDS.map((b) => [`via-${b.name}`, [{ backend: b.name, model: MODEL }]])),
    },
    {},
    'bun',
  );
});

afterAll(async () => {
  await proxy?.stop();
  await Promise.all(emulators.map((e) => e.close()));
  rmSync(out, { recursive: true, force: true });
});

describe('dropin certify against the proxy run by Bun', () => {
  it('passes every MUST and SHOULD check on the raw, generic and Ollama paths', async () => {
    const ready = (await (await fetch(`${proxy.url}/readyz`)).json()) as { backends: Array<{ name: string; profile: string }> };
    expect(Object.fromEntries(ready.backends.map((b) => [b.name, b.profile]))).toEqual({ openai: 'openai', generic: 'generic', ollama: 'ollama' });
    const models = BACKENDS.flatMap((b) => ['--model', `via-${b.name}`]);
    const run = await promisify(execFile)(process.execPath, [BIN, 'certify', '--base-url', `${proxy.url}/v1`, ...models, '--repeat', '2', '--out', out], {
      env: { ...process.env, CI: '1' },
      maxBuffer: 32 * 2 ** 20,
    }).catch((error: { code?: number; stdout?: string; stderr?: string }) => error);
    expect('code' in run ? run.code : 0, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stdout).toContain('certified: every MUST and SHOULD check passes through the proxy');
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as {
      targets: Array<{ name: string; checks: Array<{ id: string; level: string; status: string; message?: string }> }>;
    };
    expect(results.targets.map((t) => t.name)).toEqual(BACKENDS.map((b) => `proxy→via-${b.name}`));
    for (const t of results.targets) {
      const bad = t.checks.filter((c) => c.status === 'error' || (c.status === 'fail' && c.level !== 'MAY'));
      expect(bad.map((c) => `${t.name} ${c.id}: ${c.message}`)).toEqual([]);
      expect(t.checks.filter((c) => c.status === 'pass').length).toBeGreaterThan(150);
    }
    // the requests were served by the Bun process, each with its log line
    expect(proxy.stdout.filter((l) => l.includes('"msg":"request"')).length).toBeGreaterThan(100);
  });
});
