// The terminal summary after a run: the targets x capabilities matrix graded like the reports
// (FAIL (MUST) apart from degraded SHOULD cells), the failures that decide the exit code in
// full, those below the fail-on level one line each, cost and time, where the reports are, and
// the same headline as every report.
import { isFailure, isJudged, untestedReason, type FailOn } from '../run/summarize.ts';
import { byGrade, cellGrade, gradeLevel, type Grade } from '../report/grade.ts';
import { groupChecks, scenariosText, type CheckGroup } from '../report/group.ts';
import { runOutcome, runVerdict, skipsAllowed, type HeadlineStatus } from '../report/outcome.ts';
import { runCapabilities, summaryOf } from '../report/status.ts';
import { CAPABILITIES, type CheckResult, type RunResult, type TargetResult } from '../types.ts';
import { notRunReason } from './progress.ts';

/** Below-the-level failures listed one line each before "… and N more, see report.md". */
const MAX_BELOW = 8;

const COLOUR: Record<Grade | HeadlineStatus, string> = {
  pass: '32', fail: '31', degraded: '33', warn: '33', skip: '2', error: '35', untested: '1;35',
};

/** "chat 133, streaming 23, …" in matrix order, for the capabilities that sent requests. */
function tokensByCapability(t: TargetResult): string | undefined {
  const by = t.usageByCapability ?? {};
  const parts = CAPABILITIES.flatMap((c) => (by[c]?.requests ? [`${c} ${by[c]!.total_tokens}`] : []));
  return parts.length ? parts.join(', ') : undefined;
}

export interface SummaryOptions {
  /** ANSI colours, for a terminal that shows them */
  color?: boolean;
}

/** Whether a stream shows colours: a TTY, NO_COLOR unset, not CI. */
export function wantsColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && !env.NO_COLOR && !env.CI;
}

function cellWord(target: TargetResult, cap: Parameters<typeof summaryOf>[1], failOn: FailOn): { grade: Grade; word: string } {
  if (target.error) return { grade: 'error', word: 'ERR' };
  if (target.skipped) return { grade: 'skip', word: 'skip' };
  const summary = summaryOf(target, cap);
  const grade = cellGrade(summary, failOn);
  const words: Record<Grade, string> = { pass: 'pass', fail: 'FAIL', degraded: 'degraded', warn: 'warn', skip: 'skip', error: 'ERR' };
  return { grade, word: grade === 'fail' ? `FAIL(${gradeLevel(summary, grade)})` : words[grade] };
}

function matrix(run: RunResult, paint: (g: Grade | HeadlineStatus, s: string) => string): string[] {
  const caps = runCapabilities(run);
  const failOn = run.options.failOn;
  const cells = run.targets.map((t) => caps.map((c) => cellWord(t, c, failOn)));
  const width = Math.max(6, ...run.targets.map((t) => t.name.length));
  const widths = caps.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i].word.length)));
  const lines = [['target'.padEnd(width), ...caps.map((c, i) => c.padEnd(widths[i]))].join('  ').trimEnd()];
  run.targets.forEach((t, r) => {
    const painted = cells[r].map((cell, i) => paint(cell.grade, cell.word) + ' '.repeat(widths[i] - cell.word.length));
    lines.push([t.name.padEnd(width), ...painted].join('  ').trimEnd());
  });
  const fail = failOn === 'should' ? 'FAIL(MUST|SHOULD) = a MUST check (or a SHOULD, at --fail-on should) failed' : 'FAIL(MUST) = a MUST check failed';
  lines.push(`${fail}: an official client throws or loses data; degraded = only SHOULD checks failed: a common client degrades`);
  return lines;
}

function fullFailure(name: string, g: CheckGroup): string[] {
  const c = g.first;
  const lines = [`${name}: FAIL ${c.level} ${c.id} (${scenariosText(g)}): ${c.title}`];
  if (c.message) lines.push(`    ${c.message}${c.details && c.details.length > 1 ? `  (${c.details.length} findings, see report.html)` : ''}`);
  if (c.expected !== undefined) lines.push(`    expected: ${c.expected}`);
  if (c.received !== undefined) lines.push(`    received: ${c.received}${c.pointer ? `  at ${c.pointer}` : ''}${g.sameReceived ? '' : ` (in ${c.scenario}; differs by scenario)`}`);
  if (c.consequence) lines.push(`    client consequence: ${c.consequence}`);
  return lines;
}

