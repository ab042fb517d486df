import { describe, expect, it } from 'vitest';
import { exitCodeOf, summarizeCapabilities } from '../run/summarize.ts';
import type { RunResult, TargetResult } from '../types.ts';
import { notTested, runOutcome, runVerdict } from './outcome.ts';
import { sampleRun } from './sample-run.ts';

const groq = (): TargetResult => ({
  name: 'groq', baseUrl: 'https://api.groq.com/openai/v1', model: 'llama-3.1-8b-instant', kind: 'groq',
  startedAt: '2025-06-01T09:30:00.000Z', durationMs: 0,
  usage: { requests: 0, prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
  capabilities: summarizeCapabilities([]), checks: [], exchanges: [],
  skipped: 'GROQ_API_KEY is not set',
});

/** The sample run cut to the given targets, with the exit code the runner would give it. */
function run(targets: (r: RunResult) => TargetResult[], allowSkipped = false): RunResult {
  const r = sampleRun();
  r.targets = targets(r);
  r.options.allowSkipped = allowSkipped;
  r.exitCode = exitCodeOf(r);
  return r;
}

const emulator = (r: RunResult) => r.targets[0];
const clean = (r: RunResult) => ({ ...r.targets[0], checks: r.targets[0].checks.filter((c) => c.status === 'pass') });

describe('runVerdict and runOutcome', () => {
  it('FAILED counts the targets with failures at the fail-on level', () => {
    const r = run((x) => x.targets);
    expect(r.exitCode).toBe(1);
    expect(runOutcome(r)).toBe('failed');
    expect(runVerdict(r)).toEqual({ status: 'fail', text: 'FAILED — 2 of 3 targets not conformant (fail-on: must)' });
  });

  it('INCOMPLETE when a check errored and nothing failed at the fail-on level', () => {
    const r = run((x) => [x.targets[2]]);
    r.options.failOn = 'never';
    r.exitCode = exitCodeOf(r);
    expect(r.exitCode).toBe(2);
    expect(runVerdict(r)).toEqual({ status: 'error', text: 'INCOMPLETE — 1 of 1 target hit harness or network errors' });
  });

  it('PASSED with findings names what was found below the fail-on level', () => {
    const r = run((x) => [x.targets[0], x.targets[1]]);
    r.options.failOn = 'never';
    r.exitCode = exitCodeOf(r);
    expect(runVerdict(r)).toEqual({
      status: 'warn',
      text: 'PASSED — findings below the fail-on level (never): 4 MUST failures, 1 SHOULD failure, 1 MAY failure, 1 warning',
    });
    expect(runVerdict(run((x) => [clean(x)]))).toEqual({ status: 'pass', text: 'PASSED — the target is conformant' });
  });

  it('a skipped target makes the run NOT TESTED, exit 2, whatever else was found', () => {
    const alone = run(() => [groq()]);
    expect(alone.exitCode).toBe(2);
    expect(runOutcome(alone)).toBe('not_tested');
    expect(runVerdict(alone)).toEqual({ status: 'untested', text: 'NOT TESTED — groq was skipped: GROQ_API_KEY is not set' });
    expect(notTested(alone)).toEqual([{ target: 'groq', reason: 'skipped: GROQ_API_KEY is not set' }]);

    const beside = run((x) => [x.targets[1], groq()]);
    expect(beside.exitCode).toBe(2);
    expect(runVerdict(beside).text).toBe(
      'NOT TESTED — groq was skipped: GROQ_API_KEY is not set (1 of 2 targets tested) · also FAILED: 1 of 2 targets not conformant (fail-on: must)',
    );
  });

  it('--allow-skipped accepts a skipped target when another was tested, and says so', () => {
    const r = run((x) => [clean(x), groq()], true);
    expect(r.exitCode).toBe(0);
    expect(runOutcome(r)).toBe('passed');
    expect(runVerdict(r)).toEqual({
      status: 'warn',
      text: 'PASSED — 1 of 2 targets tested and conformant; not tested: groq (skipped: GROQ_API_KEY is not set)',
    });
    const failing = run((x) => [x.targets[1], groq()], true);
    expect(failing.exitCode).toBe(1);
    expect(runVerdict(failing).text).toBe('FAILED — 1 of 2 targets not conformant (fail-on: must); not tested: groq (skipped: GROQ_API_KEY is not set)');
  });

  it('zero checks judged is never green: every check skipped, or no targets, even with --allow-skipped', () => {
    const allSkipped = run((x) => [{ ...emulator(x), checks: emulator(x).checks.map((c) => ({ ...c, status: 'skip' as const, message: 'json_schema is not supported' })) }], true);
    expect(allSkipped.exitCode).toBe(2);
    expect(runVerdict(allSkipped)).toEqual({
      status: 'untested',
      text: 'NOT TESTED — emulator: no check could be judged: all 7 were skipped: json_schema is not supported',
    });
    expect(runVerdict(run(() => [groq()], true)).status).toBe('untested');
    const none = run(() => [], true);
    expect(none.exitCode).toBe(2);
    expect(runVerdict(none)).toEqual({ status: 'untested', text: 'NOT TESTED — no targets' });
  });

  it('does not trust an exit code of 0 that a caller computed for a run that tested nothing', () => {
    const r = run(() => [groq()]);
    r.exitCode = 0;
    expect(runOutcome(r)).toBe('not_tested');
  });
});
