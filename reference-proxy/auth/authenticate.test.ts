import { describe, expect, it } from 'vitest';
import { ProxyError } from '../errors.ts';
import type { ApiKeyConfig } from '../types.ts';
import { authenticate, authorizeModel, bearerToken } from './authenticate.ts';

const keys: ApiKeyConfig[] = [
  { name: 'app', key: 'dk-app-0123456789' },
  { name: 'batch', key: 'dk-batch-abcdef', models: ['fast', 'llama3.2:3b'] },
];

function rejection(fn: () => unknown): ProxyError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ProxyError);
    return err as ProxyError;
  }
  throw new Error('expected a ProxyError');
}

describe('bearerToken', () => {
  it('reads a Bearer token with any scheme case and surrounding spaces', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer   abc ')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken('Bearer')).toBeUndefined();
    expect(bearerToken('Bearer a b')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});

describe('authenticate', () => {
  it('returns the matching key', () => {
    expect(authenticate('Bearer dk-app-0123456789', keys).name).toBe('app');
    expect(authenticate('Bearer dk-batch-abcdef', keys).name).toBe('batch');
  });

  it('answers a missing key with 401 and how to send one', () => {
    for (const header of [undefined, '', 'Basic dk-app-0123456789', 'Bearer ']) {
      const err = rejection(() => authenticate(header, keys));
      expect(err.status).toBe(401);
      expect(err.message).toMatch(/^You didn't provide an API key\. .*Authorization: Bearer YOUR_KEY/);
      expect(err.headers['www-authenticate']).toMatch(/^Bearer/);
    }
  });

  it('answers a wrong key with 401 invalid_api_key and never echoes it', () => {
    const err = rejection(() => authenticate('Bearer dk-wrong-secret', keys));
    expect(err.toBody()).toEqual({
      error: { message: expect.stringMatching(/^Incorrect API key provided\./), type: 'invalid_request_error', param: null, code: 'invalid_api_key' },
    });
    expect(JSON.stringify(err.toBody())).not.toContain('dk-wrong-secret');
  });

  it('rejects prefixes, extensions and case changes of a real key', () => {
    for (const token of ['dk-app-012345678', 'dk-app-01234567890', 'dk-app-0123456789x', 'DK-APP-0123456789', 'dk-app', 'd']) {
      expect(rejection(() => authenticate(`Bearer ${token}`, keys)).code, token).toBe('invalid_api_key');
    }
  });

  it('handles keys of very different lengths without throwing a length error', () => {
    const long = 'x'.repeat(10_000);
    expect(rejection(() => authenticate(`Bearer ${long}`, keys)).status).toBe(401);
    expect(authenticate(`Bearer ${long}`, [...keys, { name: 'long', key: long }]).name).toBe('long');
  });

  it('rejects everything when no keys are configured', () => {
    expect(rejection(() => authenticate('Bearer dk-app-0123456789', [])).status).toBe(401);
  });
});

describe('authorizeModel', () => {
  it('lets a key without a list use any model', () => {
    expect(() => authorizeModel(keys[0], 'gpt-4o')).not.toThrow();
  });

  it('lets a listed model through and answers others as OpenAI does', () => {
    expect(() => authorizeModel(keys[1], 'fast')).not.toThrow();
    const err = rejection(() => authorizeModel(keys[1], 'gpt-4o'));
    expect(err.status).toBe(404);
    expect(err.toBody().error).toEqual({
      message: 'The model `gpt-4o` does not exist or you do not have access to it.',
      type: 'invalid_request_error',
      param: null,
      code: 'model_not_found',
    });
  });
});
