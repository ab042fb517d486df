import { describe, expect, it } from 'vitest';
import { applyDefaults } from '../config/defaults.ts';
import type { BackendConfig } from '../types.ts';
import { BackendProfiles } from './backend-profiles.ts';
import type { Observation } from './identify.ts';
import { identifyBackends } from './identify-backends.ts';

const config = applyDefaults({
  backends: [
    { name: 'local', baseUrl: 'http://127.0.0.1:11434/v1', models: ['m'], apiKey: 'sk-local-key-0123456789' },
    { name: 'openai', baseUrl: 'https://api.openai.com/v1', models: ['m'] },
    { name: 'pinned', baseUrl: 'http://127.0.0.1:8000/v1', models: ['m'], profile: 'llama.cpp' },
  ],
});

/** A scripted backend: answers each path with the current table, and records what was asked. */
function scripted(table: Record<string, unknown>) {
  const asked: string[][] = [];
  const observe = async (backend: BackendConfig, paths: readonly string[] = ['/api/version', '/props', '/api/v0/models', '/version']): Promise<Observation[]> => {
    asked.push([backend.name, ...paths]);
    return paths.map((path) => (path in table ? { path, status: 200, json: table[path] } : { path, status: 404 }));
  };
  return { asked, observe, table };
}

describe('identifyBackends', () => {
  it('asks every route once, then only the one that identified the backend while it answers the same', async () => {
    const s = scripted({ '/api/version': { version: '0.33.0' } });
    const profiles = new BackendProfiles(config.backends);
    await identifyBackends(config.backends, profiles, s.observe);
    await identifyBackends(config.backends, profiles, s.observe);
    expect(s.asked).toEqual([
      ['local', '/api/version', '/props', '/api/v0/models', '/version'],
      ['local', '/api/version'],
    ]);
    expect(profiles.get('local')).toMatchObject({ profile: 'ollama', version: '0.33.0', source: 'identified' });
    expect(profiles.get('openai')).toMatchObject({ profile: 'openai', source: 'identified', via: 'host api.openai.com' });
    expect(profiles.get('pinned')).toEqual({ profile: 'llama.cpp', source: 'configured' });
  });

  it('asks every route again when the answer changed: an upgrade, or another server on the port', async () => {
    const s = scripted({ '/api/version': { version: '0.32.5' } });
    const profiles = new BackendProfiles(config.backends);
    await identifyBackends(config.backends, profiles, s.observe);
    s.table['/api/version'] = { version: '0.33.1' };
    await identifyBackends(config.backends, profiles, s.observe);
    expect(profiles.get('local')).toMatchObject({ profile: 'ollama', version: '0.33.1' });
    delete s.table['/api/version'];
    s.table['/version'] = { version: '0.11.0' };
    await identifyBackends(config.backends, profiles, s.observe);
    expect(profiles.get('local')).toMatchObject({ profile: 'vllm', version: '0.11.0' });
    expect(s.asked.filter((a) => a.length > 2)).toHaveLength(3);
  });

  it('keeps the identification while the backend does not answer at all (down, restarting)', async () => {
    const s = scripted({ '/api/version': { version: '0.33.0' } });
    const profiles = new BackendProfiles(config.backends);
    await identifyBackends(config.backends, profiles, s.observe);
    const down = async (backend: BackendConfig, paths: readonly string[] = ['/api/version', '/props']) => paths.map((path) => ({ path, status: 0 }));
    await identifyBackends(config.backends, profiles, down);
    expect(profiles.get('local')).toMatchObject({ profile: 'ollama', source: 'identified' });
    const fresh = new BackendProfiles(config.backends);
    await identifyBackends(config.backends, fresh, down);
    expect(fresh.get('local')).toMatchObject({ profile: 'generic', source: 'unidentified' });
  });

  it('drops a version that quotes the backend key', async () => {
    const s = scripted({ '/version': { version: 'sk-local-key-0123456789' } });
    const profiles = new BackendProfiles(config.backends);
    await identifyBackends(config.backends, profiles, s.observe);
    expect(profiles.get('local')).toEqual({ profile: 'vllm', source: 'identified', via: 'GET /version', path: '/version' });
  });
});
