// `dropin judge` end to end, as a user runs the binary: on transcripts that `dropin record` wrote
// (where its verdicts must agree with `dropin run --replay` on the same bytes), on files it
// cannot read, and with --baseline / --fail-on / --only as `run` has them.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../types.ts';

const BIN = new URL('../../bin/dropin.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'dropin-judge-'));

function dropin(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, CI: 'true' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const results = (out: string): RunResult => JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
const failedIds = (run: RunResult) => [...new Set(run.targets.flatMap((t) => t.checks.filter((c) => c.status === 'fail').map((c) => c.id)))].sort();

const spec = join(dir, 'spec.jsonl');
const vllm = join(dir, 'vllm.jsonl');

beforeAll(async () => {
  const recorded = await Promise.all([dropin(['record', '--emulator', '--out', spec]), dropin(['record', '--emulator', 'vllm', '--out', vllm])]);
  for (const r of recorded) expect(r.code, r.stderr).not.toBe(2);
});

describe('dropin judge on transcripts', () => {
  it('passes the spec emulator\'s recorded run and writes the four reports', async () => {
    const out = join(dir, 'spec-report');
    const r = await dropin(['judge', spec, '--out', out]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    for (const f of ['results.json', 'junit.xml', 'report.md', 'report.html']) expect(existsSync(join(out, f)), f).toBe(true);
    const run = results(out);
    expect(run.targets.map((t) => [t.name, t.kind])).toEqual([['spec.jsonl', 'recorded']]);
    expect(run.recordings).toMatchObject({ files: [{ path: spec, format: 'dropin transcript', ignored: 0 }], notJudged: [] });
    expect(run.recordings!.judged).toBe(run.recordings!.files[0].exchanges);
    expect(failedIds(run)).toEqual([]);
    expect(r.stderr).toMatch(/spec\.jsonl: dropin transcript, \d+ API exchanges/);
  });

  it('agrees with `dropin run --replay` on the same recording of a deviating server', async () => {
    // the Responses scenarios also judge through the suite's own prompts (docs/judge.md), which recorded traffic lacks
    const only = ['--only', 'models,chat,streaming,tools,json_mode,structured_outputs,errors'];
    const [replayed, judged] = await Promise.all([
      dropin(['run', '--replay', vllm, ...only, '--out', join(dir, 'vllm-run')]),
      dropin(['judge', vllm, ...only, '--out', join(dir, 'vllm-judge')]),
    ]);
    expect(judged.code).toBe(replayed.code);
    const fromRun = failedIds(results(join(dir, 'vllm-run')));
    expect(fromRun.length).toBeGreaterThan(0);
    expect(failedIds(results(join(dir, 'vllm-judge')))).toEqual(fromRun);
  });
});

describe('dropin judge options', () => {
  it('--baseline turns listed failures into expected ones, and a stale entry fails the run', async () => {
    const failing = failedIds(results(join(dir, 'vllm-run')));
    const ok = join(dir, 'baseline.yaml');
    writeFileSync(ok, `"*":\n${failing.map((id) => `  - ${id}`).join('\n')}\n`);
    expect((await dropin(['judge', vllm, '--baseline', ok, '--out', join(dir, 'b1')])).code).toBe(0);
    const stale = join(dir, 'stale.yaml');
    writeFileSync(stale, `vllm.jsonl:\n${[...failing, 'chat.schema'].map((id) => `  - ${id}`).join('\n')}\n`);
    const r = await dropin(['judge', vllm, '--baseline', stale, '--out', join(dir, 'b2')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('stale baseline entry: vllm.jsonl: chat.schema');
  });

  it('--fail-on never exits 0 on failures; --only keeps the named capabilities', async () => {
    expect((await dropin(['judge', vllm, '--fail-on', 'never', '--out', join(dir, 'n')])).code).toBe(0);
    const r = await dropin(['judge', vllm, '--only', 'streaming', '--out', join(dir, 'o')]);
    expect(r.code).toBe(0);
    const caps = new Set(results(join(dir, 'o')).targets.flatMap((t) => t.checks.map((c) => c.capability)));
    expect([...caps]).toEqual(['streaming']);
  });

  it('--only that leaves no check to run is an error, not a pass', async () => {
    const pairs = join(dir, 'one-chat.jsonl');
    const completion = { id: 'c', object: 'chat.completion', created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: 'hi', refusal: null }, logprobs: null, finish_reason: 'stop' }] };
    const line = { request: { method: 'POST', url: 'https://api.example.com/v1/chat/completions', body: '{"model":"m","messages":[{"role":"user","content":"hi"}]}' }, response: { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(completion) } };
    writeFileSync(pairs, `${JSON.stringify(line)}\n`);
    const r = await dropin(['judge', pairs, '--only', 'tools', '--out', join(dir, 'none')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no check of --only tools applies to this exchange');
  });
});

describe('dropin judge on files it cannot judge', () => {
  it('names the formats it reads and exits 2 for an unknown one', async () => {
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'these are my notes\n');
    const r = await dropin(['judge', notes]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('notes.txt: unknown format; dropin judge reads a dropin transcript (docs/transcript-format.md), a HAR 1.2 file, or JSON lines of request/response pairs (docs/judge.md)');
  });

  it('exits 2 for a missing file and for a recording without API traffic', async () => {
    const missing = await dropin(['judge', join(dir, 'nope.har')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no file at .*nope\.har/);
    const pagesOnly = join(dir, 'pages.har');
    const entry = { request: { method: 'GET', url: 'http://127.0.0.1:9/', headers: [] }, response: { status: 200, headers: [], content: { text: '<html>' } } };
    writeFileSync(pagesOnly, JSON.stringify({ log: { version: '1.2', entries: [entry] } }));
    const r = await dropin(['judge', pagesOnly, '--out', join(dir, 'p')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nothing to judge: ');
    expect(r.stderr).toContain('ignored 1 entry that is not API traffic');
  });
});
