// "Did you mean ...?" for misspelt keys and names: the closest candidate by edit distance,
// offered only when it is close enough to be a plausible typo.

/** Levenshtein distance, case-insensitive so `baseURL` is one step from nothing but `baseUrl`. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
    }
    prev = row;
  }
  return prev[t.length];
}

/**
 * The closest candidate within a third of the word's length (at least 2 edits), if any; failing
 * that, one the word is a prefix of, since `llama3.2` usually means `llama3.2:3b` with its tag left off.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(2, Math.floor(word.length / 3));
  const list = [...candidates];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of list) {
    const d = editDistance(word, c);
    if (d < bestDistance && d <= limit) {
      best = c;
      bestDistance = d;
    }
  }
  if (best !== undefined || word.length < 3) return best;
  return list.find((c) => c.toLowerCase().startsWith(word.toLowerCase()));
}

/** `; did you mean "x"?` or an empty string, ready to append to a message. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const hit = closest(word, candidates);
  return hit === undefined ? '' : `; did you mean "${hit}"?`;
}
