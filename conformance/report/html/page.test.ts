import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../types.ts';
import { matrixSampleRun, sampleRun } from '../sample-run.ts';
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

  it('draws a failed MUST red "FAIL (MUST)" and SHOULD failures alone amber "DEGRADED (SHOULD)"', () => {
    const page = renderHtml(sampleRun());
    expect(page).toContain('<td class="cell st-fail"><a href="#t1-chat" title="ollama · chat: fail (must) — a MUST check failed: an official client throws or loses data"><span class="word">✗ FAIL <span class="lvl">(MUST)</span></span>');
    expect(page).toContain('<td class="cell st-degraded"><a href="#t1-errors"');
    expect(page).toContain('<span class="word">↓ DEGRADED <span class="lvl">(SHOULD)</span></span>');
    expect(page).toMatch(/<details class="check problem st-fail" id="t1-c\d+"><summary class="row"><span class="badge st-degraded">↓ DEGRADED<\/span><span class="level SHOULD">SHOULD<\/span><span class="id">errors.type-known/);
  });

  it('groups identical failures into one row "in N scenarios" whose members keep their own drill-down', () => {
    const page = renderHtml(matrixSampleRun());
    const together = page.slice(page.indexOf('id="t3"'), page.indexOf('id="t4"'));
    const groups = together.match(/<details class="check problem group st-fail"/g);
    expect(groups).toHaveLength(2);
    expect(together).toContain('<span class="count" title="chat.basic, chat.max-tokens, chat.max-completion-tokens, chat.n, chat.stop, chat.stream-options-nonstream, json_mode.object, tools.named, tools.none, tools.required">in 10 scenarios</span>');
    expect(together.match(/<details class="member" id="t3-c\d+">/g)).toHaveLength(12);
    expect(together).toContain('<summary><span class="mono">chat.n</span><span class="m-received">&quot;eos&quot; (choice 0 of 2)</span></summary>');
    expect(together.match(/<div class="exchange" /g)).toHaveLength(12);
  });

  it('shows the client consequence, evidence and every finding in the drill-down', () => {
    const page = renderHtml(sampleRun());
    expect(page).toContain('<dt>Client consequence</dt><dd class="f-consequence">strict response validators (pydantic models generated from the spec) reject the reply</dd><dt>Evidence</dt><dd class="f-evidence">mlcommons/endpoints#133</dd>');
    expect(page).toContain('<details class="findings"><summary>2 findings</summary><ul><li><code>/choices/0/message: must have required property &#39;refusal&#39;</code></li>');
  });

  it('heads a run with an untested target NOT TESTED, and the target itself says why', () => {
    const page = renderHtml(matrixSampleRun());
    expect(page).toContain('<header class="top st-untested"><div><h1>dropin conformance report</h1><div class="verdict">⊘ NOT TESTED<span class="why">groq was skipped: GROQ_API_KEY is not set');
    expect(page).toMatch(/<a class="tname" href="#t4">groq<\/a> <span class="badge st-untested">⊘ NOT TESTED<\/span>/);
    expect(page).toContain('<p class="target-untested">⊘ NOT TESTED — skipped: GROQ_API_KEY is not set');
    expect(page).not.toContain('PASSED');
    const allowed = renderHtml(matrixSampleRun(true));
    expect(allowed).toContain('<header class="top st-fail">');
    expect(allowed).toContain('<p class="target-skipped">– Not tested (accepted by --allow-skipped): skipped: GROQ_API_KEY is not set');
  });
});
