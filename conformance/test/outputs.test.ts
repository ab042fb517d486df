// Where dropin writes when not told: every command under ./dropin-report (which .gitignore
// covers), and `dropin record` as a recording: exit 0 once the transcript is written, whatever the
// endpoint's verdict, which it prints.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const BIN = `${ROOT}bin/dropin.js`;

function dropin(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, CI: 'true', DROPIN_OUT: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const dir = () => mkdtempSync(join(tmpdir(), 'dropin-outputs-'));

describe.concurrent('default outputs', () => {
  it('run, record and merge write under ./dropin-report, which git ignores', async () => {
    const cwd = dir();
    const run = await dropin(['run', '--emulator', '--only', 'models'], cwd);
    expect(run.code, run.stderr).toBe(0);
    const record = await dropin(['record', '--emulator', '--only', 'models'], cwd);
    expect(record.code, record.stderr).toBe(0);
    const merge = await dropin(['merge', 'dropin-report/results.json'], cwd);
    expect(merge.code, merge.stderr).toBe(0);
    expect(readdirSync(cwd)).toEqual(['dropin-report']);
    expect(readdirSync(join(cwd, 'dropin-report')).sort()).toEqual(['junit.xml', 'report.html', 'report.md', 'results.json', 'transcript.jsonl']);
    expect(readFileSync(`${ROOT}.gitignore`, 'utf8').split('\n')).toContain('dropin-report/');
  });

  it('record exits 0 with the verdict when the endpoint fails checks, and calls its output a transcript', async () => {
    const cwd = dir();
    const r = await dropin(['record', '--emulator', 'ollama-legacy', '--only', 'streaming', '--out', 'legacy.jsonl'], cwd);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/FAIL MUST streaming\.role-once/);
    expect(r.stdout).toContain('verdict: conformance failures (dropin run would exit 1, --fail-on must)');
    expect(r.stdout).toContain('recorded: 2 exchanges written to the transcript legacy.jsonl; re-check it anywhere with `dropin run --replay legacy.jsonl`');
    expect(r.stdout).not.toMatch(/reports?:/);
    expect(readFileSync(join(cwd, 'legacy.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('record exits 2 when the endpoint could not be recorded at all', async () => {
    const cwd = dir();
    const r = await dropin(['record', '--base-url', 'http://127.0.0.1:9/v1', '--model', 'm', '--only', 'models'], cwd);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/not recorded: the endpoint could not be tested/);
    expect(existsSync(join(cwd, 'dropin-report', 'report.html'))).toBe(false);
  });

  it("an in-process emulator's reports say so in the curl lines, with the command that serves it again", async () => {
    const cwd = dir();
    const r = await dropin(['run', '--emulator', 'ollama', '--quirk', 'crlf', '--only', 'chat', '--fail-on', 'should'], cwd);
    expect(r.code).toBe(1);
    const results = JSON.parse(readFileSync(join(cwd, 'dropin-report', 'results.json'), 'utf8'));
    const port = new URL(results.targets[0].baseUrl).port;
    expect(results.targets[0].startCommand).toBe(`npx dropin emulate --port ${port} --profile ollama --quirk crlf`);
    const html = readFileSync(join(cwd, 'dropin-report', 'report.html'), 'utf8');
    expect(html).toContain(`#   npx dropin emulate --port ${port} --profile ollama --quirk crlf\ncurl -s`);
  });
});

