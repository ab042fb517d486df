// The registry of scenarios, and the shared invariants every exchange of a kind is held to:
// every stream to the stream invariants, every non-stream chat completion to the response checks.
import { chatResponseChecks } from '../checks/chat/index.ts';
import { completionsBodyChecks, completionsStreamChecks } from '../checks/completions/index.ts';
import { embeddingsAnswerChecks } from '../checks/embeddings/index.ts';
import { responsesBodyChecks, responsesStreamChecks } from '../checks/responses/index.ts';
import { streamInvariantChecks } from '../checks/streaming/index.ts';
import type { Check, Scenario } from '../types.ts';
import { chatScenarios } from './chat.ts';
import { completionsScenarios } from './completions.ts';
import { embeddingsScenarios } from './embeddings.ts';
import { errorsScenarios } from './errors.ts';
import { jsonModeScenarios } from './json-mode.ts';
import { modelsScenarios } from './models.ts';
import { reasoningScenarios } from './reasoning.ts';
import { responsesScenarios } from './responses.ts';
import { responsesToolsScenarios } from './responses-tools.ts';
import { streamingScenarios } from './streaming.ts';
import { structuredOutputsScenarios } from './structured-outputs.ts';
import { toolsScenarios } from './tools.ts';
import { visionScenarios } from './vision.ts';

export const ALL_SCENARIOS: Scenario[] = [
  ...modelsScenarios,
  ...chatScenarios,
  ...streamingScenarios,
  ...toolsScenarios,
  ...jsonModeScenarios,
  ...structuredOutputsScenarios,
  ...errorsScenarios,
  ...responsesScenarios,
  ...responsesToolsScenarios,
  ...embeddingsScenarios,
  ...completionsScenarios,
  ...reasoningScenarios,
  ...visionScenarios,
];

/** The protocol checks for a scenario's first exchange: its own plus the shared invariants. */
export function protocolChecksFor(scenario: Scenario, request: unknown): Check[] {
  const shared: Check[] = [];
  const built = scenario.build({ model: 'm' });
  if (scenario.capability !== 'errors' && scenario.sharedInvariants !== false && built.method === 'POST') {
    const stream = (request as { stream?: unknown } | undefined)?.stream === true;
    shared.push(...invariantsFor(built.path, stream));
  }
  const seen = new Set<string>();
  return [...scenario.protocolChecks, ...shared].filter((c) => !seen.has(c.id) && seen.add(c.id));
}

/** The checks every answer of an endpoint is held to, streamed or not. */
function invariantsFor(path: string, stream: boolean): Check[] {
  if (path === '/responses') return stream ? responsesStreamChecks : responsesBodyChecks;
  if (path === '/embeddings') return embeddingsAnswerChecks;
  if (path === '/completions') return stream ? completionsStreamChecks : completionsBodyChecks;
  return stream ? streamInvariantChecks : chatResponseChecks;
}
