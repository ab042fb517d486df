// Progress while a run is going: live bars on a terminal, plain lines in CI or when piped.
import cliProgress from 'cli-progress';
import type { CheckResult, TargetResult } from '../types.ts';

export interface Progress {
  targetStart(name: string, scenarios: number): void;
  scenario(e: { target: string; scenario: string; done: number; total: number; checks: CheckResult[] }): void;
  targetEnd(result: TargetResult): void;
  stop(): void;
}

export function createProgress(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): Progress {
  return stream.isTTY && !env.CI ? liveProgress(stream) : plainProgress(stream);
}

function tally(checks: CheckResult[]): string {
  const n = (s: string) => checks.filter((c) => c.status === s).length;
  return `${n('pass')} pass, ${n('fail')} fail, ${n('warn')} warn, ${n('skip')} skip${n('error') ? `, ${n('error')} error` : ''}`;
}

export function notRunReason(r: TargetResult): string | undefined {
  if (r.error) return `could not run: ${r.error}`;
  if (r.skipped) return `skipped: ${r.skipped}`;
  return undefined;
}

function plainProgress(out: NodeJS.WritableStream): Progress {
  return {
    targetStart: (name, n) => out.write(`dropin: ${name}: running ${n} scenarios\n`),
    scenario: (e) => out.write(`dropin: ${e.target}: [${e.done}/${e.total}] ${e.scenario}: ${tally(e.checks)}\n`),
    targetEnd: (r) =>
      out.write(`dropin: ${r.name}: ${notRunReason(r) ?? `done in ${(r.durationMs / 1000).toFixed(1)} s: ${tally(r.checks)}`}\n`),
    stop: () => {},
  };
}

function liveProgress(out: NodeJS.WriteStream): Progress {
  const multi = new cliProgress.MultiBar(
    {
      stream: out,
      format: ' {target} |{bar}| {value}/{total} scenarios | {fails} failing | {last}',
      hideCursor: true,
      clearOnComplete: false,
      autopadding: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const bars = new Map<string, cliProgress.SingleBar>();
  const fails = new Map<string, number>();
  return {
    targetStart: (name, n) => {
      bars.set(name, multi.create(n, 0, { target: name.padEnd(18).slice(0, 18), fails: 0, last: '' }));
    },
    scenario: (e) => {
      const f = (fails.get(e.target) ?? 0) + e.checks.filter((c) => c.status === 'fail').length;
      fails.set(e.target, f);
      bars.get(e.target)?.update(e.done, { fails: f, last: e.scenario });
    },
    targetEnd: (r) => bars.get(r.name)?.update({ last: notRunReason(r) ?? `done in ${(r.durationMs / 1000).toFixed(1)} s` }),
    stop: () => multi.stop(),
  };
}
