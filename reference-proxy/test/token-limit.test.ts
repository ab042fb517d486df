// tokensPerMinute counts what a key really spent: the prompt estimate up front, the completion
// tokens the backend reported once the answer is in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulatorBackend } from './helpers/emulator.ts';
import { startTestProxy, type TestProxy } from './helpers/proxy.ts';

const KEY = 'sk-token-limited-key-0123456789';
let emulator: { baseUrl: string; close(): Promise<void> };
let proxy: TestProxy;

beforeAll(async () => {
  emulator = await startEmulatorBackend();
  proxy = await startTestProxy([{ name: 'emu', baseUrl: emulator.baseUrl, models: ['dropin-emulator-1'] }], {
    auth: { keys: [{ name: 'metered', key: KEY, rateLimit: { tokensPerMinute: 30 } }] },
  });
});

afterAll(async () => {
  await proxy.close();
  await emulator.close();
});

const ask = () =>
  fetch(`${proxy.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'dropin-emulator-1', messages: [{ role: 'user', content: 'Count from 1 to 20' }], max_tokens: 30 }),
  });

describe('tokensPerMinute', () => {
  it('charges the completion tokens the backend reported, so a key cannot outspend its limit', async () => {
    const first = await ask();
    expect(first.status).toBe(200);
    const { usage } = await first.json();
    expect(usage.completion_tokens).toBeGreaterThanOrEqual(20);
    // the prompt estimate alone (~10 tokens) would let a second request through; the charge does not
    const second = await ask();
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await second.json()).error.message).toMatch(/tokens per minute \(limit 30\)/);
  });
});
