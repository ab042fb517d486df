import { describe, expect, it } from 'vitest';
import { CAPABILITIES, type RunResult } from '../types.ts';
import { renderMarkdown } from './markdown.ts';
import { matrixSampleRun, sampleRun } from './sample-run.ts';

/** A run where every target passes: the problem checks are dropped and summaries recomputed as pass. */
function passingRun(): RunResult {
  const run = sampleRun();
  run.exitCode = 0;
  run.targets = [run.targets[0]];
  const target = run.targets[0];
  target.checks = target.checks.filter((c) => c.status === 'pass');
  for (const s of Object.values(target.capabilities)) {
    s.status = s.counts.pass > 0 ? 'pass' : 'skip';
    s.counts.warn = 0;
    s.counts.skip = 0;
  }
  return run;
}

const tableRows = (md: string) => md.split('\n').filter((l) => l.startsWith('| '));

describe('renderMarkdown', () => {
  it('opens with the verdict and the run figures', () => {
    const [title, , why, , meta] = renderMarkdown(sampleRun()).split('\n');
    expect(title).toBe('# ❌ dropin conformance: FAILED');
    expect(why).toBe('**2 of 3 targets not conformant (fail-on: must)**');
    expect(meta).toBe('Run 2025-06-01T09:30:00.000Z · 39.4 s · 1,092 tokens · repeat 3 · fail-on must · dropin 0.1.0');
  });

  it('draws the targets × capabilities matrix: a failed MUST is FAIL, SHOULD failures alone are degraded', () => {
    const rows = tableRows(renderMarkdown(sampleRun()));
    // the sample run has checks in the first seven capabilities; later ones show as skipped
    const later = ' ⏭️ |'.repeat(CAPABILITIES.length - 7);
    expect(rows[0]).toBe(`| target | ${CAPABILITIES.join(' | ')} |`);
    expect(rows[1]).toBe(`| ⚠️ **emulator** | ✅ 2/2 | ✅ 2/2 | ⚠️ 2/2 | ⏭️ | ⏭️ | ⏭️ | ⏭️ |${later}`);
    expect(rows[2]).toBe(`| ❌ **ollama** | ⏭️ | ❌ FAIL (MUST) 1/3 | ❌ FAIL (MUST) 1/3 | ❌ FAIL (MUST) 1/2 | ⏭️ | ⏭️ | 🟠 degraded (SHOULD) 2/3 |${later}`);
    expect(rows[3]).toBe(`| ❌ **gateway** | ⏭️ | ⏭️ | ❌ FAIL (MUST) 1/3 | 💥 0/1 | ⏭️ | ⏭️ | ❌ FAIL (MUST) 0/2 |${later}`);
  });

  it('turns SHOULD failures red under --fail-on should, and says so in the legend', () => {
    const run = sampleRun();
    run.options.failOn = 'should';
    const md = renderMarkdown(run);
    expect(tableRows(md)[2]).toContain('| ❌ FAIL (SHOULD) 2/3 |');
    expect(md).toContain('a MUST check or SHOULD (--fail-on should) failed');
    expect(md).toMatch(/- ❌ \*\*errors\.type-known\*\* · SHOULD/);
  });

  it('limits the matrix to the capabilities the run covered', () => {
    const run = sampleRun();
    run.options.only = ['errors', 'chat'];
    expect(tableRows(renderMarkdown(run))[0]).toBe('| target | chat | errors |');
  });

  it('escapes pipes and line breaks in table cells', () => {
    const run = sampleRun();
    run.targets[0].name = 'a|b\nc*d';
    const row = tableRows(renderMarkdown(run))[1];
    expect(row.startsWith('| ⚠️ **a\\|b<br>c\\*d** | ✅ 2/2 |')).toBe(true);
    expect(row.split(/(?<!\\)\|/)).toHaveLength(CAPABILITIES.length + 3);
  });

  it('lists one line per target with wall time and tokens', () => {
    const md = renderMarkdown(sampleRun());
    expect(md).toContain('- **ollama** — `llama3.2:1b` (ollama) at `http://127.0.0.1:11434/v1` — 28.4 s, 845 tokens in 14 requests\n');
  });

  it('groups failures by target and capability with Expected / Received and pointer', () => {
    const md = renderMarkdown(sampleRun());
    const ollama = md.slice(md.indexOf('### ollama'), md.indexOf('### gateway'));
    expect(ollama.indexOf('#### chat')).toBeLessThan(ollama.indexOf('#### tools'));
    expect(ollama).toContain(
      '- ❌ **chat.schema** · MUST · Chat completion matches the schema · scenario `chat.basic`\n' +
        '  - choices\\[0\\].message lacks the required key "refusal"\n' +
        '  - Expected: `message.refusal present (string or null)`\n' +
        '  - Received: `key absent`\n' +
        '  - Pointer: `/choices/0/message/refusal`\n' +
        '  - Client consequence: strict response validators (pydantic models generated from the spec) reject the reply\n' +
        '  - Evidence: mlcommons/endpoints#133\n' +
        "  - <details><summary>2 findings</summary><ul><li><code>/choices/0/message: must have required property &#39;refusal&#39;</code></li><li><code>/choices/0: must have required property &#39;logprobs&#39;</code></li></ul></details>\n",
    );
    expect(ollama).toContain('- 🟠 **errors.type-known** · SHOULD ·');
    expect(ollama).toContain('· scenario `tools.named` · passed 2/3 (pass^3 ✗)');
    expect(md).toContain('- 💥 **tools.stream-index** · MUST ·');
    expect(md).not.toContain('models.status-ok');
  });

  it('writes identical failures across scenarios once, "in N scenarios", and says when Received differs', () => {
    const md = renderMarkdown(matrixSampleRun());
    const together = md.slice(md.indexOf('### together'));
    expect(together.match(/chat\.finish-reason-enum/g)).toHaveLength(1);
    expect(together).toContain(
      '- ❌ **chat.finish-reason-enum** · MUST · finish\\_reason is one of the spec values · **in 10 scenarios**: `chat.basic`, `chat.max-tokens`,',
    );
    expect(together).toContain('  - Received (in `chat.basic`; differs by scenario, each is in report.html): `"eos"`\n');
    expect(together).toContain('- 🟠 **streaming.usage-chunk** · SHOULD · include\\_usage yields a final usage chunk · **in 2 scenarios**: `streaming.usage`, `tools.stream`\n');
    expect(together).toContain('  - Received: `no chunk carries usage`\n');
  });

  it('says NOT TESTED for a run with a skipped target, in the title, the matrix and the target line', () => {
    const md = renderMarkdown(matrixSampleRun());
    expect(md.split('\n')[0]).toBe('# 🚫 dropin conformance: NOT TESTED');
    expect(md.split('\n')[2]).toMatch(/^\*\*groq was skipped: GROQ\\_API\\_KEY is not set/);
    expect(tableRows(md)[5]).toMatch(/^\| ⏭️ \*\*groq\*\* \(not tested\) \|/);
    expect(md).toMatch(/- \*\*groq\*\* — .* — 🚫 \*\*NOT TESTED\*\* — skipped: GROQ/);
    expect(renderMarkdown(matrixSampleRun(true)).split('\n')[2]).toMatch(/^\*\*3 of 5 targets not conformant \(fail-on: must\); not tested: groq/);
  });

  it('keeps hostile text inside code spans and caps long values', () => {
    const run = sampleRun();
    Object.assign(run.targets[1].checks[0], { expected: 'has `ticks` and ``double``\nand a newline', received: 'x'.repeat(5000) });
    const md = renderMarkdown(run);
    expect(md).toContain('  - Expected: ```has `ticks` and ``double`` ⏎ and a newline```\n');
    expect(md).toMatch(/ {2}- Received: `x{400}` \(4,600 more characters not shown; the full text is in results\.json\)\n/);
    expect(md).toContain('the connection was reset while reading the stream (socket hang up)');
  });

  it('says PASSED and lists no failures for a clean run', () => {
    const md = renderMarkdown(passingRun());
    expect(md.split('\n').slice(0, 3)).toEqual(['# ✅ dropin conformance: PASSED', '', '**the target is conformant**']);
    expect(md).not.toContain('## Failures');
  });
});
