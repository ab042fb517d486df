// Per target, per capability: the check list. Problems first; each failed, warned or errored
// check expands to its drill-down and the exchanges it was judged on. Identical results across
// scenarios are one row "in N scenarios" that expands to what they share and to each scenario.
import { untestedReason, type FailOn } from '../../run/summarize.ts';
import type { Capability, CheckResult, RunResult, TargetResult } from '../../types.ts';
import { html } from '../escape.ts';
import { formatCount, formatDuration } from '../format.ts';
import { byGrade, cellGrade, checkGrade, gradeLevel } from '../grade.ts';
import { groupChecks, type CheckGroup } from '../group.ts';
import { skipsAllowed } from '../outcome.ts';
import { passRateText, runCapabilities, summaryOf } from '../status.ts';
import { capabilityAnchor, checkAnchor, exchangeAnchor, targetAnchor } from './anchors.ts';
import { gradeBadge, levelPill, targetBadge } from './badges.ts';
import { ALL_FIELDS, MEMBER_FIELDS, SHARED_FIELDS, fieldList } from './check-detail.ts';
import { renderExchange } from './exchange-view.ts';

/** Each exchange is drawn in full once; later checks that used it link to that copy. */
interface TargetContext {
  target: TargetResult;
  index: number;
  failOn: FailOn;
  drawn: Set<string>;
}

const isProblem = (c: CheckResult) => c.status === 'fail' || c.status === 'warn' || c.status === 'error';

function rowCells(ctx: TargetContext, check: CheckResult, side: string): string {
  const rate = passRateText(check);
  const rateSpan = rate ? `<span class="rate${check.repeat?.passAll ? '' : ' bad'}" title="behaviour check: runs passed">${html(rate)}</span> ` : '';
  const expected = check.expectedFailure ? '<span class="rate" title="listed in the run\'s baseline: does not fail the run">expected</span> ' : '';
  const note = check.message ? `<span class="note">${html(check.message)}</span>` : '';
  return `${gradeBadge(checkGrade(check, ctx.failOn))}${levelPill(check.level)}<span class="id">${html(check.id)}</span><span class="title">${html(check.title)}</span><span class="side">${expected}${rateSpan}${side}</span>${note}`;
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

const anchorOf = (ctx: TargetContext, check: CheckResult) => checkAnchor(ctx.index, ctx.target.checks.indexOf(check));

function checkItem(ctx: TargetContext, check: CheckResult): string {
  const id = anchorOf(ctx, check);
  const row = rowCells(ctx, check, html(check.scenario));
  if (!isProblem(check)) return `<div class="check ok" id="${id}"><div class="row">${row}</div></div>`;
  const detail = `<div class="detail">${fieldList(check, ALL_FIELDS)}${exchanges(ctx, check)}</div>`;
  return `<details class="check problem st-${check.status}" id="${id}"><summary class="row">${row}</summary>${detail}</details>`;
}

/** One scenario inside a group: what it received and its exchanges. */
function member(ctx: TargetContext, check: CheckResult): string {
  const received = check.received === undefined ? '' : `<span class="m-received">${html(check.received)}</span>`;
  const summary = `<summary><span class="mono">${html(check.scenario)}</span>${received}</summary>`;
  return `<details class="member" id="${anchorOf(ctx, check)}">${summary}<div class="detail">${fieldList(check, MEMBER_FIELDS)}${exchanges(ctx, check)}</div></details>`;
}

function groupItem(ctx: TargetContext, group: CheckGroup): string {
  if (group.checks.length === 1) return checkItem(ctx, group.first);
  const first = group.first;
  const side = `<span class="count" title="${html(group.scenarios.join(', '))}">in ${group.scenarios.length} scenarios</span>`;
  if (!isProblem(first)) return `<div class="check ok" id="${anchorOf(ctx, first)}-g"><div class="row">${rowCells(ctx, first, side)}</div></div>`;
  const shared = fieldList(first, group.sameReceived ? [...SHARED_FIELDS, 'received', 'pointer'] : SHARED_FIELDS);
  const members = `<h4>Per scenario (${group.checks.length})</h4><div class="members">${group.checks.map((c) => member(ctx, c)).join('')}</div>`;
  return `<details class="check problem group st-${first.status}" id="${anchorOf(ctx, first)}-g"><summary class="row">${rowCells(ctx, first, side)}</summary><div class="detail">${shared}${members}</div></details>`;
}

function capabilitySection(ctx: TargetContext, capability: Capability, checks: CheckResult[]): string {
  const summary = summaryOf(ctx.target, capability);
  const grade = cellGrade(summary, ctx.failOn);
  const tally = (['pass', 'warn', 'fail', 'error', 'skip'] as const).filter((s) => summary.counts[s] > 0).map((s) => `${summary.counts[s]} ${s}`);
  const sorted = [...checks].sort(byGrade(ctx.failOn));
  const items = groupChecks(sorted).map((g) => groupItem(ctx, g));
  return `<section id="${capabilityAnchor(ctx.index, capability)}"><h3>${gradeBadge(grade, gradeLevel(summary, grade))} ${capability} <span class="muted">${tally.join(' · ')}</span></h3><div class="checks">${items.join('\n')}</div></section>`;
}

/** Capabilities without a single check result share one line instead of empty sections. */
function notRun(ctx: TargetContext, capabilities: Capability[]): string {
  if (capabilities.length === 0) return '';
  const names = capabilities.map((c) => `<span id="${capabilityAnchor(ctx.index, c)}" class="mono">${c}</span>`);
  return `<p class="muted not-run">No checks ran for: ${names.join(', ')}.</p>`;
}

function targetHead(ctx: TargetContext, notTested: string | undefined, allowed: boolean): string {
  const { target, index } = ctx;
  const u = target.usage;
  const facts = `${html(target.model)} · ${html(target.kind)} · <span class="mono">${html(target.baseUrl)}</span> · ${formatDuration(target.durationMs)} · ${formatCount(u.total_tokens)} tokens (${formatCount(u.prompt_tokens)} in, ${formatCount(u.completion_tokens)} out) in ${formatCount(u.requests)} requests`;
  const untested = allowed
    ? `<p class="target-skipped">– Not tested (accepted by --allow-skipped): ${html(notTested ?? '')}</p>`
    : `<p class="target-untested">⊘ NOT TESTED — ${html(notTested ?? '')}. A run with an untested target exits 2 unless --allow-skipped is given.</p>`;
  const error = target.error ? `<p class="target-error">💥 This target could not be run: ${html(target.error)}</p>` : notTested ? untested : '';
  return `<div class="target-head"><h2 id="${targetAnchor(index)}">${html(target.name)}</h2>${targetBadge(target, ctx.failOn)}<span class="muted">${facts}</span></div>${error}`;
}

export function renderTarget(run: RunResult, target: TargetResult, index: number): string {
  const ctx: TargetContext = { target, index, failOn: run.options.failOn, drawn: new Set() };
  const sections: string[] = [];
  const empty: Capability[] = [];
  for (const capability of runCapabilities(run)) {
    const checks = target.checks.filter((c) => c.capability === capability);
    if (checks.length === 0) empty.push(capability);
    else sections.push(capabilitySection(ctx, capability, checks));
  }
  return `<section class="target panel">${targetHead(ctx, untestedReason(target), skipsAllowed(run))}${sections.join('\n')}${notRun(ctx, empty)}</section>`;
}
