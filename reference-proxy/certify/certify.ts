// Certification: the conformance suite run against the reference proxy, in front of a
// spec-perfect emulator and in front of emulators reproducing documented server quirks, each
// configured as a user would: no `profile:` line, so the proxy identifies every server itself
// (the spec-perfect one, like any server it cannot identify, is served as generic), plus the
// spec-perfect one pinned to `profile: openai`, the raw pass-through. Every capability runs, the
// embedding and vision models declared as such; the Responses capabilities natively where the
// server has /v1/responses, through the translation onto chat where it has not (Ollama before
// 0.13.3, llama.cpp, an unidentified server) or where its config says chat only. The proxy is certified when every MUST and
// SHOULD check passes through it for every backend, but for the deviations no proxy can repair
// in flight (UNREPAIRABLE), each named with its reason.
import { startEmulator, type ProfileName } from '../../fixtures/emulator/index.ts';
import { applyBaseline, type Baseline } from '../../conformance/run/baseline.ts';
import { runSuite, type SuiteOptions } from '../../conformance/run/run-suite.ts';
import { exitCodeOf } from '../../conformance/run/summarize.ts';
import { ALL_SCENARIOS } from '../../conformance/scenarios/index.ts';
import type { TargetSpec } from '../../conformance/targets/target-spec.ts';
import { CAPABILITIES, type Capability, type RunResult } from '../../conformance/types.ts';
import { parseConfig } from '../config/load.ts';
import { startProxy } from '../index.ts';
import type { Api, QuirkProfile } from '../types.ts';

export interface CertifiedBackend {
  name: string;
  emulator: ProfileName;
  /** the `profile:` line of the backend's config; none = auto */
  profile?: QuirkProfile;
  /** the profile the proxy serves it with */
  servedAs: QuirkProfile;
  /** the `apis:` line of the backend's config; none = what its profile serves */
  apis?: Api[];
}

/** The backends the proxy is certified in front of. */
export const CERTIFIED_BACKENDS: CertifiedBackend[] = [
  { name: 'openai', emulator: 'spec', profile: 'openai', servedAs: 'openai' },
  { name: 'generic', emulator: 'spec', servedAs: 'generic' },
  { name: 'ollama', emulator: 'ollama', servedAs: 'ollama' },
  { name: 'ollama-legacy', emulator: 'ollama-legacy', servedAs: 'ollama-legacy' },
  // the versions whose embeddings differ: base64 ignored before 0.12.7, dimensions before 0.11.11
  { name: 'ollama-0.12', emulator: 'ollama-0.12', servedAs: 'ollama-legacy' },
  { name: 'ollama-0.11', emulator: 'ollama-0.11', servedAs: 'ollama-legacy' },
  // no /v1/responses before Ollama 0.13.3: the Responses capabilities pass through the translation
  { name: 'ollama-0.13', emulator: 'ollama-0.13', servedAs: 'ollama-legacy' },
  // a backend declared chat-only although its server has /v1/responses: translated too
  { name: 'ollama-chat-only', emulator: 'ollama', servedAs: 'ollama', apis: ['chat'] },
  { name: 'llama.cpp', emulator: 'llama.cpp', servedAs: 'llama.cpp' },
  { name: 'vllm', emulator: 'vllm', servedAs: 'vllm' },
  { name: 'lm-studio', emulator: 'lm-studio', servedAs: 'lm-studio' },
];

/**
 * Deviations no proxy can repair in flight, expected to fail through it (a baseline: an entry
 * that starts passing fails the run, so the list can only shrink). Ollama reads embedding input
 * as text only (S19): token ids could only be turned back into text with the model's own
 * tokenizer, which the proxy does not have. It refuses them with a 400 naming `input`, before
 * Ollama answers its own "invalid input type".
 */
export const UNREPAIRABLE: Baseline = Object.fromEntries(
  ['ollama', 'ollama-legacy', 'ollama-0.13', 'ollama-0.12', 'ollama-0.11'].map((name) => [`proxy→${name}`, ['embeddings.token-input']]),
);

