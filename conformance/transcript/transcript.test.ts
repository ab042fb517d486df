import { describe, expect, it } from 'vitest';
import { runSuite, type SuiteOptions } from '../run/run-suite.ts';
import type { RunResult } from '../types.ts';
import { jsonExchange } from '../checks/test-exchange.ts';
import { parseTranscript, toTranscriptLine, type TranscriptLine } from './format.ts';
import { keyOf, startReplay } from './replay-server.ts';

const options = (extra: Partial<SuiteOptions> = {}): Partial<SuiteOptions> => ({ repeat: 2, ...extra });
const verdicts = (run: RunResult) =>
  run.targets[0].checks.map((c) => `${c.scenario} ${c.id} ${c.status}`).sort();

describe('transcripts', () => {
  it('a recorded run replays to the same verdicts', async () => {
    const lines: TranscriptLine[] = [];
    const started = Date.now();
    const recorded = await runSuite(
      [{ name: 'legacy', kind: 'emulator', profile: 'ollama-legacy', apiKey: 'sk-recorded-secret-1234' }],
      options({ onExchange: (_t, scenario, ex) => lines.push(toTranscriptLine(scenario, ex, started, ['sk-recorded-secret-1234'])) }),
    );
    const text = lines.map((l) => JSON.stringify(l)).join('\n');
    expect(text).not.toContain('sk-recorded-secret-1234');
    expect(recorded.exitCode).toBe(1);

    const server = await startReplay(parseTranscript(text));
    try {
      // the emulator target's embedding and vision models and its reasoning, as the recorded run had them
      const claims = { embeddingModel: 'dropin-emulator-embed', visionModel: 'dropin-emulator-vision', reasoning: true };
      const replayed = await runSuite([{ name: 'replay', kind: 'url', baseUrl: server.url, model: 'dropin-emulator-1', ...claims }], options());
      expect(verdicts(replayed)).toEqual(verdicts(recorded));
      expect(replayed.exitCode).toBe(recorded.exitCode);
    } finally {
      await server.close();
    }
  });

  it('answers an unrecorded request with a 501 envelope saying what to do', async () => {
    const server = await startReplay([]);
    try {
      const res = await fetch(`${server.url}/models`);
      expect(res.status).toBe(501);
      expect((await res.json()).error.message).toMatch(/record the transcript again/);
    } finally {
      await server.close();
    }
  });

  it('matches bodies canonically, whatever the key order', () => {
    expect(keyOf('post', '/v1/chat/completions', '{"a":1,"b":{"d":2,"c":3}}')).toBe(
      keyOf('POST', '/v1/chat/completions/', '{"b":{"c":3,"d":2},"a":1}'),
    );
  });

  it('rejects a file that is not a transcript with the line number', () => {
    expect(() => parseTranscript('{"v":1,"request":{"method":"GET"},"response":{}}\nnope', 'x.jsonl')).toThrow(/x\.jsonl:2: not JSON/);
    expect(() => parseTranscript('{"hello":1}', 'x.jsonl')).toThrow(/x\.jsonl:1: not a dropin transcript/);
  });
  it('redacts a secret in its JSON-escaped form too', () => {
    const secret = 'sk-"quoted"\\key-1234';
    const exchange = jsonExchange({ echoed: secret }, { request: { note: secret } });
    const line = JSON.stringify(toTranscriptLine('chat.basic', exchange, 0, [secret]));
    expect(line).not.toContain(JSON.stringify(secret).slice(1, -1));
    expect(Buffer.from(JSON.parse(line).response.bodyBase64, 'base64').toString()).toContain('***');
  });
});
