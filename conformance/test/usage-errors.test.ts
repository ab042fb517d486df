// Usage mistakes as a user makes them: each exits 2 before any request is sent or report written,
// with the allowed values listed and the closest one named.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRunConfig } from '../cli/run-config.ts';
import { resolveRun } from '../cli/run-options.ts';
import { PROFILES } from '../../fixtures/emulator/profiles.ts';

const PROFILE_LIST = Object.keys(PROFILES).join(', ');

const BIN = new URL('../../bin/dropin.js', import.meta.url).pathname;

function dropin(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, CI: 'true', OPENAI_BASE_URL: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const usage = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('no usage error');
};

describe('usage errors list what is allowed', () => {
  it('an unknown --emulator profile: exit 2, the profiles listed, no report written', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'dropin-usage-')), 'report');
    const r = await dropin(['run', '--emulator', 'olama', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`dropin: --emulator: unknown "olama"; did you mean "ollama"? Allowed: ${PROFILE_LIST}`);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('an unknown --quirk, with run and with emulate', async () => {
    expect(usage(() => resolveRun({ emulator: true, quirk: ['role-every-chunks'] }, {}))).toMatch(/^--quirk: unknown "role-every-chunks"; did you mean "role-every-chunk"\? Allowed: .*tool-index-missing/);
    const r = await dropin(['emulate', '--quirk', 'no-dne']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--quirk: unknown "no-dne"; did you mean "no-done"\? Allowed: role-every-chunk, /);
  });

  it('an empty --only is refused, not read as "everything"', () => {
    expect(usage(() => resolveRun({ emulator: true, only: '' }, {}))).toMatch(/--only .*models, chat, streaming/);
    expect(usage(() => resolveRun({ emulator: true, only: ' , ' }, {}))).toMatch(/empty list/);
  });

  it('an unknown capability names the closest one', () => {
    expect(usage(() => resolveRun({ emulator: true, only: 'chat,streeming' }, {}))).toMatch(/--only: unknown "streeming"; did you mean "streaming"\? Allowed: models, chat, streaming, tools, json_mode, structured_outputs, errors/);
  });

  it('config files: enum values are listed, and an emulator target\'s profile and quirks are checked', () => {
    expect(usage(() => parseRunConfig({ failOn: 'always', targets: [{ name: 'a', kind: 'emulator' }] }, {}, 'c.yaml'))).toContain('failOn: must be equal to one of the allowed values: must, should, never');
    expect(usage(() => parseRunConfig({ targets: [{ name: 'a', kind: 'emulater' }] }, {}, 'c.yaml'))).toContain('targets.0.kind: must be equal to one of the allowed values: url, emulator, ollama, preset, replay');
    expect(usage(() => parseRunConfig({ targets: [{ name: 'a', kind: 'emulator', profile: 'vlm' }] }, {}, 'c.yaml'))).toBe(`c.yaml: targets[0].profile: unknown "vlm"; did you mean "vllm"? Allowed: ${PROFILE_LIST}`);
    expect(usage(() => parseRunConfig({ targets: [{ name: 'a', kind: 'emulator', quirks: ['crlf', 'nope'] }] }, {}, 'c.yaml'))).toMatch(/^c\.yaml: targets\[0\]\.quirks: unknown "nope"/);
  });

  it('a config file with an unknown profile exits 2 before any report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dropin-usage-'));
    writeFileSync(join(dir, 't.yaml'), 'targets:\n  - { name: a, kind: emulator, profile: olama }\n');
    const r = await dropin(['run', '--config', join(dir, 't.yaml'), '--out', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/targets\[0\]\.profile: unknown "olama"/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('a replay target in a config file is accepted, as the README documents', () => {
    const config = parseRunConfig({ targets: [{ name: 'r', kind: 'replay', transcript: 'ollama.jsonl' }] }, {}, 'c.yaml');
    expect(config.targets[0]).toMatchObject({ kind: 'replay', transcript: 'ollama.jsonl' });
  });
});
