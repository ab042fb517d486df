// Shared by the tools.stream-* checks that read the accumulator's anomalies: each check owns a few
// anomaly kinds and reports the first one with how many there were.
import type { CheckInput, Verdict } from '../../types.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import type { AnomalyKind, ToolCallAnomaly } from './accumulate.ts';
import { withToolCalls } from './tool-calls.ts';

export interface AnomalyReport {
  message: string;
  expected: string;
}

export function judgeStreamAnomalies(
  input: CheckInput,
  kinds: AnomalyKind[],
  describe: (first: ToolCallAnomaly) => AnomalyReport,
): Verdict {
  return withToolCalls(input, ({ stream }) => {
    if (!stream) return skip('not a stream (non-stream tool calls are judged by tools.call-schema)');
    const found = stream.accumulated.anomalies.filter((a) => kinds.includes(a.kind));
    if (found.length === 0) return stream.accumulated.fragments === 0 ? skip('no tool calls were streamed') : pass();
    const first = found[0];
    const { message, expected } = describe(first);
    const more = found.length > 1 ? ` (${found.length} such fragments)` : '';
    return fail(`${message}${more}`, {
      expected,
      received: `event ${first.event}: ${first.field ?? 'index'} ${show(first.value)}`,
      pointer: first.pointer,
    });
  });
}
