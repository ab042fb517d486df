import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tally } from './vitest-tally.ts';

const ok = (passed: number) => ({ numPassedTests: passed, numFailedTests: 0, numFailedTestSuites: 0 });

describe('tally', () => {
  it('adds the runs of npm test and npm run test:load', () => {
    expect(tally([ok(1240), { numPassedTests: 0, numFailedTests: 1, numFailedTestSuites: 1 }])).toEqual({ passed: 1240, failed: 1 });
  });

  it('counts a file that failed to load, and a run that left no report, as failures', () => {
    expect(tally([{ numPassedTests: 10, numFailedTests: 0, numFailedTestSuites: 2 }, undefined])).toEqual({ passed: 10, failed: 3 });
  });

  it('prints the line .ci/run ends with', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-'));
    writeFileSync(join(dir, 'a.json'), JSON.stringify(ok(5)));
    writeFileSync(join(dir, 'b.json'), JSON.stringify(ok(1)));
    const script = new URL('./vitest-tally.ts', import.meta.url).pathname;
    const out = execFileSync(process.execPath, ['--import', 'tsx', script, join(dir, 'a.json'), join(dir, 'b.json'), join(dir, 'missing.json')], { encoding: 'utf8' });
    expect(out).toBe('6 passed, 1 failed\n');
  });
});
