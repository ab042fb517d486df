// A whole legacy completion from the backend: parsed, fixed for its profile, and its texts run
// through the output deny patterns (a match empties the text and finishes with content_filter).
import { failure, parseAnswer, type Attempt, type Failure } from '../../core/attempt.ts';
import type { Answer } from '../../core/endpoint.ts';
import { needsNormalization, normalizeTextCompletion } from '../../normalize/index.ts';
import { createOutputFilter } from '../../safety/safety.ts';
import type { TextCompletionRequest } from './validate.ts';

export function answerTextCompletion(a: Attempt<TextCompletionRequest>, text: string): Answer | Failure {
  const parsed = parseAnswer(text);
  if ('kind' in parsed) return parsed;
  let completion: any = parsed.json;
  if (!Array.isArray(completion?.choices)) return failure('malformed', 'the answer had no choices');
  const normalize = needsNormalization(a.profile);
  if (normalize) completion = normalizeTextCompletion(completion, { profile: a.profile, request: a.request, repairs: a.repairs });
  const filtered = denyOutput(completion.choices, a.ctx.denyOutput);
  return { kind: 'answer', text: normalize || filtered ? JSON.stringify(completion) : text, usage: completion.usage ?? undefined };
}

function denyOutput(choices: any[], patterns: RegExp[]): boolean {
  if (patterns.length === 0) return false;
  let blocked = false;
  for (const choice of choices) {
    if (typeof choice?.text !== 'string' || !createOutputFilter(patterns).push(choice.text)) continue;
    choice.text = '';
    choice.finish_reason = 'content_filter';
    blocked = true;
  }
  return blocked;
}
