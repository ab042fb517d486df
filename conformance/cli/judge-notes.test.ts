import { describe, expect, it } from 'vitest';
import { judgeNotes } from './judge-notes.ts';

describe('judgeNotes', () => {
  it('says what each file held, what was ignored, and why exchanges were not judged', () => {
    const notes = judgeNotes({
      files: [{ path: 'a.har', format: 'HAR', exchanges: 3, ignored: 1 }, { path: 'b.jsonl', format: 'dropin transcript', exchanges: 1, ignored: 0 }],
      judged: 2,
      notJudged: [
        { id: 'a.har#2', endpoint: 'POST /v1/embeddings', reason: 'no checks cover POST /v1/embeddings yet' },
        { id: 'a.har#3', endpoint: 'POST /v1/embeddings', reason: 'no checks cover POST /v1/embeddings yet' },
      ],
    });
    expect(notes).toEqual([
      'a.har: HAR, 3 API exchanges; ignored 1 entry that is not API traffic (pages, scripts, images, CORS preflights)',
      'b.jsonl: dropin transcript, 1 API exchange',
      'not judged: 2 exchanges: no checks cover POST /v1/embeddings yet',
      'judged 2 of 4 API exchanges',
    ]);
  });
});
