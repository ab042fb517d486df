// Resolves a configured target into a running endpoint: a URL is used as is, a preset gets its
// URL and key from the provider table, the emulator is started in this process on a free
// loopback port, an Ollama container is started with testcontainers; all are stopped afterwards.
import { startEmulator, type ProfileName, type QuirkName } from '../../fixtures/emulator/index.ts';
import { startOllama } from './ollama.ts';
import { openReplay } from './replay.ts';
import { PRESETS } from './presets.ts';
import { claimsOf, TargetSkipped, type OpenedTarget, type TargetSpec } from './target-spec.ts';

export const EMULATOR_MODEL = 'dropin-emulator-1';
/** the emulator's embedding and vision models, used unless the spec names others */
export const EMULATOR_EMBEDDING_MODEL = 'dropin-emulator-embed';
export const EMULATOR_VISION_MODEL = 'dropin-emulator-vision';

export async function openTarget(spec: TargetSpec, env: NodeJS.ProcessEnv = process.env): Promise<OpenedTarget> {
  const base = { name: spec.name, kind: spec.kind as string, apiKey: spec.apiKey, headers: spec.headers ?? {}, ...claimsOf(spec) };
  switch (spec.kind) {
    case 'emulator': {
      const emulator = await startEmulator({ profile: spec.profile as ProfileName | undefined, quirks: (spec.quirks ?? []) as QuirkName[] });
      // the emulator's models reason whenever reasoning_effort asks them to
      const models = { embeddingModel: EMULATOR_EMBEDDING_MODEL, visionModel: EMULATOR_VISION_MODEL, reasoning: true, ...claimsOf(spec) };
      return { target: { ...base, ...models, baseUrl: emulator.url, model: spec.model ?? EMULATOR_MODEL }, close: () => emulator.close() };
    }
    case 'ollama':
      return startOllama(spec, env);
    case 'replay':
      return openReplay(spec);
    case 'preset': {
      const preset = PRESETS[spec.preset ?? ''];
      const apiKey = spec.apiKey ?? env[preset.keyEnv];
      if (!apiKey) throw new TargetSkipped(`${preset.keyEnv} is not set: export it to test ${spec.preset} (keys: ${preset.docs})`);
      return {
        target: { ...base, kind: spec.preset!, apiKey, baseUrl: spec.baseUrl ?? preset.baseUrl, model: spec.model ?? preset.model },
        close: async () => {},
      };
    }
    default:
      return { target: { ...base, baseUrl: spec.baseUrl!, model: spec.model! }, close: async () => {} };
  }
}
