// A Responses message's content (a string or parts) as chat content: text parts of any kind
// (input_text, output_text, refusal) become text, input_image becomes an image_url part. Files
// cannot be bridged: chat-only servers take no file parts, and a file_id names a file the
// backend never saw.
import { invalidType, invalidValue, unsupported, unsupportedValue } from './refuse.ts';
import type { ChatPart, Json } from './types.ts';

const TEXT_PARTS: Record<string, string> = { input_text: 'text', output_text: 'text', text: 'text', refusal: 'refusal', summary_text: 'text', reasoning_text: 'text' };

export function chatContent(content: unknown, at: string): string | ChatPart[] {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return failType(at, content);
  const parts = content.map((part, j) => chatPart(part, `${at}[${j}]`));
  return parts.every((p) => p.type === 'text') ? parts.map((p) => (p as { text: string }).text).join('\n') : parts;
}

/** The text of a tool output or a reasoning item's parts, where only text can go. */
export function textOnly(content: unknown, at: string): string {
  const converted = chatContent(content, at);
  if (typeof converted === 'string') return converted;
  const image = converted.findIndex((p) => p.type !== 'text');
  throw unsupportedValue(`${at}[${image}].type`, 'input_image', 'a chat backend takes only text here');
}

function chatPart(part: unknown, at: string): ChatPart {
  if (part === null || typeof part !== 'object' || Array.isArray(part)) return failType(at, part);
  const p = part as Json;
  const textKey = TEXT_PARTS[p.type];
  if (textKey) {
    if (typeof p[textKey] !== 'string') throw invalidType(`${at}.${textKey}`, 'a string', p[textKey]);
    return { type: 'text', text: p[textKey] };
  }
  if (p.type === 'input_image') return imagePart(p, at);
  if (p.type === 'input_file') throw unsupportedValue(`${at}.type`, 'input_file', 'chat backends take no file inputs');
  throw invalidValue(`${at}.type`, `'${String(p.type)}'. Supported values are: 'input_text', 'input_image', 'output_text' and 'refusal'.`);
}

function imagePart(p: Json, at: string): ChatPart {
  if (typeof p.image_url !== 'string') {
    if (p.file_id !== undefined && p.file_id !== null) throw unsupported(`${at}.file_id`, 'names an uploaded file, which the backend cannot fetch; send image_url (a URL or a data: URL)');
    throw invalidType(`${at}.image_url`, 'a string', p.image_url);
  }
  const detail = typeof p.detail === 'string' ? { detail: p.detail } : {};
  return { type: 'image_url', image_url: { url: p.image_url, ...detail } };
}

function failType(at: string, got: unknown): never {
  throw invalidType(at, 'a string or an array of content parts', got);
}
