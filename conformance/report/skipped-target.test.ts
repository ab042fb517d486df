import { describe, expect, it } from 'vitest';
import { summarizeCapabilities } from '../run/summarize.ts';
import type { CheckResult, RunResult, TargetResult } from '../types.ts';
import { renderJunit } from './junit.ts';
import { renderMarkdown } from './markdown.ts';
import { renderHtml } from './html/page.ts';

const skipped: TargetResult = {
  name: 'groq', baseUrl: 'https://api.groq.com/openai/v1', model: 'llama-3.1-8b-instant', kind: 'preset',
  startedAt: '2026-01-01T00:00:00.000Z', durationMs: 0,
  usage: { requests: 0, prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
  capabilities: summarizeCapabilities([]), checks: [], exchanges: [],
  skipped: 'GROQ_API_KEY is not set: export it to test groq',
};
const run: RunResult = {
  formatVersion: 1, tool: { name: 'dropin', version: '0' }, startedAt: skipped.startedAt, durationMs: 1,
  options: { repeat: 1, only: [], failOn: 'must' }, targets: [skipped], exitCode: 2,
};

describe('a skipped target', () => {
  it('says why in every report, as NOT TESTED: an error in junit.xml, never a pass', () => {
    const md = renderMarkdown(run);
    expect(md).toMatch(/🚫 \*\*NOT TESTED\*\* — skipped: GROQ\\?_API\\?_KEY is not set/);
    expect(md.split('\n').slice(0, 3)).toEqual(['# 🚫 dropin conformance: NOT TESTED', '', '**groq was skipped: GROQ\\_API\\_KEY is not set: export it to test groq**']);
    expect(renderHtml(run)).toContain('⊘ NOT TESTED — skipped: GROQ_API_KEY is not set');
    const junit = renderJunit(run);
    expect(junit).toContain('<error message="GROQ_API_KEY is not set: export it to test groq" type="not-tested">NOT TESTED: GROQ_API_KEY');
    expect(junit).toMatch(/<testsuites [^>]*errors="1"[^>]*skipped="0"/);
  });

  it('is a skip when the run accepted skips and tested another target', () => {
    const tested = { ...skipped, name: 'spec', skipped: undefined, checks: [passing], capabilities: summarizeCapabilities([passing]) };
    const allowed: RunResult = { ...run, options: { ...run.options, allowSkipped: true }, targets: [tested, skipped] };
    const junit = renderJunit(allowed);
    expect(junit).toContain('<skipped message="GROQ_API_KEY is not set: export it to test groq"/>');
    expect(junit).toMatch(/<testsuites [^>]*errors="0"[^>]*skipped="1"/);
    expect(renderHtml(allowed)).toContain('Not tested (accepted by --allow-skipped): skipped: GROQ_API_KEY is not set');
    expect(renderMarkdown(allowed)).toMatch(/\*\*groq\*\* — .* — ⏭️ — skipped: GROQ/);
  });
});

const passing: CheckResult = {
  id: 'chat.status-ok', capability: 'chat', level: 'MUST', title: 'ok', spec: 's', kind: 'protocol', scenario: 'chat.basic', status: 'pass', exchanges: [],
};

describe('a failure expected by the baseline', () => {
  it('is marked as expected in report.md and report.html', () => {
    const check = {
      id: 'chat.schema', capability: 'chat' as const, level: 'MUST' as const, title: 'schema', spec: 's', kind: 'protocol' as const,
      scenario: 'chat.basic', status: 'fail' as const, exchanges: [], expectedFailure: true,
    };
    const target = { ...skipped, skipped: undefined, name: 'ollama', checks: [check], capabilities: summarizeCapabilities([check]) };
    const withBaseline = { ...run, targets: [target] };
    expect(renderMarkdown(withBaseline)).toContain('expected by the baseline');
    expect(renderHtml(withBaseline)).toContain('>expected</span>');
  });
});
