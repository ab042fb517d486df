// A run that tested nothing must never look green: the real `dropin` binary with a preset target
// whose key is absent, alone and beside a target that was tested, with and without
// --allow-skipped, and through `dropin merge`.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = new URL('../../bin/dropin.js', import.meta.url).pathname;

interface Result { code: number | null; stdout: string; stderr: string }

function dropin(args: string[], env: Record<string, string | undefined> = {}): Promise<Result> {
  const base: Record<string, string | undefined> = { ...process.env, CI: 'true', GROQ_API_KEY: undefined, DROPIN_ALLOW_SKIPPED: undefined, ...env };
  const clean = Object.fromEntries(Object.entries(base).filter((e): e is [string, string] => e[1] !== undefined));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: clean });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const GROQ = '  - name: groq\n    kind: preset\n    preset: groq\n';
const EMULATOR = '  - name: spec\n    kind: emulator\n';

function config(body: string): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'dropin-honest-'));
  const file = join(dir, 'targets.yaml');
  writeFileSync(file, `only: [chat]\n${body}`);
  return { dir, file };
}

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

describe('a run whose only target was skipped', () => {
  it('is NOT TESTED, never PASSED, in the terminal and every report, and exits 2', async () => {
    const { dir, file } = config(`targets:\n${GROQ}`);
    const r = await dropin(['run', '--config', file, '--out', join(dir, 'out')]);
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(r.stdout).toMatch(/result: NOT TESTED — groq was skipped: GROQ_API_KEY is not set/);
    expect(r.stdout).toMatch(/--allow-skipped/);
    const md = read(join(dir, 'out'), 'report.md');
    const html = read(join(dir, 'out'), 'report.html');
    for (const text of [r.stdout, md, html]) expect(text).not.toMatch(/PASSED|conformant at the chosen level/);
    expect(md.split('\n')[0]).toMatch(/^# \S+ dropin conformance: NOT TESTED$/);
    expect(md.split('\n')[2]).toMatch(/^\*\*groq was skipped: GROQ\\?_API\\?_KEY is not set/);
    expect(html).toMatch(/<header class="top st-untested">/);
    const results = JSON.parse(read(join(dir, 'out'), 'results.json'));
    expect(results.exitCode).toBe(2);
    expect(results.outcome).toBe('not_tested');
    expect(results.notTested).toEqual([{ target: 'groq', reason: expect.stringMatching(/^skipped: GROQ_API_KEY is not set/) }]);
    expect(read(join(dir, 'out'), 'junit.xml')).toMatch(/<error message="GROQ_API_KEY is not set[^"]*" type="not-tested">NOT TESTED/);
  });

  it('stays NOT TESTED with --allow-skipped: zero requests judged is never green', async () => {
    const { dir, file } = config(`targets:\n${GROQ}`);
    const r = await dropin(['run', '--config', file, '--out', join(dir, 'out'), '--allow-skipped']);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/result: NOT TESTED — groq was skipped/);
    expect(r.stdout).toMatch(/no target was tested/);
  });
});

describe('a run with one target tested and one skipped', () => {
  it('exits 2 and says which target was not tested, unless skips are allowed (flag, env or config)', async () => {
    const { dir, file } = config(`targets:\n${EMULATOR}${GROQ}`);
    const strict = await dropin(['run', '--config', file, '--out', join(dir, 'strict')]);
    expect(strict.code, strict.stdout).toBe(2);
    expect(strict.stdout).toMatch(/result: NOT TESTED — groq was skipped: GROQ_API_KEY is not set/);

    const flag = await dropin(['run', '--config', file, '--out', join(dir, 'flag'), '--allow-skipped']);
    expect(flag.code, flag.stdout).toBe(0);
    expect(flag.stdout).toMatch(/result: PASSED — 1 of 2 targets tested and conformant; not tested: groq \(skipped: GROQ_API_KEY is not set/);
    const results = JSON.parse(read(join(dir, 'flag'), 'results.json'));
    expect(results.options.allowSkipped).toBe(true);
    expect(results.outcome).toBe('passed');
    expect(results.notTested.map((n: { target: string }) => n.target)).toEqual(['groq']);

    const env = await dropin(['run', '--config', file, '--out', join(dir, 'env')], { DROPIN_ALLOW_SKIPPED: 'true' });
    expect(env.code).toBe(0);
    const { file: withKey } = config(`allowSkipped: true\ntargets:\n${EMULATOR}${GROQ}`);
    const fromConfig = await dropin(['run', '--config', withKey, '--out', join(dir, 'cfg')]);
    expect(fromConfig.code).toBe(0);
    const overridden = await dropin(['run', '--config', withKey, '--out', join(dir, 'cfg2')], { DROPIN_ALLOW_SKIPPED: 'false' });
    expect(overridden.code).toBe(2);
  });

  it('is refused as a usage error when DROPIN_ALLOW_SKIPPED is not a boolean', async () => {
    const { dir, file } = config(`targets:\n${EMULATOR}`);
    const r = await dropin(['run', '--config', file, '--out', join(dir, 'out')], { DROPIN_ALLOW_SKIPPED: 'maybe' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/DROPIN_ALLOW_SKIPPED must be true or false \(got "maybe"\)/);
  });
});

describe('dropin merge', () => {
  it('follows the same rule: a skipped job makes the merged run NOT TESTED unless skips are allowed', async () => {
    const a = config(`targets:\n${EMULATOR}`);
    const b = config(`targets:\n${GROQ}`);
    await dropin(['run', '--config', a.file, '--out', join(a.dir, 'out')]);
    await dropin(['run', '--config', b.file, '--out', join(b.dir, 'out')]);
    const inputs = [join(a.dir, 'out', 'results.json'), join(b.dir, 'out', 'results.json')];
    const strict = await dropin(['merge', ...inputs, '--out', join(a.dir, 'merged')]);
    expect(strict.code, strict.stdout).toBe(2);
    expect(strict.stdout).toMatch(/result: NOT TESTED — groq was skipped/);
    const allowed = await dropin(['merge', ...inputs, '--out', join(a.dir, 'merged2'), '--allow-skipped']);
    expect(allowed.code, allowed.stdout).toBe(0);
    const onlySkipped = await dropin(['merge', inputs[1], '--out', join(a.dir, 'merged3'), '--allow-skipped']);
    expect(onlySkipped.code).toBe(2);
  });
});
