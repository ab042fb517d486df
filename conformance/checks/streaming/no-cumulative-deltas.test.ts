import { describe, expect, it } from 'vitest';
import { GPT5_MODERATION_STREAM, OPENAI_TEXT_STREAM, recordedInput } from '../real-traffic.fixtures.ts';
import { cumulative, streamingNoCumulativeDeltas } from './no-cumulative-deltas.ts';
import { chunk, ollamaTextStream, openAiTextStream, streamInput } from './stream-fixtures.ts';

const run = (texts: string[]) =>
  streamingNoCumulativeDeltas.run(streamInput([chunk({ role: 'assistant', content: '' }), ...texts.map((t) => chunk({ content: t })), chunk({}, 'stop'), '[DONE]']));

describe('streaming.no-cumulative-deltas', () => {
  it('passes real OpenAI streams (openai:pydantic-ai:test_dbos_agent_iter#0, openai:pydantic-ai:test_openai_moderation_stream#0)', () => {
    expect(streamingNoCumulativeDeltas.run(recordedInput(OPENAI_TEXT_STREAM)).status).toBe('pass');
    expect(streamingNoCumulativeDeltas.run(recordedInput(GPT5_MODERATION_STREAM)).status).toBe('pass');
    expect(streamingNoCumulativeDeltas.run(streamInput(openAiTextStream())).status).toBe('pass');
    expect(streamingNoCumulativeDeltas.run(streamInput(ollamaTextStream())).status).toBe('pass');
  });
  it('passes deltas that legitimately repeat text: laughter, a repeated word, a growing rule', () => {
    expect(run(['ha', 'ha', 'ha', '!']).status).toBe('pass');
    expect(run(['very', ' very', ' very', ' good']).status).toBe('pass');
    expect(run(['-', '--', ' done', '.']).status).toBe('pass');
  });
  it('fails deltas that each carry the whole text so far (F41), pointing at the last one', () => {
    const v = run(['Red', 'Red,', 'Red, green', 'Red, green, blue']);
    expect(v).toMatchObject({ status: 'fail', pointer: '/events/4/choices/0/delta/content' });
    expect(v.received).toContain('concatenated "RedRed,Red, greenRed, green, blue"');
  });
  it('skips a stream without content', () => {
    expect(streamingNoCumulativeDeltas.run(streamInput([chunk({ role: 'assistant', content: '' }, 'stop'), '[DONE]'])).status).toBe('skip');
  });
  it('needs most consecutive deltas to extend the one before, at least twice', () => {
    expect(cumulative(['a', 'ab'])).toBe(false);
    expect(cumulative(['a', 'ab', 'abc'])).toBe(true);
    expect(cumulative(['The', 'The cat', 'The cat sat', 'The cat sat on', 'The cat sat on the', 'mat'])).toBe(true);
    expect(cumulative(['The', 'The cat', ' sat', ' on', ' the', ' mat'])).toBe(false);
  });
});
