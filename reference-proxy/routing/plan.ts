// The routing decision: a pure function of config, request and health state. Explicit rules come
// first (in order, first match wins), then the client's model: an alias is its fallback chain in
// order; a plain model is every backend serving it, load-balanced. Unusable backends are moved to
// the end of the plan, never dropped. A scope keeps only the candidates that serve the request's
// endpoint: a rule whose route has none is passed over, and a model that exists but is served on
// other endpoints only gets the scope's own error.
import { ProxyError } from '../errors.ts';
import type { Candidate, HealthView, ModelTarget, ProxyConfig, RoutePlan } from '../types.ts';
import { estimatePromptTokens } from './estimate-tokens.ts';
import { lazy, matchesRule } from './match-rule.ts';
import { balancedOrder, chainOrder, type Random } from './order-candidates.ts';

export interface RouteRequest {
  body: any;
  /** as the client sent them (node:http's shape: repeated headers as arrays) */
  headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** The endpoint a request came in on, and which candidates can serve it there. */
export interface RouteScope {
  /** the endpoint's name, for rules' `when.endpoint` */
  endpoint: string;
  serves(candidate: Candidate): boolean;
  /** the estimated prompt tokens, for rules' promptTokens conditions */
  tokens(): number;
  /** the error for a model whose every candidate (given) is left out by `serves` */
  unserved(model: string, candidates: Candidate[]): ProxyError;
}

export function planRoute(config: ProxyConfig, req: RouteRequest, health: HealthView, random: Random = Math.random, scope?: RouteScope): RoutePlan {
  const publicModel = req.body?.model;
  if (typeof publicModel !== 'string' || publicModel === '') {
    throw new ProxyError(400, 'you must provide a model parameter', { param: 'model' });
  }
  // the header view is built only for a rule that reads headers: most configs have none
  let headers: Record<string, string> | undefined;
  const input = {
    body: req.body,
    get headers() {
      return (headers ??= lowerCaseKeys(req.headers));
    },
    endpoint: scope?.endpoint,
  };
  const tokens = lazy(scope ? scope.tokens : () => estimatePromptTokens(req.body));
  for (const rule of config.rules) {
    if (!matchesRule(rule, input, tokens)) continue;
    const candidates = resolve(config, rule.route, health, random);
    const serving = scope ? servedBy(candidates, scope) : candidates;
    if (serving.length > 0) return { publicModel, rule: rule.name, candidates: serving };
  }
  const candidates = resolve(config, publicModel, health, random);
  if (candidates.length === 0) throw modelNotFound(publicModel);
  const serving = scope ? servedBy(candidates, scope) : candidates;
  if (serving.length === 0 && scope) throw scope.unserved(publicModel, candidates);
  return { publicModel, candidates: serving };
}

/** The candidates serving the scope's endpoint; the same array when all do (the common case: no copy per request). */
function servedBy(candidates: Candidate[], scope: RouteScope): Candidate[] {
  return candidates.every(scope.serves) ? candidates : candidates.filter(scope.serves);
}

/** OpenAI's answer for a model that does not exist or that the caller may not use. */
export function modelNotFound(model: string): ProxyError {
  return new ProxyError(404, `The model \`${model}\` does not exist or you do not have access to it.`, { code: 'model_not_found' });
}

function resolve(config: ProxyConfig, route: string | ModelTarget[], health: HealthView, random: Random): Candidate[] {
  if (Array.isArray(route)) return chainOrder(toCandidates(config, route), health);
  // own keys only: a model named "constructor" or "__proto__" is not an alias
  const alias = Object.hasOwn(config.aliases, route) ? config.aliases[route] : undefined;
  if (alias) return chainOrder(toCandidates(config, alias), health);
  const serving = config.backends.filter((b) => b.models.includes(route)).map((backend) => ({ backend, model: route }));
  return balancedOrder(serving, health, random);
}

/** Targets to candidates, once each; unknown backends cannot occur after config validation but are skipped, not trusted. */
function toCandidates(config: ProxyConfig, targets: ModelTarget[]): Candidate[] {
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const t of targets) {
    const backend = config.backends.find((b) => b.name === t.backend);
    const key = `${t.backend}\u0000${t.model}`;
    if (!backend || seen.has(key)) continue;
    seen.add(key);
    out.push({ backend, model: t.model });
  }
  return out;
}

function lowerCaseKeys(headers: RouteRequest['headers']): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
