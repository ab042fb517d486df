// `dropin certify`: run the whole suite through a proxy and exit 0 only when every MUST and SHOULD
// check passed. By default the reference proxy in front of the emulator and its quirk profiles;
// with --config FILE your proxy started from your config; with --base-url URL a running proxy.
import { writeReports } from '../report/write.ts';
import { runSuite } from '../run/run-suite.ts';
import { ALL_SCENARIOS } from '../scenarios/index.ts';
import { CAPABILITIES, type RunResult } from '../types.ts';
import { redactSecretsIn } from '../report/redact.ts';
import { certifyTargets } from './certify-targets.ts';
import { diagnoseRun } from './diagnose-run.ts';
import { createProgress, type Progress } from './progress.ts';
import { summaryText } from './print-summary.ts';
import { UsageError } from './usage-error.ts';

export interface CertifyFlags {
  out?: string;
  repeat?: string;
  config?: string;
  baseUrl?: string;
  model?: string[];
  apiKey?: string;
}

/** Certification reports go under the one output directory, beside a run's. */
export const DEFAULT_CERTIFY_OUT = './dropin-report/certify';

export async function certifyCommand(flags: CertifyFlags, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const repeat = flags.repeat === undefined ? 3 : Number(flags.repeat);
  if (!Number.isInteger(repeat) || repeat < 1 || repeat > 100) throw new UsageError(`--repeat must be an integer from 1 to 100 (got "${flags.repeat}")`);
  if ((flags.model?.length || flags.apiKey) && !flags.config && !flags.baseUrl) throw new UsageError('--model and --api-key are for your own proxy: use them with --config FILE or --base-url URL');
  const progress = createProgress(process.stderr, env);
  const own = flags.config || flags.baseUrl;
  const { run, secrets } = own ? await certifyOwn(flags, repeat, progress, env) : { run: await certifyReference(repeat, progress), secrets: [] };
  progress.stop();
  const { run: diagnosed, hints } = await diagnoseRun(run);
  const paths = await writeReports(diagnosed, flags.out ?? DEFAULT_CERTIFY_OUT, { secrets });
  const verdict = diagnosed.exitCode === 0 ? 'certified: every MUST and SHOULD check passes through the proxy' : 'NOT certified';
  process.stdout.write(redactSecretsIn(`${summaryText(diagnosed, paths)}${hints.map((h) => `${h}\n`).join('')}${verdict}\n`, secrets));
  return diagnosed.exitCode;
}

async function certifyReference(repeat: number, progress: Progress): Promise<RunResult> {
  const { certify } = await import('../../reference-proxy/certify/certify.ts');
  return certify({ repeat, ...callbacks(progress) });
}

async function certifyOwn(flags: CertifyFlags, repeat: number, progress: Progress, env: NodeJS.ProcessEnv): Promise<{ run: RunResult; secrets: string[] }> {
  const targets = await certifyTargets(flags, env);
  try {
    const run = await runSuite(targets.specs, {
      scenarios: ALL_SCENARIOS,
      only: [...CAPABILITIES],
      repeat,
      failOn: 'should',
      concurrency: 4,
      targetConcurrency: 3,
      timeoutMs: 30_000,
      ...callbacks(progress),
    });
    return { run, secrets: targets.secrets };
  } finally {
    await targets.close();
  }
}

function callbacks(progress: Progress) {
  return {
    onTargetStart: (name: string, n: number) => progress.targetStart(name, n),
    onScenario: (e: Parameters<Progress['scenario']>[0]) => progress.scenario(e),
    onTargetEnd: (r: Parameters<Progress['targetEnd']>[0]) => progress.targetEnd(r),
  };
}
