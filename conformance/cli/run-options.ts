// Resolves `dropin run` flags, the environment and an optional config file into targets and
// run settings. Precedence: flags > environment > config file > defaults.
import { existsSync } from 'node:fs';
import { loadBaseline, type Baseline } from '../run/baseline.ts';
import { CAPABILITIES, type Capability } from '../types.ts';
import { PRESETS } from '../targets/presets.ts';
import type { TargetSpec } from '../targets/target-spec.ts';
import type { FailOn } from '../run/summarize.ts';
import { PROFILES } from '../../fixtures/emulator/profiles.ts';
import { QUIRK_NAMES } from '../../fixtures/emulator/quirks.ts';
import { requireAllowed } from './allowed-values.ts';
import { loadRunConfig, resolveSecret } from './run-config.ts';
import { UsageError } from './usage-error.ts';

export interface RunFlags {
  baseUrl?: string;
  model?: string;
  apiKey?: string;
  header?: string[];
  emulator?: boolean | string;
  quirk?: string[];
  config?: string;
  baseline?: string;
  replay?: string;
  record?: string;
  only?: string;
  repeat?: string;
  out?: string;
  failOn?: string;
  allowSkipped?: boolean;
  concurrency?: string;
  timeout?: string;
  embeddingModel?: string;
  visionModel?: string;
  reasoning?: boolean;
  capabilities?: string;
}

export interface ResolvedRun {
  specs: TargetSpec[];
  only: Capability[];
  repeat: number;
  failOn: FailOn;
  /** a skipped target does not make the run exit 2 when another was tested */
  allowSkipped: boolean;
  out: string;
  concurrency: number;
  targetConcurrency: number;
  timeoutMs: number;
  /** every secret in play, to redact from every output */
  secrets: string[];
  baseline?: Baseline;
}

export function resolveRun(flags: RunFlags, env: NodeJS.ProcessEnv): ResolvedRun {
  const file = flags.config ? loadRunConfig(flags.config, env) : undefined;
  const direct = [flags.baseUrl, flags.emulator, flags.replay].filter((f) => f !== undefined).length;
  if (direct > 1) throw new UsageError('use one of --base-url, --emulator and --replay');
  if (file && direct) throw new UsageError('use either --config FILE or --base-url/--emulator/--replay, not both');
  if (flags.record && targetCount(file) > 1) throw new UsageError('--record writes one target\'s transcript: use it with a single target');
  const specs = file?.targets ?? [directTarget(flags, env)];
  const headers = parseHeaders(flags.header ?? []);
  if (Object.keys(headers).length) for (const s of specs) s.headers = { ...s.headers, ...headers };
  const claims = claimFlags(flags);
  for (const s of specs) Object.assign(s, claims);
  const resolved: ResolvedRun = {
    specs,
    only: flags.only !== undefined ? parseOnly(flags.only) : (file?.only ?? [...CAPABILITIES]),
    repeat: int(flags.repeat, '--repeat', 1, 100) ?? file?.repeat ?? 1,
    failOn: parseFailOn(flags.failOn ?? env.DROPIN_FAIL_ON) ?? file?.failOn ?? 'must',
    allowSkipped: flags.allowSkipped || (parseAllowSkipped(env.DROPIN_ALLOW_SKIPPED) ?? file?.allowSkipped ?? false),
    out: flags.out ?? (env.DROPIN_OUT || undefined) ?? file?.out ?? './dropin-report',
    concurrency: int(flags.concurrency, '--concurrency', 1, 64) ?? file?.concurrency ?? 4,
    targetConcurrency: file?.targetConcurrency ?? 4,
    timeoutMs: int(flags.timeout, '--timeout', 100, 3_600_000) ?? file?.timeoutMs ?? 30_000,
    secrets: [],
    baseline: flags.baseline ? baselineOrUsage(flags.baseline) : undefined,
  };
  resolved.secrets = specs
    .flatMap((s) => [s.apiKey, s.preset ? env[PRESETS[s.preset]?.keyEnv ?? ''] : undefined, ...Object.values(s.headers ?? {})])
    .filter((v): v is string => !!v && v.length >= 4);
  return resolved;
}

export function baselineOrUsage(path: string): Baseline {
  try {
    return loadBaseline(path);
  } catch (e) {
    throw new UsageError(`--baseline: ${(e as Error).message}`);
  }
}

function targetCount(file: { targets: unknown[] } | undefined): number {
  return file?.targets.length ?? 1;
}

