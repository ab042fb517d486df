// `dropin run` (and `dropin record`): resolve the targets, run the suite with progress, write
// the reports (or the transcript), print the summary, and return the exit code: for run 0
// conformant, 1 failures, 2 usage/harness error; for record 0 once the transcript is written.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { redactSecretsIn } from '../report/redact.ts';
import { writeReports } from '../report/write.ts';
import { applyBaseline } from '../run/baseline.ts';
import { runSuite } from '../run/run-suite.ts';
import { exitCodeOf } from '../run/summarize.ts';
import { ALL_SCENARIOS } from '../scenarios/index.ts';
import { toTranscriptLine, type TranscriptLine } from '../transcript/format.ts';
import { diagnoseRun } from './diagnose-run.ts';
import { recordExitCode, recordSummary } from './record-summary.ts';
import { createProgress } from './progress.ts';
import { summaryText, wantsColor } from './print-summary.ts';
import { resolveRun, type RunFlags } from './run-options.ts';

/** Where `dropin record` writes without --out: beside the reports, under the one output directory. */
export const DEFAULT_TRANSCRIPT = './dropin-report/transcript.jsonl';

export async function runCommand(flags: RunFlags, env: NodeJS.ProcessEnv = process.env, mode: 'run' | 'record' = 'run'): Promise<number> {
  const recordTo = flags.out ?? DEFAULT_TRANSCRIPT;
  const opts = resolveRun(mode === 'record' ? { ...flags, record: recordTo, out: undefined } : flags, env);
  const transcript = mode === 'record' ? recordTo : flags.record;
  const lines: TranscriptLine[] = [];
  const progress = createProgress(process.stderr, env);
  const started = Date.now();
  let run = await runSuite(opts.specs, {
    scenarios: ALL_SCENARIOS,
    only: opts.only,
    repeat: opts.repeat,
    failOn: opts.failOn,
    allowSkipped: opts.allowSkipped,
    concurrency: opts.concurrency,
    targetConcurrency: opts.targetConcurrency,
    timeoutMs: opts.timeoutMs,
    onTargetStart: (name, n) => progress.targetStart(name, n),
    onScenario: (e) => progress.scenario(e),
    onTargetEnd: (r) => progress.targetEnd(r),
    onExchange: transcript ? (_t, scenario, ex) => lines.push(toTranscriptLine(scenario, ex, started, opts.secrets)) : undefined,
  });
  progress.stop();
  if (opts.baseline) {
    run = applyBaseline(run, opts.baseline);
    run.exitCode = exitCodeOf(run);
  }
  // a wrong model or URL is the user's to fix, not the endpoint's conformance
  const { run: diagnosed, hints } = await diagnoseRun(run);
  run = diagnosed;
  const written: string[] = [];
  if (transcript) {
    lines.sort((a, b) => a.at - b.at);
    mkdirSync(dirname(transcript), { recursive: true });
    writeFileSync(transcript, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  }
  if (mode === 'record') {
    process.stdout.write(redactSecretsIn(recordSummary(summaryText(run, []), run, transcript!, lines.length) + hints.map((h) => `${h}\n`).join(''), opts.secrets));
    return recordExitCode(run);
  }
  if (transcript) written.push(transcript);
  written.push(...(await writeReports(run, opts.out, { secrets: opts.secrets })));
  process.stdout.write(redactSecretsIn(summaryText(run, written, { color: wantsColor(process.stdout, env) }) + hints.map((h) => `${h}\n`).join(''), opts.secrets));
  return run.exitCode;
}
