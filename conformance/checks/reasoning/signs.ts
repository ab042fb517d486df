// Where a chat answer shows the model's reasoning: the message or delta fields open servers use
// (reasoning_content, reasoning — docs/deviations.md S20 — or a name no client reads), <think>
// tags inside the content (S21), and reasoning_tokens in usage (OpenAI's only sign: it hides the
// text). Read once per check from a body or a stream.
import type { CheckInput, Exchange, Verdict } from '../../types.ts';
import { bodyJson, is2xx, isRecord } from '../chat/body.ts';
import { parseStream } from '../streaming/parse-stream.ts';
import { skip } from '../verdict.ts';

/** The names clients read: @ai-sdk/openai-compatible reads reasoning_content, then reasoning. */
export const KNOWN_FIELDS = ['reasoning_content', 'reasoning'] as const;
/** Names servers have been seen or are likely to use that no OpenAI client reads. */
const OTHER_FIELDS = ['thinking', 'thoughts', 'thought', 'reasoning_text'];

export interface ReasoningSigns {
  /** the reasoning text under each field it travelled in */
  fields: Record<string, string>;
  /** the answer text (streams: every content delta joined) */
  content: string;
  /** the content holds a <think> block */
  thinkTags: boolean;
  reasoningTokens?: number;
  stream: boolean;
}

export function reasoningSigns(exchange: Exchange): ReasoningSigns | undefined {
  if (!is2xx(exchange)) return undefined;
  const signs: ReasoningSigns = { fields: {}, content: '', thinkTags: false, stream: Boolean(exchange.sse) };
  const take = (part: Record<string, any>) => {
    for (const name of [...KNOWN_FIELDS, ...OTHER_FIELDS]) {
      if (typeof part[name] === 'string' && part[name] !== '') signs.fields[name] = (signs.fields[name] ?? '') + part[name];
    }
    if (typeof part.content === 'string') signs.content += part.content;
  };
  const usage = (u: unknown) => {
    const tokens = isRecord(u) && isRecord(u.completion_tokens_details) ? u.completion_tokens_details.reasoning_tokens : undefined;
    if (Number.isInteger(tokens)) signs.reasoningTokens = tokens;
  };
  if (exchange.sse) {
    for (const { chunk } of parseStream(exchange).chunks) {
      const delta = Array.isArray(chunk.choices) && isRecord(chunk.choices[0]) ? chunk.choices[0].delta : undefined;
      if (isRecord(delta)) take(delta);
      usage(chunk.usage);
    }
  } else {
    const body = bodyJson(exchange);
    if (!isRecord(body)) return undefined;
    const message = Array.isArray(body.choices) && isRecord(body.choices[0]) ? body.choices[0].message : undefined;
    if (isRecord(message)) take(message);
    usage(body.usage);
  }
  signs.thinkTags = /<think>/i.test(signs.content);
  return signs;
}

export function reasoned(signs: ReasoningSigns): boolean {
  return Object.keys(signs.fields).length > 0 || signs.thinkTags || (signs.reasoningTokens ?? 0) > 0;
}

/**
 * The signs when there is reasoning to judge; otherwise why not. A model declared to reason is
 * judged whatever it shows; an undeclared one only when its answer shows it reasoned.
 */
export function withReasoning(input: CheckInput, judge: (signs: ReasoningSigns) => Verdict): Verdict {
  const signs = reasoningSigns(input.exchange);
  if (!signs) return skip(`status ${input.exchange.status ?? 'none'}: no answer to judge`);
  if (!reasoned(signs) && input.declared?.reasoning !== true) {
    return skip('the model showed no sign of reasoning (no reasoning field, no <think> tags, no reasoning_tokens): declare reasoning: true (--reasoning) if it should');
  }
  return judge(signs);
}
