import { describe, expect, it } from 'vitest';
import { isLocalHost } from './local-host.ts';

describe('isLocalHost', () => {
  it('treats loopback, private and link-local addresses as local', () => {
    for (const h of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.1', '192.168.1.10', '169.254.1.1', '100.64.0.1', '[::1]', 'fd00::1', 'fe80::1', '::ffff:192.168.0.1']) {
      expect(isLocalHost(h), h).toBe(true);
    }
  });

  it('treats localhost, single-label and cluster-internal names as local', () => {
    for (const h of ['localhost', 'ollama', 'gpu-box.local', 'ollama.ai.svc.cluster.local', 'api.localhost']) {
      expect(isLocalHost(h), h).toBe(true);
    }
  });

  it('treats public addresses and names as remote', () => {
    for (const h of ['api.openai.com', '8.8.8.8', '172.32.0.1', '192.169.0.1', '2001:db8::1', '::ffff:8.8.8.8']) {
      expect(isLocalHost(h), h).toBe(false);
    }
  });
});
