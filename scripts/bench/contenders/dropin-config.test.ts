import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { dropinConfig } from './dropin-config.ts';

describe('dropinConfig', () => {
  it('routes the bench models to one openai-profile backend on loopback, with room for 1000 streams', () => {
    const config = parse(dropinConfig(18400, 18311, ['bench', 'bench-400x100ms']));
    expect(config.listen).toEqual({ host: '127.0.0.1', port: 18400 });
    expect(config.backends).toEqual([{ name: 'bench-upstream', baseUrl: 'http://127.0.0.1:18311/v1', profile: 'openai', models: ['bench', 'bench-400x100ms'] }]);
    expect(config.limits.maxConcurrent).toBeGreaterThan(1000);
  });

  it('puts the backend on the generic profile for the dropin-generic contender', () => {
    expect(parse(dropinConfig(18400, 18311, ['bench'], 'generic')).backends[0].profile).toBe('generic');
  });
});
