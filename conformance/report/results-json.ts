// results.json: the RunResult itself, pretty-printed. Its shape is a public contract,
// documented in docs/results-format.md.
import type { RunResult } from '../types.ts';

export function renderResultsJson(run: RunResult): string {
  return `${JSON.stringify({ ...run, formatVersion: 1 }, null, 2)}\n`;
}
