// What the request's tool_choice demands, with the spec's default (auto when tools were sent).
import { isRecord } from '../streaming/parse-stream.ts';

export type ToolChoice =
  | { mode: 'auto' | 'required' | 'none' }
  | { mode: 'named'; name: string }
  /** allowed_tools, custom tools, or anything this suite does not judge */
  | { mode: 'other' };

export function toolChoiceOf(request: any): ToolChoice {
  const choice = isRecord(request) ? request.tool_choice : undefined;
  if (choice === undefined || choice === null) {
    const tools = isRecord(request) && Array.isArray(request.tools) && request.tools.length > 0;
    return { mode: tools ? 'auto' : 'none' };
  }
  if (choice === 'auto' || choice === 'required' || choice === 'none') return { mode: choice };
  if (isRecord(choice) && choice.type === 'function' && isRecord(choice.function) && typeof choice.function.name === 'string') {
    return { mode: 'named', name: choice.function.name };
  }
  return { mode: 'other' };
}
