import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../types.ts';
import { sampleRun } from '../sample-run.ts';
import { renderHtml } from './page.ts';

/** The sample's ollama target with `n` failing checks, each drawn from its own huge exchange. */
function largeRun(n: number): RunResult {
  const run = sampleRun();
  const target = run.targets[1];
  const template = target.exchanges[0];
  const stream = run.targets[2].exchanges[0];
  target.exchanges = Array.from({ length: n }, (_, i) => ({
    ...(i % 2 === 0 ? template : stream),
    id: `bulk#${i}`,
    bodyText: i % 2 === 0 ? 'y'.repeat(100_000) : stream.bodyText,
    sse: i % 2 === 0 ? undefined : { ...stream.sse!, events: Array.from({ length: 1000 }, (_, k) => ({ data: `{"k":${k}}`, at: k })) },
  }));
  target.checks = target.exchanges.flatMap((x) => [
    { ...target.checks[0], scenario: 'bulk', exchanges: [x.id] },
    { ...target.checks[2], scenario: 'bulk', exchanges: [x.id] },
  ]);
  return run;
}

describe('renderHtml', () => {
  it('is one self-contained document: no external URL in src/href, a CSP that forbids fetches', () => {
    const page = renderHtml(sampleRun());
    expect(page).not.toMatch(/\s(src|href)="(?!#)/);
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"`);
    expect(page.match(/<script>/g)).toHaveLength(1);
  });

  it('escapes captured text so it cannot become markup', () => {
    const page = renderHtml(sampleRun());
    expect(page).not.toContain('<script>window.__pwned');
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;/script&gt;&lt;script&gt;window.__pwned = 1&lt;/script&gt;');
  });

  it('shows a target that could not run', () => {
    const run = sampleRun();
    Object.assign(run.targets[2], { error: 'the container exited: <code 137>', checks: [], exchanges: [] });
    const page = renderHtml(run);
    expect(page).toContain('This target could not be run: the container exited: &lt;code 137&gt;');
    expect(page).toMatch(/No checks ran for: (<span id="t2-\w+" class="mono">\w+<\/span>, ){6}<span id="t2-errors"/);
  });

  it('draws each exchange once, caps long bodies and streams, and stays small with hundreds of exchanges', () => {
    const page = renderHtml(largeRun(300));
    const ollama = page.slice(page.indexOf('id="t1"'), page.indexOf('id="t2"'));
    expect(ollama.match(/<div class="exchange" /g)).toHaveLength(300);
    expect(ollama.match(/is shown above\./g)).toHaveLength(300);
    expect(page).toContain('80,000 more characters not shown; the full text is in results.json');
    expect(page).toContain('700 more events not shown; all are in results.json');
    expect(page.length).toBeLessThan(15_000_000);
    expect(page).not.toContain('y'.repeat(20_001));
  });
});
