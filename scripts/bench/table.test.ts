import { describe, expect, it } from 'vitest';
import { sampleResults } from './bench-results-kit.ts';
import { grid, renderTables } from './table.ts';

describe('grid', () => {
  it('pads names left and figures right, and lets short rows run on', () => {
    expect(grid([['name', 'n'], ['nginx', '12345'], ['x', '1'], ['note row']]).split('\n')).toEqual(['name       n', 'nginx  12345', 'x          1', 'note row']);
  });
});

describe('renderTables', () => {
  const text = renderTables(sampleResults());
  it('shows each figure with its ratio to direct', () => {
    expect(text).toMatch(/^nginx\s+64\s+20000\s+0\.67x\s+3\.000\s+1\.50x/m);
    expect(text).toMatch(/^dropin\s+1\s+10\/10\s+2\.000\s+2\.00x\s+\+1\.000/m);
  });
  it('says why a contender has no stream rows', () => expect(text).toContain('portkey  -  skipped: one streaming request got HTTP 500 without a complete stream'));
  it('compares the CPU per streamed chunk of the raw and the generic path', () => {
    // c=1: 0.24 s vs 0.3 s of CPU over 500 timed + 50 untimed events
    expect(text).toContain('Proxy CPU per streamed chunk: raw pass-through (dropin) vs generic profile (dropin-generic)');
    expect(text).toMatch(/^1\s+436\.4\s+545\.5\s+\+109\.091$/m);
    expect(text).toMatch(/^in process\s+1\.50\s+4\.50\s+\+3\.000$/m);
  });
  it('ends with the hold test, the goals and the findings', () => {
    expect(text).toContain('Hold test: 1000/1000 streams open through dropin for 5 s: RSS peak 210.0 MB (idle 150.0 MB)');
    expect(text).toMatch(/FAIL\s+throughput at c=64 >= 60% of nginx's \(aim 80%\): dropin 3000 req\/s = 15% of nginx's 20000/);
    expect(text).toContain('  - Portkey <gateway> & co cannot stream');
  });
});