/** Failures that do not decide the exit code: MUST under --fail-on never, SHOULD under must, MAY. */
function belowLevel(name: string, checks: CheckResult[], failOn: FailOn): string[] {
  const groups = groupChecks(checks.sort(byGrade(failOn)));
  if (groups.length === 0) return [];
  const levels = ['MUST', 'SHOULD', 'MAY'].map((l) => [l, checks.filter((c) => c.level === l).length] as const).filter(([, n]) => n > 0);
  const counted = levels.map(([l, n]) => `${n} ${l}`).join(', ');
  const many = checks.length === 1 ? 'failure' : 'failures';
  const lines = [`${name}: ${checks.length} ${many} below --fail-on ${failOn} (${counted}; they do not fail the run, a SHOULD failure means a common client degrades):`];
  for (const g of groups.slice(0, MAX_BELOW)) lines.push(`    ${g.first.level} ${g.first.id} (${scenariosText(g, 3)}): ${g.first.message ?? g.first.title}`);
  if (groups.length > MAX_BELOW) lines.push(`    … and ${groups.length - MAX_BELOW} more, see report.md`);
  return lines;
}

function targetLines(run: RunResult, t: TargetResult): string[] {
  const notRun = notRunReason(t);
  if (notRun) return [`${t.name}: ${notRun}`];
  const failOn = run.options.failOn;
  const lines: string[] = [];
  const failing = t.checks.filter((c) => isFailure(c, failOn)).sort(byGrade(failOn));
  for (const g of groupChecks(failing)) lines.push(...fullFailure(t.name, g));
  lines.push(...belowLevel(t.name, t.checks.filter((c) => c.status === 'fail' && !c.expectedFailure && !isFailure(c, failOn)), failOn));
  const warnings = t.checks.filter((c) => c.status === 'warn').length;
  if (warnings) lines.push(`${t.name}: ${warnings} warning${warnings === 1 ? '' : 's'} (advice or hazards), see report.md`);
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
  const untested = untestedReason(t);
  if (untested) lines.push(`${t.name}: not tested: ${untested}`);
  const u = t.usage;
  lines.push(`${t.name}: ${(t.durationMs / 1000).toFixed(1)} s, ${u.requests} requests, ${u.total_tokens} tokens (${u.prompt_tokens} prompt + ${u.completion_tokens} completion)`);
  const spent = tokensByCapability(t);
  if (spent) lines.push(`${t.name}: tokens by capability: ${spent}`);
  return lines;
}

/** What to do about a run that tested nothing, or not everything. */
function notTestedHint(run: RunResult): string | undefined {
  if (runOutcome(run) !== 'not_tested') return undefined;
  if (!run.targets.some((t) => t.checks.some(isJudged))) return 'no target was tested, so nothing was judged: give the targets what they need (above); --allow-skipped cannot make a run that judged nothing pass';
  return 'a run with an untested target exits 2: give it what it needs (above), or accept it with --allow-skipped (DROPIN_ALLOW_SKIPPED=true, or allowSkipped: true in the config)';
}

export function summaryText(run: RunResult, reportPaths: string[], opts: SummaryOptions = {}): string {
  const paint = (g: Grade | HeadlineStatus, s: string) => (opts.color ? `\u001b[${COLOUR[g]}m${s}\u001b[0m` : s);
  const lines = [...matrix(run, paint), ''];
  for (const t of run.targets) lines.push(...targetLines(run, t));
  for (const entry of run.staleBaseline ?? []) lines.push(`stale baseline entry: ${entry} no longer fails; remove it from the baseline`);
  const expected = run.targets.reduce((n, t) => n + t.checks.filter((c) => c.expectedFailure).length, 0);
  if (expected) lines.push(`${expected} failures expected by the baseline (not counted)`);
  lines.push(`total: ${(run.durationMs / 1000).toFixed(1)} s; reports: ${reportPaths.join(', ')}`);
  const verdict = runVerdict(run);
  lines.push(`result: ${paint(verdict.status, verdict.text)} (exit ${run.exitCode}, --fail-on ${run.options.failOn}${skipsAllowed(run) ? ', --allow-skipped' : ''})`);
  const hint = notTestedHint(run);
  if (hint) lines.push(hint);
  return lines.join('\n') + '\n';
}
