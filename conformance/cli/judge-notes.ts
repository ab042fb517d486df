// What `dropin judge` tells the user besides the verdicts: what it read from each file, what it
// ignored as not API traffic, and which API exchanges it could not judge and why.
import type { RecordingsSummary } from '../types.ts';

export function judgeNotes(summary: RecordingsSummary): string[] {
  const notes = summary.files.map((f) => {
    const ignored = f.ignored ? `; ignored ${f.ignored === 1 ? '1 entry that is' : `${f.ignored} entries that are`} not API traffic (pages, scripts, images, CORS preflights)` : '';
    return `${f.path}: ${f.format}, ${f.exchanges} API ${f.exchanges === 1 ? 'exchange' : 'exchanges'}${ignored}`;
  });
  const byReason = new Map<string, number>();
  for (const n of summary.notJudged) byReason.set(n.reason, (byReason.get(n.reason) ?? 0) + 1);
  for (const [reason, count] of byReason) notes.push(`not judged: ${count} ${count === 1 ? 'exchange' : 'exchanges'}: ${reason}`);
  notes.push(`judged ${summary.judged} of ${summary.judged + summary.notJudged.length} API exchanges`);
  return notes;
}
