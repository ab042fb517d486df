import { describe, expect, it } from 'vitest';
import { applyDefaults } from './defaults.ts';

const minimal = { backends: [{ name: 'a', baseUrl: 'http://127.0.0.1:11434/v1/', models: ['m'], profile: 'ollama' as const }] };

describe('applyDefaults', () => {
  it('fills the documented defaults', () => {
    const c = applyDefaults(minimal);
    expect(c.retry).toEqual({ statuses: [429, 500, 502, 503, 504], attempts: 3, backoffMs: { initial: 100, max: 2000 }, honourRetryAfter: true });
    expect(c.health).toEqual({ failureThreshold: 3, cooldownMs: 30_000, probeIntervalMs: 0, identifyIntervalMs: 60_000 });
    expect(c.limits).toEqual({ maxBodyBytes: 1_048_576, headersTimeoutMs: 10_000, requestTimeoutMs: 300_000, maxConcurrent: 256 });
    expect(c.guard).toEqual({ enabled: true, stream: 'buffer' });
    expect(c.aliases).toEqual({});
    expect(c.rules).toEqual([]);
    expect(c.auth).toBeUndefined();
    const b = c.backends[0];
    expect(b).toMatchObject({ baseUrl: 'http://127.0.0.1:11434/v1', weight: 1, local: true, healthPath: '/', timeouts: { connectMs: 5000, firstByteMs: 60_000, totalMs: 600_000 } });
  });

  it('keeps what the file sets, merging nested objects key by key', () => {
    const c = applyDefaults({
      backends: [{ name: 'cloud', baseUrl: 'https://api.openai.com/v1', models: ['gpt-4o'], timeouts: { firstByteMs: 10 } as never, local: true }],
      retry: { attempts: 5, backoffMs: { max: 500 } } as never,
    });
    expect(c.retry.attempts).toBe(5);
    expect(c.retry.backoffMs).toEqual({ initial: 100, max: 500 });
    expect(c.backends[0].timeouts).toEqual({ connectMs: 5000, firstByteMs: 10, totalMs: 600_000 });
    expect(c.backends[0].local).toBe(true);
  });

  it('marks public hosts remote and gives cloud backends no health path', () => {
    const b = applyDefaults({ backends: [{ name: 'c', baseUrl: 'https://api.openai.com/v1', models: ['x'] }] }).backends[0];
    expect(b.local).toBe(false);
    expect(b.profile).toBe('auto');
    expect(b.healthPath).toBeUndefined();
  });
});

describe('responses defaults', () => {
  it('bounds the conversation store as documented, keeping what the file sets', () => {
    expect(applyDefaults(minimal).responses.store).toEqual({ maxEntries: 10_000, maxBytes: 256 * 1024 * 1024, ttlMs: 24 * 60 * 60 * 1000 });
    expect(applyDefaults({ ...minimal, responses: { store: { ttlMs: 60_000 } } }).responses.store).toEqual({ maxEntries: 10_000, maxBytes: 256 * 1024 * 1024, ttlMs: 60_000 });
  });
});
