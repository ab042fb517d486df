// Responses input items → chat messages, the translation llama.cpp, Ollama and LiteLLM make
// (wire-facts-surface §9.3): messages keep their role (developer becomes system, which every
// chat template knows), function_call items become assistant tool_calls (consecutive calls, and a
// call right after the assistant's text, share one message, as in chat), function_call_output
// items become tool messages, reasoning items ride on the next assistant message, and
// item_reference items are replaced by the stored item they name.
import { chatContent, textOnly } from './content-parts.ts';
import { invalidType, invalidValue, itemNotFound, missing, unsupportedValue } from './refuse.ts';
import type { ChatMessage, Json, ResponseItem, TranslateOptions } from './types.ts';

const ROLES: Record<string, string> = { user: 'user', assistant: 'assistant', system: 'system', developer: 'system' };

/** Items OpenAI's hosted tools produce; a chat backend has no such tools, so they cannot be replayed. */
const HOSTED_ITEMS = /_call$|_output$|^mcp_|^compaction$|^additional_tools$/;

export interface ItemContext {
  /** stored items by id, for item_reference (conversation.ts fetches them) */
  references: ReadonlyMap<string, ResponseItem>;
  reasoningField: TranslateOptions['reasoningField'];
  /** the request says store: false, which is a likely reason for an unknown reference */
  storeOff?: boolean;
}

export function itemsToMessages(items: readonly unknown[], ctx: ItemContext, param = 'input'): ChatMessage[] {
  const out = new MessageList(ctx.reasoningField);
  for (const [i, item] of items.entries()) addItem(out, item, `${param}[${i}]`, ctx, true);
  return out.messages;
}

function addItem(out: MessageList, raw: unknown, at: string, ctx: ItemContext, mayReference: boolean): void {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw invalidType(at, 'an object', raw);
  const item = raw as Json;
  const type = item.type ?? (item.role !== undefined ? 'message' : undefined);
  if (type === 'message') return out.message(roleOf(item, at), chatContent(item.content, `${at}.content`));
  if (type === 'function_call') return out.call(callOf(item, at));
  if (type === 'function_call_output') {
    if (typeof item.call_id !== 'string') throw missing(`${at}.call_id`);
    return out.push({ role: 'tool', tool_call_id: item.call_id, content: textOnly(item.output, `${at}.output`) });
  }
  if (type === 'reasoning') return out.reasoning(reasoningText(item, at));
  if (type === 'item_reference' && mayReference) return addItem(out, referenced(item, ctx), at, ctx, false);
  if (typeof type === 'string' && HOSTED_ITEMS.test(type)) throw unsupportedValue(`${at}.type`, type, 'it belongs to OpenAI\'s built-in tools or context management, which a chat backend does not have');
  if (type === undefined) throw missing(`${at}.type`);
  throw invalidValue(`${at}.type`, `'${String(type)}'. Supported values are: 'message', 'function_call', 'function_call_output', 'reasoning' and 'item_reference'.`);
}

function roleOf(item: Json, at: string): string {
  const role = ROLES[item.role];
  if (role) return role;
  if (item.role === undefined) throw missing(`${at}.role`);
  throw invalidValue(`${at}.role`, `'${String(item.role)}'. Supported values are: 'user', 'assistant', 'system' and 'developer'.`);
}

function callOf(item: Json, at: string): ChatMessage['tool_calls'] & object {
  for (const key of ['call_id', 'name'] as const) if (typeof item[key] !== 'string') throw missing(`${at}.${key}`);
  const args = typeof item.arguments === 'string' ? item.arguments : JSON.stringify(item.arguments ?? {});
  return [{ id: item.call_id, type: 'function', function: { name: item.name, arguments: args } }];
}

/** The reasoning text a client sends back: the raw text when it has it, else the summary. */
function reasoningText(item: Json, at: string): string {
  const content = Array.isArray(item.content) && item.content.length > 0 ? textOnly(item.content, `${at}.content`) : '';
  if (content !== '') return content;
  return Array.isArray(item.summary) ? textOnly(item.summary, `${at}.summary`) : '';
}

function referenced(item: Json, ctx: ItemContext): ResponseItem {
  const found = typeof item.id === 'string' ? ctx.references.get(item.id) : undefined;
  if (found) return found;
  throw itemNotFound(item.id, ctx.storeOff === true);
}

/** The chat messages being built, with the merging rules of chat. */
class MessageList {
  readonly messages: ChatMessage[] = [];
  private pendingReasoning: string[] = [];

  private readonly reasoningField: TranslateOptions['reasoningField'];

  constructor(reasoningField: TranslateOptions['reasoningField']) {
    this.reasoningField = reasoningField;
  }

  push(message: ChatMessage): void {
    this.pendingReasoning = [];
    this.messages.push(message);
  }

  message(role: string, content: ChatMessage['content']): void {
    if (role !== 'assistant') return this.push({ role, content });
    this.messages.push(this.withReasoning({ role, content }));
  }

  call(toolCalls: NonNullable<ChatMessage['tool_calls']>): void {
    const last = this.messages.at(-1);
    if (last?.role === 'assistant') {
      last.tool_calls = [...(last.tool_calls ?? []), ...toolCalls];
      this.withReasoning(last);
      return;
    }
    this.messages.push(this.withReasoning({ role: 'assistant', content: null, tool_calls: toolCalls }));
  }

  reasoning(text: string): void {
    if (text !== '') this.pendingReasoning.push(text);
  }

  private withReasoning(message: ChatMessage): ChatMessage {
    if (this.pendingReasoning.length > 0 && this.reasoningField !== 'none') {
      const before = message[this.reasoningField];
      message[this.reasoningField] = [before, ...this.pendingReasoning].filter((t) => t).join('\n\n');
    }
    this.pendingReasoning = [];
    return message;
  }
}
