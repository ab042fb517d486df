import { describe, expect, it } from 'vitest';
import { applyDefaults } from '../config/defaults.ts';
import { BackendProfiles } from './backend-profiles.ts';

const config = applyDefaults({
  backends: [
    { name: 'auto', baseUrl: 'http://127.0.0.1:11434/v1', models: ['m'] },
    { name: 'pinned', baseUrl: 'http://127.0.0.1:8000/v1', models: ['m'], profile: 'vllm' },
  ],
});

describe('BackendProfiles', () => {
  it('serves an auto backend as generic until identified, a configured one as configured', () => {
    const p = new BackendProfiles(config.backends);
    expect(p.profile('auto')).toBe('generic');
    expect(p.get('auto')).toEqual({ profile: 'generic', source: 'pending' });
    expect(p.profile('pinned')).toBe('vllm');
    expect(p.get('pinned')).toEqual({ profile: 'vllm', source: 'configured' });
    expect(p.profile('unknown')).toBe('generic');
  });

  it('logs once per change: identified, unchanged (silent), upgraded, gone', () => {
    const lines: any[] = [];
    const p = new BackendProfiles(config.backends, (line) => lines.push(JSON.parse(line)));
    const legacy = { profile: 'ollama-legacy' as const, version: '0.32.5', via: 'GET /api/version', path: '/api/version' };
    p.record('auto', legacy);
    p.record('auto', legacy);
    p.record('auto', { ...legacy, profile: 'ollama', version: '0.33.0' });
    p.record('auto', { profile: 'generic', via: 'no identifying route answered' });
    expect(lines.map(({ time: _t, ...rest }) => rest)).toEqual([
      { level: 'info', msg: 'backend identified', backend: 'auto', profile: 'ollama-legacy', version: '0.32.5', via: 'GET /api/version' },
      { level: 'info', msg: 'backend identified', backend: 'auto', profile: 'ollama', version: '0.33.0', via: 'GET /api/version', previous: { profile: 'ollama-legacy', version: '0.32.5' } },
      {
        level: 'warn',
        msg: 'backend not identified: every in-flight repair on (profile generic)',
        backend: 'auto',
        profile: 'generic',
        via: 'no identifying route answered',
        previous: { profile: 'ollama', version: '0.33.0' },
      },
    ]);
    expect(p.profile('auto')).toBe('generic');
    expect(p.snapshot().map((s) => [s.backend, s.profile, s.source])).toEqual([
      ['auto', 'generic', 'unidentified'],
      ['pinned', 'vllm', 'configured'],
    ]);
  });
});
