// The terminal summary after a run: the targets x capabilities matrix, the failures that
// decide the exit code, cost and time, and where the reports are.
import { CAPABILITIES, type RunResult, type Status, type TargetResult } from '../types.ts';
import { isFailure } from '../run/summarize.ts';
import { notRunReason } from './progress.ts';

const MARK: Record<Status, string> = { pass: 'pass', fail: 'FAIL', warn: 'warn', skip: 'skip', error: 'ERR ' };

/** "chat 133, streaming 23, …" in matrix order, for the capabilities that sent requests. */
function tokensByCapability(t: TargetResult): string | undefined {
  const by = t.usageByCapability ?? {};
  const parts = CAPABILITIES.flatMap((c) => (by[c]?.requests ? [`${c} ${by[c]!.total_tokens}`] : []));
  return parts.length ? parts.join(', ') : undefined;
}

export function summaryText(run: RunResult, reportPaths: string[]): string {
  const lines: string[] = [];
  const width = Math.max(6, ...run.targets.map((t) => t.name.length));
  const caps = run.options.only.length ? CAPABILITIES.filter((c) => run.options.only.includes(c)) : [...CAPABILITIES];
  lines.push(['target'.padEnd(width), ...caps.map((c) => c.padEnd(Math.max(c.length, 4)))].join('  '));
  for (const t of run.targets) {
    const cells = caps.map((c) => (t.error ? 'ERR ' : t.skipped ? 'skip' : MARK[t.capabilities[c].status]).padEnd(Math.max(c.length, 4)));
    lines.push([t.name.padEnd(width), ...cells].join('  '));
  }
  lines.push('');
  for (const t of run.targets) {
    const notRun = notRunReason(t);
    if (notRun) {
      lines.push(`${t.name}: ${notRun}`);
      continue;
    }
    const failures = t.checks.filter((c) => isFailure(c, run.options.failOn));
    for (const c of failures) {
      lines.push(`${t.name}: FAIL ${c.level} ${c.id} (${c.scenario}): ${c.title}`);
      if (c.message) lines.push(`    ${c.message}`);
      if (c.expected !== undefined) lines.push(`    expected: ${c.expected}`);
      if (c.received !== undefined) lines.push(`    received: ${c.received}${c.pointer ? `  at ${c.pointer}` : ''}`);
    }
    const unauthorized = t.exchanges.filter((e) => e.status === 401 || e.status === 403).length;
    if (unauthorized * 2 >= t.exchanges.length && unauthorized > 0) {
      lines.push(`${t.name}: ${unauthorized} of ${t.exchanges.length} requests were refused with 401/403: pass the endpoint's key with --api-key (or OPENAI_API_KEY), or check its permissions`);
    }
    const errors = t.checks.filter((c) => c.status === 'error');
    if (errors.length) {
      const reasons = [...new Set(errors.map((c) => c.message ?? 'no message'))];
      lines.push(`${t.name}: ${errors.length} checks could not be judged (the request or the harness failed, not the endpoint's conformance):`);
      for (const reason of reasons.slice(0, 3)) lines.push(`    ${reason}`);
      if (reasons.length > 3) lines.push(`    … and ${reasons.length - 3} more reasons, see report.html`);
    }
    const u = t.usage;
    lines.push(`${t.name}: ${(t.durationMs / 1000).toFixed(1)} s, ${u.requests} requests, ${u.total_tokens} tokens (${u.prompt_tokens} prompt + ${u.completion_tokens} completion)`);
    const spent = tokensByCapability(t);
    if (spent) lines.push(`${t.name}: tokens by capability: ${spent}`);
  }
  for (const entry of run.staleBaseline ?? []) lines.push(`stale baseline entry: ${entry} no longer fails; remove it from the baseline`);
  const expected = run.targets.reduce((n, t) => n + t.checks.filter((c) => c.expectedFailure).length, 0);
  if (expected) lines.push(`${expected} failures expected by the baseline (not counted)`);
  lines.push(`total: ${(run.durationMs / 1000).toFixed(1)} s; reports: ${reportPaths.join(', ')}`);
  const verdict = ['conformant at the chosen level', 'conformance failures', 'a target or the harness broke'][run.exitCode];
  lines.push(`result: ${verdict} (exit ${run.exitCode}, --fail-on ${run.options.failOn})`);
  return lines.join('\n') + '\n';
}
