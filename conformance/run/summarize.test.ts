import { describe, expect, it } from 'vitest';
import type { CheckResult, Level, Status, TargetResult } from '../types.ts';
import { exitCodeFor, summarizeCapabilities } from './summarize.ts';

const check = (status: Status, level: Level = 'MUST', capability: CheckResult['capability'] = 'chat'): CheckResult => ({
  id: `${capability}.x`, capability, level, title: 't', spec: 's', kind: 'protocol', scenario: 's', status, exchanges: [],
});
const target = (checks: CheckResult[], error?: string) => ({ checks, error }) as TargetResult;

describe('summarizeCapabilities', () => {
  it('takes the worst status, treating a failed MAY as a warning', () => {
    const s = summarizeCapabilities([check('pass'), check('fail', 'MAY'), check('pass', 'MUST', 'tools'), check('fail', 'SHOULD', 'tools')]);
    expect(s.chat.status).toBe('warn');
    expect(s.tools.status).toBe('fail');
    expect(s.tools.failedByLevel).toEqual({ MUST: 0, SHOULD: 1, MAY: 0 });
    expect(s.models.status).toBe('skip');
    expect(s.chat.counts).toEqual({ pass: 1, fail: 1, warn: 0, skip: 0, error: 0 });
  });
});

describe('exitCodeFor', () => {
  it('fails on MUST by default, on SHOULD when asked, never when told so', () => {
    const should = [target([check('fail', 'SHOULD')])];
    expect(exitCodeFor(should, 'must')).toBe(0);
    expect(exitCodeFor(should, 'should')).toBe(1);
    expect(exitCodeFor([target([check('fail')])], 'never')).toBe(0);
    expect(exitCodeFor([target([check('fail')])], 'must')).toBe(1);
  });
  it('reports harness trouble as 2 unless conformance failures were found', () => {
    expect(exitCodeFor([target([check('error')])], 'must')).toBe(2);
    expect(exitCodeFor([target([check('error'), check('fail')])], 'must')).toBe(1);
    expect(exitCodeFor([target([], 'container did not start')], 'must')).toBe(2);
  });
});
