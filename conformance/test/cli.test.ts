// The whole CLI end to end: the real `dropin` binary as a user runs it, against the embedded
// emulator and against an emulator served over loopback by `dropin emulate`.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = new URL('../../bin/dropin.js', import.meta.url).pathname;
const children: Array<ReturnType<typeof spawn>> = [];

interface Result { code: number | null; stdout: string; stderr: string }

function dropin(args: string[], env: Record<string, string> = {}): Promise<Result> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, CI: 'true', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const tmp = () => mkdtempSync(join(tmpdir(), 'dropin-cli-'));

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
});

describe('dropin run --emulator', () => {
  it('passes every check and writes the four reports', async () => {
    const out = tmp();
    const started = performance.now();
    const r = await dropin(['run', '--emulator', '--out', out]);
    console.log(`full run against the emulator, CLI start to exit: ${Math.round(performance.now() - started)} ms`);
    expect(r.stderr).toMatch(/dropin: emulator: done in/);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    for (const f of ['results.json', 'junit.xml', 'report.md', 'report.html']) expect(existsSync(join(out, f)), f).toBe(true);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(results.formatVersion).toBe(1);
    const statuses = new Set(results.targets[0].checks.map((c: { status: string }) => c.status));
    expect(statuses.has('fail')).toBe(false);
    expect(statuses.has('error')).toBe(false);
    expect(results.targets[0].usage.total_tokens).toBeGreaterThan(0);
    expect(r.stdout).toMatch(/result: conformant/);
  });

  it('exits 1 and names the capability and check when a deviation is switched on', async () => {
    const out = tmp();
    const r = await dropin(['run', '--emulator', '--quirk', 'role-every-chunk', '--only', 'streaming', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/FAIL MUST streaming\.role-once/);
    expect(r.stdout).toMatch(/target\s+streaming\nemulator\s+FAIL/);
  });
});

describe('dropin run --base-url against `dropin emulate`', () => {
  it('tests a served endpoint and keeps the API key out of every output', async () => {
    const server = spawn(process.execPath, [BIN, 'emulate', '--port', '0'], { env: process.env });
    children.push(server);
    const url = await new Promise<string>((resolve, reject) => {
      server.stdout.on('data', (d) => {
        const m = /listening on (\S+)/.exec(String(d));
        if (m) resolve(m[1]);
      });
      server.on('close', () => reject(new Error('emulator exited')));
    });
    const out = tmp();
    const secret = 'sk-dropin-test-secret-0123456789';
    const r = await dropin(['run', '--base-url', url, '--model', 'dropin-emulator-1', '--only', 'models,chat', '--out', out], {
      OPENAI_API_KEY: secret,
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    for (const f of ['results.json', 'junit.xml', 'report.md', 'report.html']) {
      expect(readFileSync(join(out, f), 'utf8')).not.toContain(secret);
    }
    expect(r.stdout + r.stderr).not.toContain(secret);
    server.kill('SIGTERM');
  });
});

describe('usage errors exit 2 with a message saying what to change', () => {
  it.each([
    [['run'], /no target given/],
    [['run', '--base-url', 'http://127.0.0.1:9/v1'], /--model is required/],
    [['run', '--emulator', '--only', 'chat,telepathy'], /unknown: telepathy/],
    [['run', '--emulator', '--repeat', 'zero'], /--repeat must be an integer/],
    [['run', '--emulator', '--fail-on', 'sometimes'], /--fail-on/],
    [['frobnicate'], /unknown command/],
  ])('%j', async (args, message) => {
    const r = await dropin(args as string[], { OPENAI_BASE_URL: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('reports every problem of a config file with its path', async () => {
    const dir = tmp();
    const file = join(dir, 'targets.yaml');
    writeFileSync(file, 'targets:\n  - name: a\n    kind: url\n    baseUrl: ftp://x\n    colour: blue\nrepeat: 0\n');
    const r = await dropin(['run', '--config', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/targets\.0\.baseUrl/);
    expect(r.stderr).toMatch(/"colour"/);
    expect(r.stderr).toMatch(/repeat/);
  });

  it('--help documents the exit codes', async () => {
    const r = await dropin(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Exit codes: 0/);
  });
});

describe('a config file with several targets gives a matrix', () => {
  it('runs the emulator and its Ollama profile side by side', async () => {
    const dir = tmp();
    const file = join(dir, 'targets.yaml');
    writeFileSync(file, 'repeat: 2\nonly: [chat, streaming]\ntargets:\n  - name: spec\n    kind: emulator\n  - name: legacy\n    kind: emulator\n    profile: ollama-legacy\n');
    const r = await dropin(['run', '--config', file, '--out', join(dir, 'out')]);
    expect(r.code).toBe(1);
    const md = readFileSync(join(dir, 'out', 'report.md'), 'utf8');
    expect(md).toMatch(/spec/);
    expect(md).toMatch(/legacy/);
    const results = JSON.parse(readFileSync(join(dir, 'out', 'results.json'), 'utf8'));
    expect(results.targets.map((t: { name: string }) => t.name)).toEqual(['spec', 'legacy']);
    expect(results.targets[0].capabilities.streaming.status).toBe('pass');
    expect(results.targets[1].capabilities.streaming.status).toBe('fail');
    const behaviour = results.targets[0].checks.find((c: { repeat?: unknown }) => c.repeat);
    expect(behaviour.repeat.runs).toBe(2);
  });
});

describe('--baseline', () => {
  it('keeps CI green on known failures and fails on a stale entry', async () => {
    const dir = tmp();
    // created per chunk (F35) is only a warning now: role on every chunk (F01) is the failure
    const known = 'emulator-ollama-legacy:\n  - streaming.role-once\n';
    writeFileSync(join(dir, 'ok.yaml'), known);
    const green = await dropin(['run', '--emulator', 'ollama-legacy', '--only', 'streaming', '--baseline', join(dir, 'ok.yaml'), '--out', join(dir, 'a')]);
    expect(green.code, green.stdout).toBe(0);
    expect(green.stdout).toMatch(/failures expected by the baseline/);
    writeFileSync(join(dir, 'stale.yaml'), `${known}  - streaming.done-terminator\n`);
    const stale = await dropin(['run', '--emulator', 'ollama-legacy', '--only', 'streaming', '--baseline', join(dir, 'stale.yaml'), '--out', join(dir, 'b')]);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toMatch(/stale baseline entry: emulator-ollama-legacy: streaming.done-terminator/);
  });
});

describe('dropin merge', () => {
  it('joins runs made apart (one CI job per target) into one matrix', async () => {
    const dir = tmp();
    const a = await dropin(['run', '--emulator', '--only', 'chat,streaming', '--out', join(dir, 'a')]);
    const b = await dropin(['run', '--emulator', 'ollama-legacy', '--only', 'chat,streaming', '--out', join(dir, 'b')]);
    expect([a.code, b.code]).toEqual([0, 1]);
    const merged = await dropin(['merge', join(dir, 'a', 'results.json'), join(dir, 'b', 'results.json'), '--out', join(dir, 'all')]);
    expect(merged.code).toBe(1);
    const results = JSON.parse(readFileSync(join(dir, 'all', 'results.json'), 'utf8'));
    expect(results.targets.map((t: { name: string }) => t.name)).toEqual(['emulator', 'emulator-ollama-legacy']);
    expect(readFileSync(join(dir, 'all', 'report.md'), 'utf8')).toMatch(/emulator-ollama-legacy/);
    const bad = await dropin(['merge', join(dir, 'all', 'report.md')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not a dropin results.json|cannot read/);
  });
});

describe('an endpoint that cannot be reached', () => {
  it('exits 2 and says why, once, with what to check', async () => {
    const r = await dropin(['run', '--base-url', 'http://127.0.0.1:9/v1', '--model', 'm', '--out', join(tmp(), 'r')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/checks could not be judged/);
    expect(r.stdout).toMatch(/could not connect to http:\/\/127\.0\.0\.1:9/);
    expect(r.stdout.match(/could not connect/g)).toHaveLength(1);
  });
});

describe('an endpoint that wants a key', () => {
  it('says to pass --api-key when most requests are refused with 401', async () => {
    const guarded = spawn(process.execPath, [BIN, 'emulate', '--port', '0', '--require-key', 'sk-needed-0123456789'], { env: process.env });
    children.push(guarded);
    const url = await new Promise<string>((resolve) => guarded.stdout.on('data', (d) => {
      const m = /listening on (\S+)/.exec(String(d));
      if (m) resolve(m[1]);
    }));
    const r = await dropin(['run', '--base-url', url, '--model', 'dropin-emulator-1', '--only', 'models,chat', '--out', join(tmp(), 'r')], { OPENAI_API_KEY: '' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/refused with 401\/403: pass the endpoint's key with --api-key/);
    const keyed = await dropin(['run', '--base-url', url, '--model', 'dropin-emulator-1', '--only', 'models,chat', '--out', join(tmp(), 'k')], { OPENAI_API_KEY: 'sk-needed-0123456789' });
    expect(keyed.code).toBe(0);
    guarded.kill('SIGTERM');
  });
});
