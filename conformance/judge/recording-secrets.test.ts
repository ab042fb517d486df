import { describe, expect, it } from 'vitest';
import { CHAT_REQUEST, COMPLETION, captured } from './captured.fixtures.ts';
import { recordingSecrets } from './recording-secrets.ts';

describe('recordingSecrets', () => {
  it('takes the credentials a recording was sent with: bearer tokens, key headers, cookies', () => {
    const x = captured(CHAT_REQUEST, COMPLETION);
    const withHeaders = (headers: Record<string, string>) => ({ ...x, request: { ...x.request, headers } });
    expect(recordingSecrets([
      withHeaders({ authorization: 'Bearer sk-proj-abcdef123456' }),
      withHeaders({ 'api-key': 'azure-key-0123456789', cookie: 'session=s3cr3t-value' }),
    ]).sort()).toEqual(['azure-key-0123456789', 'session=s3cr3t-value', 'sk-proj-abcdef123456']);
  });

  it('leaves out values that are already masked or too short to be a key', () => {
    const x = captured(CHAT_REQUEST, COMPLETION);
    expect(recordingSecrets([{ ...x, request: { ...x.request, headers: { authorization: 'Bearer ***', 'x-api-key': 'abc' } } }])).toEqual([]);
  });
});
