// The output deny patterns on a whole Response, as chat applies them to a completion: a message
// whose text matches loses its text, and the response ends incomplete with reason
// content_filter — what a Responses client reads for filtered output.
import { createOutputFilter } from '../../safety/safety.ts';
import type { Json } from '../../responses/types.ts';

/** The response with matching message texts blanked; the same object when nothing matched. */
export function denyResponseOutput(response: Json, patterns: RegExp[]): Json {
  if (patterns.length === 0 || !Array.isArray(response.output)) return response;
  let blocked = false;
  const output = response.output.map((item: Json) => {
    if (item?.type !== 'message' || !Array.isArray(item.content)) return item;
    const filter = createOutputFilter(patterns);
    if (!item.content.some((part: Json) => typeof part?.text === 'string' && filter.push(part.text))) return item;
    blocked = true;
    const content = item.content.map((part: Json) => (typeof part?.text === 'string' ? { ...part, text: '', logprobs: [] } : part));
    return { ...item, status: 'incomplete', content };
  });
  if (!blocked) return response;
  return { ...response, status: 'incomplete', completed_at: null, incomplete_details: { reason: 'content_filter' }, output };
}
