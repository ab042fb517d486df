// The output guard for /v1/responses: a Response whose message text does not match the request's
// `text.format` (json_object, json_schema) fails over like a chat answer that ignores its
// response_format — whether a chat backend answered through the translation or a Responses
// backend answered itself. Streams are checked in the guard's buffer mode only (held, then sent).
import type { Attempt } from '../../core/attempt.ts';
import { guardOutput, type GuardResult } from '../../guard/output-guard.ts';
import type { Json } from '../../responses/types.ts';
import type { ResponsesRequest } from './request.ts';

export type OutputCheck = (final: Json) => GuardResult;

/** The check a Response of this attempt must pass, or undefined when the guard has nothing to hold it to. */
export function outputCheck(a: Attempt<ResponsesRequest>, stream: boolean): OutputCheck | undefined {
  const { guard } = a.ctx.config;
  if (!guard.enabled || (stream && guard.stream !== 'buffer')) return undefined;
  const format = (a.request.text as Json | undefined)?.format;
  if (format?.type !== 'json_object' && format?.type !== 'json_schema') return undefined;
  // guardOutput reads a chat request's response_format
  const asChat = { response_format: format.type === 'json_schema' ? { type: 'json_schema', json_schema: { name: format.name, schema: format.schema } } : { type: 'json_object' } };
  return (final) => guardOutput(asChat, outputTextOf(final));
}

/** The text of a Response's message output (what text.format constrains); null when it has none (a tool call). */
export function outputTextOf(response: Json): string | null {
  const texts = (Array.isArray(response.output) ? response.output : [])
    .filter((item: Json) => item?.type === 'message' && Array.isArray(item.content))
    .flatMap((item: Json) => item.content.filter((part: Json) => part?.type === 'output_text').map((part: Json) => String(part.text ?? '')));
  return texts.length > 0 ? texts.join('') : null;
}