const MODEL = 'dropin-emulator-1';
const EMBEDDING_MODEL = 'dropin-emulator-embed';
const VISION_MODEL = 'dropin-emulator-vision';

export interface CertifyOptions extends Partial<Omit<SuiteOptions, 'scenarios' | 'failOn'>> {
  /** receives the proxy's log lines (default: dropped) */
  log?: (line: string) => void;
  /** receives each backend's profile as the proxy served it, before the suite runs */
  onProfiles?: (profiles: Record<string, QuirkProfile>) => void;
}

export async function certify(opts: CertifyOptions = {}): Promise<RunResult> {
  const emulators = await Promise.all(CERTIFIED_BACKENDS.map((b) => startEmulator({ profile: b.emulator })));
  const config = parseConfig({
    listen: { host: '127.0.0.1', port: 0 },
    backends: CERTIFIED_BACKENDS.map((b, i) => ({
      name: b.name,
      baseUrl: emulators[i].url,
      ...(b.profile ? { profile: b.profile } : {}),
      // a server the proxy cannot identify serves chat only until its config says more
      ...(b.servedAs === 'generic' ? { apis: ['chat', 'completions', 'embeddings'] } : {}),
      ...(b.apis ? { apis: b.apis } : {}),
      models: [MODEL, EMBEDDING_MODEL, VISION_MODEL],
      embeddingModels: [EMBEDDING_MODEL],
      visionModels: [VISION_MODEL],
    })),
    // the suite's probe image is served on loopback: Ollama and LM Studio get it inline (S22)
    images: { fetchUrls: true, allowPrivateHosts: true },
    // public models per backend, so each run goes through exactly one kind of backend
    aliases: Object.fromEntries(
      CERTIFIED_BACKENDS.flatMap((b) => [
        [`via-${b.name}`, [{ backend: b.name, model: MODEL }]],
        [`via-${b.name}-embed`, [{ backend: b.name, model: EMBEDDING_MODEL }]],
        [`via-${b.name}-vision`, [{ backend: b.name, model: VISION_MODEL }]],
      ]),
    ),
  });
  const proxy = await startProxy(config, { log: opts.log ?? (() => {}) });
  try {
    opts.onProfiles?.(await servedProfiles(proxy.url));
    const targets: TargetSpec[] = CERTIFIED_BACKENDS.map((b) => ({
      name: `proxy→${b.name}`,
      kind: 'url',
      baseUrl: `${proxy.url}/v1`,
      model: `via-${b.name}`,
      embeddingModel: `via-${b.name}-embed`,
      visionModel: `via-${b.name}-vision`,
      // the emulator's models reason whenever reasoning_effort asks them to
      reasoning: true,
      ...(b.apis ? { capabilities: claimed(b.apis) } : {}),
    }));
    const run = await runSuite(targets, {
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
    const judged = applyBaseline(run, UNREPAIRABLE);
    return { ...judged, exitCode: exitCodeOf(judged) };
  } finally {
    await proxy.close();
    await Promise.all(emulators.map((e) => e.close()));
  }
}

/** The capabilities a backend serving `apis` claims: all but the endpoints it does not serve (Responses is translated onto chat). */
function claimed(apis: readonly Api[]): Capability[] {
  const unserved: Capability[] = (['embeddings', 'completions'] as const).filter((api) => !apis.includes(api));
  return CAPABILITIES.filter((c) => !unserved.includes(c));
}

/** Each backend's profile, as the proxy's /readyz reports it. */
async function servedProfiles(proxyUrl: string): Promise<Record<string, QuirkProfile>> {
  const ready = (await (await fetch(`${proxyUrl}/readyz`)).json()) as { backends?: Array<{ name: string; profile: QuirkProfile }> };
  return Object.fromEntries((ready.backends ?? []).map((b) => [b.name, b.profile]));
}
