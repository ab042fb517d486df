// Identification against the emulator's server profiles, over real HTTP: with no `profile:` line
// the proxy tells Ollama (current and legacy), llama-server, vLLM and LM Studio apart by what each
// answers, reports profile and version in /readyz, /metrics and one log line, serves an unknown
// server as generic, and notices when the server behind a backend is upgraded.
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type ProfileName, type RunningEmulator } from '../../fixtures/emulator/index.ts';
import { parseConfig } from '../config/load.ts';
import { startProxy, type RunningProxy } from '../index.ts';
import { chatBody, postChat } from './helpers/proxy.ts';

const MODEL = 'dropin-emulator-1';
let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanup.map((close) => close()));
  cleanup = [];
});

async function emulator(opts: Parameters<typeof startEmulator>[0]): Promise<RunningEmulator> {
  const emu = await startEmulator({ models: [MODEL], ...opts });
  cleanup.push(() => emu.close());
  return emu;
}

async function proxyFor(baseUrl: string, health: object = {}): Promise<{ proxy: RunningProxy; logs: any[] }> {
  const logs: any[] = [];
  const config = parseConfig({ listen: { host: '127.0.0.1', port: 0 }, backends: [{ name: 'b', baseUrl, models: [MODEL] }], health });
  const proxy = await startProxy(config, { log: (line) => logs.push(JSON.parse(line)) });
  cleanup.push(() => proxy.close());
  return { proxy, logs };
}

const readyBackend = async (proxy: RunningProxy) => ((await (await fetch(`${proxy.url}/readyz`)).json()) as any).backends[0];
const identifications = (logs: any[]) => logs.filter((l) => l.msg !== 'request').map((l) => [l.profile, l.version]);

/** The APIs each identified server serves (wire-facts-surface): Responses on Ollama from v0.13.3, none but chat on an unknown server. */
const ALL = ['chat', 'responses', 'embeddings', 'completions'];
const NO_RESPONSES = ['chat', 'completions', 'embeddings'];
const APIS: Record<ProfileName, string[]> = {
  spec: ['chat'],
  ollama: ALL,
  'ollama-legacy': ALL,
  'ollama-0.13': NO_RESPONSES,
  'ollama-0.12': NO_RESPONSES,
  'ollama-0.11': NO_RESPONSES,
  'llama.cpp': NO_RESPONSES,
  vllm: ALL,
  'lm-studio': ALL,
};

const EXPECTED: Record<ProfileName, { profile: string; version?: string; via: string }> = {
  spec: { profile: 'generic', via: 'no identifying route answered' },
  ollama: { profile: 'ollama', version: '0.33.0', via: 'GET /api/version' },
  'ollama-legacy': { profile: 'ollama-legacy', version: '0.32.5', via: 'GET /api/version' },
  'ollama-0.13': { profile: 'ollama-legacy', version: '0.13.2', via: 'GET /api/version' },
  'ollama-0.12': { profile: 'ollama-legacy', version: '0.12.6', via: 'GET /api/version' },
  'ollama-0.11': { profile: 'ollama-legacy', version: '0.11.10', via: 'GET /api/version' },
  'llama.cpp': { profile: 'llama.cpp', version: 'b6497-cd08fc3e', via: 'GET /props' },
  vllm: { profile: 'vllm', version: '0.11.0', via: 'GET /version (server uvicorn)' },
  'lm-studio': { profile: 'lm-studio', via: 'GET /api/v0/models' },
};

describe('a backend with no profile line is identified', () => {
  it.each(Object.keys(EXPECTED) as ProfileName[])('emulated %s', async (name) => {
    const emu = await emulator({ profile: name });
    const { proxy, logs } = await proxyFor(emu.url);
    const want = EXPECTED[name];
    const source = want.profile === 'generic' ? 'unidentified' : 'identified';
    expect(await readyBackend(proxy)).toEqual({ name: 'b', circuit: 'closed', ...want, source, apis: APIS[name] });
    expect(identifications(logs)).toEqual([[want.profile, want.version]]);
    const metrics = await (await fetch(`${proxy.url}/metrics`)).text();
    expect(metrics).toContain(`dropin_backend_profile_info{backend="b",profile="${want.profile}",version="${want.version ?? ''}",source="${source}"} 1`);
    expect((await postChat(proxy, chatBody({ model: MODEL }))).status).toBe(200);
    expect(logs.at(-1)).toMatchObject({ msg: 'request', backend: 'b', profile: want.profile, status: 200 });
  });

  it('a configured profile is kept and nothing is asked', async () => {
    const emu = await emulator({ profile: 'ollama' });
    const logs: any[] = [];
    const config = parseConfig({ listen: { host: '127.0.0.1', port: 0 }, backends: [{ name: 'b', baseUrl: emu.url, models: [MODEL], profile: 'vllm' }] });
    const proxy = await startProxy(config, { log: (line) => logs.push(JSON.parse(line)) });
    cleanup.push(() => proxy.close());
    expect(await readyBackend(proxy)).toEqual({ name: 'b', circuit: 'closed', profile: 'vllm', source: 'configured', apis: ALL });
    expect(identifications(logs)).toEqual([]);
  });
});

describe('an upgraded backend is identified again', () => {
  it.each([
    ['on each health probe', { probeIntervalMs: 40 }],
    ['on its own schedule with probes off', { probeIntervalMs: 0, identifyIntervalMs: 40 }],
  ])('%s', async (_name, health) => {
    const old = await startEmulator({ profile: 'ollama-legacy', models: [MODEL] });
    const { proxy, logs } = await proxyFor(old.url, health);
    expect(await readyBackend(proxy)).toMatchObject({ profile: 'ollama-legacy', version: '0.32.5' });
    await old.close();
    await emulator({ profile: 'ollama', port: old.port });
    await expect.poll(async () => (await readyBackend(proxy)).version, { timeout: 5_000, interval: 20 }).toBe('0.33.0');
    expect(await readyBackend(proxy)).toMatchObject({ profile: 'ollama', source: 'identified' });
    // the restart in between is not a change: one line per identification, none for the outage
    expect(identifications(logs)).toEqual([
      ['ollama-legacy', '0.32.5'],
      ['ollama', '0.33.0'],
    ]);
    expect(logs.filter((l) => l.msg !== 'request').at(-1)).toMatchObject({ previous: { profile: 'ollama-legacy', version: '0.32.5' } });
  });
});
