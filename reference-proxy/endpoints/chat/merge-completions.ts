// F37: some backends answer `n > 1` with a single choice. Asked n times at once (the attempt's
// copies), their answers merge into what OpenAI would send: n choices, indices 0..n-1, one usage
// with the prompt counted once.

/** One completion from several: the first one's envelope, every choice re-indexed, usage added up. */
export function mergeCompletions(texts: string[]): string | undefined {
  let parsed: any[];
  try {
    parsed = texts.map((t) => JSON.parse(t));
  } catch {
    return undefined;
  }
  if (!parsed.every((c) => Array.isArray(c?.choices))) return undefined;
  const [first] = parsed;
  const choices = parsed.flatMap((c) => c.choices).map((choice: object, index: number) => ({ ...choice, index }));
  const usage = parsed.every((c) => c.usage && typeof c.usage === 'object')
    ? {
        ...first.usage,
        completion_tokens: sum(parsed.map((c) => c.usage.completion_tokens)),
        total_tokens: (first.usage.prompt_tokens ?? 0) + sum(parsed.map((c) => c.usage.completion_tokens)),
      }
    : first.usage;
  return JSON.stringify({ ...first, choices, ...(usage ? { usage } : {}) });
}

function sum(values: unknown[]): number {
  return values.reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);
}
