// report.md, written for a GitHub job summary: the verdict, the targets × capabilities matrix,
// one line per target, then every failure with its Expected / Received text and what it means
// for a client. Identical failures across scenarios are one entry.
import { untestedReason, type FailOn } from '../run/summarize.ts';
import type { Capability, RunResult, TargetResult } from '../types.ts';
import { html, mdCell, mdCode, mdText } from './escape.ts';
import { capText, formatCount, formatDuration } from './format.ts';
import { byGrade, cellGrade, checkGrade, gradeLevel, targetGrade, type Grade } from './grade.ts';
import { groupChecks, type CheckGroup } from './group.ts';
import { runVerdict, skipsAllowed, splitHeadline, type HeadlineStatus } from './outcome.ts';
import { passRateText, runCapabilities, summaryOf } from './status.ts';

/** Expected/Received beyond this are cut: a job summary has a 1 MiB limit. */
const MAX_DETAIL = 400;
/** Scenario names listed for a group before "… (N more)". */
const MAX_SCENARIOS = 12;

const SYMBOL: Record<Grade | HeadlineStatus, string> = {
  pass: '✅', fail: '❌', degraded: '🟠', warn: '⚠️', skip: '⏭️', error: '💥', untested: '🚫',
};

/** "❌ FAIL (MUST) 1/3", "🟠 degraded (SHOULD) 2/3", "✅ 2/2": passed (warnings included) out of judged; skips not counted. */
export function matrixCell(target: TargetResult, capability: Capability, failOn: FailOn = 'must'): string {
  const summary = summaryOf(target, capability);
  const { counts } = summary;
  const ran = counts.pass + counts.warn + counts.fail + counts.error;
  if (ran === 0) return SYMBOL.skip;
  const grade = cellGrade(summary, failOn);
  const level = gradeLevel(summary, grade);
  const words = level ? ` ${grade === 'fail' ? 'FAIL' : 'degraded'} (${level})` : '';
  return `${SYMBOL[grade]}${words} ${counts.pass + counts.warn}/${ran}`;
}

function matrix(run: RunResult): string[] {
  const caps = runCapabilities(run);
  const failOn = run.options.failOn;
  const header = `| target | ${caps.join(' | ')} |`;
  const rule = `|---|${caps.map(() => ':-:').join('|')}|`;
  const rows = run.targets.map((t) => {
    const untested = untestedReason(t) ? ' (not tested)' : '';
    const name = `${SYMBOL[targetGrade(t, failOn)]} **${mdCell(t.name)}**${untested}`;
    return `| ${name} | ${caps.map((c) => matrixCell(t, c, failOn)).join(' | ')} |`;
  });
  const failShould = failOn === 'should' ? ' or SHOULD (--fail-on should)' : '';
  const legend =
    'Cells show checks passed / checks run (skips not counted): ✅ pass · ' +
    `❌ FAIL: a MUST check${failShould} failed, an official client throws or loses data · ` +
    '🟠 degraded: only SHOULD checks failed, a common client degrades · ⚠️ warn: advice · ⏭️ skip · 💥 error';
  return [header, rule, ...rows, '', legend];
}

function targetLine(run: RunResult, t: TargetResult): string {
  const where = `${mdCode(t.model)} (${mdText(t.kind)}) at ${mdCode(t.baseUrl)}`;
  const cost = `${formatDuration(t.durationMs)}, ${formatCount(t.usage.total_tokens)} tokens in ${formatCount(t.usage.requests)} requests`;
  const untested = untestedReason(t);
  const why = untested && `${skipsAllowed(run) ? SYMBOL.skip : `${SYMBOL.untested} **NOT TESTED**`} — ${mdText(untested)}`;
  const broken = t.error ? ` — 💥 could not run: ${mdText(t.error)}` : why ? ` — ${why}` : '';
  return `- **${mdText(t.name)}** — ${where} — ${cost}${broken}`;
}

