// What a Responses exchange produced, streamed or not: the output items a client ends up with and
// the final response object, for the checks that judge the answer rather than the framing.
import type { CheckInput, Verdict } from '../../types.ts';
import { bodyJson, is2xx } from '../chat/body.ts';
import { isRecord } from '../streaming/parse-stream.ts';
import { skip } from '../verdict.ts';
import { finalResponse, readResponsesStream } from './events.ts';
import { assembled, streamItems } from './items.ts';

export interface OutputView {
  items: Record<string, any>[];
  /** JSON pointer of item i */
  pointer(i: number): string;
  /** the final response object (the body, or the terminal event's response), when there is one */
  response?: Record<string, any>;
}

/** The output of the exchange, or a skip when there is none to judge (the protocol checks say why). */
export function outputOf({ exchange }: CheckInput): OutputView | Verdict {
  if (!is2xx(exchange)) return skip(`status ${exchange.status ?? 'none'}: no response to judge`);
  if (!exchange.sse) {
    const body = bodyJson(exchange);
    if (!isRecord(body) || !Array.isArray(body.output)) return skip('the body is not a response with an output array (see responses.schema)');
    return { items: body.output.filter(isRecord), pointer: (i) => `/output/${i}`, response: body };
  }
  const stream = readResponsesStream(exchange);
  const final = finalResponse(stream);
  if (final && Array.isArray(final.response.output) && final.response.output.length > 0) {
    return { items: final.response.output.filter(isRecord), pointer: (i) => `/events/${final.n}/response/output/${i}`, response: final.response };
  }
  const { items } = streamItems(stream);
  if (items.length === 0 && !final) return skip('the stream carried no output items and no final response');
  return { items: items.map(assembled), pointer: (i) => `/events/${items[i].added.n}/item`, response: final?.response };
}

export function isVerdict(value: OutputView | Verdict): value is Verdict {
  return 'status' in value;
}

/** The text of every output_text part of every message item, joined as the SDKs' output_text does. */
export function outputText(items: Record<string, any>[]): string {
  return items
    .filter((i) => i.type === 'message' && Array.isArray(i.content))
    .flatMap((i) => i.content)
    .filter((p: any) => isRecord(p) && p.type === 'output_text' && typeof p.text === 'string')
    .map((p: any) => p.text)
    .join('');
}

export interface FunctionCallView {
  index: number;
  pointer: string;
  item: Record<string, any>;
}

export function functionCalls(view: OutputView): FunctionCallView[] {
  return view.items.flatMap((item, index) => (item.type === 'function_call' ? [{ index, pointer: view.pointer(index), item }] : []));
}

/** Run `judge` on the exchange's output, or pass its skip through. */
export function withOutput(input: CheckInput, judge: (view: OutputView) => Verdict): Verdict {
  const view = outputOf(input);
  return isVerdict(view) ? view : judge(view);
}
