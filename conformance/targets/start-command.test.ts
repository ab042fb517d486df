import { describe, expect, it } from 'vitest';
import { startCommand } from './start-command.ts';

describe('startCommand', () => {
  it('serves the emulator again with its profile and quirks, on the port the run used', () => {
    expect(startCommand({ name: 'e', kind: 'emulator', profile: 'ollama', quirks: ['crlf', 'no-done'] }, 'http://127.0.0.1:43121/v1')).toBe(
      'npx dropin emulate --port 43121 --profile ollama --quirk crlf --quirk no-done',
    );
    expect(startCommand({ name: 'e', kind: 'emulator' }, 'http://127.0.0.1:43121/v1')).toBe('npx dropin emulate --port 43121');
  });

  it('serves a replayed transcript again', () => {
    expect(startCommand({ name: 'r', kind: 'replay', transcript: "runs/o'llama.jsonl" }, 'http://127.0.0.1:5000/v1')).toBe(`npx dropin replay 'runs/o'\\''llama.jsonl' --port 5000`);
  });

  it('has nothing to say for an endpoint the user runs', () => {
    expect(startCommand({ name: 'u', kind: 'url', baseUrl: 'http://127.0.0.1:11434/v1' }, 'http://127.0.0.1:11434/v1')).toBeUndefined();
  });
});
