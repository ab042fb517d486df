import { describe, expect, it } from 'vitest';
import { applyDefaults } from './defaults.ts';
import { redactConfig } from './redact.ts';

describe('redactConfig', () => {
  it('masks upstream and inbound keys without changing the live config', () => {
    const config = applyDefaults({
      backends: [
        { name: 'cloud', baseUrl: 'https://api.openai.com/v1', models: ['gpt-4o'], apiKey: 'sk-upstream-secret' },
        { name: 'local', baseUrl: 'http://127.0.0.1:11434/v1', models: ['m'] },
      ],
      auth: { keys: [{ name: 'team', key: 'inbound-secret' }] },
    });
    const dumped = JSON.stringify(redactConfig(config));
    expect(dumped).not.toContain('sk-upstream-secret');
    expect(dumped).not.toContain('inbound-secret');
    expect(dumped).toContain('"apiKey":"***"');
    expect(dumped).toContain('"key":"***"');
    expect((redactConfig(config) as typeof config).backends[1].apiKey).toBeUndefined();
    expect(config.backends[0].apiKey).toBe('sk-upstream-secret');
  });
});
