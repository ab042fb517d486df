import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, redactConfig } from './load.ts';
import { redactRedisUrl, redisEndpoint, redisUrlProblem } from './redis-url.ts';

const backends = [{ name: 'a', baseUrl: 'http://127.0.0.1:11434/v1', models: ['m'] }];

describe('state.redis.url', () => {
  it('is resolved from env:, defaulted and redacted for printing', () => {
    const config = parseConfig({ backends, state: { redis: { url: 'env:REDIS_URL' } } }, { REDIS_URL: 'redis://app:pa55word@cache:6380/2' });
    expect(config.state).toEqual({ redis: { url: 'redis://app:pa55word@cache:6380/2', keyPrefix: 'dropin', timeoutMs: 250 } });
    expect(config.shutdown).toEqual({ drainMs: 25_000 });
    const printed = JSON.stringify(redactConfig(config));
    expect(printed).not.toContain('pa55word');
    expect(printed).toContain('redis://***:***@cache:6380/2');
  });

  it('rejects a resolved value that is no Redis URL without quoting it', () => {
    try {
      parseConfig({ backends, state: { redis: { url: 'env:REDIS_URL' } } }, { REDIS_URL: 'http://app:pa55word@cache:6379' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).problems).toEqual(['state.redis.url: must start with redis:// or rediss:// (got http://)']);
      expect((e as Error).message).not.toContain('pa55word');
    }
  });

  it('names each way a URL can be wrong', () => {
    expect(redisUrlProblem('redis://cache:6379')).toBeUndefined();
    expect(redisUrlProblem('rediss://:pw@cache.example.com/0')).toBeUndefined();
    expect(redisUrlProblem('not a url')).toMatch(/is not a valid URL/);
    expect(redisUrlProblem('redis://cache:6379/zero')).toMatch(/database number/);
  });

  it('shows only host and port as the endpoint', () => {
    expect(redisEndpoint('redis://u:secret@cache:7000/1')).toBe('cache:7000');
    expect(redisEndpoint('rediss://:secret@cache')).toBe('cache:6379');
    expect(redactRedisUrl('redis://:secret@cache:6379')).toBe('redis://:***@cache:6379');
  });
});
