// A baseline of expected failures, as MCP's and Connect's conformance suites keep them: a team
// that knows its server fails some checks lists them, the run stays green on exactly those, and an
// entry that now passes is stale and fails the run — so the list can only shrink.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { RunResult } from '../types.ts';

/** Target name (or "*") → entries: a check id, or "scenario:check-id" for one scenario only. */
export type Baseline = Record<string, string[]>;

export class BaselineError extends Error {}

export function loadBaseline(path: string): Baseline {
  let raw: unknown;
  try {
    raw = parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new BaselineError(`cannot read baseline ${path}: ${(e as Error).message}`);
  }
  const ok = raw && typeof raw === 'object' && !Array.isArray(raw) &&
    Object.values(raw).every((v) => Array.isArray(v) && v.every((e) => typeof e === 'string'));
  if (!ok) throw new BaselineError(`baseline ${path} must map target names (or "*") to lists of check ids, e.g.\n  ollama:\n    - chat.schema\n    - tools.named:tools.choice-honoured`);
  return raw as Baseline;
}

/**
 * Marks the failures the baseline expects (they no longer decide the exit code) and lists the
 * entries that matched no failure (stale: the endpoint got better, or the entry is wrong).
 */
export function applyBaseline(run: RunResult, baseline: Baseline): RunResult {
  const stale: string[] = [];
  const targets = run.targets.map((t) => {
    const entries = [...(baseline['*'] ?? []), ...(baseline[t.name] ?? [])];
    const used = new Set<string>();
    const checks = t.checks.map((c) => {
      if (c.status !== 'fail') return c;
      const entry = entries.find((e) => e === c.id || e === `${c.scenario}:${c.id}`);
      if (!entry) return c;
      used.add(entry);
      return { ...c, expectedFailure: true };
    });
    if (!t.skipped && !t.error) stale.push(...(baseline[t.name] ?? []).filter((e) => !used.has(e)).map((e) => `${t.name}: ${e}`));
    return { ...t, checks };
  });
  return { ...run, targets, staleBaseline: stale };
}
