import { describe, expect, it } from 'vitest';
import { passRateText } from './status.ts';
import { sampleRun } from './sample-run.ts';

describe('status helpers', () => {
  it('writes behaviour pass rates as passed/runs with pass^k', () => {
    const [check] = sampleRun().targets[1].checks.filter((c) => c.repeat);
    expect(passRateText(check)).toBe('2/3 (pass^3 ✗)');
    expect(passRateText({ ...check, repeat: { runs: 3, passed: 3, passRate: 1, passAll: true } })).toBe('3/3 (pass^3 ✓)');
    expect(passRateText({ ...check, repeat: undefined })).toBeUndefined();
  });
});
