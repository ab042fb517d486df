// `dropin run`: resolve the targets, run the suite with progress, write the reports, print the
// summary, and return the exit code (0 conformant, 1 failures, 2 usage/harness error).
import { writeReports } from '../report/write.ts';
import { runSuite } from '../run/run-suite.ts';
import { ALL_SCENARIOS } from '../scenarios/index.ts';
import { createProgress } from './progress.ts';
import { summaryText } from './print-summary.ts';
import { resolveRun, type RunFlags } from './run-options.ts';

export async function runCommand(flags: RunFlags, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const opts = resolveRun(flags, env);
  const progress = createProgress(process.stderr, env);
  const run = await runSuite(opts.specs, {
    scenarios: ALL_SCENARIOS,
    only: opts.only,
    repeat: opts.repeat,
    failOn: opts.failOn,
    concurrency: opts.concurrency,
    targetConcurrency: opts.targetConcurrency,
    timeoutMs: opts.timeoutMs,
    onTargetStart: (name, n) => progress.targetStart(name, n),
    onScenario: (e) => progress.scenario(e),
    onTargetEnd: (r) => progress.targetEnd(r),
  });
  progress.stop();
  const paths = await writeReports(run, opts.out, { secrets: opts.secrets });
  process.stdout.write(redact(summaryText(run, paths), opts.secrets));
  return run.exitCode;
}

function redact(text: string, secrets: string[]): string {
  return secrets.reduce((t, s) => t.split(s).join('***'), text);
}
