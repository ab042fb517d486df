// The suite judges the pass-through: every Responses and responses_tools scenario is sent through
// a loopback server that forwards to an emulated Responses backend with the conversation inlined
// and repairs the request and the answer (bridge.fixtures.ts). Every server's documented
// deviation the suite catches is gone.
import { afterAll, describe, expect, it } from 'vitest';
import { runTarget } from '../../conformance/run/run-target.ts';
import { ALL_SCENARIOS } from '../../conformance/scenarios/index.ts';
import { startEmulator, type ProfileName, type RunningEmulator } from '../../fixtures/emulator/index.ts';
import type { QuirkProfile } from '../types.ts';
import { startBridge, type RunningBridge } from './bridge.fixtures.ts';

const running: Array<RunningEmulator | RunningBridge> = [];
afterAll(() => Promise.all(running.map((r) => r.close())));

async function failedChecks(profile: ProfileName, passThrough: boolean): Promise<string[]> {
  const emulator = await startEmulator({ profile });
  const proxyProfile = profile === 'spec' ? 'generic' : (profile as QuirkProfile);
  const target = passThrough ? await startBridge({ backendUrl: emulator.url, passThrough: true, profile: proxyProfile }) : undefined;
  running.push(emulator, ...(target ? [target] : []));
  const result = await runTarget(
    { name: profile, kind: 'url', baseUrl: target?.url ?? emulator.url, model: 'dropin-emulator-1', headers: {} },
    { scenarios: ALL_SCENARIOS, only: ['responses', 'responses_tools'], repeat: 1, concurrency: 4, timeoutMs: 30_000 },
  );
  return [...new Set(result.checks.filter((c) => c.status === 'fail' || c.status === 'error').map((c) => c.id))].sort();
}

describe('the suite through the Responses pass-through', () => {
  it.each(['ollama', 'llama.cpp', 'vllm', 'lm-studio', 'spec'] as ProfileName[])('%s: no check fails through the proxy', async (profile) => {
    expect(await failedChecks(profile, true)).toEqual([]);
    // the repairs are real: the server itself fails checks (except the spec-perfect one)
    if (profile !== 'spec') expect((await failedChecks(profile, false)).length).toBeGreaterThan(0);
  }, 60_000);
});
