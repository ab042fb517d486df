// After a run, before its reports: a target whose answers show a user mistake (mistakes.ts) gets
// the hint. When nothing it judged means anything (every request refused as an unknown model,
// every path 404, every answer HTML) the target is marked as not run, with the hint as the
// reason, and the run exits 2 instead of reporting pages of conformance failures.
import type { RunResult } from '../types.ts';
import { probe } from './mistake-probes.ts';
import { explain, findMistake, isFatal } from './mistakes.ts';

export interface Diagnosis {
  run: RunResult;
  /** one line per target with a mistake that was not fatal, to print after the summary */
  hints: string[];
}

export async function diagnoseRun(run: RunResult): Promise<Diagnosis> {
  const hints: string[] = [];
  const targets = await Promise.all(
    run.targets.map(async (t) => {
      const mistake = t.error || t.skipped ? undefined : findMistake(t);
      if (!mistake) return t;
      const message = explain(mistake, t, await probe(mistake, t));
      if (isFatal(mistake)) return { ...t, error: message };
      hints.push(`${t.name}: hint: ${message}`);
      return t;
    }),
  );
  const fatal = targets.some((t, i) => t !== run.targets[i] && t.error);
  return { run: fatal ? { ...run, targets, exitCode: 2 } : run, hints };
}
