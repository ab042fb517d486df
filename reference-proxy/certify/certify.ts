// Certification: the conformance suite run against the reference proxy, in front of a
// spec-perfect emulator and in front of emulators reproducing documented server quirks. The
// proxy is certified when every MUST and SHOULD check passes through it for every backend.
import { startEmulator, type ProfileName } from '../../fixtures/emulator/index.ts';
import { runSuite, type SuiteOptions } from '../../conformance/run/run-suite.ts';
import { ALL_SCENARIOS } from '../../conformance/scenarios/index.ts';
import type { TargetSpec } from '../../conformance/targets/target-spec.ts';
import { CAPABILITIES, type RunResult } from '../../conformance/types.ts';
import { parseConfig } from '../config/load.ts';
import { startProxy } from '../index.ts';
import type { QuirkProfile } from '../types.ts';

/** The backends the proxy is certified in front of: emulator profile → the proxy profile that normalises it. */
export const CERTIFIED_BACKENDS: Array<{ name: string; emulator: ProfileName; proxyProfile: QuirkProfile }> = [
  { name: 'spec', emulator: 'spec', proxyProfile: 'openai' },
  { name: 'ollama', emulator: 'ollama', proxyProfile: 'ollama' },
  { name: 'ollama-legacy', emulator: 'ollama-legacy', proxyProfile: 'ollama-legacy' },
];

const MODEL = 'dropin-emulator-1';

export interface CertifyOptions extends Partial<Omit<SuiteOptions, 'scenarios' | 'failOn'>> {
  /** receives the proxy's log lines (default: dropped) */
  log?: (line: string) => void;
}

export async function certify(opts: CertifyOptions = {}): Promise<RunResult> {
  const emulators = await Promise.all(CERTIFIED_BACKENDS.map((b) => startEmulator({ profile: b.emulator })));
  const config = parseConfig({
    listen: { host: '127.0.0.1', port: 0 },
    backends: CERTIFIED_BACKENDS.map((b, i) => ({
      name: b.name,
      baseUrl: emulators[i].url,
      profile: b.proxyProfile,
      models: [MODEL],
    })),
    // one public model per backend, so each run goes through exactly one kind of backend
    aliases: Object.fromEntries(CERTIFIED_BACKENDS.map((b) => [`via-${b.name}`, [{ backend: b.name, model: MODEL }]])),
  });
  const proxy = await startProxy(config, { log: opts.log ?? (() => {}) });
  try {
    const targets: TargetSpec[] = CERTIFIED_BACKENDS.map((b) => ({
      name: `proxy→${b.name}`,
      kind: 'url',
      baseUrl: `${proxy.url}/v1`,
      model: `via-${b.name}`,
    }));
    return await runSuite(targets, {
      scenarios: ALL_SCENARIOS,
      only: opts.only ?? [...CAPABILITIES],
      repeat: opts.repeat ?? 3,
      failOn: 'should',
      concurrency: opts.concurrency ?? 4,
      targetConcurrency: opts.targetConcurrency ?? 3,
      timeoutMs: opts.timeoutMs ?? 30_000,
      onScenario: opts.onScenario,
      onTargetStart: opts.onTargetStart,
      onTargetEnd: opts.onTargetEnd,
    });
  } finally {
    await proxy.close();
    await Promise.all(emulators.map((e) => e.close()));
  }
}
