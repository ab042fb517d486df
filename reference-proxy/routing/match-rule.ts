// Whether a routing rule's conditions hold for a request. All given conditions must hold.
// - systemPromptKeywords: any keyword, case-insensitive, in a system or developer message (or a
//   Responses request's instructions)
// - jsonSchema: structured output asked for (chat response_format, Responses text.format)
// - systemPromptRegex: as written (JavaScript syntax, `(?i:...)` for case-insensitive parts)
// - promptTokensAbove / Below: strict comparisons with estimatePromptTokens
// - header: every named header has exactly the given value
// - endpoint: the request came in on this endpoint (or one of these); a request without one is chat
import type { RouteRule } from '../types.ts';
import { estimatePromptTokens, messageText } from './estimate-tokens.ts';

export interface RuleInput {
  body: any;
  /** lower-case header names */
  headers: Record<string, string>;
  /** the endpoint's name (core/endpoint.ts); absent = chat */
  endpoint?: string;
}

export function matchesRule(rule: RouteRule, req: RuleInput, tokens = lazy(() => estimatePromptTokens(req.body))): boolean {
  const w = rule.when;
  if (w.endpoint !== undefined && !(Array.isArray(w.endpoint) ? w.endpoint : [w.endpoint]).includes(req.endpoint ?? 'chat')) return false;
  if (w.model !== undefined && !(Array.isArray(w.model) ? w.model : [w.model]).includes(req.body?.model)) return false;
  if (w.hasTools !== undefined && hasTools(req.body) !== w.hasTools) return false;
  if (w.jsonSchema !== undefined && asksJsonSchema(req.body) !== w.jsonSchema) return false;
  if (w.header !== undefined && !Object.entries(w.header).every(([name, value]) => req.headers[name] === value)) return false;
  if (w.systemPromptKeywords !== undefined || w.systemPromptRegex !== undefined) {
    const system = systemPrompt(req.body);
    if (w.systemPromptKeywords !== undefined && !containsAny(system, w.systemPromptKeywords)) return false;
    if (w.systemPromptRegex !== undefined && !compiled(w.systemPromptRegex).test(system)) return false;
  }
  if (w.promptTokensAbove !== undefined && !(tokens() > w.promptTokensAbove)) return false;
  if (w.promptTokensBelow !== undefined && !(tokens() < w.promptTokensBelow)) return false;
  return true;
}

/** Memoised thunk: the token estimate is computed once per request, and only if a rule asks. */
export function lazy<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

/** Structured output asked for: chat's response_format, or a Responses request's text.format. */
function asksJsonSchema(body: any): boolean {
  return body?.response_format?.type === 'json_schema' || body?.text?.format?.type === 'json_schema';
}

function hasTools(body: any): boolean {
  return (Array.isArray(body?.tools) && body.tools.length > 0) || (Array.isArray(body?.functions) && body.functions.length > 0);
}

/**
 * System and developer (the newer name for system) messages, joined; for a Responses request its
 * `instructions` and the system/developer items of its `input`, which play the same part.
 */
export function systemPrompt(body: any): string {
  const messages: any[] = Array.isArray(body?.messages) ? body.messages : Array.isArray(body?.input) ? body.input : [];
  const texts = messages.filter((m) => m?.role === 'system' || m?.role === 'developer').map(messageText);
  if (typeof body?.instructions === 'string') texts.unshift(body.instructions);
  return texts.join('\n');
}

function containsAny(text: string, keywords: string[]): boolean {
  const lower = text.toLowerCase();
  return keywords.some((k) => lower.includes(k.toLowerCase()));
}

const regexCache = new Map<string, RegExp>();

function compiled(source: string): RegExp {
  let re = regexCache.get(source);
  if (!re) {
    re = new RegExp(source);
    regexCache.set(source, re);
  }
  return re;
}
