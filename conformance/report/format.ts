// Human-readable numbers shared by the Markdown and HTML reports.

/** 850 → "850 ms", 12 345 → "12.3 s", 125 000 → "2 min 5 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** 1234567 → "1,234,567" independent of the machine's locale. */
export function formatCount(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Cut a long text, saying how much was left out and where the rest is. */
export function capText(text: string, max: number): { text: string; note?: string } {
  if (text.length <= max) return { text };
  const cut = text.length - max;
  return { text: text.slice(0, max), note: `${formatCount(cut)} more characters not shown; the full text is in results.json` };
}

/** Pretty-print JSON text; anything that is not JSON is returned unchanged. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
