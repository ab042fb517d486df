// Shown reasoning travels under a name clients read. The verdict says which clients will see it:
// the names drift between servers (S20) and each client reads its own.
import type { Check } from '../../types.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { KNOWN_FIELDS, withReasoning } from './signs.ts';

/** Who sees the reasoning, by the field it travels in (docs/deviations.md#s20). */
export const READERS: Record<string, string> = {
  reasoning_content:
    'the Vercel AI SDK (@ai-sdk/openai-compatible reads reasoning_content first) and langchain-deepseek see it; openai-node and openai-python keep it as an untyped extra field; langchain-openai ChatOpenAI drops it',
  reasoning:
    'the Vercel AI SDK (@ai-sdk/openai-compatible falls back to reasoning), OpenRouter and Groq integrations and LlamaIndex see it; openai-node and openai-python keep it as an untyped extra field; langchain-openai ChatOpenAI drops it',
};

export const reasoningField: Check = {
  id: 'reasoning.field',
  capability: 'reasoning',
  level: 'SHOULD',
  title: 'Shown reasoning travels in reasoning_content or reasoning, the names clients read',
  spec: 'not in the OpenAPI spec (OpenAI hides reasoning); docs/deviations.md#s20',
  kind: 'protocol',
  consequence:
    'The reasoning is lost to every client: the AI SDK reads only reasoning_content and reasoning, so a UI that shows the model thinking shows nothing, and tools that replay reasoning on the next turn (DeepSeek requires it on tool-call turns) cannot.',
  evidence:
    '@ai-sdk/openai-compatible OpenAICompatibleChatLanguageModel: message.reasoning_content ?? message.reasoning (vercel/ai#7866, docs/deviations.md#s20); langchain-ai/langchain#35059 (ChatOpenAI drops reasoning_content)',
  run: (input) =>
    withReasoning(input, (signs) => {
      const names = Object.keys(signs.fields);
      const known = names.filter((n) => (KNOWN_FIELDS as readonly string[]).includes(n));
      const unknown = names.filter((n) => !known.includes(n));
      if (unknown.length > 0 && known.length === 0) {
        return fail(`the reasoning travels in ${unknown.map((n) => `"${n}"`).join(', ')}, which no OpenAI client reads`, {
          expected: 'reasoning_content or reasoning',
          received: `${unknown[0]}: ${show(signs.fields[unknown[0]], 80)}`,
          pointer: signs.stream ? `/events/*/choices/0/delta/${unknown[0]}` : `/choices/0/message/${unknown[0]}`,
        });
      }
      if (known.length > 0) return pass(`the reasoning travels in ${known.join(' and ')}: ${known.map((n) => READERS[n]).join('; ')}`);
      if (signs.thinkTags) return skip('the reasoning is only in <think> tags inside content (see reasoning.separate)');
      if ((signs.reasoningTokens ?? 0) > 0) return pass(`the reasoning is hidden, as OpenAI hides it: no client shows thoughts; usage counts ${signs.reasoningTokens} reasoning tokens`);
      return skip('no reasoning text to place (see reasoning.present)');
    }),
};
