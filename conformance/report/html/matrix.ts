// The targets × capabilities matrix at the top of report.html: one coloured cell per pair,
// each a link to that capability's check list further down. A failed MUST is red "FAIL (MUST)",
// SHOULD failures alone are amber "DEGRADED (SHOULD)" (red under --fail-on should).
import type { FailOn } from '../../run/summarize.ts';
import type { Capability, Level, RunResult, TargetResult } from '../../types.ts';
import { html } from '../escape.ts';
import { GRADE_MEANING, GRADE_WORD, cellGrade, gradeLabel, gradeLevel, type Grade } from '../grade.ts';
import { runCapabilities, summaryOf } from '../status.ts';
import { capabilityAnchor, targetAnchor } from './anchors.ts';
import { GLYPH, gradeBadge, targetBadge } from './badges.ts';

const LEVELS: Level[] = ['MUST', 'SHOULD', 'MAY'];

function cellCounts(target: TargetResult, capability: Capability): string {
  if (target.skipped) return 'target skipped';
  const { counts, failedByLevel } = summaryOf(target, capability);
  const ran = counts.pass + counts.warn + counts.fail + counts.error;
  if (ran === 0) return counts.skip > 0 ? `${counts.skip} skipped` : 'not run';
  const failed = LEVELS.filter((l) => failedByLevel[l] > 0).map((l) => `${failedByLevel[l]} ${l}`);
  const extra = [failed.length > 0 && `✗ ${failed.join(', ')}`, counts.error > 0 && `${counts.error} error`].filter(Boolean);
  return [`${counts.pass + counts.warn}/${ran} passed`, ...extra].join(' · ');
}

function cell(target: TargetResult, index: number, capability: Capability, failOn: FailOn): string {
  const summary = summaryOf(target, capability);
  const grade = cellGrade(summary, failOn);
  const level = gradeLevel(summary, grade);
  const words = `${GLYPH[grade]} ${GRADE_WORD[grade]}${level ? ` <span class="lvl">(${level})</span>` : ''}`;
  const href = `#${capabilityAnchor(index, capability)}`;
  const title = html(`${target.name} · ${capability}: ${gradeLabel(summary, failOn).toLowerCase()} — ${GRADE_MEANING[grade]}`);
  return `<td class="cell st-${grade}"><a href="${href}" title="${title}"><span class="word">${words}</span><span class="counts">${cellCounts(target, capability)}</span></a></td>`;
}

function row(target: TargetResult, index: number, capabilities: Capability[], failOn: FailOn): string {
  const name = `<a class="tname" href="#${targetAnchor(index)}">${html(target.name)}</a>`;
  const badge = targetBadge(target, failOn);
  const meta = `<div class="tmeta">${html(target.model)} · ${html(target.kind)}</div>`;
  const head = `<th class="target" scope="row">${name} ${badge}${meta}</th>`;
  return `<tr>${head}${capabilities.map((c) => cell(target, index, c, failOn)).join('')}</tr>`;
}

const LEGEND: Grade[] = ['pass', 'fail', 'degraded', 'warn', 'skip', 'error'];

export function renderMatrix(run: RunResult): string {
  const caps = runCapabilities(run);
  const failOn = run.options.failOn;
  const header = `<tr><th class="target">target</th>${caps.map((c) => `<th scope="col">${c.replaceAll('_', '_<wbr>')}</th>`).join('')}</tr>`;
  const rows = run.targets.map((t, i) => row(t, i, caps, failOn)).join('\n');
  const meaning = (g: Grade) => (g === 'fail' && failOn === 'should' ? `${GRADE_MEANING.fail}; or a SHOULD check failed (--fail-on should)` : GRADE_MEANING[g]);
  const legend = LEGEND.map((g) => `<span class="key">${gradeBadge(g)} ${html(meaning(g))}</span>`).join('');
  return `<section id="matrix" class="panel">
<h2>Compatibility matrix</h2>
<div class="scroll"><table class="matrix">
<thead>${header}</thead>
<tbody>${rows}</tbody>
</table></div>
<div class="legend">${legend}</div>
<p class="legend-note">Counts: checks passed / checks run (warnings pass, skips are not counted) · ✗ failed checks by level. Fail-on: ${html(failOn)}. Click a cell for its checks.</p>
</section>`;
}
