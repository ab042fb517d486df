import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyDefaults } from '../config/defaults.ts';
import { BackendProfiles } from '../detect/backend-profiles.ts';
import { probeOnce, probeUrl, startProbes } from './probe.ts';
import { HealthTracker } from './tracker.ts';

const config = applyDefaults({
  backends: [
    { name: 'ollama', baseUrl: 'http://127.0.0.1:11434/v1', models: ['m'], profile: 'ollama' },
    { name: 'llamacpp', baseUrl: 'http://127.0.0.1:8081/v1', models: ['m'], profile: 'llama.cpp' },
    { name: 'cloud', baseUrl: 'https://api.openai.com/v1', models: ['m'], apiKey: 'sk-up' },
    { name: 'cloud-probed', baseUrl: 'https://api.example.com/openai/v1', models: ['m'], apiKey: 'sk-two', healthPath: '/openai/v1/models' },
  ],
  health: { failureThreshold: 3, cooldownMs: 30_000, probeIntervalMs: 10_000 },
});
const tracker = () => new HealthTracker(config.health, () => 0);

afterEach(() => vi.useRealTimers());

describe('probeUrl', () => {
  it('resolves the health path against the origin, not the /v1 base', () => {
    expect(config.backends.map((b) => probeUrl(b))).toEqual([
      'http://127.0.0.1:11434/',
      'http://127.0.0.1:8081/health',
      undefined,
      'https://api.example.com/openai/v1/models',
    ]);
  });
});

describe('probeUrl of an auto backend', () => {
  it('follows the identified profile: none until identified, Ollama\'s / once it is', () => {
    const auto = applyDefaults({ backends: [{ name: 'a', baseUrl: 'http://127.0.0.1:11434/v1', models: ['m'] }] }).backends[0];
    const profiles = new BackendProfiles([auto]);
    expect(probeUrl(auto, profiles)).toBeUndefined();
    profiles.record('a', { profile: 'ollama', version: '0.33.0', via: 'GET /api/version', path: '/api/version' });
    expect(probeUrl(auto, profiles)).toBe('http://127.0.0.1:11434/');
  });
});

describe('startProbes with identification', () => {
  it('identifies the auto backends in every round, before probing', async () => {
    vi.useFakeTimers();
    const withAuto = { ...config, backends: [...config.backends, applyDefaults({ backends: [{ name: 'auto', baseUrl: 'http://127.0.0.1:9999/v1', models: ['m'] }] }).backends[0]] };
    const profiles = new BackendProfiles(withAuto.backends);
    const asked: string[] = [];
    const observe = async (b: { name: string }, paths: readonly string[] = ['/api/version']) => {
      if (b.name === 'auto') asked.push(...paths);
      return paths.map((path) => ({ path, status: 200, json: { version: '0.33.0' } }));
    };
    const probed: string[] = [];
    const probes = startProbes(withAuto, tracker(), async (url) => (probed.push(url), 200), { profiles, observe });
    await probes.firstRound;
    expect(profiles.profile('auto')).toBe('ollama');
    expect(probed).toContain('http://127.0.0.1:9999/');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(asked.filter((p) => p === '/api/version').length).toBe(2);
    probes.stop();
  });
});

describe('probeOnce', () => {
  it('probes backends with a health path and records each verdict', async () => {
    const seen: Array<[string, Record<string, string> | undefined]> = [];
    const statuses: Record<string, number> = { 'http://127.0.0.1:11434/': 200, 'http://127.0.0.1:8081/health': 503 };
    const t = tracker();
    await probeOnce(config, t, async (url, init) => {
      seen.push([url, init?.headers]);
      return statuses[url] ?? 200;
    });
    expect(seen.map(([u]) => u).sort()).toEqual(['http://127.0.0.1:11434/', 'http://127.0.0.1:8081/health', 'https://api.example.com/openai/v1/models']);
    expect(seen.find(([u]) => u.includes('example'))?.[1]).toEqual({ authorization: 'Bearer sk-two' });
    expect(t.isAvailable('ollama')).toBe(true);
    expect(t.state('llamacpp')).toBe('open');
    expect(t.state('cloud')).toBe('closed');
  });

  it('counts a thrown error or no response as a failure', async () => {
    const t = tracker();
    await probeOnce(config, t, async (url) => {
      if (url.includes('11434')) throw new Error('ECONNREFUSED');
      return 0;
    });
    expect(t.state('ollama')).toBe('open');
    expect(t.state('llamacpp')).toBe('open');
  });
});

describe('startProbes', () => {
  it('probes at once, then every interval, until stopped', async () => {
    vi.useFakeTimers();
    let rounds = 0;
    const probes = startProbes(config, tracker(), async (url) => {
      if (url.endsWith('11434/')) rounds++;
      return 200;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(rounds).toBe(1);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(rounds).toBe(3);
    probes.stop();
    await vi.advanceTimersByTimeAsync(50_000);
    expect(rounds).toBe(3);
  });

  it('skips a tick while the previous round is still running', async () => {
    vi.useFakeTimers();
    let started = 0;
    const pending: Array<() => void> = [];
    const release = () => pending.splice(0).forEach((resolve) => resolve());
    const probes = startProbes(config, tracker(), (url) => {
      if (url.endsWith('11434/')) started++;
      return new Promise((resolve) => pending.push(() => resolve(200)));
    });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(started).toBe(1);
    release();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(started).toBe(2);
    probes.stop();
    release();
  });

  it('does nothing when the interval is 0', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const probes = startProbes({ ...config, health: { ...config.health, probeIntervalMs: 0 } }, tracker(), async () => ++calls);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toBe(0);
    probes.stop();
  });
});
