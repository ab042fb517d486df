// What one target makes of one scenario before anything is sent: the model the scenario sends
// (the chat model, or the embedding or vision model its role needs), or why it is not sent at
// all — a capability the target does not claim, a model it has not configured, or a URL on this
// machine that a remote target cannot fetch. Pure: decided from the target's configuration.
import type { Scenario, Target } from '../types.ts';

export type ScenarioPlan = { model: string } | { skip: string };

const ROLE = {
  embedding: { key: 'embeddingModel', flag: '--embedding-model', what: 'an embedding model' },
  vision: { key: 'visionModel', flag: '--vision-model', what: 'a model that accepts images' },
} as const;

export function planScenario(scenario: Scenario, target: Target): ScenarioPlan {
  if (target.capabilities && !target.capabilities.includes(scenario.capability)) {
    return { skip: `not claimed: the target's capabilities (${target.capabilities.join(', ')}) do not include ${scenario.capability}` };
  }
  if (scenario.fetchesLoopback && !isLoopback(target.baseUrl)) {
    return { skip: `not applicable: the request carries an image URL served on this machine's loopback, which ${hostOf(target.baseUrl)} cannot fetch` };
  }
  if (!scenario.modelRole) return { model: target.model };
  const role = ROLE[scenario.modelRole];
  const model = target[role.key];
  if (model) return { model };
  return { skip: `no ${scenario.modelRole} model configured: name ${role.what} with ${role.flag} ID (config key ${role.key}) to run this scenario` };
}

/** The endpoint runs on this machine: 127.0.0.0/8, ::1 or localhost. */
export function isLoopback(baseUrl: string): boolean {
  const host = hostOf(baseUrl).replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