function detail(label: string, text: string | undefined): string[] {
  if (text === undefined) return [];
  const capped = capText(text, MAX_DETAIL);
  return [`  - ${label}: ${mdCode(capped.text)}${capped.note ? ` (${mdText(capped.note)})` : ''}`];
}

/** Every finding behind the message, collapsed: a job summary stays short, nothing is hidden. */
function findings(details: string[] | undefined): string[] {
  if (!details?.length) return [];
  const items = details.map((d) => `<li><code>${html(capText(d, MAX_DETAIL).text)}</code></li>`).join('');
  return [`  - <details><summary>${details.length} finding${details.length === 1 ? '' : 's'}</summary><ul>${items}</ul></details>`];
}

function where(group: CheckGroup): string {
  if (group.scenarios.length === 1) return `scenario ${mdCode(group.first.scenario)}`;
  const names = group.scenarios.slice(0, MAX_SCENARIOS).map(mdCode).join(', ');
  const more = group.scenarios.length > MAX_SCENARIOS ? `, … (${group.scenarios.length - MAX_SCENARIOS} more)` : '';
  return `**in ${group.scenarios.length} scenarios**: ${names}${more}`;
}

function problem(group: CheckGroup, failOn: FailOn): string[] {
  const check = group.first;
  const rate = group.checks.length === 1 ? passRateText(check) : undefined;
  const head = [
    `- ${SYMBOL[checkGrade(check, failOn)]} **${mdText(check.id)}** · ${check.level} · ${mdText(check.title)}`,
    where(group),
    rate && `passed ${rate}`,
    check.expectedFailure && 'expected by the baseline',
  ];
  const received = group.sameReceived ? 'Received' : `Received (in ${mdCode(check.scenario)}; differs by scenario, each is in report.html)`;
  return [
    head.filter(Boolean).join(' · '),
    ...(check.message ? [`  - ${mdText(check.message)}`] : []),
    ...detail('Expected', check.expected),
    ...detail(received, check.received),
    ...(check.pointer ? [`  - Pointer: ${mdCode(check.pointer)}`] : []),
    ...(check.consequence ? [`  - Client consequence: ${mdText(check.consequence)}`] : []),
    ...(check.evidence ? [`  - Evidence: ${mdText(check.evidence)}`] : []),
    ...findings(check.details),
  ];
}

const isProblem = (s: string) => s === 'error' || s === 'fail' || s === 'warn';

function problems(run: RunResult): string[] {
  const out: string[] = [];
  const failOn = run.options.failOn;
  for (const t of run.targets) {
    const found = t.checks.filter((c) => isProblem(c.status));
    if (found.length === 0) continue;
    out.push('', `### ${mdText(t.name)}`);
    for (const cap of runCapabilities(run)) {
      const mine = found.filter((c) => c.capability === cap).sort(byGrade(failOn));
      if (mine.length > 0) out.push('', `#### ${cap}`, '', ...groupChecks(mine).flatMap((g) => problem(g, failOn)));
    }
  }
  return out.length === 0 ? [] : ['', '## Failures and warnings', ...out];
}

export function renderMarkdown(run: RunResult): string {
  const verdict = runVerdict(run);
  const tokens = run.targets.reduce((n, t) => n + t.usage.total_tokens, 0);
  const meta = [
    `Run ${mdText(run.startedAt)}`,
    formatDuration(run.durationMs),
    `${formatCount(tokens)} tokens`,
    `repeat ${run.options.repeat}`,
    `fail-on ${run.options.failOn}`,
    `dropin ${mdText(run.tool.version)}`,
  ].join(' · ');
  const { word, why } = splitHeadline(verdict.text);
  const lines = [
    `# ${SYMBOL[verdict.status]} dropin conformance: ${mdText(word)}`,
    '',
    ...(why ? [`**${mdText(why)}**`, ''] : []),
    meta,
    '',
    ...matrix(run),
    '',
    ...run.targets.map((t) => targetLine(run, t)),
    ...problems(run),
  ];
  return `${lines.join('\n')}\n`;
}
