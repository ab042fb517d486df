import { describe, expect, it } from 'vitest';
import type { CheckResult, Status } from '../types.ts';
import { groupChecks, scenariosText } from './group.ts';

const check = (scenario: string, status: Status = 'fail', extra: Partial<CheckResult> = {}): CheckResult => ({
  id: 'chat.schema', capability: 'chat', level: 'MUST', title: 't', spec: 's', kind: 'protocol', scenario, status, exchanges: [],
  message: 'system_fingerprint must be string', expected: 'string', received: 'null', pointer: '/system_fingerprint', ...extra,
});

describe('groupChecks', () => {
  it('joins identical problems across scenarios and keeps the order of first appearance', () => {
    const groups = groupChecks([check('chat.basic'), check('chat.n'), check('tools.named', 'fail', { id: 'tools.x' }), check('chat.stop')]);
    expect(groups.map((g) => [g.first.id, g.scenarios])).toEqual([
      ['chat.schema', ['chat.basic', 'chat.n', 'chat.stop']],
      ['tools.x', ['tools.named']],
    ]);
    expect(groups[0].checks).toHaveLength(3);
    expect(groups[0].sameReceived).toBe(true);
  });

  it('keeps apart what differs in status, level, message, expected text or baseline marking', () => {
    const variants = [
      check('a'), check('b', 'warn'), check('c', 'fail', { level: 'SHOULD' }), check('d', 'fail', { message: 'other' }),
      check('e', 'fail', { expected: 'other' }), check('f', 'fail', { expectedFailure: true }),
    ];
    expect(groupChecks(variants)).toHaveLength(6);
  });

  it('groups a different Received but says so; passes and skips group the same way', () => {
    const [g] = groupChecks([check('a'), check('b', 'fail', { received: '42' })]);
    expect(g.checks).toHaveLength(2);
    expect(g.sameReceived).toBe(false);
    expect(groupChecks([check('a', 'pass'), check('b', 'pass'), check('c', 'skip'), check('d', 'skip', { message: 'other reason' })])).toHaveLength(3);
  });
});

describe('scenariosText', () => {
  it('names one scenario, or counts and lists several up to a limit', () => {
    const groups = groupChecks(['a', 'b', 'c', 'd'].map((s) => check(s)));
    expect(scenariosText(groupChecks([check('chat.basic')])[0])).toBe('chat.basic');
    expect(scenariosText(groups[0])).toBe('in 4 scenarios: a, b, c, d');
    expect(scenariosText(groups[0], 2)).toBe('in 4 scenarios: a, b, … (2 more)');
    const long = groupChecks(['x'.repeat(60), 'y'.repeat(60), 'z'].map((s) => check(s)))[0];
    expect(scenariosText(long)).toBe(`in 3 scenarios: ${'x'.repeat(60)}, … (2 more)`);
  });
});
