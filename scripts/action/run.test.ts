// The action's run step, run as the runner runs it: bash on scripts/action/run.sh in a fresh
// workspace, the inputs as INPUT_* variables, GITHUB_STEP_SUMMARY and GITHUB_OUTPUT pointed at
// files, GITHUB_ACTION_PATH at this checkout; the suite runs for real against emulators on
// loopback. Asserted: exit code, step outputs, summary, report files, and the key's masking.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../fixtures/emulator/index.ts';

const repo = new URL('../../', import.meta.url).pathname;
const KEY = 'sk-action-test-5f2c9e';
const MODEL = 'dropin-emulator-1';
let spec: RunningEmulator;
let ollama: RunningEmulator;
const workspaces: string[] = [];

beforeAll(async () => {
  spec = await startEmulator({ apiKey: KEY });
  ollama = await startEmulator({ profile: 'ollama' });
});
afterAll(async () => {
  await Promise.all([spec.close(), ollama.close()]);
  for (const w of workspaces) rmSync(w, { recursive: true, force: true });
});

interface StepRun {
  code: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
  workspace: string;
}

/** Asynchronous on purpose: the emulators live in this process and must keep answering meanwhile. */
async function runStep(inputs: Record<string, string>, files: Record<string, string> = {}): Promise<StepRun> {
  const workspace = mkdtempSync(join(tmpdir(), 'dropin-action-'));
  workspaces.push(workspace);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(workspace, name, '..'), { recursive: true });
    writeFileSync(join(workspace, name), content);
  }
  const summaryFile = join(workspace, '.github-step-summary');
  const outputFile = join(workspace, '.github-output');
  writeFileSync(summaryFile, '');
  writeFileSync(outputFile, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION_PATH: repo,
    GITHUB_WORKSPACE: workspace,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase().replaceAll('-', '_')}`, v])),
  };
  const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = execFile('bash', [join(repo, 'scripts/action/run.sh')], { cwd: workspace, env, encoding: 'utf8' }, (_err, stdout, stderr) =>
      resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
  const outputs = Object.fromEntries(readFileSync(outputFile, 'utf8').trim().split('\n').filter(Boolean).map((l) => l.split(/=(.*)/s).slice(0, 2)));
  return { ...run, summary: readFileSync(summaryFile, 'utf8'), outputs, workspace };
}

const reports = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);
const ALL_REPORTS = ['junit.xml', 'report.html', 'report.md', 'results.json'];

describe('scripts/action/run.sh', () => {
  it('passes on a conformant endpoint: exit 0, report.md on the summary, reports in the output directory, the key masked', async () => {
    const step = await runStep({ 'base-url': spec.url, model: MODEL, 'api-key': KEY });
    expect(step.code, step.stderr).toBe(0);
    expect(step.outputs).toEqual({ 'exit-code': '0', 'report-dir': join(step.workspace, 'dropin-report') });
    expect(reports(step.outputs['report-dir'])).toEqual(ALL_REPORTS);
    expect(step.summary).toBe(readFileSync(join(step.outputs['report-dir'], 'report.md'), 'utf8'));
    expect(step.summary).toMatch(/PASSED/);
    expect(step.stdout.split('\n')[0]).toBe(`::add-mask::${KEY}`);
    const everywhereElse = [step.stdout.split('\n').slice(1).join('\n'), step.stderr, step.summary, ...ALL_REPORTS.map((f) => readFileSync(join(step.outputs['report-dir'], f), 'utf8'))];
    for (const text of everywhereElse) expect(text).not.toContain(KEY);
    // the key reached the endpoint: the emulator refuses requests without it
    expect(JSON.parse(readFileSync(join(step.outputs['report-dir'], 'results.json'), 'utf8')).exitCode).toBe(0);
  }, 60_000);

  it("fails the step with the suite's exit code 1 on Ollama's deviations, and still writes summary, outputs and reports", async () => {
    const step = await runStep({ 'base-url': ollama.url, model: MODEL, out: 'reports/ollama' });
    expect(step.code).toBe(1);
    expect(step.outputs).toEqual({ 'exit-code': '1', 'report-dir': join(step.workspace, 'reports/ollama') });
    expect(reports(step.outputs['report-dir'])).toEqual(ALL_REPORTS);
    expect(step.summary).toMatch(/FAILED/);
    for (const id of ['chat.n-honoured', 'tools.choice-honoured', 'errors.type-known']) expect(step.summary).toContain(id);
    expect(step.stdout).not.toContain('::add-mask::');
  }, 60_000);

  it('passes fail-on, baseline and a config file through: known failures listed in a baseline keep the step green', async () => {
    const config = `targets:\n  - name: old-ollama\n    kind: emulator\n    profile: ollama\n`;
    const baseline = `old-ollama:\n  - chat.max-completion-tokens-honoured\n  - chat.n-honoured\n  - tools.choice-honoured\n`;
    const step = await runStep({ config: 'ci/dropin.yaml', baseline: 'ci/baseline.yaml', 'fail-on': 'must', args: '--only "chat,tools"  --concurrency 2' }, { 'ci/dropin.yaml': config, 'ci/baseline.yaml': baseline });
    expect(step.code, step.stdout + step.stderr).toBe(0);
    const results = JSON.parse(readFileSync(join(step.outputs['report-dir'], 'results.json'), 'utf8'));
    expect(results.options.only).toEqual(['chat', 'tools']);
    expect(results.targets.map((t: { name: string }) => t.name)).toEqual(['old-ollama']);
    expect(results.targets[0].checks.filter((c: { expectedFailure?: boolean }) => c.expectedFailure).length).toBeGreaterThan(3);
    expect(step.summary).toContain('expected by the baseline');

    const strict = await runStep({ config: 'ci/dropin.yaml', 'fail-on': 'never', args: '--only chat,tools' }, { 'ci/dropin.yaml': config });
    expect(strict.code).toBe(0);
    expect(strict.summary).toContain('chat.n-honoured');
  }, 60_000);

  it('allow-skipped: a target skipped for want of its key (a fork) fails the step unless the input accepts it', async () => {
    const config = `targets:\n  - name: local\n    kind: emulator\n  - name: cloud\n    kind: preset\n    preset: groq\n`;
    const files = { 'dropin.yaml': config };
    const strict = await runStep({ config: 'dropin.yaml', args: '--only chat' }, files);
    expect(strict.code, strict.stdout + strict.stderr).toBe(2);
    expect(strict.summary).toMatch(/NOT TESTED/);
    const allowed = await runStep({ config: 'dropin.yaml', args: '--only chat', 'allow-skipped': 'true' }, files);
    expect(allowed.code, allowed.stdout + allowed.stderr).toBe(0);
    expect(allowed.summary).toMatch(/not tested: cloud \(skipped: GROQ\\?_API\\?_KEY is not set/);
    const typo = await runStep({ config: 'dropin.yaml', 'allow-skipped': 'maybe' }, files);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/DROPIN_ALLOW_SKIPPED must be true or false/);
  }, 60_000);

  it('exits 2 on a usage error and says on the summary that no report was written, ignoring an old report', async () => {
    const step = await runStep({ 'base-url': spec.url, model: MODEL, 'fail-on': 'sometimes' }, { 'dropin-report/report.md': '# an old PASSED report\n' });
    expect(step.code).toBe(2);
    expect(step.outputs['exit-code']).toBe('2');
    expect(step.summary).toMatch(/^### dropin: no report\n\nThe run stopped before writing a report \(exit code 2/);
    expect(step.summary).not.toContain('old PASSED');
    expect(step.stderr).toMatch(/fail-on/);

    const quoting = await runStep({ 'base-url': spec.url, model: MODEL, args: '--only "chat' });
    expect(quoting.code).toBe(2);
    expect(quoting.stderr).toMatch(/args input could not be split into flags/);
    expect(quoting.summary).toMatch(/^### dropin: no report/);
  }, 60_000);
});
