// --print-config's view: what each `auto` backend was identified as, secrets still masked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../fixtures/emulator/index.ts';
import { parseConfig } from '../config/load.ts';
import { describeConfig } from './describe-config.ts';

let ollama: RunningEmulator;
beforeAll(async () => {
  ollama = await startEmulator({ profile: 'ollama-legacy' });
});
afterAll(() => ollama.close());

describe('describeConfig', () => {
  it('adds `detected` beside each auto backend, leaves pinned ones as configured, masks keys', async () => {
    const config = parseConfig({
      backends: [
        { name: 'local', baseUrl: ollama.url, models: ['m'], apiKey: 'sk-describe-0123456789' },
        { name: 'pinned', baseUrl: ollama.url, models: ['m'], profile: 'vllm' },
      ],
    });
    const out = (await describeConfig(config)) as { backends: Array<Record<string, unknown>> };
    expect(out.backends[0]).toMatchObject({
      name: 'local',
      profile: 'auto',
      apiKey: '***',
      detected: { profile: 'ollama-legacy', version: '0.32.5', source: 'identified', via: 'GET /api/version' },
    });
    expect(out.backends[1]).toMatchObject({ name: 'pinned', profile: 'vllm', healthPath: '/health' });
    expect(out.backends[1]).not.toHaveProperty('detected');
    expect(JSON.stringify(out)).not.toContain('sk-describe-0123456789');
  });

  it('shows a backend that did not answer in time as pending, served as generic', async () => {
    const config = parseConfig({ backends: [{ name: 'slow', baseUrl: 'http://127.0.0.1:9/v1', models: ['m'] }] });
    const never = () => new Promise<never>(() => {});
    const out = (await describeConfig(config, { observe: never, waitMs: 20 })) as { backends: Array<Record<string, unknown>> };
    expect(out.backends[0].detected).toEqual({ profile: 'generic', source: 'pending' });
  });
});
