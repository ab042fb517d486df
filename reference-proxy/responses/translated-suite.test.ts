// The suite itself judges the translation: every Responses and responses_tools scenario is sent
// to a loopback server translating onto an emulator's chat side (bridge.fixtures.ts) — the
// spec-perfect one, and each server profile behind the chat normaliser of its proxy profile —
// and every check is applied as `dropin run` applies it.
import { afterAll, describe, expect, it } from 'vitest';
import { PICK_WORD, REPEAT_WORD } from '../../conformance/checks/responses/recall.ts';
import { runTarget } from '../../conformance/run/run-target.ts';
import { ALL_SCENARIOS } from '../../conformance/scenarios/index.ts';
import { startEmulator, type ProfileName, type RunningEmulator } from '../../fixtures/emulator/index.ts';
import type { QuirkProfile } from '../types.ts';
import { startBridge, type RunningBridge } from './bridge.fixtures.ts';
import type { Json } from './types.ts';

const running: Array<RunningEmulator | RunningBridge> = [];
afterAll(() => Promise.all(running.map((r) => r.close())));

async function judged(emulatorProfile: ProfileName, proxyProfile: QuirkProfile) {
  const emulator = await startEmulator({ profile: emulatorProfile });
  const bridge = await startBridge({ backendUrl: emulator.url, profile: proxyProfile });
  running.push(emulator, bridge);
  const result = await runTarget(
    { name: emulatorProfile, kind: 'url', baseUrl: bridge.url, model: 'dropin-emulator-1', headers: {} },
    { scenarios: ALL_SCENARIOS, only: ['responses', 'responses_tools'], repeat: 1, concurrency: 4, timeoutMs: 30_000 },
  );
  const failed = result.checks.filter((c) => c.status === 'fail' || c.status === 'error').map((c) => `${c.level} ${c.id} (${c.scenario}): ${c.message}`);
  return { result, failed, chatRequests: bridge.chatRequests };
}

describe('the suite through the Responses translation onto a chat backend', () => {
  it('spec emulator: no check fails, and the second turns reach the backend with the first turn in them', async () => {
    const { result, failed, chatRequests } = await judged('spec', 'generic');
    expect(failed).toEqual([]);
    expect(result.checks.filter((c) => c.status === 'pass').length).toBeGreaterThan(60);
    expect(result.checks.filter((c) => c.status === 'skip').map((c) => c.id)).not.toContain('responses.previous-response-id');
    // the previous_response_id and item_reference turns: the chat request holds the first question and answer
    const secondTurns = chatRequests.filter((r) => r.messages.at(-1).content === REPEAT_WORD);
    expect(secondTurns).toHaveLength(2);
    for (const r of secondTurns) expect(r.messages.map((m: Json) => m.role)).toEqual(['user', 'assistant', 'user']);
    for (const r of secondTurns) expect(r.messages[0].content).toBe(PICK_WORD);
  }, 60_000);

  // each server's chat deviations are repaired by the proxy's chat normaliser before translation
  it.each([
    ['ollama', 'ollama'],
    ['ollama-legacy', 'ollama-legacy'],
    ['llama.cpp', 'llama.cpp'],
    ['vllm', 'vllm'],
    ['lm-studio', 'lm-studio'],
  ] as Array<[ProfileName, QuirkProfile]>)('%s chat side: no check fails', async (emulatorProfile, proxyProfile) => {
    expect((await judged(emulatorProfile, proxyProfile)).failed).toEqual([]);
  }, 60_000);
});
