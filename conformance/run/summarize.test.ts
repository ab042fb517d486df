import { describe, expect, it } from 'vitest';
import type { CheckResult, Level, Status, TargetResult } from '../types.ts';
import { exitCodeFor, summarizeCapabilities, untestedReason } from './summarize.ts';

const check = (status: Status, level: Level = 'MUST', capability: CheckResult['capability'] = 'chat'): CheckResult => ({
  id: `${capability}.x`, capability, level, title: 't', spec: 's', kind: 'protocol', scenario: 's', status, exchanges: [],
});
const target = (checks: CheckResult[], error?: string) => ({ checks, error }) as TargetResult;
const skipped = { checks: [], skipped: 'GROQ_API_KEY is not set' } as unknown as TargetResult;

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
  it('exits 2 when a target went untested, unless skips are allowed and another target was judged', () => {
    const tested = target([check('pass')]);
    expect(exitCodeFor([tested, skipped], 'must')).toBe(2);
    expect(exitCodeFor([tested, skipped], 'must', [], true)).toBe(0);
    expect(exitCodeFor([target([check('fail')]), skipped], 'must', [], true)).toBe(1);
    expect(exitCodeFor([target([check('fail')]), skipped], 'must')).toBe(2);
    const allSkips = target([check('skip'), check('skip')]);
    expect(exitCodeFor([tested, allSkips], 'must')).toBe(2);
  });
  it('never passes a run that judged nothing, even with skips allowed', () => {
    expect(exitCodeFor([skipped], 'must', [], true)).toBe(2);
    expect(exitCodeFor([target([check('skip')])], 'never', [], true)).toBe(2);
    expect(exitCodeFor([], 'must', [], true)).toBe(2);
  });
});

describe('untestedReason', () => {
  it('names why no verdict was reached; a target whose checks errored is a harness problem instead', () => {
    expect(untestedReason(skipped)).toBe('skipped: GROQ_API_KEY is not set');
    expect(untestedReason(target([{ ...check('skip'), message: 'json_schema is unsupported' }]))).toBe('no check could be judged: its only check was skipped: json_schema is unsupported');
    expect(untestedReason(target([]))).toBe('no check ran');
    expect(untestedReason(target([check('error')]))).toBeUndefined();
    expect(untestedReason(target([], 'container did not start'))).toBeUndefined();
    expect(untestedReason(target([check('skip'), check('warn')]))).toBeUndefined();
  });
});
