// The function calls of a Responses exchange, with the flat tools the request offered, for the
// responses_tools checks.
import type { CheckInput, Verdict } from '../../types.ts';
import { isRecord } from '../streaming/parse-stream.ts';
import { functionCalls, withOutput, type FunctionCallView, type OutputView } from '../responses/output.ts';

export interface FlatTool {
  name: string;
  parameters: unknown;
}

/** The request's function tools in the Responses (flat) shape. */
export function offeredTools(request: unknown): FlatTool[] {
  const tools = isRecord(request) && Array.isArray(request.tools) ? request.tools : [];
  return tools.filter((t) => isRecord(t) && t.type === 'function' && typeof t.name === 'string').map((t: any) => ({ name: t.name, parameters: t.parameters }));
}

const PLAIN_INPUT = new Set(['message', 'function_call', 'function_call_output', 'reasoning', 'item_reference']);

/**
 * The names a function call may carry, or undefined when the request leaves them open: no tools
 * recorded, tool kinds that bring functions of their own (tool_search, namespace, mcp, …), or
 * input items that add tools (OpenAI's additional_tools).
 */
export function callableNames(request: unknown): string[] | undefined {
  if (!isRecord(request)) return undefined;
  const tools = Array.isArray(request.tools) ? request.tools : [];
  if (tools.length === 0 || tools.some((t) => !isRecord(t) || t.type !== 'function')) return undefined;
  const input = Array.isArray(request.input) ? request.input : [];
  if (input.some((i) => isRecord(i) && typeof i.type === 'string' && !PLAIN_INPUT.has(i.type))) return undefined;
  return offeredTools(request).map((t) => t.name);
}

/** Every tool call of the answer: function calls and hosted-tool calls (web_search_call, image_generation_call, …). */
export function toolCallItems(view: OutputView): FunctionCallView[] {
  return view.items.flatMap((item, index) => (typeof item.type === 'string' && item.type.endsWith('_call') ? [{ index, pointer: view.pointer(index), item }] : []));
}

export function withCalls(input: CheckInput, judge: (calls: FunctionCallView[], view: OutputView) => Verdict): Verdict {
  return withOutput(input, (view) => judge(functionCalls(view), view));
}

/** The arguments string parsed as a JSON object, or undefined. */
export function parseArguments(text: unknown): Record<string, unknown> | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export type ResponsesToolChoice = { mode: 'auto' | 'required' | 'none' } | { mode: 'named'; name: string } | { mode: 'other' };

/** What the request's flat tool_choice demands (`{"type":"function","name":…}` in Responses). */
export function responsesToolChoice(request: unknown): ResponsesToolChoice {
  const choice = isRecord(request) ? request.tool_choice : undefined;
  // absent, the choice is the model's (auto with tools; with none there is nothing to enforce)
  if (choice === undefined || choice === null) return { mode: 'auto' };
  if (choice === 'auto' || choice === 'required' || choice === 'none') return { mode: choice };
  if (isRecord(choice) && choice.type === 'function' && typeof choice.name === 'string') return { mode: 'named', name: choice.name };
  return { mode: 'other' };
}
