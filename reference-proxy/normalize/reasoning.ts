// Reasoning text has two names in the wild (F39, S20): `reasoning` (Ollama, vLLM since #33402,
// LM Studio ≥0.3.23, OpenRouter, Groq) and `reasoning_content` (llama.cpp, DeepSeek, older vLLM
// and LM Studio); the spec has neither and clients read one or the other (the AI SDK both). On
// the way out the proxy renames only when the operator chose a field (config `reasoning.field`):
// renaming by default would break whichever name a client relies on. On the way in, reasoning a
// client sends back on an assistant message is renamed to the one its backend reads.
import type { ReasoningField } from '../types.ts';
import type { Repairs } from './repairs.ts';

/** Moves a message's or delta's reasoning text to `field` (or both names); returns whether it changed. */
export function placeReasoning(target: Record<string, unknown>, field: ReasoningField): boolean {
  const named = typeof target.reasoning === 'string';
  const content = typeof target.reasoning_content === 'string';
  if (!named && !content) return false;
  const text = content ? target.reasoning_content : target.reasoning;
  if (field === 'both') {
    if (named && content) return false;
    target.reasoning = text;
    target.reasoning_content = text;
    return true;
  }
  const other = field === 'reasoning' ? 'reasoning_content' : 'reasoning';
  if (!(other in target) && typeof target[field] === 'string') return false;
  target[field] = text;
  delete target[other];
  return true;
}

/** Assistant messages' reasoning under the name the backend reads; the messages array is copied only when one changes. */
export function reasoningForBackend(messages: unknown, field: 'reasoning' | 'reasoning_content', repairs: Repairs): unknown {
  if (!Array.isArray(messages)) return messages;
  const other = field === 'reasoning' ? 'reasoning_content' : 'reasoning';
  let out: unknown[] | undefined;
  messages.forEach((m, i) => {
    const message = m as Record<string, unknown> | null;
    if (message?.role !== 'assistant' || typeof message[other] !== 'string') return;
    const { [other]: text, ...rest } = message;
    out ??= [...messages];
    out[i] = { ...rest, [field]: typeof message[field] === 'string' ? message[field] : text };
    repairs.add('reasoning_input_renamed');
  });
  return out ?? messages;
}
