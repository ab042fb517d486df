// What a target claims, from flags and from a config file: capabilities, the embedding and vision
// models, reasoning; bad values are usage errors that say what to change.
import { describe, expect, it } from 'vitest';
import { parseRunConfig } from './run-config.ts';
import { resolveRun } from './run-options.ts';
import { UsageError } from './usage-error.ts';

const base = { baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.2:3b' };

describe('target claims', () => {
  it('flags declare them for the target', () => {
    const run = resolveRun({ ...base, capabilities: 'chat, embeddings', embeddingModel: 'nomic-embed-text', visionModel: 'llava:7b', reasoning: true }, {});
    expect(run.specs[0]).toMatchObject({ capabilities: ['chat', 'embeddings'], embeddingModel: 'nomic-embed-text', visionModel: 'llava:7b', reasoning: true });
  });

  it('an unknown capability or an empty model is a usage error naming the flag', () => {
    expect(() => resolveRun({ ...base, capabilities: 'chat,vison' }, {})).toThrow(/--capabilities: unknown "vison"; did you mean "vision"\? Allowed: models, chat/);
    expect(() => resolveRun({ ...base, embeddingModel: ' ' }, {})).toThrow(UsageError);
  });

  it('config keys declare them per target; unknown capabilities are refused with the path', () => {
    const config = parseRunConfig(
      { targets: [{ name: 'laptop', ...base, capabilities: ['chat', 'vision'], visionModel: 'llava:7b', reasoning: false }, { name: 'emb', ...base, embeddingModel: 'bge-m3' }] },
      {},
    );
    expect(config.targets[0]).toMatchObject({ capabilities: ['chat', 'vision'], visionModel: 'llava:7b', reasoning: false });
    expect(config.targets[1].embeddingModel).toBe('bge-m3');
    expect(() => parseRunConfig({ targets: [{ name: 'x', ...base, capabilities: ['chatty'] }] }, {})).toThrow(/targets\.0\.capabilities\.0: must be equal to one of the allowed values/);
  });
});
