// Inbound API keys. The presented key and every configured key are hashed to SHA-256 digests and
// compared with timingSafeEqual, so neither the comparison time nor the length of a near-miss
// reveals anything; all keys are compared every time so timing does not tell which key is close.
// Errors read like OpenAI's so SDKs map them to AuthenticationError, and never echo the key.
import { createHash, timingSafeEqual } from 'node:crypto';
import { ProxyError } from '../errors.ts';
import { modelNotFound } from '../routing/plan.ts';
import type { ApiKeyConfig } from '../types.ts';

const digests = new WeakMap<ApiKeyConfig, Buffer>();

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

function digestOf(key: ApiKeyConfig): Buffer {
  let d = digests.get(key);
  if (!d) {
    d = sha256(key.key);
    digests.set(key, d);
  }
  return d;
}

/** The key a request presents: `Authorization: Bearer <key>` (scheme case-insensitive). */
export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^\s*bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1];
}

export function authenticate(authorization: string | undefined, keys: ApiKeyConfig[]): ApiKeyConfig {
  const token = bearerToken(authorization);
  if (token === undefined) throw missingKey();
  const presented = sha256(token);
  let found: ApiKeyConfig | undefined;
  for (const key of keys) {
    if (timingSafeEqual(presented, digestOf(key)) && found === undefined) found = key;
  }
  if (!found) throw incorrectKey();
  return found;
}

/** A key limited to some models gets OpenAI's "does not exist or you do not have access" 404 for the others. */
export function authorizeModel(key: ApiKeyConfig, publicModel: string): void {
  if (key.models !== undefined && !key.models.includes(publicModel)) throw modelNotFound(publicModel);
}

const CHALLENGE = { 'www-authenticate': 'Bearer realm="dropin"' };

function missingKey(): ProxyError {
  return new ProxyError(
    401,
    "You didn't provide an API key. Send the key your proxy operator gave you in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
    { type: 'invalid_request_error', headers: CHALLENGE },
  );
}

function incorrectKey(): ProxyError {
  return new ProxyError(401, 'Incorrect API key provided. Check the key your proxy operator gave you and send it as Authorization: Bearer YOUR_KEY.', {
    type: 'invalid_request_error',
    code: 'invalid_api_key',
    headers: CHALLENGE,
  });
}
