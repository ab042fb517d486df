import { describe, expect, it } from 'vitest';
import { summarizeCapabilities } from '../run/summarize.ts';
import type { CheckResult, Level, Status } from '../types.ts';
import { cellGrade, checkGrade, gradeLabel, worstGrade } from './grade.ts';

const check = (status: Status, level: Level = 'MUST'): CheckResult => ({
  id: 'chat.x', capability: 'chat', level, title: 't', spec: 's', kind: 'protocol', scenario: 's', status, exchanges: [],
});
const cell = (...checks: CheckResult[]) => summarizeCapabilities(checks).chat;

describe('grades', () => {
  it('a failed MUST is FAIL (MUST); SHOULD failures alone are DEGRADED (SHOULD) unless --fail-on should', () => {
    expect(gradeLabel(cell(check('pass'), check('fail')), 'must')).toBe('FAIL (MUST)');
    expect(gradeLabel(cell(check('pass'), check('fail', 'SHOULD')), 'must')).toBe('DEGRADED (SHOULD)');
    expect(gradeLabel(cell(check('pass'), check('fail', 'SHOULD')), 'should')).toBe('FAIL (SHOULD)');
    expect(gradeLabel(cell(check('fail'), check('fail', 'SHOULD')), 'never')).toBe('FAIL (MUST)');
  });

  it('ranks a MUST failure above a harness error, and a harness error above SHOULD failures', () => {
    expect(cellGrade(cell(check('error'), check('fail')), 'must')).toBe('fail');
    expect(cellGrade(cell(check('error'), check('fail', 'SHOULD')), 'must')).toBe('error');
    expect(cellGrade(cell(check('warn'), check('pass')), 'must')).toBe('warn');
    expect(cellGrade(cell(check('skip')), 'must')).toBe('skip');
    expect(worstGrade(['pass', 'degraded', 'warn'])).toBe('degraded');
  });

  it('grades one check the same way', () => {
    expect(checkGrade(check('fail', 'SHOULD'), 'must')).toBe('degraded');
    expect(checkGrade(check('fail', 'SHOULD'), 'should')).toBe('fail');
    expect(checkGrade(check('fail', 'MAY'), 'should')).toBe('warn');
    expect(checkGrade(check('fail'), 'never')).toBe('fail');
    expect(checkGrade(check('skip'), 'must')).toBe('skip');
  });
});
