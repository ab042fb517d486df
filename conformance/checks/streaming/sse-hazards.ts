// Legal SSE that naive parsers trip over (comments, id/event/retry fields, bare CR): a warning only.
import type { Check, SseCapture } from '../../types.ts';
import { pass, show, warn } from '../verdict.ts';
import { streamSkip } from './parse-stream.ts';

export const streamingSseHazards: Check = {
  id: 'streaming.sse-hazards',
  capability: 'streaming',
  level: 'MAY',
  kind: 'protocol',
  consequence:
    'Legal SSE that official clients parse (openai-node and openai-python skip comments), but naive data-splitting parsers JSON-decode a comment, and openai-python with id: fields plus blank keepalives decodes an empty event.',
  evidence:
    'openai-node SSEDecoder (node_modules/openai/src/core/streaming.ts); langchaingo#1332, openai/openai-python#2722 (docs/deviations.md#f29, #f30)',
  title: 'No legal-but-hazardous SSE (comments, id/event/retry fields)',
  spec: 'WHATWG HTML server-sent events; docs/deviations.md#f29, #f30',
  run: (input) => {
    const skipped = streamSkip(input);
    if (skipped) return skipped;
    const sse = input.exchange.sse as SseCapture;
    const hazards = hazardsOf(sse);
    if (hazards.length === 0) return pass();
    const firstField = sse.events.findIndex((e) => e.id !== undefined || e.event !== undefined);
    return warn(`legal SSE that naive or older clients mis-parse: ${hazards.join('; ')}`, {
      expected: 'data-only events, no comments or other fields',
      received: hazards.join('; '),
      pointer: firstField === -1 ? undefined : `/events/${firstField}`,
    });
  },
};

function hazardsOf(sse: SseCapture): string[] {
  const out: string[] = [];
  if (sse.comments.length > 0) {
    out.push(`${sse.comments.length} comment line(s), e.g. ${show(`:${sse.comments[0].text}`, 40)} (JSON-decoded by data-splitting parsers)`);
  }
  const withId = sse.events.filter((e) => e.id !== undefined).length;
  if (withId > 0) out.push(`id: on ${withId} event(s) (with blank keepalives openai-python decodes an empty event)`);
  const named = [...new Set(sse.events.flatMap((e) => (e.event === undefined ? [] : [e.event])))];
  if (named.length > 0) out.push(`event: field(s) ${named.map((x) => show(x)).join(', ')} (chat completions send none)`);
  if (sse.retries.length > 0) out.push(`retry: ${sse.retries.join(', ')}`);
  if (sse.unknownFields.length > 0) out.push(`unknown field(s) ${sse.unknownFields.map((x) => show(x)).join(', ')}`);
  if (sse.lineEndings.includes('CR')) out.push('bare CR line endings (parsers splitting on \\n see one line)');
  return out;
}
