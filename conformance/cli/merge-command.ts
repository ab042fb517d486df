// `dropin merge a/results.json b/results.json --out DIR`: one matrix from runs made apart — the
// suite scales out as a CI matrix (one job per target), and this joins the jobs' results.
import { readFileSync } from 'node:fs';
import { writeReports } from '../report/write.ts';
import { exitCodeOf } from '../run/summarize.ts';
import type { RunResult } from '../types.ts';
import { summaryText, wantsColor } from './print-summary.ts';
import { parseAllowSkipped } from './run-options.ts';
import { UsageError } from './usage-error.ts';

/**
 * `allowSkipped` undefined: skips are allowed when every merged run allowed them, so a matrix whose
 * jobs accepted a missing secret merges the same way. Nothing judged never passes either way.
 */
export function mergeRuns(runs: RunResult[], allowSkipped?: boolean): RunResult {
  const failOn = runs[0].options.failOn;
  const allow = allowSkipped ?? runs.every((r) => r.options.allowSkipped === true);
  const names = new Set<string>();
  const targets = runs.flatMap((r) => r.targets).map((t) => {
    let name = t.name;
    for (let i = 2; names.has(name); i++) name = `${t.name}-${i}`;
    names.add(name);
    return name === t.name ? t : { ...t, name };
  });
  const staleBaseline = runs.flatMap((r) => r.staleBaseline ?? []);
  const started = Math.min(...runs.map((r) => Date.parse(r.startedAt)));
  const merged: RunResult = {
    formatVersion: 1,
    tool: runs[0].tool,
    startedAt: new Date(started).toISOString(),
    durationMs: Math.max(...runs.map((r) => Date.parse(r.startedAt) + r.durationMs)) - started,
    options: {
      repeat: Math.max(...runs.map((r) => r.options.repeat)),
      only: [...new Set(runs.flatMap((r) => (r.options.only.length ? r.options.only : [])))],
      failOn,
      ...(allow ? { allowSkipped: true } : {}),
    },
    targets,
    ...(staleBaseline.length ? { staleBaseline } : {}),
    exitCode: 0,
  };
  merged.exitCode = exitCodeOf(merged);
  return merged;
}

export async function mergeCommand(files: string[], flags: { out?: string; allowSkipped?: boolean }, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const allowSkipped = flags.allowSkipped || parseAllowSkipped(env.DROPIN_ALLOW_SKIPPED);
  const runs = files.map(readRun);
  const versions = new Set(runs.map((r) => r.tool.version));
  if (versions.size > 1) process.stderr.write(`dropin: merging results of different dropin versions (${[...versions].join(', ')}); check ids may differ\n`);
  const merged = mergeRuns(runs, allowSkipped);
  const paths = await writeReports(merged, flags.out ?? './dropin-report');
  process.stdout.write(summaryText(merged, paths, { color: wantsColor(process.stdout, env) }));
  return merged.exitCode;
}

function readRun(file: string): RunResult {
  let run: RunResult;
  try {
    run = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
  }
  if (run?.formatVersion !== 1 || !Array.isArray(run.targets)) {
    throw new UsageError(`${file} is not a dropin results.json (format version 1); pass the results.json files that dropin run wrote`);
  }
  return run;
}
