import { describe, expect, it } from 'vitest';
import { passRateText, runVerdict, worst } from './status.ts';
import { sampleRun } from './sample-run.ts';

describe('status helpers', () => {
  it('ranks skip < pass < warn < fail < error', () => {
    expect(worst([])).toBe('skip');
    expect(worst(['pass', 'skip'])).toBe('pass');
    expect(worst(['warn', 'pass'])).toBe('warn');
    expect(worst(['fail', 'error', 'warn'])).toBe('error');
  });

  it('lets the exit code decide failure and colours a passing run by what it found', () => {
    const run = sampleRun();
    expect(runVerdict(run)).toEqual({ status: 'fail', text: 'FAILED — 2 of 3 targets not conformant (fail-on: must)' });
    run.exitCode = 0;
    expect(runVerdict(run).status).toBe('error');
    run.targets = [run.targets[0], run.targets[1]];
    expect(runVerdict(run)).toEqual({ status: 'warn', text: 'PASSED with findings below the fail-on level (must)' });
    run.targets = [];
    expect(runVerdict(run).status).toBe('skip');
  });

  it('writes behaviour pass rates as passed/runs with pass^k', () => {
    const [check] = sampleRun().targets[1].checks.filter((c) => c.repeat);
    expect(passRateText(check)).toBe('2/3 (pass^3 ✗)');
    expect(passRateText({ ...check, repeat: { runs: 3, passed: 3, passRate: 1, passAll: true } })).toBe('3/3 (pass^3 ✓)');
    expect(passRateText({ ...check, repeat: undefined })).toBeUndefined();
  });
});
