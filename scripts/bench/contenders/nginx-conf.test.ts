import { describe, expect, it } from 'vitest';
import { nginxConf } from './nginx-conf.ts';

describe('nginxConf', () => {
  const conf = nginxConf({ dir: '/w/nginx', port: 18080, upstreamPort: 18311 });
  it('listens on loopback only and proxies to the bench upstream with keep-alive', () => {
    expect(conf).toMatch(/listen 127\.0\.0\.1:18080;/);
    expect(conf).not.toMatch(/listen (0\.0\.0\.0:)?\d+;/);
    expect(conf).toMatch(/server 127\.0\.0\.1:18311;\s+keepalive \d+;/);
    expect(conf).toMatch(/proxy_http_version 1\.1;\s+proxy_set_header Connection "";/);
  });
  it('streams unbuffered, without gzip, on one worker in the foreground', () => {
    for (const line of ['proxy_buffering off;', 'gzip off;', 'worker_processes 1;', 'daemon off;']) expect(conf).toContain(line);
  });
  it('keeps every path it writes under its own directory', () => {
    const paths = [...conf.matchAll(/(?:pid|error_log|access_log|_temp_path) (\S+?)[;\s]/g)].map((m) => m[1]);
    expect(paths.length).toBe(8);
    for (const p of paths) expect(p.startsWith('/w/nginx/')).toBe(true);
  });
});
