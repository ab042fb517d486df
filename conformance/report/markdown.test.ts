import { describe, expect, it } from 'vitest';
import { CAPABILITIES, type RunResult } from '../types.ts';
import { renderMarkdown } from './markdown.ts';
import { sampleRun } from './sample-run.ts';

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
    const [title, , meta] = renderMarkdown(sampleRun()).split('\n');
    expect(title).toBe('# ❌ dropin conformance: FAILED — 2 of 3 targets not conformant (fail-on: must)');
    expect(meta).toBe('Run 2025-06-01T09:30:00.000Z · 39.4 s · 1,092 tokens · repeat 3 · fail-on must · dropin 0.1.0');
  });

  it('draws the targets × capabilities matrix with symbols and counts', () => {
    const rows = tableRows(renderMarkdown(sampleRun()));
    // the sample run has checks in the first seven capabilities; later ones show as skipped
    const later = ' ⏭️ |'.repeat(CAPABILITIES.length - 7);
    expect(rows[0]).toBe(`| target | ${CAPABILITIES.join(' | ')} |`);
    expect(rows[1]).toBe(`| ⚠️ **emulator** | ✅ 2/2 | ✅ 2/2 | ⚠️ 2/2 | ⏭️ | ⏭️ | ⏭️ | ⏭️ |${later}`);
    expect(rows[2]).toBe(`| ❌ **ollama** | ⏭️ | ❌ 1/3 | ❌ 1/3 | ❌ 1/2 | ⏭️ | ⏭️ | ❌ 2/3 |${later}`);
    expect(rows[3]).toBe(`| 💥 **gateway** | ⏭️ | ⏭️ | ❌ 1/3 | 💥 0/1 | ⏭️ | ⏭️ | ❌ 0/2 |${later}`);
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
        '  - Pointer: `/choices/0/message/refusal`\n',
    );
    expect(ollama).toContain('· scenario `tools.named` · passed 2/3 (pass^3 ✗)');
    expect(md).toContain('- 💥 **tools.stream-index** · MUST ·');
    expect(md).not.toContain('models.status-ok');
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
    expect(md.split('\n')[0]).toBe('# ✅ dropin conformance: PASSED — the target is conformant');
    expect(md).not.toContain('## Failures');
  });
});
