// The text a structured-output request produced: the first choice's message content, or for a
// stream the concatenated delta.content of choice 0 (as every client accumulates it).
import type { CheckInput, Verdict } from '../../types.ts';
import { withBody } from '../chat/body.ts';
import { firstContent, nonAnswer, nonAnswerOf } from '../chat/completion.ts';
import { withStream, type ParsedStream } from '../streaming/parse-stream.ts';
import { fail, show, skip } from '../verdict.ts';

export interface Reply {
  text: string;
  /** where the text (or its first fragment) is, for failure pointers */
  pointer: string;
}

/**
 * Judge the reply text; skip when there is no success answer or the model answered otherwise in a
 * documented way (a refusal, tool calls), fail when it holds no text.
 */
export function withReply(input: CheckInput, judge: (reply: Reply) => Verdict): Verdict {
  if (input.exchange.sse) {
    return withStream(input, (stream) => {
      const reply = streamedReply(stream);
      // OpenAI opens every stream with content "", refusals and tool-call streams included
      const other = reply?.text.trim() ? undefined : streamedNonAnswer(stream);
      if (other) return skip(other);
      if (reply) return judge(reply);
      return fail('the stream carried no content for choice 0', { expected: 'JSON text in delta.content', received: 'no content deltas' });
    });
  }
  return withBody(input, (body) => {
    const text = firstContent(body);
    const pointer = '/choices/0/message/content';
    if (text !== undefined) return judge({ text, pointer });
    const other = nonAnswer(body);
    if (other) return skip(other);
    return fail('the reply has no text content', { expected: 'JSON text as content', received: show(body.choices?.[0]?.message), pointer });
  });
}

/** A refusal or tool calls streamed for choice 0 instead of content. */
function streamedNonAnswer(stream: ParsedStream): string | undefined {
  let refusal = '';
  const calls: unknown[] = [];
  for (const { chunk } of stream.chunks) {
    const choices: any[] = Array.isArray(chunk.choices) ? chunk.choices : [];
    const delta = choices.find((c) => (c?.index ?? 0) === 0)?.delta;
    if (typeof delta?.refusal === 'string') refusal += delta.refusal;
    if (Array.isArray(delta?.tool_calls)) calls.push(...delta.tool_calls);
  }
  return nonAnswerOf(refusal, calls);
}

function streamedReply(stream: ParsedStream): Reply | undefined {
  let text = '';
  let first: number | undefined;
  for (const { n, chunk } of stream.chunks) {
    const choices: any[] = Array.isArray(chunk.choices) ? chunk.choices : [];
    const i = choices.findIndex((c) => (c?.index ?? 0) === 0 && typeof c?.delta?.content === 'string');
    if (i < 0) continue;
    first ??= n;
    text += choices[i].delta.content;
  }
  return first === undefined ? undefined : { text, pointer: `/events/${first}/choices/0/delta/content` };
}

/** JSON.parse as data: the value, or the parser's message. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}
