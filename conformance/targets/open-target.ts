// Resolves a configured target into a running endpoint: a URL is used as is, the emulator is
// started in this process on a free loopback port and stopped afterwards.
import { startEmulator, type ProfileName, type QuirkName } from '../../fixtures/emulator/index.ts';
import type { OpenedTarget, TargetSpec } from './target-spec.ts';

export const EMULATOR_MODEL = 'dropin-emulator-1';

export async function openTarget(spec: TargetSpec): Promise<OpenedTarget> {
  const base = { name: spec.name, kind: spec.kind, apiKey: spec.apiKey, headers: spec.headers ?? {} };
  if (spec.kind === 'emulator') {
    const emulator = await startEmulator({
      profile: spec.profile as ProfileName | undefined,
      quirks: (spec.quirks ?? []) as QuirkName[],
    });
    return {
      target: { ...base, baseUrl: emulator.url, model: spec.model ?? EMULATOR_MODEL },
      close: () => emulator.close(),
    };
  }
  return { target: { ...base, baseUrl: spec.baseUrl!, model: spec.model! }, close: async () => {} };
}
