import { describe, expect, it } from 'vitest';
import { formatLogLine, newRecord } from './request-log.ts';
import { redactSecrets } from './redact.ts';
import { createMetrics, estimateCost } from './metrics.ts';
import { HealthTracker } from '../health/tracker.ts';
import type { BackendConfig } from '../types.ts';

describe('formatLogLine', () => {
  it('writes one JSON line with the record and a level from the status', () => {
    const record = { ...newRecord('req_1', 'POST', '/v1/chat/completions'), status: 502, attempts: 2, failovers: ['connect'] };
    const line = formatLogLine(record, new Date(0));
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toMatchObject({ time: '1970-01-01T00:00:00.000Z', level: 'error', requestId: 'req_1', attempts: 2, failovers: ['connect'] });
    expect(JSON.parse(formatLogLine({ ...record, status: 200 }, new Date(0))).level).toBe('info');
  });
  it('puts time, level and msg first, then the record fields in their order', () => {
    expect(formatLogLine(newRecord('r1', 'GET', '/v1/models'), new Date(0))).toBe(
      '{"time":"1970-01-01T00:00:00.000Z","level":"info","msg":"request","requestId":"r1","method":"GET","path":"/v1/models","attempts":0,"failovers":[],"status":0}',
    );
  });
});

describe('redactSecrets', () => {
  it('replaces every occurrence of each secret', () => {
    expect(redactSecrets('key sk-secret-1 and sk-secret-1, sk-other', ['sk-secret-1', 'sk-other'])).toBe('key *** and ***, ***');
  });
  it('ignores secrets too short to be real keys', () => {
    expect(redactSecrets('a b c', ['a', ''])).toBe('a b c');
  });
});

describe('estimateCost', () => {
  const backend = { name: 'cloud', price: { input: 2, output: 8 } } as BackendConfig;
  it('prices prompt and completion tokens per million', () => {
    expect(estimateCost(backend, { prompt_tokens: 1_000_000, completion_tokens: 500_000 })).toBe(6);
  });
  it('is zero without a price', () => {
    expect(estimateCost({ name: 'local' } as BackendConfig, { prompt_tokens: 10, completion_tokens: 10 })).toBe(0);
  });
});

describe('the circuit gauge', () => {
  it('lists every configured backend, also those no request has reached yet', async () => {
    const health = new HealthTracker({ failureThreshold: 1, cooldownMs: 60_000, probeIntervalMs: 0 });
    const metrics = createMetrics(health, ['idle', 'busy']);
    health.recordFailure('busy');
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/dropin_circuit_state\{backend="idle"\} 0/);
    expect(text).toMatch(/dropin_circuit_state\{backend="busy"\} 2/);
  });
});
