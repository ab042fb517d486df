// The targets × capabilities matrix at the top of report.html: one coloured cell per pair,
// each a link to that capability's check list further down.
import type { Capability, Level, RunResult, TargetResult } from '../../types.ts';
import { html } from '../escape.ts';
import { runCapabilities, summaryOf, targetStatus } from '../status.ts';
import { capabilityAnchor, targetAnchor } from './anchors.ts';
import { STATUS_GLYPH, STATUS_WORD, statusBadge } from './badges.ts';

const LEVELS: Level[] = ['MUST', 'SHOULD', 'MAY'];

function cellCounts(target: TargetResult, capability: Capability): string {
  const { counts, failedByLevel } = summaryOf(target, capability);
  const ran = counts.pass + counts.warn + counts.fail + counts.error;
  if (ran === 0) return counts.skip > 0 ? `${counts.skip} skipped` : 'not run';
  const failed = LEVELS.filter((l) => failedByLevel[l] > 0).map((l) => `${failedByLevel[l]} ${l}`);
  const extra = [failed.length > 0 && `✗ ${failed.join(', ')}`, counts.error > 0 && `${counts.error} error`].filter(Boolean);
  return [`${counts.pass + counts.warn}/${ran} passed`, ...extra].join(' · ');
}

function cell(target: TargetResult, index: number, capability: Capability): string {
  const { status } = summaryOf(target, capability);
  const href = `#${capabilityAnchor(index, capability)}`;
  const title = html(`${target.name} · ${capability}: ${STATUS_WORD[status].toLowerCase()}`);
  return `<td class="cell st-${status}"><a href="${href}" title="${title}"><span class="word">${STATUS_GLYPH[status]} ${STATUS_WORD[status]}</span><span class="counts">${cellCounts(target, capability)}</span></a></td>`;
}

function row(target: TargetResult, index: number, capabilities: Capability[]): string {
  const name = `<a class="tname" href="#${targetAnchor(index)}">${html(target.name)}</a>`;
  const meta = `<div class="tmeta">${html(target.model)} · ${html(target.kind)}</div>`;
  const head = `<th class="target" scope="row">${name} ${statusBadge(targetStatus(target))}${meta}</th>`;
  return `<tr>${head}${capabilities.map((c) => cell(target, index, c)).join('')}</tr>`;
}

export function renderMatrix(run: RunResult): string {
  const caps = runCapabilities(run);
  const header = `<tr><th class="target">target</th>${caps.map((c) => `<th scope="col">${c}</th>`).join('')}</tr>`;
  const rows = run.targets.map((t, i) => row(t, i, caps)).join('\n');
  const legend = (['pass', 'fail', 'warn', 'skip', 'error'] as const).map(statusBadge).join(' ');
  return `<section id="matrix" class="panel">
<h2>Compatibility matrix</h2>
<div class="scroll"><table class="matrix">
<thead>${header}</thead>
<tbody>${rows}</tbody>
</table></div>
<div class="legend"><span>${legend}</span><span>Counts: checks passed / checks run (warnings pass, skips are not counted) · ✗ failed checks by level. Click a cell for its checks.</span></div>
</section>`;
}
