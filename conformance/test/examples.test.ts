// The documented examples stay valid: the workflow's config parses and means what its comments say.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadRunConfig } from '../cli/run-config.ts';
import { openTarget } from '../targets/open-target.ts';
import { TargetSkipped } from '../targets/target-spec.ts';

const root = new URL('../../', import.meta.url).pathname;

describe('docs/examples', () => {
  it('dropin.yaml parses, and its cloud target is skipped with a fix when the key is absent', async () => {
    const config = loadRunConfig(`${root}docs/examples/dropin.yaml`, {});
    expect(config.targets.map((t) => t.name)).toEqual(['ollama', 'openai']);
    const err = await openTarget(config.targets[1], {}).catch((e) => e);
    expect(err).toBeInstanceOf(TargetSkipped);
    expect(err.message).toMatch(/OPENAI_API_KEY is not set/);
  });

  it('the workflow runs the suite with that config and publishes report.md', () => {
    const wf = parse(readFileSync(`${root}docs/examples/github-actions.yml`, 'utf8'));
    const steps: Array<{ run?: string }> = wf.jobs.conformance.steps;
    expect(wf.jobs.conformance.services.ollama.image).toMatch(/^ollama\/ollama/);
    expect(steps.some((s) => s.run?.includes('dropin run --config dropin.yaml'))).toBe(true);
    expect(steps.some((s) => s.run?.includes('GITHUB_STEP_SUMMARY'))).toBe(true);
  });
  it('the matrix workflow runs one job per target and merges their results', () => {
    const wf = parse(readFileSync(`${root}docs/examples/github-actions-matrix.yml`, 'utf8'));
    expect(wf.jobs.target.strategy.matrix.include.length).toBeGreaterThan(1);
    expect(wf.jobs.matrix.needs).toBe('target');
    const runs: string[] = wf.jobs.matrix.steps.map((s: { run?: string }) => s.run ?? '');
    expect(runs.some((r) => r.includes('dropin merge report-*/results.json'))).toBe(true);
  });
});

