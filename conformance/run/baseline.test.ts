import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyBaseline, BaselineError, loadBaseline } from './baseline.ts';
import { runSuite } from './run-suite.ts';
import { exitCodeFor } from './summarize.ts';

describe('baselines of expected failures', () => {
  it('keeps a run green on exactly the listed failures, and fails it on stale entries', async () => {
    const run = await runSuite([{ name: 'legacy', kind: 'emulator', profile: 'ollama-legacy' }], { only: ['streaming'] });
    expect(run.exitCode).toBe(1);
    const failing = [...new Set(run.targets[0].checks.filter((c) => c.status === 'fail').map((c) => c.id))];

    const exact = applyBaseline(run, { legacy: failing });
    expect(exact.staleBaseline).toEqual([]);
    expect(exitCodeFor(exact.targets, 'must', exact.staleBaseline)).toBe(0);
    expect(exact.targets[0].checks.filter((c) => c.status === 'fail').every((c) => c.expectedFailure)).toBe(true);

    const stale = applyBaseline(run, { legacy: [...failing, 'streaming.done-terminator'] });
    expect(stale.staleBaseline).toEqual(['legacy: streaming.done-terminator']);
    expect(exitCodeFor(stale.targets, 'must', stale.staleBaseline)).toBe(1);

    const partial = applyBaseline(run, { '*': [failing[0]] });
    expect(exitCodeFor(partial.targets, 'must', partial.staleBaseline)).toBe(failing.length > 1 ? 1 : 0);
  });

  it('scopes an entry to one scenario with scenario:check-id', async () => {
    const run = await runSuite([{ name: 'legacy', kind: 'emulator', profile: 'ollama-legacy' }], { only: ['streaming'] });
    const scoped = applyBaseline(run, { legacy: ['streaming.basic:streaming.role-once'] });
    const roleOnce = scoped.targets[0].checks.filter((c) => c.id === 'streaming.role-once' && c.status === 'fail');
    expect(roleOnce.find((c) => c.scenario === 'streaming.basic')?.expectedFailure).toBe(true);
    expect(roleOnce.find((c) => c.scenario === 'streaming.usage')?.expectedFailure).toBeUndefined();
  });

  it('explains the file format when a baseline is malformed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dropin-baseline-'));
    writeFileSync(join(dir, 'b.yaml'), '- chat.schema\n');
    expect(() => loadBaseline(join(dir, 'b.yaml'))).toThrow(BaselineError);
    expect(() => loadBaseline(join(dir, 'b.yaml'))).toThrow(/must map target names/);
  });
});
