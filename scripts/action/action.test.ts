// action.yml's structure, as the runner reads it: a composite action whose every input is declared
// and used, whose run steps take inputs only through the environment (never pasted into a shell
// line, where a value could inject commands or land in the log), whose every `uses:` is pinned to
// a major version, and whose run script reads exactly the variables the step sets.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const text = readFileSync(`${root}action.yml`, 'utf8');
const action = parse(text);
const steps: Array<Record<string, any>> = action.runs.steps;
const runStep = steps.find((s) => s.id === 'run')!;
const script = readFileSync(`${root}scripts/action/run.sh`, 'utf8');

const inputsUsed = (s: string) => [...s.matchAll(/\$\{\{[^}]*?\binputs\.([\w-]+)/g)].map((m) => m[1]);
const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

describe('action.yml', () => {
  it('is a composite action with the inputs the README documents', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(['base-url', 'model', 'api-key', 'config', 'fail-on', 'baseline', 'allow-skipped', 'out', 'args', 'artifact-name']);
    for (const [name, input] of Object.entries<any>(action.inputs)) expect(input.description, name).toBeTruthy();
  });

  it('declares every input it uses and uses every input it declares', () => {
    expect(sorted(inputsUsed(text))).toEqual(sorted(Object.keys(action.inputs)));
  });

  it('pins every action it uses to a major version', () => {
    const uses = steps.filter((s) => s.uses).map((s) => s.uses as string);
    expect(uses).toEqual(['actions/setup-node@v4', 'actions/upload-artifact@v4']);
    for (const u of uses) expect(u).toMatch(/^[\w.-]+\/[\w.-]+@v\d+$/);
    expect(steps[0].with['node-version']).toBe(24);
  });

  it('gives run steps a shell and no ${{ }} inside their commands', () => {
    for (const s of steps.filter((step) => step.run)) {
      expect(s.shell, s.name).toBe('bash');
      expect(s.run, s.name).not.toContain('${{');
    }
  });

  it('hands every input to the run script as INPUT_*, the names the script reads', () => {
    const env: Record<string, string> = runStep.env;
    for (const [name, value] of Object.entries(env)) {
      expect(value).toBe(`\${{ inputs.${name.slice('INPUT_'.length).toLowerCase().replaceAll('_', '-')} }}`);
    }
    expect(sorted(script.match(/INPUT_[A-Z_]+/g) ?? [])).toEqual(sorted(Object.keys(env)));
    expect(sorted(Object.keys(env).map((k) => k.slice(6).toLowerCase().replaceAll('_', '-')))).toEqual(
      sorted(Object.keys(action.inputs).filter((i) => i !== 'artifact-name')),
    );
  });

  it('uploads the reports even when the run step failed, and exposes its outputs', () => {
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))!;
    expect(upload.if).toMatch(/always\(\)/);
    expect(upload.with.path).toBe('${{ steps.run.outputs.report-dir }}');
    expect(action.outputs['exit-code'].value).toBe('${{ steps.run.outputs.exit-code }}');
    expect(action.outputs['report-dir'].value).toBe('${{ steps.run.outputs.report-dir }}');
    expect(steps.indexOf(upload)).toBeGreaterThan(steps.indexOf(runStep));
  });
});
