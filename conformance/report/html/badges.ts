// Small inline pieces shared by the matrix and the check list.
import { untestedReason, type FailOn } from '../../run/summarize.ts';
import type { Level, TargetResult } from '../../types.ts';
import { GRADE_WORD, targetGrade, type Grade } from '../grade.ts';
import type { HeadlineStatus } from '../outcome.ts';

/**
 * Text glyphs rather than the Markdown report's emoji: they exist in common fonts (DejaVu,
 * Liberation) so the page reads the same on a machine without an emoji font. U+FE0E asks for
 * the text form where an emoji form exists.
 */
export const GLYPH: Record<Grade | HeadlineStatus, string> = {
  pass: '✓', fail: '✗', degraded: '↓', warn: '⚠\uFE0E', skip: '–', error: '⚡\uFE0E', untested: '⊘',
};

/** A pill in the grade's colour; `level` adds why, e.g. "✗ FAIL (MUST)". */
export function gradeBadge(grade: Grade, level?: Level): string {
  return `<span class="badge st-${grade}">${GLYPH[grade]} ${GRADE_WORD[grade]}${level ? ` (${level})` : ''}</span>`;
}

/** A target's pill: its worst grade, or NOT TESTED when no check was judged on it. */
export function targetBadge(target: TargetResult, failOn: FailOn): string {
  return untestedReason(target) ? `<span class="badge st-untested">${GLYPH.untested} NOT TESTED</span>` : gradeBadge(targetGrade(target, failOn));
}

export function levelPill(level: Level): string {
  return `<span class="level ${level}">${level}</span>`;
}
