// Shared by streaming.id-stable and streaming.created-stable: a top-level chunk field that the
// spec says is the same on every chunk.
import type { Verdict } from '../../types.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import type { ParsedStream } from './parse-stream.ts';

export function judgeStableField({ chunks }: ParsedStream, key: string, impact: string): Verdict {
  if (chunks.length === 0) return skip('the stream carried no chunk');
  const first = chunks[0].chunk[key];
  const changed = chunks.find(({ chunk }) => chunk[key] !== first);
  if (!changed) return pass();
  return fail(`\`${key}\` changed between chunks; ${impact}`, {
    expected: `${key} ${show(first)} on every chunk (as on event ${chunks[0].n})`,
    received: show(changed.chunk[key]),
    pointer: `/events/${changed.n}/${key}`,
  });
}
