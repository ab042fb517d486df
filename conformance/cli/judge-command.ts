// `dropin judge FILE...`: judge traffic dropin did not send — its transcripts, HAR files from a
// browser, Playwright or mitmproxy, JSON lines of request/response pairs — with the suite's own
// checks, into the same four reports, with the same exit codes as `dropin run`.
import { existsSync, readFileSync } from 'node:fs';
import type { CapturedExchange, ReadRecording } from '../judge/captured-exchange.ts';
import { RecordingError } from '../judge/formats/recording-error.ts';
import { readRecording } from '../judge/formats/read-recording.ts';
import { judgeRecordings } from '../judge/judge-recordings.ts';
import { redactSecretsIn } from '../report/redact.ts';
import { writeReports } from '../report/write.ts';
import { applyBaseline } from '../run/baseline.ts';
import { exitCodeFor } from '../run/summarize.ts';
import type { RunResult } from '../types.ts';
import { recordingSecrets } from '../judge/recording-secrets.ts';
import { judgeNotes } from './judge-notes.ts';
import { summaryText } from './print-summary.ts';
import { baselineOrUsage, parseFailOn, parseOnly } from './run-options.ts';
import { UsageError } from './usage-error.ts';

export interface JudgeFlags {
  out?: string;
  only?: string;
  failOn?: string;
  baseline?: string;
}

export async function judgeCommand(files: string[], flags: JudgeFlags, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const failOn = parseFailOn(flags.failOn ?? env.DROPIN_FAIL_ON) ?? 'must';
  const only = flags.only ? parseOnly(flags.only) : undefined;
  const baseline = flags.baseline ? baselineOrUsage(flags.baseline) : undefined;
  const read = files.map((f) => [f, readFile(f)] as const);
  const captured = uniqueIds(read.flatMap(([, r]) => r.exchanges));
  const { run: judged, notJudged } = judgeRecordings(captured, { only, failOn });
  const summary = {
    files: read.map(([path, r]) => ({ path, format: r.format, exchanges: r.exchanges.length, ignored: r.ignored })),
    judged: captured.length - notJudged.length,
    notJudged,
  };
  const notes = judgeNotes(summary);
  if (summary.judged === 0) throw new UsageError(`nothing to judge: ${notes.join('; ')}`);
  if (judged.targets.every((t) => t.checks.length === 0)) {
    throw new UsageError(`no check of --only ${flags.only} applies to ${summary.judged === 1 ? 'this exchange' : `these ${summary.judged} exchanges`}; name capabilities they exercise (e.g. chat,streaming)`);
  }
  let run: RunResult = { ...judged, recordings: summary };
  if (baseline) {
    run = applyBaseline(run, baseline);
    run.exitCode = exitCodeFor(run.targets, failOn, run.staleBaseline);
  }
  const secrets = recordingSecrets(captured);
  const written = await writeReports(run, flags.out ?? env.DROPIN_OUT ?? './dropin-report', { secrets });
  process.stderr.write(notes.map((n) => `dropin: ${n}\n`).join(''));
  process.stdout.write(redactSecretsIn(summaryText(run, written), secrets));
  return run.exitCode;
}

function readFile(path: string): ReadRecording {
  if (!existsSync(path)) throw new UsageError(`no file at ${path}; pass a dropin transcript, a HAR file or a JSONL file of request/response pairs`);
  try {
    return readRecording(readFileSync(path, 'utf8'), path);
  } catch (e) {
    if (e instanceof RecordingError) throw new UsageError(e.message);
    throw e;
  }
}

/** Two files with the same base name would give the same ids; later ones get a suffix. */
function uniqueIds(exchanges: CapturedExchange[]): CapturedExchange[] {
  const seen = new Set<string>();
  return exchanges.map((x) => {
    let id = x.id;
    for (let i = 2; seen.has(id); i++) id = `${x.id}~${i}`;
    seen.add(id);
    return id === x.id ? x : { ...x, id };
  });
}
