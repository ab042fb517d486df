// Per target, per capability: the check list. Problems first; each failed, warned or errored
// check expands to Expected / Received, pointer, spec and the exchanges it was judged on.
import type { Capability, CheckResult, RunResult, TargetResult } from '../../types.ts';
import { html } from '../escape.ts';
import { formatCount, formatDuration } from '../format.ts';
import { bySeverity, passRateText, runCapabilities, summaryOf, targetStatus } from '../status.ts';
import { capabilityAnchor, checkAnchor, exchangeAnchor, targetAnchor } from './anchors.ts';
import { levelPill, statusBadge } from './badges.ts';
import { renderExchange } from './exchange-view.ts';

/** Each exchange is drawn in full once; later checks that used it link to that copy. */
interface TargetContext {
  target: TargetResult;
  index: number;
  drawn: Set<string>;
}

const isProblem = (c: CheckResult) => c.status === 'fail' || c.status === 'warn' || c.status === 'error';

function rowCells(check: CheckResult): string {
  const rate = passRateText(check);
  const rateSpan = rate ? `<span class="rate${check.repeat?.passAll ? '' : ' bad'}" title="behaviour check: runs passed">${html(rate)}</span> ` : '';
  const expected = check.expectedFailure ? '<span class="rate" title="listed in the run\'s baseline: does not fail the run">expected</span> ' : '';
  const note = check.message ? `<span class="note">${html(check.message)}</span>` : '';
  return `${statusBadge(check.status)}${levelPill(check.level)}<span class="id">${html(check.id)}</span><span class="title">${html(check.title)}</span><span class="side">${expected}${rateSpan}${html(check.scenario)}</span>${note}`;
}

/** Indices of SSE events named by a stream pointer like /events/3/choices/0. */
function pointedEvents(check: CheckResult): Set<number> {
  const m = /^\/events\/(\d+)/.exec(check.pointer ?? '');
  return new Set(m ? [Number(m[1])] : []);
}

function exchanges(ctx: TargetContext, check: CheckResult): string {
  return check.exchanges
    .map((id) => {
      const i = ctx.target.exchanges.findIndex((x) => x.id === id);
      if (i < 0) return `<p class="muted">exchange ${html(id)} was not recorded</p>`;
      const anchor = exchangeAnchor(ctx.index, i);
      if (ctx.drawn.has(id)) return `<p>Exchange <a href="#${anchor}">${html(id)}</a> is shown above.</p>`;
      ctx.drawn.add(id);
      return renderExchange(ctx.target.exchanges[i], anchor, pointedEvents(check), ctx.target.startCommand);
    })
    .join('');
}

function detail(ctx: TargetContext, check: CheckResult): string {
  const entries: Array<[string, string | undefined]> = [
    ['Expected', check.expected],
    ['Received', check.received],
    ['Pointer', check.pointer],
    ['Spec', check.spec],
  ];
  const rows = entries
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => `<dt>${k}</dt><dd>${k === 'Expected' || k === 'Received' ? `<pre>${html(v)}</pre>` : html(v)}</dd>`);
  return `<div class="detail"><dl class="er">${rows.join('')}</dl>${exchanges(ctx, check)}</div>`;
}

function checkItem(ctx: TargetContext, check: CheckResult): string {
  const id = checkAnchor(ctx.index, ctx.target.checks.indexOf(check));
  if (!isProblem(check)) return `<div class="check ok" id="${id}"><div class="row">${rowCells(check)}</div></div>`;
  return `<details class="check problem st-${check.status}" id="${id}"><summary class="row">${rowCells(check)}</summary>${detail(ctx, check)}</details>`;
}

function capabilitySection(ctx: TargetContext, capability: Capability, checks: CheckResult[]): string {
  const { status, counts } = summaryOf(ctx.target, capability);
  const tally = (['pass', 'warn', 'fail', 'error', 'skip'] as const).filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  const items = [...checks].sort(bySeverity).map((c) => checkItem(ctx, c));
  return `<section id="${capabilityAnchor(ctx.index, capability)}"><h3>${statusBadge(status)} ${capability} <span class="muted">${tally.join(' · ')}</span></h3><div class="checks">${items.join('\n')}</div></section>`;
}

/** Capabilities without a single check result share one line instead of empty sections. */
function notRun(ctx: TargetContext, capabilities: Capability[]): string {
  if (capabilities.length === 0) return '';
  const names = capabilities.map((c) => `<span id="${capabilityAnchor(ctx.index, c)}" class="mono">${c}</span>`);
  return `<p class="muted not-run">No checks ran for: ${names.join(', ')}.</p>`;
}

function targetHead(target: TargetResult, index: number): string {
  const u = target.usage;
  const facts = `${html(target.model)} · ${html(target.kind)} · <span class="mono">${html(target.baseUrl)}</span> · ${formatDuration(target.durationMs)} · ${formatCount(u.total_tokens)} tokens (${formatCount(u.prompt_tokens)} in, ${formatCount(u.completion_tokens)} out) in ${formatCount(u.requests)} requests`;
  const error = target.error
    ? `<p class="target-error">💥 This target could not be run: ${html(target.error)}</p>`
    : target.skipped
      ? `<p class="target-skipped">– This target was skipped: ${html(target.skipped)}</p>`
      : '';
  return `<div class="target-head"><h2 id="${targetAnchor(index)}">${html(target.name)}</h2>${statusBadge(targetStatus(target))}<span class="muted">${facts}</span></div>${error}`;
}

export function renderTarget(run: RunResult, target: TargetResult, index: number): string {
  const ctx: TargetContext = { target, index, drawn: new Set() };
  const sections: string[] = [];
  const empty: Capability[] = [];
  for (const capability of runCapabilities(run)) {
    const checks = target.checks.filter((c) => c.capability === capability);
    if (checks.length === 0) empty.push(capability);
    else sections.push(capabilitySection(ctx, capability, checks));
  }
  return `<section class="target panel">${targetHead(target, index)}${sections.join('\n')}${notRun(ctx, empty)}</section>`;
}
