// tool_choice enforced through the tool list, for backends that ignore tool_choice (Ollama),
// or read only a string one (llama.cpp, LM Studio): `none` removes the tools, a named
// tool or an allowed_tools list keeps only those. The model can then still answer in text where
// OpenAI would force a call; `required` cannot be enforced this way at all. One mechanism for both
// request formats, which differ only in where names sit (chat nests them under `function`).
type NarrowRepairs = { add(kind: 'tools_narrowed' | 'tool_choice_stringified'): unknown };

/** Where a request format keeps the names of its tools and of its tool_choice. */
export interface ToolShape {
  /** the tool names a tool_choice object allows */
  allowed(choice: any): string[];
  name(tool: any): string | undefined;
  /** the mode of an allowed_tools choice */
  mode(choice: any): string | undefined;
}

const named = (name: unknown): string | undefined => (typeof name === 'string' ? name : undefined);
const chatToolName = (t: any) => named(t?.type === 'custom' ? t.custom?.name : t?.function?.name);
const list = (value: unknown): any[] => (Array.isArray(value) ? value : []);
const defined = (names: Array<string | undefined>): string[] => names.filter((n): n is string => n !== undefined);

/** Chat Completions: `{type:"function",function:{name}}`, allowed_tools under `allowed_tools`. */
export const CHAT_TOOLS: ToolShape = {
  allowed: (choice) => defined(choice.type === 'allowed_tools' ? list(choice.allowed_tools?.tools).map(chatToolName) : [chatToolName(choice)]),
  name: chatToolName,
  mode: (choice) => choice.allowed_tools?.mode,
};

/** Responses: flat `{type:"function",name}`, allowed_tools with `tools` and `mode` on the choice itself. */
export const RESPONSES_TOOLS: ToolShape = {
  allowed: (choice) => defined(choice.type === 'allowed_tools' ? list(choice.tools).map((t) => named(t?.name)) : [named(choice.name)]),
  name: (tool) => named(tool?.name),
  mode: (choice) => choice.mode,
};

/** Narrows `out.tools` (a copy of the request) to what its tool_choice allows; a string tool_choice where the backend reads only those. */
export function narrowTools(out: any, shape: ToolShape, stringToolChoice: boolean, repairs: NarrowRepairs): void {
  const choice = out.tool_choice;
  if (!Array.isArray(out.tools) || choice == null) return;
  if (choice === 'none' && !stringToolChoice) {
    delete out.tools;
    delete out.tool_choice;
    repairs.add('tools_narrowed');
    return;
  }
  if (typeof choice !== 'object') return;
  const allowed = new Set(shape.allowed(choice));
  if (allowed.size === 0) return;
  const kept = out.tools.filter((t: any) => allowed.has(shape.name(t) ?? ''));
  if (kept.length === 0) return;
  if (kept.length < out.tools.length) repairs.add('tools_narrowed');
  out.tools = kept;
  if (stringToolChoice) {
    out.tool_choice = choice.type === 'allowed_tools' ? (shape.mode(choice) ?? 'auto') : 'required';
    repairs.add('tool_choice_stringified');
  }
}
