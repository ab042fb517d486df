// What `dropin record` prints last: the endpoint's verdict as `dropin run` would give it, and the
// transcript that was written. Recording worked whatever the verdict, so the exit code is 0 unless
// a target could not be recorded at all (2): not run, or not one answer captured.
import type { RunResult } from '../types.ts';

const VERDICT = ['conformant at the chosen level', 'conformance failures', 'a target or the harness broke'];

/** `summary` is the run's terminal summary, written with no report paths. */
export function recordSummary(summary: string, run: RunResult, transcript: string, exchanges: number): string {
  const verdict = `verdict: ${VERDICT[run.exitCode]} (dropin run would exit ${run.exitCode}, --fail-on ${run.options.failOn})`;
  const recorded = recordExitCode(run) === 0
    ? `recorded: ${exchanges} exchanges written to the transcript ${transcript}; re-check it anywhere with \`dropin run --replay ${transcript}\``
    : `not recorded: the endpoint could not be tested (see above); the transcript ${transcript} holds what was captured`;
  const lines = summary
    .trimEnd()
    .split('\n')
    .filter((l) => !l.startsWith('result: '))
    .map((l) => l.replace(/; reports: $/, ''));
  return `${[...lines, verdict, recorded].join('\n')}\n`;
}

export function recordExitCode(run: RunResult): 0 | 2 {
  return run.targets.some((t) => t.error || t.skipped || !t.exchanges.some((x) => x.status !== undefined)) ? 2 : 0;
}
