// The reference proxy's shared vocabulary: the validated config, route plans, and the contracts
// between the server (I/O) and its pure parts (routing, health, auth, normalisation, guard).

/**
 * How the proxy treats a backend's wire format: `openai` is piped untouched (known conformant);
 * every other profile is normalised in flight, `generic` with no request rewrites (an unknown
 * server), the named servers also with the request fixes they need.
 */
export type QuirkProfile = 'openai' | 'ollama' | 'ollama-legacy' | 'llama.cpp' | 'vllm' | 'lm-studio' | 'generic';

/** What `backends[].profile` may say: one profile, or `auto` (the default) to identify the server. */
export type ProfileSetting = QuirkProfile | 'auto';

/** The OpenAI APIs a backend may serve (`backends[].apis`); /v1/models is always answered from config. */
export type Api = 'chat' | 'responses' | 'embeddings' | 'completions';

export interface BackendConfig {
  name: string;
  /** base URL ending in /v1, e.g. http://127.0.0.1:11434/v1 */
  baseUrl: string;
  /** resolved secret (from a literal or env:VAR); never logged */
  apiKey?: string;
  /** model names this backend serves, as the backend spells them */
  models: string[];
  /** the APIs it serves; absent = what its profile (configured or identified) is known to serve (core/apis.ts) */
  apis?: Api[];
  /** the models among `models` that are embedding models: only they serve /v1/embeddings, and only that */
  embeddingModels?: string[];
  /** the models among `models` that take image input: requests with images go only to them */
  visionModels?: string[];
  /** load-balancing weight among backends serving the same model, default 1 */
  weight: number;
  /** max in-flight requests to this backend; beyond it the backend is skipped like an unhealthy one */
  maxConcurrency?: number;
  timeouts: { connectMs: number; firstByteMs: number; totalMs: number };
  /** the quirks to normalise, or `auto`: identified at start-up and on every health probe */
  profile: ProfileSetting;
  /** local backends count towards the "served locally" share */
  local: boolean;
  /** path probed by the active health check, relative to the origin, e.g. "/" for Ollama or "/health" */
  healthPath?: string;
  /** USD per 1M tokens, for cost reporting */
  price?: { input: number; output: number };
  /** how a Responses request is translated onto this backend's chat API, when it does not serve /v1/responses */
  translation?: Partial<TranslationConfig>;
}

/** The translation of Responses requests onto a chat backend (responses/to-chat-request.ts), per backend. */
export interface TranslationConfig {
  /** the field the backend reads as the output budget; most chat servers read max_tokens */
  maxTokensField: 'max_tokens' | 'max_completion_tokens';
  /** where reasoning items a client sends back go on the assistant message ('none' drops them); the profile's request fixes may rename it */
  reasoningField: 'reasoning_content' | 'reasoning' | 'none';
  /** how the backend's reasoning text reaches Responses clients: a summary (what the Vercel AI SDK reads) or reasoning_text content */
  reasoningStyle: 'summary' | 'reasoning_text';
}

/** A model as a backend serves it: one step of a fallback chain. */
export interface ModelTarget {
  backend: string;
  model: string;
}

export interface RouteRule {
  name: string;
  /** all given conditions must hold */
  when: {
    model?: string | string[];
    systemPromptKeywords?: string[];
    systemPromptRegex?: string;
    promptTokensAbove?: number;
    promptTokensBelow?: number;
    hasTools?: boolean;
    jsonSchema?: boolean;
    /** header name (lower-case) → exact value */
    header?: Record<string, string>;
    /** the endpoint's name (chat, completions, embeddings, responses) */
    endpoint?: string | string[];
  };
  /** route to this alias or list of targets (an ordered fallback chain) */
  route: string | ModelTarget[];
}

export interface RetryPolicy {
  /** statuses that move on to the next candidate, default [429, 500, 502, 503, 504] */
  statuses: number[];
  /** max attempts over all candidates, default 3 */
  attempts: number;
  backoffMs: { initial: number; max: number };
  /** wait for Retry-After (capped by backoffMs.max) before retrying the same backend */
  honourRetryAfter: boolean;
}

