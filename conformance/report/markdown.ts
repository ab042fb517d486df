// report.md, written for a GitHub job summary: the verdict, the targets × capabilities matrix,
// one line per target, then every failure with its Expected / Received text.
import type { Capability, CheckResult, RunResult, Status, TargetResult } from '../types.ts';
import { mdCell, mdCode, mdText } from './escape.ts';
import { capText, formatCount, formatDuration } from './format.ts';
import { STATUS_SYMBOL, bySeverity, passRateText, runCapabilities, runVerdict, summaryOf, targetStatus } from './status.ts';

/** Expected/Received beyond this are cut: a job summary has a 1 MiB limit. */
const MAX_DETAIL = 400;

/** "❌ 3/5": checks that passed (warnings included) out of those that ran; skips are not counted. */
export function matrixCell(target: TargetResult, capability: Capability): string {
  const { status, counts } = summaryOf(target, capability);
  const ran = counts.pass + counts.warn + counts.fail + counts.error;
  if (ran === 0) return STATUS_SYMBOL.skip;
  return `${STATUS_SYMBOL[status]} ${counts.pass + counts.warn}/${ran}`;
}

function matrix(run: RunResult): string[] {
  const caps = runCapabilities(run);
  const header = `| target | ${caps.join(' | ')} |`;
  const rule = `|---|${caps.map(() => ':-:').join('|')}|`;
  const rows = run.targets.map((t) => {
    const name = `${STATUS_SYMBOL[targetStatus(t)]} **${mdCell(t.name)}**`;
    return `| ${name} | ${caps.map((c) => matrixCell(t, c)).join(' | ')} |`;
  });
  const legend = 'Cells show checks passed / checks run (skips not counted): ✅ pass · ❌ fail · ⚠️ warn · ⏭️ skip · 💥 error';
  return [header, rule, ...rows, '', legend];
}

function targetLine(t: TargetResult): string {
  const where = `${mdCode(t.model)} (${mdText(t.kind)}) at ${mdCode(t.baseUrl)}`;
  const cost = `${formatDuration(t.durationMs)}, ${formatCount(t.usage.total_tokens)} tokens in ${formatCount(t.usage.requests)} requests`;
  const broken = t.error ? ` — 💥 could not run: ${mdText(t.error)}` : t.skipped ? ` — ⏭️ skipped: ${mdText(t.skipped)}` : '';
  return `- **${mdText(t.name)}** — ${where} — ${cost}${broken}`;
}

function detail(label: string, text: string | undefined): string[] {
  if (text === undefined) return [];
  const capped = capText(text, MAX_DETAIL);
  return [`  - ${label}: ${mdCode(capped.text)}${capped.note ? ` (${mdText(capped.note)})` : ''}`];
}

function problem(check: CheckResult): string[] {
  const rate = passRateText(check);
  const head = [
    `- ${STATUS_SYMBOL[check.status]} **${mdText(check.id)}** · ${check.level} · ${mdText(check.title)}`,
    `scenario ${mdCode(check.scenario)}`,
    rate && `passed ${rate}`,
    check.expectedFailure && 'expected by the baseline',
  ];
  return [
    head.filter(Boolean).join(' · '),
    ...(check.message ? [`  - ${mdText(check.message)}`] : []),
    ...detail('Expected', check.expected),
    ...detail('Received', check.received),
    ...(check.pointer ? [`  - Pointer: ${mdCode(check.pointer)}`] : []),
  ];
}

const PROBLEMS: Status[] = ['error', 'fail', 'warn'];

function problems(run: RunResult): string[] {
  const out: string[] = [];
  for (const t of run.targets) {
    const found = t.checks.filter((c) => PROBLEMS.includes(c.status));
    if (found.length === 0) continue;
    out.push('', `### ${mdText(t.name)}`);
    for (const cap of runCapabilities(run)) {
      const mine = found.filter((c) => c.capability === cap).sort(bySeverity);
      if (mine.length > 0) out.push('', `#### ${cap}`, '', ...mine.flatMap(problem));
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
  const lines = [
    `# ${STATUS_SYMBOL[verdict.status]} dropin conformance: ${mdText(verdict.text)}`,
    '',
    meta,
    '',
    ...matrix(run),
    '',
    ...run.targets.map(targetLine),
    ...problems(run),
  ];
  return `${lines.join('\n')}\n`;
}
