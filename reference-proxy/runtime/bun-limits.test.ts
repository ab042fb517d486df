import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load.ts';
import { bunIdleTimeoutS, bunRefusals } from './bun-limits.ts';

const config = (extra: Record<string, unknown> = {}, backend: Record<string, unknown> = {}) =>
  parseConfig({ backends: [{ name: 'a', baseUrl: 'http://127.0.0.1:9/v1', models: ['m'], ...backend }], ...extra });

describe('bunRefusals', () => {
  it('accepts a config that leaves the settings Bun cannot honour at their defaults', () => {
    expect(bunRefusals(config({ limits: { requestTimeoutMs: 1_000, maxBodyBytes: 10 } }, { timeouts: { firstByteMs: 5_000 } }))).toEqual([]);
  });

  it('refuses a headers timeout and a connect timeout, naming the setting and the way out', () => {
    const problems = bunRefusals(config({ limits: { headersTimeoutMs: 5_000 } }, { timeouts: { connectMs: 1_000 } }));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^limits\.headersTimeoutMs: .*run the proxy on Node/);
    expect(problems[1]).toMatch(/^backends\[0\]\.timeouts\.connectMs: .*counts against firstByteMs.*run the proxy on Node/);
  });
});

describe('bunIdleTimeoutS', () => {
  it("is the headers timeout in whole seconds, within Bun's 1..255", () => {
    expect(bunIdleTimeoutS({ headersTimeoutMs: 10_000 } as never)).toBe(10);
    expect(bunIdleTimeoutS({ headersTimeoutMs: 1 } as never)).toBe(1);
    expect(bunIdleTimeoutS({ headersTimeoutMs: 600_000 } as never)).toBe(255);
  });
});
