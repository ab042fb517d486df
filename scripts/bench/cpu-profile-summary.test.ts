import { describe, expect, it } from 'vitest';
import { areaOf, type CpuProfile, renderProfileSummary, summarizeProfile } from './cpu-profile-summary.ts';

const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber });
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)') },
    { id: 2, callFrame: frame('(idle)') },
    { id: 3, callFrame: frame('dispatch', 'file:///repo/reference-proxy/server.ts', 9) },
    { id: 4, callFrame: frame('writev') },
    { id: 5, callFrame: frame('request', 'file:///repo/node_modules/undici/lib/api/api-request.js', 0) },
  ],
  samples: [2, 3, 3, 4, 5, 2],
  timeDeltas: [1000, 2000, 2000, 3000, 1000, 1000],
};

describe('summarizeProfile', () => {
  const s = summarizeProfile(profile, 10, '/repo');
  it('splits idle from busy time', () => {
    expect(s.totalMs).toBe(10);
    expect(s.idleMs).toBe(2);
  });
  it('ranks functions by self time, with shares of busy time', () => {
    expect(s.functions.map((f) => [f.name, f.selfMs])).toEqual([
      ['dispatch reference-proxy/server.ts:10', 4],
      ['writev', 3],
      ['request node_modules/undici/lib/api/api-request.js:1', 1],
    ]);
    expect(s.functions[0].share).toBe(0.5);
  });
  it('groups by area', () => expect(s.areas.map((a) => a.name)).toEqual(['reference-proxy/server.ts', '(native)', 'node_modules/undici']));
  it('renders one line per hotspot', () => expect(renderProfileSummary(s)).toContain(' 50.0%       4 ms  dispatch reference-proxy/server.ts:10'));
});

describe('areaOf', () => {
  it('names scoped packages, Node internals and V8 buckets', () => {
    expect(areaOf('file:///x/node_modules/@scope/pkg/a.js', 'f', '/x')).toBe('node_modules/@scope/pkg');
    expect(areaOf('node:internal/streams', 'f', '/x')).toBe('node: internals');
    expect(areaOf('', '(garbage collector)', '/x')).toBe('(garbage collector)');
  });
});
