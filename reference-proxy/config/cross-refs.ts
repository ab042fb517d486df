// Checks that need the whole config: names point at things that exist, and settings that are
// valid alone but contradict each other. Returns problems; never throws.
import { APIS } from '../core/apis.ts';
import type { ModelTarget, ProxyConfig } from '../types.ts';
import { formatPath, type PathSegment } from './config-path.ts';
import { redisUrlProblem } from './redis-url.ts';
import { didYouMean } from './suggest.ts';

export function crossCheck(config: ProxyConfig): string[] {
  return [
    ...uniqueNames(config.backends.map((b) => b.name), ['backends'], 'backend'),
    ...config.backends.flatMap((b, i) => credentialsInUrl(b.baseUrl, ['backends', i, 'baseUrl'])),
    ...config.backends.flatMap((b, i) => timeoutOrder(b.timeouts, ['backends', i, 'timeouts'])),
    ...config.backends.flatMap((b, i) => modelKinds(b, i)),
    ...Object.entries(config.aliases).flatMap(([alias, chain]) => targets(config, chain, ['aliases', alias])),
    ...uniqueNames(config.rules.map((r) => r.name), ['rules'], 'rule'),
    ...config.rules.flatMap((rule, i) => ruleProblems(config, rule, i)),
    ...authProblems(config),
    ...backoffOrder(config),
    ...(config.state ? [redisUrlProblem(config.state.redis.url)].filter((p): p is string => p !== undefined) : []),
    ...(['denyInput', 'denyOutput'] as const).flatMap((list) => (config.safety[list] ?? []).flatMap((p, i) => regexProblem(p, 'i', ['safety', list, i]))),
  ];
}

/** Patterns are compiled at start-up by their users; failing here names the path instead. */
function regexProblem(source: string, flags: string, path: PathSegment[]): string[] {
  try {
    new RegExp(source, flags);
    return [];
  } catch (err) {
    return [at(path, `is not a valid JavaScript regular expression (${(err as Error).message}); fix it or escape its special characters with \\`)];
  }
}

function at(path: PathSegment[], what: string): string {
  return `${formatPath(path)}: ${what}`;
}

function uniqueNames(names: string[], list: PathSegment[], kind: string): string[] {
  return names.flatMap((name, i) => {
    const first = names.indexOf(name);
    return first < i ? [at([...list, i, 'name'], `"${name}" is already the name of ${formatPath([...list, first])}; give each ${kind} a unique name`)] : [];
  });
}

function servedModels(config: ProxyConfig): Set<string> {
  return new Set(config.backends.flatMap((b) => b.models));
}

function targets(config: ProxyConfig, chain: ModelTarget[], path: PathSegment[]): string[] {
  return chain.flatMap((t, i) => {
    const backend = config.backends.find((b) => b.name === t.backend);
    if (!backend) {
      const names = config.backends.map((b) => b.name);
      return [at([...path, i, 'backend'], `no backend is named "${t.backend}"${didYouMean(t.backend, names)} (backends: ${names.join(', ')})`)];
    }
    if (backend.models.includes(t.model)) return [];
    const index = config.backends.indexOf(backend);
    return [at([...path, i, 'model'], `backend "${backend.name}" does not serve "${t.model}"${didYouMean(t.model, backend.models)}; it serves ${backend.models.join(', ')} — fix the name or add it to backends[${index}].models`)];
  });
}

function publicModelProblem(config: ProxyConfig, model: string, path: PathSegment[]): string[] {
  const known = [...Object.keys(config.aliases), ...servedModels(config)];
  if (known.includes(model)) return [];
  return [at(path, `"${model}" is neither an alias nor a model any backend serves${didYouMean(model, known)}`)];
}

function ruleProblems(config: ProxyConfig, rule: ProxyConfig['rules'][number], i: number): string[] {
  const path: PathSegment[] = ['rules', i];
  const problems = typeof rule.route === 'string'
    ? publicModelProblem(config, rule.route, [...path, 'route'])
    : targets(config, rule.route, [...path, 'route']);
  const { systemPromptRegex, promptTokensAbove, promptTokensBelow, endpoint } = rule.when;
  if (typeof endpoint === 'string' && !(APIS as readonly string[]).includes(endpoint)) {
    problems.push(at([...path, 'when', 'endpoint'], `"${endpoint}" is not an endpoint${didYouMean(endpoint, [...APIS])} (endpoints: ${APIS.join(', ')})`));
  }
  if (systemPromptRegex !== undefined) problems.push(...regexProblem(systemPromptRegex, '', [...path, 'when', 'systemPromptRegex']));
  if (promptTokensAbove !== undefined && promptTokensBelow !== undefined && promptTokensAbove >= promptTokensBelow - 1) {
    problems.push(at([...path, 'when'], `promptTokensAbove ${promptTokensAbove} and promptTokensBelow ${promptTokensBelow} leave no token count that matches; lower promptTokensAbove or raise promptTokensBelow`));
  }
  return problems;
}

function authProblems(config: ProxyConfig): string[] {
  const keys = config.auth?.keys ?? [];
  const problems = uniqueNames(keys.map((k) => k.name), ['auth', 'keys'], 'key');
  keys.forEach((k, i) => {
    const first = keys.findIndex((other) => other.key === k.key);
    // The secret itself is never echoed: the message names the two entries instead.
    if (first < i) problems.push(at(['auth', 'keys', i, 'key'], `has the same secret as auth.keys[${first}]; give every key its own secret`));
    k.models?.forEach((m, j) => problems.push(...publicModelProblem(config, m, ['auth', 'keys', i, 'models', j])));
  });
  return problems;
}

/** embeddingModels and visionModels name models the backend serves. */
function modelKinds(backend: ProxyConfig['backends'][number], i: number): string[] {
  return (['embeddingModels', 'visionModels'] as const).flatMap((list) =>
    (backend[list] ?? []).flatMap((model, j) =>
      backend.models.includes(model)
        ? []
        : [at(['backends', i, list, j], `"${model}" is not one of this backend's models${didYouMean(model, backend.models)}; add it to backends[${i}].models or remove it here`)],
    ),
  );
}

function timeoutOrder(t: ProxyConfig['backends'][number]['timeouts'], path: PathSegment[]): string[] {
  if (t.firstByteMs <= t.totalMs && t.connectMs <= t.totalMs) return [];
  return [at(path, `connectMs (${t.connectMs}) and firstByteMs (${t.firstByteMs}) must not exceed totalMs (${t.totalMs}); raise totalMs or lower the others`)];
}

function backoffOrder(config: ProxyConfig): string[] {
  const { initial, max } = config.retry.backoffMs;
  return initial <= max ? [] : [at(['retry', 'backoffMs'], `initial (${initial}) is above max (${max}); lower initial or raise max`)];
}

/** Credentials in a URL would be dropped by the connection pool and shown by config dumps. */
function credentialsInUrl(baseUrl: string, path: PathSegment[]): string[] {
  try {
    const url = new URL(baseUrl);
    return url.username || url.password ? [at(path, 'must not carry credentials (user:password@); put the key in apiKey (e.g. apiKey: env:MY_KEY)')] : [];
  } catch {
    return [];
  }
}

