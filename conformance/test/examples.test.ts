// The documented examples stay valid: the workflow's config parses and means what its comments say,
// and the workflows call the GitHub Action (action.yml) with inputs it declares.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadRunConfig } from '../cli/run-config.ts';
import { openTarget } from '../targets/open-target.ts';
import { TargetSkipped } from '../targets/target-spec.ts';

const root = new URL('../../', import.meta.url).pathname;
const action = parse(readFileSync(`${root}action.yml`, 'utf8'));

describe('docs/examples', () => {
  it('dropin.yaml parses, and its cloud target is skipped with a fix when the key is absent', async () => {
    const config = loadRunConfig(`${root}docs/examples/dropin.yaml`, {});
    expect(config.targets.map((t) => t.name)).toEqual(['ollama', 'openai']);
    const err = await openTarget(config.targets[1], {}).catch((e) => e);
    expect(err).toBeInstanceOf(TargetSkipped);
    expect(err.message).toMatch(/OPENAI_API_KEY is not set/);
  });

  it('the workflow runs the suite with that config through the action, with inputs the action declares', () => {
    const wf = parse(readFileSync(`${root}docs/examples/github-actions.yml`, 'utf8'));
    const steps: Array<{ uses?: string; with?: Record<string, string> }> = wf.jobs.conformance.steps;
    expect(wf.jobs.conformance.services.ollama.image).toMatch(/^ollama\/ollama/);
    const suite = steps.find((s) => s.uses?.endsWith('/dropin@v1'))!;
    expect(suite.with).toEqual({ config: 'dropin.yaml', 'allow-skipped': '${{ github.event.pull_request.head.repo.fork == true }}' });
    for (const key of Object.keys(suite.with!)) expect(action.inputs).toHaveProperty(key);
  });
  it('the matrix workflow runs the action once per target and merges their results', () => {
    const wf = parse(readFileSync(`${root}docs/examples/github-actions-matrix.yml`, 'utf8'));
    expect(wf.jobs.target.strategy.matrix.include.length).toBeGreaterThan(1);
    const suite = wf.jobs.target.steps.find((s: { uses?: string }) => s.uses?.endsWith('/dropin@v1'));
    for (const key of Object.keys(suite.with)) expect(action.inputs).toHaveProperty(key);
    expect(suite.with['artifact-name']).toBe('report-${{ matrix.name }}');
    expect(suite.with.out).toBe('report-${{ matrix.name }}');
    expect(wf.jobs.matrix.needs).toBe('target');
    const steps: Array<{ run?: string; with?: { pattern?: string } }> = wf.jobs.matrix.steps;
    expect(steps.some((s) => s.with?.pattern === 'report-*')).toBe(true);
    expect(steps.some((s) => s.run?.includes('dropin merge report-*/results.json'))).toBe(true);
  });
});