export interface HealthPolicy {
  /** consecutive failures that open the circuit, default 3 */
  failureThreshold: number;
  /** how long an open circuit stays open before one trial request (half-open), default 30 s */
  cooldownMs: number;
  /** active probe interval; 0 = off */
  probeIntervalMs: number;
  /** how often `auto` backends are re-identified while probes are off (with probes: every probe); 0 = only at start-up; config/defaults.ts fills it */
  identifyIntervalMs?: number;
}

export interface ApiKeyConfig {
  name: string;
  /** resolved secret */
  key: string;
  /** public model names this key may use; absent = all */
  models?: string[];
  rateLimit?: { requestsPerMinute?: number; tokensPerMinute?: number };
}

export interface GuardConfig {
  /** validate json_object / json_schema outputs and retry on the next candidate when invalid */
  enabled: boolean;
  /** for streamed structured output: 'buffer' validates before sending (adds latency), 'pass' streams unvalidated */
  stream: 'buffer' | 'pass';
}

export interface SafetyConfig {
  systemPrompt?: string;
  denyInput?: string[];
  denyOutput?: string[];
}

export interface ProxyConfig {
  listen: { host: string; port: number; tls?: { certFile: string; keyFile: string } };
  backends: BackendConfig[];
  /** public model name → ordered fallback chain */
  aliases: Record<string, ModelTarget[]>;
  rules: RouteRule[];
  retry: RetryPolicy;
  health: HealthPolicy;
  /** absent = no inbound auth */
  auth?: { keys: ApiKeyConfig[] };
  guard: GuardConfig;
  safety: SafetyConfig;
  limits: { maxBodyBytes: number; headersTimeoutMs: number; requestTimeoutMs: number; maxConcurrent: number };
  cors?: { origins: string[] };
  /** absent = each replica keeps its own rate limits and circuits (in memory) */
  state?: { redis: RedisStateConfig };
  /** absent = reasoning text reaches the client in the field its backend used */
  reasoning?: { field: ReasoningField };
  /** how image URLs are handled for backends that take inline images only; config/defaults.ts fills it */
  images: ImagesConfig;
  /** POST /v1/responses: the conversation store's bounds (in memory; with state.redis only ttlMs applies); config/defaults.ts fills it */
  responses: { store: { maxEntries: number; maxBytes: number; ttlMs: number } };
  shutdown: { drainMs: number };
}

/** Image URLs in chat requests, for backends that refuse them (S22: Ollama, LM Studio). */
export interface ImagesConfig {
  /** download them in the proxy and send them inline; off by default: it fetches URLs clients chose */
  fetchUrls: boolean;
  /** also from loopback, private and link-local addresses (an SSRF risk: only for trusted clients) */
  allowPrivateHosts: boolean;
  maxBytes: number;
  timeoutMs: number;
}

/** Where the client reads reasoning text: `reasoning_content` (llama.cpp, DeepSeek), `reasoning` (Ollama, vLLM, OpenRouter) or both. */
export type ReasoningField = 'reasoning_content' | 'reasoning' | 'both';

/** Shared state for replicas (state/): rate limits, circuits and probe rounds in one Redis. */
export interface RedisStateConfig {
  /** resolved redis:// or rediss:// URL; may hold a password, so it is never logged */
  url: string;
  /** namespace of every key and channel, so several deployments can share one Redis */
  keyPrefix: string;
  /** longest wait for one Redis command before the replica decides on its local state */
  timeoutMs: number;
}

/** One way to serve a request, in order of preference. */
export interface Candidate {
  backend: BackendConfig;
  /** the model name to send to the backend */
  model: string;
}

export interface RoutePlan {
  /** the model name the client asked for */
  publicModel: string;
  /** the rule that chose the route, if any */
  rule?: string;
  candidates: Candidate[];
}

/** What routing needs to know about backend health, without I/O. */
export interface HealthView {
  isAvailable(backend: string): boolean;
  outstanding(backend: string): number;
}

/** The OpenAI error envelope. */
export interface ErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}
