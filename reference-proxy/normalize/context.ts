// What the normalisers are given and what the stream normaliser offers the server.
import type { QuirkProfile, ReasoningField } from '../types.ts';
import type { Repairs } from './repairs.ts';

export interface NormalizeContext {
  profile: QuirkProfile;
  /** the client's parsed request, before normalizeRequest */
  request: any;
  /** receives the kind of every repair made; a fresh set when absent */
  repairs?: Repairs;
  /** where reasoning text goes (config reasoning.field); absent = where the backend put it */
  reasoningField?: ReasoningField;
}

export interface StreamNormalizer {
  /** one upstream SSE event's data payload (already de-framed) → the data payloads to send the client, in order */
  event(data: string): string[];
  /** upstream ended cleanly (EOF) → trailing payloads: a missing finish chunk / usage chunk / '[DONE]' as needed */
  end(): string[];
  /** what was repaired so far */
  readonly repairs: Repairs;
}
