import { describe, expect, it } from 'vitest';
import { openAiTextStream, USAGE_REQUEST } from '../checks/streaming/stream-fixtures.ts';
import { CHAT_REQUEST, COMPLETION, captured, capturedStream } from './captured.fixtures.ts';
import { judgeRecordings } from './judge-recordings.ts';
import { chatSchema } from '../checks/chat/schema.ts';
import type { Selector } from './selector.ts';
import { SELECTORS } from './selectors/index.ts';

const failed = (run: ReturnType<typeof judgeRecordings>['run']) =>
  run.targets.flatMap((t) => t.checks.filter((c) => c.status === 'fail').map((c) => `${t.name} ${c.scenario} ${c.id}`));

describe('judgeRecordings', () => {
  it('passes spec-shaped OpenAI traffic and reports it as a run: one target, exchange ids as scenarios', () => {
    const { run, notJudged } = judgeRecordings([
      captured(CHAT_REQUEST, COMPLETION, { id: 'a#1' }),
      capturedStream(USAGE_REQUEST, openAiTextStream(), { id: 'a#2' }),
    ]);
    expect(notJudged).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.targets).toHaveLength(1);
    const [t] = run.targets;
    expect(t).toMatchObject({ name: 'api.openai.com', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4.1-nano', kind: 'recorded' });
    expect(t.exchanges.map((x) => x.id)).toEqual(['a#1', 'a#2']);
    expect(new Set(t.checks.map((c) => c.scenario))).toEqual(new Set(['a#1', 'a#2']));
    expect(t.checks.every((c) => c.exchanges.length === 1 && c.exchanges[0] === c.scenario)).toBe(true);
    expect(t.checks.filter((c) => c.status === 'pass').length).toBeGreaterThan(15);
    expect(t.usage).toMatchObject({ requests: 2, total_tokens: 14 + 21 });
    expect(run.options.only).toEqual(['chat', 'streaming']);
  });

  it('finds a real deviation and fails the run on it', () => {
    const ollama = { ...COMPLETION, choices: [{ index: 0, message: { role: 'assistant', content: 'hi' }, finish_reason: 'eos' }] };
    const { run } = judgeRecordings([captured(CHAT_REQUEST, ollama, { id: 'o#1', target: 'together' })]);
    expect(failed(run)).toEqual(expect.arrayContaining(['together o#1 chat.finish-reason-enum']));
    expect(run.exitCode).toBe(1);
  });

  it('groups by target in name order and counts what it could not judge instead of passing it', () => {
    const embeddings = captured({ model: 'e', input: 'x' }, { results: [] }, { id: 'e#1', url: 'https://api.openai.com/v1/moderations' });
    const unanswered = { ...captured(CHAT_REQUEST, COMPLETION, { id: 'u#1' }), response: undefined, noAnswer: 'the browser got no answer' };
    const { run, notJudged } = judgeRecordings([
      captured(CHAT_REQUEST, COMPLETION, { id: 'z#1', target: 'zeta' }),
      captured(CHAT_REQUEST, COMPLETION, { id: 'a#1', target: 'alpha' }),
      embeddings,
      unanswered,
    ]);
    expect(run.targets.map((t) => t.name)).toEqual(['alpha', 'zeta']);
    expect(notJudged).toEqual([
      { id: 'e#1', endpoint: 'POST /moderations', reason: 'no checks cover POST /moderations yet' },
      { id: 'u#1', endpoint: 'POST /chat/completions', reason: 'the browser got no answer' },
    ]);
  });

  it('runs only the capabilities asked for, and applies the fail-on level', () => {
    const stream = capturedStream(USAGE_REQUEST, openAiTextStream().filter((e) => e !== '[DONE]'));
    expect(failed(judgeRecordings([stream]).run)).toContain('api.openai.com x#1 streaming.done-terminator');
    const chatOnly = judgeRecordings([stream], { only: ['chat'] }).run;
    expect(chatOnly.targets[0].checks).toEqual([]);
    expect(judgeRecordings([stream], { failOn: 'never' }).run.exitCode).toBe(0);
  });

  it('is NOT TESTED (exit 2) when a recorded server had nothing judged, unless skipped servers are allowed', () => {
    const unjudgeable: Selector = {
      endpoint: 'POST /opaque',
      method: 'POST',
      path: /\/opaque$/,
      select: () => [{ ...chatSchema, id: 'chat.always-skips', run: () => ({ status: 'skip', message: 'nothing here to judge' }) }],
    };
    const traffic = [
      captured(CHAT_REQUEST, COMPLETION, { id: 'a#1', target: 'alpha' }),
      captured({ x: 1 }, { y: 2 }, { id: 'b#1', target: 'beta', url: 'https://beta.example/v1/opaque' }),
    ];
    const selectors = [...SELECTORS, unjudgeable];
    expect(judgeRecordings(traffic, { selectors }).run.exitCode).toBe(2);
    expect(judgeRecordings(traffic, { selectors, allowSkipped: true }).run.exitCode).toBe(0);
    expect(judgeRecordings([traffic[1]], { selectors, allowSkipped: true }).run.exitCode).toBe(2);
  });
});
