// The targets of `dropin certify --config FILE` / `--base-url URL`: your own proxy rather than the
// reference setup. With --config the proxy is started from the file for the run, on a free
// loopback port, in front of whatever backends the file names; with --base-url a deployed proxy
// is tested as it runs. Each public model it serves is a target (--model picks some).
import { ConfigError, loadConfig } from '../../reference-proxy/config/load.ts';
import { listModels } from '../../reference-proxy/handlers/models.ts';
import { startProxy } from '../../reference-proxy/index.ts';
import type { TargetSpec } from '../targets/target-spec.ts';
import { modelIds } from './mistakes.ts';
import { resolveSecret } from './run-config.ts';
import { UsageError } from './usage-error.ts';

export interface CertifyTargetFlags {
  config?: string;
  baseUrl?: string;
  model?: string[];
  apiKey?: string;
}

export interface CertifyTargets {
  specs: TargetSpec[];
  /** secrets in play, to redact from every output */
  secrets: string[];
  /** stops the proxy started for the run, if any */
  close(): Promise<void>;
}

/** Certifying every model of a large deployment by accident would be slow and, for cloud backends, costly. */
const MAX_MODELS_UNASKED = 8;

export async function certifyTargets(flags: CertifyTargetFlags, env: NodeJS.ProcessEnv): Promise<CertifyTargets> {
  if (flags.config && flags.baseUrl) throw new UsageError('use either --config FILE (a proxy started for the run) or --base-url URL (a running proxy), not both');
  const apiKey = flags.apiKey ? resolveSecret(flags.apiKey, env, '--api-key') : undefined;
  if (flags.config) return fromConfig(flags.config, flags.model, apiKey, env);
  const baseUrl = flags.baseUrl!;
  if (!/^https?:\/\/[^/]/.test(baseUrl)) throw new UsageError(`--base-url must be an http(s) URL such as http://127.0.0.1:8080/v1 (got "${baseUrl}")`);
  const key = apiKey ?? env.OPENAI_API_KEY;
  const models = flags.model?.length ? flags.model : await servedModels(baseUrl, key);
  return { specs: specsFor(baseUrl, models, key), secrets: key ? [key] : [], close: async () => {} };
}

async function fromConfig(file: string, picked: string[] | undefined, apiKey: string | undefined, env: NodeJS.ProcessEnv): Promise<CertifyTargets> {
  let config;
  try {
    config = loadConfig(file, env);
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.message);
    throw e;
  }
  // the inbound key: the one given, else the first key of the file that may use every model
  const key = apiKey ?? config.auth?.keys.find((k) => !k.models)?.key;
  if (config.auth && !key) throw new UsageError(`${file}: every inbound key is limited to some models; pass one with --api-key KEY (or env:VAR)`);
  const offered = listModels(config, 0).data.map((m) => m.id);
  const models = picked?.length ? picked : offered;
  const unknown = models.filter((m) => !offered.includes(m));
  if (unknown.length) throw new UsageError(`--model ${unknown.join(', ')}: ${file} serves no such model; it serves ${offered.join(', ')}`);
  checkCount(models, file);
  const proxy = await startProxy({ ...config, listen: { host: '127.0.0.1', port: 0 } }, { log: () => {} });
  const secrets = [...(key ? [key] : []), ...config.backends.flatMap((b) => (b.apiKey ? [b.apiKey] : []))];
  return { specs: specsFor(`${proxy.url}/v1`, models, key), secrets, close: () => proxy.close() };
}

async function servedModels(baseUrl: string, key: string | undefined): Promise<string[]> {
  const url = `${baseUrl.replace(/\/+$/, '')}/models`;
  let models: string[] | undefined;
  try {
    const res = await fetch(url, { headers: key ? { authorization: `Bearer ${key}` } : {}, signal: AbortSignal.timeout(10_000) });
    models = res.ok ? modelIds(await res.text()) : undefined;
  } catch {
    models = undefined;
  }
  if (models === undefined) throw new UsageError(`GET ${url} gave no model list; check --base-url (and --api-key), or name the models to certify with --model`);
  checkCount(models, baseUrl);
  return models;
}

function checkCount(models: string[], where: string): void {
  if (models.length === 0) throw new UsageError(`${where} serves no model to certify`);
  if (models.length > MAX_MODELS_UNASKED) {
    throw new UsageError(`${where} serves ${models.length} models; pick the ones to certify with --model (repeatable): ${models.join(', ')}`);
  }
}

function specsFor(baseUrl: string, models: string[], apiKey: string | undefined): TargetSpec[] {
  return models.map((model) => ({ name: `proxy→${model}`, kind: 'url', baseUrl: baseUrl.replace(/\/+$/, ''), model, apiKey }));
}
