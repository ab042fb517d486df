// Runs the suite against every configured target and assembles the RunResult.
import pLimit from 'p-limit';
import { openTarget } from '../targets/open-target.ts';
import { PRESETS } from '../targets/presets.ts';
import { startCommand } from '../targets/start-command.ts';
import { TargetSkipped, type TargetSpec } from '../targets/target-spec.ts';
import { ALL_SCENARIOS } from '../scenarios/index.ts';
import { CAPABILITIES, type Capability, type RunResult, type Scenario, type TargetResult } from '../types.ts';
import { runTarget, type RunTargetOptions } from './run-target.ts';
import { emptyUsage } from './usage.ts';
import { exitCodeOf, summarizeCapabilities, type FailOn } from './summarize.ts';
import { VERSION } from '../version.ts';

export interface SuiteOptions {
  scenarios: Scenario[];
  only: Capability[];
  repeat: number;
  failOn: FailOn;
  /** a skipped target does not make the run exit 2 when another target was tested */
  allowSkipped?: boolean;
  /** concurrent requests per target */
  concurrency: number;
  /** targets run at once */
  targetConcurrency: number;
  timeoutMs: number;
  onScenario?: RunTargetOptions['onScenario'];
  onExchange?: RunTargetOptions['onExchange'];
  onTargetStart?: (name: string, scenarios: number) => void;
  onTargetEnd?: (result: TargetResult) => void;
}

export const DEFAULT_SUITE_OPTIONS: SuiteOptions = {
  scenarios: ALL_SCENARIOS,
  only: [...CAPABILITIES],
  repeat: 1,
  failOn: 'must',
  concurrency: 4,
  targetConcurrency: 4,
  timeoutMs: 30_000,
};

export async function runSuite(specs: TargetSpec[], options: Partial<SuiteOptions> = {}): Promise<RunResult> {
  const opts = { ...DEFAULT_SUITE_OPTIONS, ...options };
  const started = Date.now();
  const limit = pLimit(Math.max(1, opts.targetConcurrency));
  const targets = await Promise.all(specs.map((spec) => limit(() => runOne(spec, opts))));
  const recorded = { repeat: opts.repeat, only: opts.only, failOn: opts.failOn, ...(opts.allowSkipped ? { allowSkipped: true } : {}) };
  return {
    formatVersion: 1,
    tool: { name: 'dropin', version: VERSION },
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    options: recorded,
    targets,
    exitCode: exitCodeOf({ targets, options: recorded }),
  };
}

async function runOne(spec: TargetSpec, opts: SuiteOptions): Promise<TargetResult> {
  const count = opts.scenarios.filter((s) => opts.only.includes(s.capability)).length;
  opts.onTargetStart?.(spec.name, count);
  let result: TargetResult;
  try {
    const opened = await openTarget(spec);
    try {
      result = await runTarget(opened.target, opts);
      const command = startCommand(spec, opened.target.baseUrl);
      if (command) result.startCommand = command;
    } finally {
      await opened.close();
    }
  } catch (e) {
    const reason = (e as Error).message;
    result = e instanceof TargetSkipped ? { ...notRun(spec), skipped: reason } : { ...notRun(spec), error: reason };
  }
  opts.onTargetEnd?.(result);
  return result;
}

function notRun(spec: TargetSpec): TargetResult {
  const preset = spec.preset ? PRESETS[spec.preset] : undefined;
  return {
    name: spec.name,
    baseUrl: spec.baseUrl ?? preset?.baseUrl ?? '',
    model: spec.model ?? preset?.model ?? (spec.kind === 'ollama' ? spec.models?.[0] ?? '' : ''),
    kind: spec.preset ?? spec.kind,
    startedAt: new Date().toISOString(),
    durationMs: 0,
    usage: emptyUsage(),
    capabilities: summarizeCapabilities([]),
    checks: [],
    exchanges: [],
  };
}
