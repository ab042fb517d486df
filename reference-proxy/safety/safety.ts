// The proxy's safety layer: an operator's system prompt put in front of every conversation, deny
// patterns on the input (→ 400 before any backend is called) and on the output (→ the stream ends
// with finish_reason content_filter).

/** A new body whose first message is the operator's system prompt. */
export function applySafetyPrompt(body: any, systemPrompt?: string): any {
  if (!systemPrompt) return body;
  const messages = Array.isArray(body?.messages) ? body.messages : [];
  return { ...body, messages: [{ role: 'system', content: systemPrompt }, ...messages] };
}

/** The first deny pattern any message's text matches; all roles count, history included. */
export function checkInput(body: any, denyInput: RegExp[]): { ok: true } | { ok: false; pattern: string } {
  if (!Array.isArray(body?.messages)) return { ok: true };
  return checkTexts(body.messages.flatMap(messageTexts), denyInput);
}

/** The first deny pattern any of the texts matches (an endpoint's input: messages, a prompt, embedding input). */
export function checkTexts(texts: Iterable<string>, denyInput: RegExp[]): { ok: true } | { ok: false; pattern: string } {
  if (denyInput.length === 0) return { ok: true };
  for (const text of texts) {
    const hit = denyInput.find((re) => re.test(text));
    if (hit) return { ok: false, pattern: hit.source };
  }
  return { ok: true };
}

/** The texts of one chat message: its string content, or each text part. */
export function messageTexts(message: any): string[] {
  const content = message?.content;
  if (typeof content === 'string') return [content];
  if (!Array.isArray(content)) return [];
  return content.filter((p: any) => typeof p?.text === 'string').map((p: any) => p.text);
}

/**
 * Streaming output check. Text arrives in arbitrary pieces, so each piece is tested together with
 * the last `tailChars` characters seen before it: a match split across chunks is still found as long
 * as it is no longer than the tail. Once blocked, the filter stays blocked.
 */
export function createOutputFilter(denyOutput: RegExp[], tailChars = 1024): { push(text: string): boolean } {
  let tail = '';
  let blocked = false;
  return {
    push(text: string): boolean {
      if (blocked || denyOutput.length === 0) return blocked;
      const window = tail + text;
      blocked = denyOutput.some((re) => re.test(window));
      tail = window.length > tailChars ? window.slice(window.length - tailChars) : window;
      return blocked;
    },
  };
}

/** Case-insensitive patterns from config strings; an invalid one is named with what to change. */
export function compilePatterns(patterns: string[]): RegExp[] {
  return patterns.map((pattern, i) => {
    try {
      return new RegExp(pattern, 'i');
    } catch (err) {
      throw new Error(
        `safety pattern #${i + 1} "${pattern}" is not a valid regular expression (${(err as Error).message}); fix it or escape its special characters with \\`,
      );
    }
  });
}
