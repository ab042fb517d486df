// A cheap prompt-size estimate for routing and rate limits, not billing: about 4 characters per
// token for English text and JSON (OpenAI's rule of thumb), plus a small per-message overhead for
// the chat template. It runs on every request, so no tokenizer: being off by 20% moves a request
// across a routing threshold only when it sits right at it.

const CHARS_PER_TOKEN = 4;
/** role markers and separators the chat template adds around every message */
const TOKENS_PER_MESSAGE = 4;

export function estimatePromptTokens(body: any): number {
  const messages: unknown[] = Array.isArray(body?.messages) ? body.messages : [];
  let chars = 0;
  for (const m of messages) chars += messageChars(m);
  for (const key of ['tools', 'functions'] as const) {
    if (Array.isArray(body?.[key]) && body[key].length > 0) chars += JSON.stringify(body[key]).length;
  }
  const schema = body?.response_format?.json_schema;
  if (schema !== undefined) chars += JSON.stringify(schema).length;
  return Math.ceil(chars / CHARS_PER_TOKEN) + messages.length * TOKENS_PER_MESSAGE;
}

/** The text a message contributes: content (string or text parts), name, and tool call payloads. */
export function messageText(message: any): string {
  const content = message?.content;
  const parts: string[] = [];
  if (typeof content === 'string') parts.push(content);
  else if (Array.isArray(content)) {
    for (const part of content) if (typeof part?.text === 'string') parts.push(part.text);
  }
  return parts.join('\n');
}

function messageChars(message: any): number {
  let chars = messageText(message).length;
  if (typeof message?.name === 'string') chars += message.name.length;
  if (Array.isArray(message?.tool_calls)) chars += JSON.stringify(message.tool_calls).length;
  return chars;
}

/**
 * The size of a prompt or an embedding input given as the API allows: a string, strings, token
 * ids (one token each), or lists of token ids.
 */
export function estimateInputTokens(input: unknown): number {
  if (typeof input === 'string') return Math.ceil(input.length / CHARS_PER_TOKEN);
  if (!Array.isArray(input)) return 0;
  let tokens = 0;
  for (const item of input) tokens += typeof item === 'number' ? 1 : estimateInputTokens(item);
  return tokens;
}
