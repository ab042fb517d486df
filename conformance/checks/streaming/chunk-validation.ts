// Shared by streaming.chunk-schema and streaming.chunk-schema-strict: validate every chunk of a
// stream against a wire schema and report the first invalid chunk, with every error of every
// invalid chunk in the details.
import type { Verdict } from '../../types.ts';
import { validate, type SchemaName } from '../../schemas/validate.ts';
import { fail, pass, skip } from '../verdict.ts';
import type { ParsedStream, StreamEvent } from './parse-stream.ts';

export interface ChunkJudgement {
  schema: SchemaName;
  /** what a client suffers, for the one-line message */
  impact: string;
  expected: string;
  /** chunks to leave out, e.g. those another check already reports */
  exclude?: (e: StreamEvent) => boolean;
}

export function judgeChunks({ events }: ParsedStream, { schema, impact, expected, exclude }: ChunkJudgement): Verdict {
  // Error events and non-JSON payloads are judged by streaming.error-event and streaming.data-json.
  const judged = events.filter((e) => e.json !== undefined && !e.error && !exclude?.(e));
  if (judged.length === 0) return skip('the stream carried no JSON chunk to judge');
  const invalid: Array<{ n: number; errors: Array<{ pointer: string; message: string }> }> = [];
  for (const e of judged) {
    const result = validate(schema, e.json);
    if (!result.ok) invalid.push({ n: e.n, errors: result.errors });
  }
  if (invalid.length === 0) return pass();
  const [first] = invalid;
  const head = first.errors[0];
  const at = (n: number, pointer: string) => `/events/${n}${pointer === '/' ? '' : pointer}`;
  return fail(`${invalid.length} of ${judged.length} chunks do not match ${schema}.schema.json; ${impact}`, {
    expected,
    received: first.errors.map((err) => `${err.pointer}: ${err.message}`).join('; '),
    pointer: at(first.n, head.pointer),
    details: invalid.flatMap(({ n, errors }) => errors.map((err) => `${at(n, err.pointer)}: ${err.message}`)),
  });
}
