import type { QuirkProfile } from '../types.ts';

export interface NormalizeContext {
  profile: QuirkProfile;
  /** the client's parsed request, before normalizeRequest */
  request: any;
}

export interface StreamNormalizer {
  /** one upstream SSE event's data payload (already de-framed) → the data payloads to send the client, in order */
  event(data: string): string[];
  /** upstream ended cleanly (EOF) → trailing payloads: a missing finish chunk / usage chunk / '[DONE]' as needed */
  end(): string[];
}
