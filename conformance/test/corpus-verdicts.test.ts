import { describe, expect, it } from 'vitest';
import { corpusVerdicts, deviationProblems, groupedByCheck, parseExpectations, type Failure } from './corpus-verdicts.ts';

const f = (target: string, exchange: string, check: string): Failure => ({ target, exchange, check, level: 'MUST', message: `${check} failed` });

describe('corpusVerdicts', () => {
  const failures = [f('openai', 'o#1', 'chat.schema'), f('groq', 'g#1', 'chat.schema'), f('groq', 'g#2', 'streaming.created-stable')];

  it('holds the reference to zero failures, whatever the expectations say', () => {
    const v = corpusVerdicts(failures, { 'o#1': { 'chat.schema': 'F33: x' } }, new Set(['openai']));
    expect(v.reference).toEqual([failures[0]]);
    expect(v.stale).toEqual(['o#1 chat.schema']);
  });

  it('explains listed failures, reports unlisted ones and stale entries', () => {
    const v = corpusVerdicts(failures, { 'g#1': { 'chat.schema': 'F33: x', 'chat.usage': 'C01: y' } }, new Set(['openai']));
    expect(v.unexplained).toEqual([failures[2]]);
    expect(v.stale).toEqual(['g#1 chat.usage']);
  });
});

describe('groupedByCheck', () => {
  it('groups by check, largest group first, and cuts long id lists', () => {
    const text = groupedByCheck([f('a', '1', 'x'), f('a', '2', 'y'), f('a', '3', 'y'), f('b', '4', 'y')], 2);
    expect(text.split('\n')).toEqual([
      '  y (MUST) in 3 exchange(s):',
      '    a 2: y failed',
      '    a 3: y failed',
      '    … and 1 more',
      '  x (MUST) in 1 exchange(s):',
      '    a 1: x failed',
    ]);
  });
});

describe('deviationProblems', () => {
  it('accepts fact-sheet ids and documented corpus ids, and nothing else', () => {
    expect(deviationProblems({ a: { c: 'F33: refusal omitted', d: 'S04, C02: both' } }, new Set(['C02']))).toEqual([]);
    expect(deviationProblems({ a: { c: 'F41: no such', d: 'C09: undocumented', e: 'weird' } }, new Set())).toEqual([
      'a c: F41 is not a documented deviation',
      'a d: C09 is not a documented deviation',
      'a e: "weird" does not start with a deviation id and a note ("F33: …")',
    ]);
  });
});

describe('parseExpectations', () => {
  it('reads the YAML map and rejects any other shape', () => {
    expect(parseExpectations('"g:x#0":\n  chat.schema: "F33: y"\n')).toEqual({ 'g:x#0': { 'chat.schema': 'F33: y' } });
    expect(() => parseExpectations('- a\n- b\n')).toThrow(/exchange ids/);
    expect(parseExpectations('')).toEqual({});
  });
});