function directTarget(flags: RunFlags, env: NodeJS.ProcessEnv): TargetSpec {
  if (flags.replay !== undefined) {
    if (!existsSync(flags.replay)) throw new UsageError(`--replay: no transcript at ${flags.replay}; record one with \`dropin record --out FILE\``);
    return { name: 'replay', kind: 'replay', transcript: flags.replay, model: flags.model };
  }
  if (flags.emulator !== undefined) {
    const profile = typeof flags.emulator === 'string' ? flags.emulator : undefined;
    if (profile !== undefined) requireAllowed('--emulator', [profile], Object.keys(PROFILES));
    requireAllowed('--quirk', flags.quirk ?? [], QUIRK_NAMES);
    return { name: profile ? `emulator-${profile}` : 'emulator', kind: 'emulator', profile, quirks: flags.quirk, model: flags.model };
  }
  if (flags.quirk?.length) throw new UsageError('--quirk only applies to --emulator');
  const baseUrl = flags.baseUrl ?? env.OPENAI_BASE_URL;
  if (!baseUrl) {
    throw new UsageError(
      'no target given. Pass --base-url URL --model NAME (or set OPENAI_BASE_URL), --config FILE for several targets, or --emulator to try the embedded emulator',
    );
  }
  if (!/^https?:\/\/[^/]/.test(baseUrl)) throw new UsageError(`--base-url must be an http(s) URL such as http://127.0.0.1:11434/v1 (got "${baseUrl}")`);
  const model = flags.model ?? env.DROPIN_MODEL ?? env.OPENAI_MODEL;
  if (!model) throw new UsageError('--model is required with --base-url (or set DROPIN_MODEL): the model id to test, e.g. llama3.2:3b');
  const rawKey = flags.apiKey ?? env.OPENAI_API_KEY;
  const apiKey = rawKey ? resolveSecret(rawKey, env, '--api-key') : undefined;
  return { name: hostOf(baseUrl), kind: 'url', baseUrl, model, apiKey };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/[^A-Za-z0-9._-]/g, '_');
  } catch {
    throw new UsageError(`--base-url is not a valid URL: "${url}"`);
  }
}

export function parseHeaders(values: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const i = v.indexOf(':');
    if (i <= 0) throw new UsageError(`--header must look like "Name: value" (got "${v}")`);
    out[v.slice(0, i).trim().toLowerCase()] = v.slice(i + 1).trim();
  }
  return out;
}

export function parseOnly(value: string, flag = '--only'): Capability[] {
  const caps = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (caps.length === 0) throw new UsageError(`${flag} takes a comma-separated list of ${CAPABILITIES.join(', ')} (got an empty list)`);
  requireAllowed(flag, caps, CAPABILITIES);
  return caps as Capability[];
}

/** What --capabilities, --embedding-model, --vision-model and --reasoning declare: for every target, over its config. */
function claimFlags(flags: RunFlags): Partial<TargetSpec> {
  const claims: Partial<TargetSpec> = {};
  if (flags.capabilities !== undefined) claims.capabilities = parseOnly(flags.capabilities, '--capabilities');
  if (flags.embeddingModel !== undefined) claims.embeddingModel = nonEmpty(flags.embeddingModel, '--embedding-model');
  if (flags.visionModel !== undefined) claims.visionModel = nonEmpty(flags.visionModel, '--vision-model');
  if (flags.reasoning) claims.reasoning = true;
  return claims;
}

function nonEmpty(value: string, flag: string): string {
  if (value.trim() === '') throw new UsageError(`${flag} needs a model id, e.g. ${flag} nomic-embed-text`);
  return value.trim();
}

export function parseFailOn(value: string | undefined): FailOn | undefined {
  if (value === undefined) return undefined;
  if (value === 'must' || value === 'should' || value === 'never') return value;
  throw new UsageError(`--fail-on must be one of must, should, never (got "${value}")`);
}

/** DROPIN_ALLOW_SKIPPED: true/false (also 1/0, yes/no); empty means unset. */
export function parseAllowSkipped(value: string | undefined): boolean | undefined {
  const v = value?.trim().toLowerCase();
  if (!v) return undefined;
  if (['true', '1', 'yes'].includes(v)) return true;
  if (['false', '0', 'no'].includes(v)) return false;
  throw new UsageError(`DROPIN_ALLOW_SKIPPED must be true or false (got "${value}")`);
}

function int(value: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${flag} must be an integer from ${min} to ${max} (got "${value}")`);
  return n;
}
