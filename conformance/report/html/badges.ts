// Small inline pieces shared by the matrix and the check list.
import type { Level, Status } from '../../types.ts';

export const STATUS_WORD: Record<Status, string> = { pass: 'PASS', fail: 'FAIL', warn: 'WARN', skip: 'SKIP', error: 'ERROR' };

/**
 * Text glyphs rather than the Markdown report's emoji: they exist in common fonts (DejaVu,
 * Liberation) so the page reads the same on a machine without an emoji font. U+FE0E asks for
 * the text form where an emoji form exists.
 */
export const STATUS_GLYPH: Record<Status, string> = { pass: '✓', fail: '✗', warn: '⚠\uFE0E', skip: '–', error: '⚡\uFE0E' };

export function statusBadge(status: Status): string {
  return `<span class="badge st-${status}">${STATUS_GLYPH[status]} ${STATUS_WORD[status]}</span>`;
}

export function levelPill(level: Level): string {
  return `<span class="level ${level}">${level}</span>`;
}
