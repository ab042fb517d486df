// One view of the tool calls an exchange returned, streamed or not, for the checks that judge
// calls whatever their transport (arguments, choice honoured). Streams are folded by accumulate.ts.
import type { CheckInput, Verdict } from '../../types.ts';
import { skip } from '../verdict.ts';
import { choicesOf, isRecord, withStream, type ParsedStream, type StreamChoice } from '../streaming/parse-stream.ts';
import { accumulateToolCalls, type AccumulatedToolCalls } from './accumulate.ts';

export interface ToolCallView {
  choice: number;
  name: unknown;
  /** the string the client would JSON.parse, or the non-string value the server sent */
  arguments: unknown;
  /** where the call (stream: its first fragment) sits in the exchange */
  pointer: string;
}

export interface ToolCallsRead {
  calls: ToolCallView[];
  /** indices of every choice returned, with or without calls */
  choices: number[];
  /** indices of the choices that ended with finish_reason "length": the token limit cut their calls */
  cut: Set<number>;
  /** set for streams */
  stream?: { parsed: ParsedStream; entries: StreamChoice[]; accumulated: AccumulatedToolCalls };
}

/** Judge the exchange's tool calls, or skip when it holds no chat completion or stream to read. */
export function withToolCalls(input: CheckInput, judge: (read: ToolCallsRead) => Verdict): Verdict {
  if (input.exchange.sse) return withStream(input, (parsed) => judge(readStream(parsed)));
  const { status, json } = input.exchange;
  if (status === undefined || status < 200 || status >= 300) return skip(`status ${status ?? 'none'}: no completion to judge`);
  if (!isRecord(json) || !Array.isArray(json.choices)) return skip('the body is not a chat completion (see chat.schema)');
  return judge(readCompletion(json.choices));
}

function readStream(parsed: ParsedStream): ToolCallsRead {
  const entries = choicesOf(parsed);
  const accumulated = accumulateToolCalls(entries);
  const calls = accumulated.calls.map((c) => ({
    choice: c.choice,
    name: c.name,
    arguments: c.nonStringArguments ?? c.arguments,
    pointer: c.pointer,
  }));
  const cut = new Set(entries.filter((e) => e.choice.finish_reason === 'length').map((e) => e.index));
  return { calls, choices: [...new Set(entries.map((e) => e.index))], cut, stream: { parsed, entries, accumulated } };
}

function readCompletion(choices: unknown[]): ToolCallsRead {
  const calls: ToolCallView[] = [];
  const indices: number[] = [];
  const cut = new Set<number>();
  choices.forEach((choice, c) => {
    if (!isRecord(choice)) return;
    const index = Number.isInteger(choice.index) ? (choice.index as number) : c;
    indices.push(index);
    if (choice.finish_reason === 'length') cut.add(index);
    const list = isRecord(choice.message) && Array.isArray(choice.message.tool_calls) ? choice.message.tool_calls : [];
    list.forEach((call: unknown, k: number) => {
      const fn = isRecord(call) && isRecord(call.function) ? call.function : {};
      calls.push({ choice: index, name: fn.name, arguments: fn.arguments, pointer: `/choices/${c}/message/tool_calls/${k}` });
    });
  });
  return { calls, choices: indices, cut };
}
