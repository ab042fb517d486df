import { describe, expect, it } from 'vitest';
import { createLocalState } from './local-state.ts';

describe('createLocalState', () => {
  it('keeps the in-memory buckets and lets every replica probe for itself', async () => {
    const state = createLocalState();
    const key = { name: 'k', key: 'secret', rateLimit: { requestsPerMinute: 1 } };
    expect(await state.limits.take(key, 0)).toEqual({ ok: true });
    expect(await state.limits.take(key, 0)).toEqual({ ok: false, retryAfterSeconds: 60, limit: 'requests' });
    expect(await state.claimProbeRound(1_000)).toBe(true);
    expect(state.status()).toEqual({ store: 'local' });
  });
});
