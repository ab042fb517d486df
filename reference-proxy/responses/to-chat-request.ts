// A Responses request → the Chat Completions request a chat-only backend is sent: instructions
// as the leading system message, then the stored conversation (previous_response_id), then the
// input; tools and tool_choice re-nested; text.format as response_format; max_output_tokens under
// the name the backend reads; reasoning.effort as reasoning_effort; logprobs when asked. A stream
// always asks for usage, which the final Response must carry.
import { itemsToMessages } from './input-items.ts';
import { invalidValue, missing } from './refuse.ts';
import { checkRequest } from './request-fields.ts';
import { chatToolChoice, chatTools } from './tools.ts';
import { DEFAULT_TRANSLATE_OPTIONS, type Json, type ResponseItem, type TranslateOptions } from './types.ts';

export interface ChatRequestContext {
  /** the stored conversation previous_response_id names, oldest first (conversation.ts) */
  history?: readonly ResponseItem[];
  /** stored items by id, for item_reference */
  references?: ReadonlyMap<string, ResponseItem>;
  options?: Partial<TranslateOptions>;
}

export function toChatRequest(body: unknown, ctx: ChatRequestContext = {}): Json {
  checkRequest(body);
  const options = { ...DEFAULT_TRANSLATE_OPTIONS, ...ctx.options };
  const itemCtx = { references: ctx.references ?? new Map(), reasoningField: options.reasoningField, storeOff: body.store === false };
  const input = typeof body.input === 'string' ? [{ role: 'user', content: body.input }] : body.input;
  const system = typeof body.instructions === 'string' && body.instructions !== '' ? [{ role: 'system', content: body.instructions }] : [];
  const messages = [...system, ...itemsToMessages(ctx.history ?? [], itemCtx, 'previous_response_id'), ...itemsToMessages(input, itemCtx)];
  if (messages.length === 0) throw invalidValue('input', 'the input holds no message for the model to answer.');
  const tools = chatTools(body.tools);
  const chat: Json = { model: body.model, messages };
  if (tools && tools.length > 0) {
    chat.tools = tools;
    const choice = chatToolChoice(body.tool_choice, tools.map((t) => t.function.name));
    if (choice !== undefined) chat.tool_choice = choice;
    if (typeof body.parallel_tool_calls === 'boolean') chat.parallel_tool_calls = body.parallel_tool_calls;
  } else if (body.tool_choice === 'required') {
    throw invalidValue('tool_choice', "'required' needs at least one function in 'tools'.");
  } else {
    chatToolChoice(body.tool_choice, []);
  }
  const format = responseFormat(body.text?.format);
  if (format) chat.response_format = format;
  if (Number.isInteger(body.max_output_tokens)) chat[options.maxTokensField] = body.max_output_tokens;
  for (const key of ['temperature', 'top_p'] as const) if (typeof body[key] === 'number') chat[key] = body[key];
  if (typeof body.reasoning?.effort === 'string') chat.reasoning_effort = body.reasoning.effort;
  if (wantsLogprobs(body)) {
    chat.logprobs = true;
    if (Number.isInteger(body.top_logprobs) && body.top_logprobs > 0) chat.top_logprobs = body.top_logprobs;
  }
  if (body.stream === true) {
    chat.stream = true;
    chat.stream_options = { include_usage: true };
  }
  return chat;
}

function wantsLogprobs(body: Json): boolean {
  return (Array.isArray(body.include) && body.include.includes('message.output_text.logprobs')) || (Number.isInteger(body.top_logprobs) && body.top_logprobs > 0);
}

/** text.format (flat) → response_format (json_schema re-nested). */
function responseFormat(format: unknown): Json | undefined {
  if (format === undefined || format === null) return undefined;
  if (typeof format !== 'object' || Array.isArray(format)) throw invalidValue('text.format', 'expected an object.');
  const f = format as Json;
  if (f.type === 'text') return undefined;
  if (f.type === 'json_object') return { type: 'json_object' };
  if (f.type !== 'json_schema') throw invalidValue('text.format.type', `'${String(f.type)}'. Supported values are: 'text', 'json_object' and 'json_schema'.`);
  if (typeof f.name !== 'string') throw missing('text.format.name');
  if (f.schema === null || typeof f.schema !== 'object' || Array.isArray(f.schema)) throw missing('text.format.schema');
  const schema: Json = { name: f.name, schema: f.schema };
  if (typeof f.description === 'string') schema.description = f.description;
  if (typeof f.strict === 'boolean') schema.strict = f.strict;
  return { type: 'json_schema', json_schema: schema };
}
