// Test kit: the real recorded exchanges of recorded.fixtures.json (picked from the shared corpora,
// one per server and feature set, each named by corpus id): chat completions answered by real
// servers, streamed and not, and Responses requests real clients sent.
import { readFileSync } from 'node:fs';
import type { Json } from './types.ts';

export interface RecordedChat {
  id: string;
  server: string;
  request: Json | null;
  stream: boolean;
  /** the response body as recorded: a JSON completion, or SSE text */
  body: string;
}

interface Fixtures {
  chat: RecordedChat[];
  requests: { id: string; server: string; request: Json }[];
}

export const RECORDED: Fixtures = JSON.parse(readFileSync(new URL('./recorded.fixtures.json', import.meta.url), 'utf8'));

/** The data payloads of a recorded stream, in order. */
export function streamPayloads(body: string): string[] {
  return body.split(/\r?\n\r?\n/).flatMap((event) => {
    const data = event.split(/\r?\n/).filter((l) => l.startsWith('data:')).map((l) => l.slice(5).replace(/^ /, ''));
    return data.length > 0 ? [data.join('\n')] : [];
  });
}
