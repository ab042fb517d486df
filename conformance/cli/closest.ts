// The closest of a set of names to what the user typed ("olama" → "ollama", "llama3.2" →
// "llama3.2:3b"), for "did you mean" hints on usage errors and unknown models.

/** Levenshtein distance, case-insensitive. */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[y.length];
}

/**
 * The candidate most like `name` (smallest edit distance), or undefined when none is close: close
 * means within a third of the name's length, or containing the name or contained in it (a model's
 * tag left off or added).
 */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const limit = Math.max(2, Math.ceil(name.length / 3));
  const related = (c: string) => lower.length >= 3 && (c.toLowerCase().includes(lower) || lower.includes(c.toLowerCase()));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(name, c);
    if (d < bestDistance && (d <= limit || related(c))) [best, bestDistance] = [c, d];
  }
  return best;
}
