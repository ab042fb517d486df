// User mistakes that show up in a run's answers rather than as conformance: a model the endpoint
// does not serve, a URL that is not an OpenAI-compatible API (an HTML page, text), a base URL
// missing its /v1. Pure: finds the mistake in a target's exchanges and words what to change;
// mistake-probes.ts asks the endpoint what it does serve.
import type { RecordedExchange, TargetResult } from '../types.ts';
import { closest } from './closest.ts';

export type Mistake =
  /** requests naming the model under test refused as an unknown model: `refused` of `of` */
  | { kind: 'unknown-model'; refused: number; of: number }
  /** every answer was 404 */
  | { kind: 'not-found'; answered: number }
  /** answers that are neither JSON nor an event stream (HTML pages, text), `count` of `answered` */
  | { kind: 'not-json'; count: number; answered: number; contentType?: string };

/** What the probes learned: the models the endpoint lists, a base URL that answers as an API. */
export interface ProbeFacts {
  models?: string[];
  /** a different base URL (e.g. with /v1 added) whose GET /models answered a model list */
  workingBaseUrl?: string;
}

// OpenAI/Groq "The model `x` does not exist", Ollama "model 'x' not found", vLLM "The model `x`
// does not exist.", OpenRouter "x is not a valid model ID", code model_not_found
const UNKNOWN_MODEL = /model_not_found|\bmodel\b.{0,120}?(not (be )?found|does not exist|doesn't exist|is not (a )?valid|not available|is unknown)|(unknown|invalid|no such) model|not a valid model/i;

export function isUnknownModelAnswer(x: RecordedExchange): boolean {
  return (x.status === 400 || x.status === 404 || x.status === 422) && UNKNOWN_MODEL.test(x.bodyText);
}

/** An answer that is not an API answer: an HTML page, or a body that is neither JSON nor SSE. */
export function isNotJson(x: RecordedExchange): boolean {
  const type = x.headers['content-type'] ?? '';
  if (/html/i.test(type)) return true;
  if (x.sse) return x.sse.events.length === 0 && !/event-stream/i.test(type);
  if (x.bodyText.trim() === '') return false;
  try {
    JSON.parse(x.bodyText);
    return false;
  } catch {
    return true;
  }
}

function namesModel(x: RecordedExchange, model: string): boolean {
  try {
    return (JSON.parse(x.request.body ?? 'null') as { model?: unknown } | null)?.model === model;
  } catch {
    return false;
  }
}

export function findMistake(t: TargetResult): Mistake | undefined {
  const answered = t.exchanges.filter((x) => x.status !== undefined);
  if (answered.length === 0) return undefined;
  // the errors.* scenarios send broken requests on purpose: their refusals say nothing about the model
  const naming = answered.filter((x) => !x.scenario.startsWith('errors.') && namesModel(x, t.model));
  const refused = naming.filter(isUnknownModelAnswer).length;
  if (refused > 0) return { kind: 'unknown-model', refused, of: naming.length };
  if (answered.every((x) => x.status === 404)) return { kind: 'not-found', answered: answered.length };
  const notJson = answered.filter(isNotJson);
  if (notJson.length * 2 >= answered.length) {
    return { kind: 'not-json', count: notJson.length, answered: answered.length, contentType: notJson[0].headers['content-type'] };
  }
  return undefined;
}

/** A user mistake rather than a finding about the endpoint: nothing the suite judged means anything. */
export function isFatal(m: Mistake): boolean {
  if (m.kind === 'unknown-model') return m.refused === m.of;
  if (m.kind === 'not-json') return m.count === m.answered;
  return true;
}

/** Where the user goes wrong and what to change, in one line (plus the model list, if long). */
export function explain(m: Mistake, t: TargetResult, facts: ProbeFacts): string {
  switch (m.kind) {
    case 'unknown-model': {
      const what = m.refused === m.of ? `every request naming the model "${t.model}" was` : `${m.refused} of ${m.of} requests naming the model "${t.model}" ${m.refused === 1 ? 'was' : 'were'}`;
      return `${what} refused as an unknown model. ${offered(t, facts)}`;
    }
    case 'not-found':
      return `every request was answered 404 Not Found: ${t.baseUrl} is not the API's base URL. ${baseUrlFix(t, facts)}`;
    case 'not-json': {
      const what = /html/i.test(m.contentType ?? '') ? 'an HTML page' : `not JSON (content-type ${m.contentType ?? 'none'})`;
      const share = m.count === m.answered ? 'every answer was' : `${m.count} of ${m.answered} answers were`;
      return `${share} ${what}: ${t.baseUrl} does not look like an OpenAI-compatible API. ${baseUrlFix(t, facts)}`;
    }
  }
}

function offered(t: TargetResult, facts: ProbeFacts): string {
  if (facts.models === undefined) return `Check the model id with GET ${t.baseUrl}/models (--model, or model: in a config file).`;
  if (facts.models.length === 0) return `${t.baseUrl}/models lists no model: load or pull one first.`;
  const near = closest(t.model, facts.models);
  const shown = facts.models.length > 12 ? `${facts.models.slice(0, 12).join(', ')} and ${facts.models.length - 12} more` : facts.models.join(', ');
  return `${near ? `Did you mean --model ${near}? ` : ''}${t.baseUrl}/models offers: ${shown}.`;
}

function baseUrlFix(t: TargetResult, facts: ProbeFacts): string {
  if (facts.workingBaseUrl) return `${facts.workingBaseUrl} answers GET /models: did you mean --base-url ${facts.workingBaseUrl}?`;
  if (!/\/v1\/?$/.test(t.baseUrl)) return `OpenAI-compatible servers serve the API under /v1: did you mean --base-url ${t.baseUrl.replace(/\/+$/, '')}/v1?`;
  return 'Check the host, the port and the path: the base URL is what comes before /chat/completions, e.g. http://127.0.0.1:11434/v1.';
}

/** Base URLs worth trying when the given one answers 404 or HTML: /v1 added, an endpoint path cut off. */
export function candidateBaseUrls(baseUrl: string): string[] {
  const base = baseUrl.replace(/\/+$/, '');
  const cut = base.replace(/\/(chat\/completions|completions|models|responses|embeddings)$/, '');
  const out = [cut !== base ? cut : undefined, /\/v1$/.test(cut) ? undefined : `${cut}/v1`];
  return out.filter((u): u is string => u !== undefined && u !== base);
}

/** The model ids of a GET /models answer, or undefined when it is not a model list. */
export function modelIds(body: string): string[] | undefined {
  try {
    const data = (JSON.parse(body) as { data?: unknown } | null)?.data;
    if (!Array.isArray(data)) return undefined;
    return data.map((m) => (m as { id?: unknown })?.id).filter((id): id is string => typeof id === 'string');
  } catch {
    return undefined;
  }
}
