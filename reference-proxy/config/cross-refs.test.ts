import { describe, expect, it } from 'vitest';
import type { RawConfig } from './defaults.ts';
import { applyDefaults } from './defaults.ts';
import { crossCheck } from './cross-refs.ts';

const base: RawConfig = {
  backends: [
    { name: 'ollama-a', baseUrl: 'http://127.0.0.1:11434/v1', models: ['llama3.2:3b', 'qwen2.5:7b'] },
    { name: 'cloud', baseUrl: 'https://api.openai.com/v1', models: ['gpt-4o'] },
  ],
};
const check = (extra: Partial<RawConfig>) => crossCheck(applyDefaults({ ...base, ...extra }));

describe('crossCheck', () => {
  it('accepts consistent references', () => {
    expect(
      check({
        aliases: { smart: [{ backend: 'cloud', model: 'gpt-4o' }] },
        rules: [
          { name: 'a', when: { hasTools: true }, route: 'smart' },
          { name: 'b', when: { jsonSchema: true }, route: 'qwen2.5:7b' },
          { name: 'c', when: { promptTokensAbove: 10, promptTokensBelow: 100 }, route: [{ backend: 'ollama-a', model: 'qwen2.5:7b' }] },
        ],
        auth: { keys: [{ name: 'k', key: 's1', models: ['smart', 'gpt-4o'] }] },
      }),
    ).toEqual([]);
  });

  it('rejects duplicate backend, rule and key names', () => {
    expect(check({ backends: [...base.backends, { ...base.backends[0] }] })).toContain(
      'backends[2].name: "ollama-a" is already the name of backends[0]; give each backend a unique name',
    );
    const rule = { name: 'r', when: { hasTools: true }, route: 'gpt-4o' };
    expect(check({ rules: [rule, rule] })[0]).toMatch(/^rules\[1\]\.name: "r" is already the name of rules\[0\]/);
    expect(check({ auth: { keys: [{ name: 'k', key: 'a' }, { name: 'k', key: 'b' }] } })[0]).toMatch(/^auth\.keys\[1\]\.name: "k" is already the name of auth\.keys\[0\]/);
  });

  it('names a missing backend with a suggestion and the known names', () => {
    expect(check({ aliases: { fast: [{ backend: 'olama-a', model: 'llama3.2:3b' }] } })).toEqual([
      'aliases.fast[0].backend: no backend is named "olama-a"; did you mean "ollama-a"? (backends: ollama-a, cloud)',
    ]);
  });

  it('names a model the backend does not serve and where to add it', () => {
    expect(check({ aliases: { fast: [{ backend: 'cloud', model: 'llama3.2:3b' }] } })).toEqual([
      'aliases.fast[0].model: backend "cloud" does not serve "llama3.2:3b"; it serves gpt-4o — fix the name or add it to backends[1].models',
    ]);
    expect(check({ rules: [{ name: 'r', when: { hasTools: true }, route: [{ backend: 'ollama-a', model: 'llama3.2' }] }] })[0]).toMatch(
      /^rules\[0\]\.route\[0\]\.model: backend "ollama-a" does not serve "llama3.2"; did you mean "llama3.2:3b"\?/,
    );
  });

  it('rejects a rule route or key allowlist entry that is neither alias nor served model', () => {
    expect(check({ rules: [{ name: 'r', when: { hasTools: true }, route: 'gpt4o' }] })).toEqual([
      'rules[0].route: "gpt4o" is neither an alias nor a model any backend serves; did you mean "gpt-4o"?',
    ]);
    expect(check({ auth: { keys: [{ name: 'k', key: 's', models: ['nope'] }] } })[0]).toMatch(/^auth\.keys\[0\]\.models\[0\]: "nope" is neither/);
  });

  it('rejects an invalid regex and an empty token window', () => {
    expect(check({ rules: [{ name: 'r', when: { systemPromptRegex: '(unclosed' }, route: 'gpt-4o' }] })[0]).toMatch(
      /^rules\[0\]\.when\.systemPromptRegex: is not a valid JavaScript regular expression/,
    );
    expect(check({ rules: [{ name: 'r', when: { promptTokensAbove: 100, promptTokensBelow: 50 }, route: 'gpt-4o' }] })[0]).toMatch(
      /^rules\[0\]\.when: promptTokensAbove 100 and promptTokensBelow 50 leave no token count/,
    );
  });

  it('rejects safety deny patterns that are not valid regular expressions', () => {
    expect(check({ safety: { denyInput: ['ok', '[unclosed'], denyOutput: ['*'] } })).toEqual([
      expect.stringMatching(/^safety\.denyInput\[1\]: is not a valid JavaScript regular expression .*escape its special characters/),
      expect.stringMatching(/^safety\.denyOutput\[0\]: is not a valid JavaScript regular expression/),
    ]);
  });

  it('rejects two keys sharing a secret without echoing it', () => {
    const problems = check({ auth: { keys: [{ name: 'a', key: 'shared-secret' }, { name: 'b', key: 'shared-secret' }] } });
    expect(problems).toEqual(['auth.keys[1].key: has the same secret as auth.keys[0]; give every key its own secret']);
  });

  it('rejects contradictory timeouts and backoff', () => {
    const slow = { ...base.backends[0], timeouts: { connectMs: 5000, firstByteMs: 90_000, totalMs: 60_000 } };
    expect(check({ backends: [slow, base.backends[1]] })[0]).toMatch(/^backends\[0\]\.timeouts: connectMs \(5000\) and firstByteMs \(90000\) must not exceed totalMs \(60000\)/);
    expect(check({ retry: { backoffMs: { initial: 500, max: 100 } } as never })).toEqual(['retry.backoffMs: initial (500) is above max (100); lower initial or raise max']);
  });
  it('rejects credentials in a backend URL, naming where the key belongs', () => {
    const problems = check({ backends: [{ name: 'a', baseUrl: 'https://user:sk-secret@api.example.com/v1', models: ['m'] }] });
    expect(problems.join('\n')).toMatch(/backends\[0\]\.baseUrl: must not carry credentials/);
    expect(problems.join('\n')).not.toContain('sk-secret');
  });
});

describe('crossCheck: endpoints and model kinds', () => {
  it('accepts embedding and vision models among the backend models, and endpoint rules', () => {
    const backends = [{ ...base.backends[0], embeddingModels: ['qwen2.5:7b'], visionModels: ['llama3.2:3b'], apis: ['chat' as const, 'embeddings' as const] }];
    expect(check({ backends, rules: [{ name: 'e', when: { endpoint: 'embeddings' }, route: 'qwen2.5:7b' }] })).toEqual([]);
  });

  it('names an embedding or vision model the backend does not serve', () => {
    expect(check({ backends: [{ ...base.backends[0], embeddingModels: ['nomic-embed-text'] }] })).toEqual([
      `backends[0].embeddingModels[0]: "nomic-embed-text" is not one of this backend's models; add it to backends[0].models or remove it here`,
    ]);
    expect(check({ backends: [{ ...base.backends[0], visionModels: ['qwen2.5:7'] }] })[0]).toMatch(/visionModels\[0\]: "qwen2.5:7" .*did you mean "qwen2.5:7b"\?/);
  });

  it('names an endpoint a rule cannot match', () => {
    expect(check({ rules: [{ name: 'e', when: { endpoint: 'embedding' }, route: 'gpt-4o' }] })).toEqual([
      'rules[0].when.endpoint: "embedding" is not an endpoint; did you mean "embeddings"? (endpoints: chat, responses, embeddings, completions)',
    ]);
  });
});
