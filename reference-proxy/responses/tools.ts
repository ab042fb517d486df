// Responses tools are flat ({type, name, parameters, strict}), chat tools nested under
// `function`; tool_choice likewise. Only function tools can be bridged: the built-in tools
// (web_search, file_search, code_interpreter, mcp, …) run on OpenAI's side and a chat backend has
// none, so they are refused by name rather than dropped — a dropped tool is a silent change of
// what the model can do.
import { invalidType, invalidValue, missing, unsupportedValue } from './refuse.ts';
import type { Json } from './types.ts';

const NAME = /^[a-zA-Z0-9_-]{1,64}$/;

export function chatTools(tools: unknown): Json[] | undefined {
  if (tools === undefined || tools === null) return undefined;
  if (!Array.isArray(tools)) throw invalidType('tools', 'an array', tools);
  return tools.map((tool, i) => chatTool(tool, `tools[${i}]`));
}

function chatTool(tool: unknown, at: string): Json {
  if (tool === null || typeof tool !== 'object' || Array.isArray(tool)) throw invalidType(at, 'an object', tool);
  const t = tool as Json;
  if (t.type !== 'function') {
    if (typeof t.type !== 'string') throw missing(`${at}.type`);
    throw unsupportedValue(`${at}.type`, t.type, 'it is a built-in tool, which a chat backend does not have; only function tools can be used');
  }
  // the chat shape {type, function: {name}} is the usual mistake: the name is missing at the top
  if (typeof t.name !== 'string') throw missing(`${at}.name`);
  if (!NAME.test(t.name)) throw invalidValue(`${at}.name`, `'${t.name}' does not match the pattern '^[a-zA-Z0-9_-]+$' (at most 64 characters).`);
  const fn: Json = { name: t.name };
  if (typeof t.description === 'string') fn.description = t.description;
  if (t.parameters !== undefined && t.parameters !== null) {
    if (typeof t.parameters !== 'object' || Array.isArray(t.parameters)) throw invalidType(`${at}.parameters`, 'an object', t.parameters);
    fn.parameters = t.parameters;
  }
  if (typeof t.strict === 'boolean') fn.strict = t.strict;
  return { type: 'function', function: fn };
}

/** The chat tool_choice for a Responses one; names must be among the function tools offered. */
export function chatToolChoice(choice: unknown, names: readonly string[]): string | Json | undefined {
  if (choice === undefined || choice === null) return undefined;
  if (typeof choice === 'string') {
    if (['none', 'auto', 'required'].includes(choice)) return choice;
    throw invalidValue('tool_choice', `'${choice}'. Supported values are: 'none', 'auto' and 'required'.`);
  }
  if (typeof choice !== 'object' || Array.isArray(choice)) throw invalidType('tool_choice', 'a string or an object', choice);
  const c = choice as Json;
  if (c.type === 'function') return { type: 'function', function: { name: knownName(c.name, names, 'tool_choice.name') } };
  if (c.type === 'allowed_tools') return allowedTools(c, names);
  if (typeof c.type !== 'string') throw missing('tool_choice.type');
  throw unsupportedValue('tool_choice.type', c.type, 'it chooses a built-in tool, which a chat backend does not have');
}

function allowedTools(c: Json, names: readonly string[]): Json {
  if (c.mode !== 'auto' && c.mode !== 'required') throw invalidValue('tool_choice.mode', `'${String(c.mode)}'. Supported values are: 'auto' and 'required'.`);
  if (!Array.isArray(c.tools)) throw invalidType('tool_choice.tools', 'an array', c.tools);
  const tools = c.tools.map((t: Json, i: number) => {
    const at = `tool_choice.tools[${i}]`;
    if (t?.type !== 'function') throw unsupportedValue(`${at}.type`, String(t?.type), 'only function tools can be allowed');
    return { type: 'function', function: { name: knownName(t.name, names, `${at}.name`) } };
  });
  return { type: 'allowed_tools', allowed_tools: { mode: c.mode, tools } };
}

function knownName(name: unknown, names: readonly string[], param: string): string {
  if (typeof name !== 'string') throw missing(param);
  if (!names.includes(name)) throw invalidValue(param, `no function named '${name}' is among the tools offered; name one of them.`);
  return name;
}
