// POST /embeddings: the answer checks, the batch and usage checks, and what the request asked
// for (base64, dimensions, token input, an empty input). embeddings.base64-matches needs the
// float answer to the same input, which only the suite's two-turn scenario has.
import { embeddingsBase64Honoured } from '../../checks/embeddings/base64-honoured.ts';
import { embeddingsDimensions } from '../../checks/embeddings/dimensions.ts';
import { embeddingsEmptyInputRefused } from '../../checks/embeddings/empty-input-refused.ts';
import { embeddingsAnswerChecks } from '../../checks/embeddings/index.ts';
import { embeddingsOrder } from '../../checks/embeddings/order.ts';
import { embeddingsSameLength } from '../../checks/embeddings/same-length.ts';
import { embeddingsTokenInput } from '../../checks/embeddings/token-input.ts';
import { embeddingsUsage } from '../../checks/embeddings/usage.ts';
import { inputCount } from '../../checks/embeddings/vectors.ts';
import { isRecord } from '../../checks/streaming/parse-stream.ts';
import type { Check } from '../../types.ts';
import type { Selector } from '../selector.ts';
import { ERROR_ANSWER_CHECKS, isErrorAnswer, needingRequest } from '../selection-kit.ts';

const RELATION = new Set<Check>([embeddingsOrder]);

export const embeddingsSelector: Selector = {
  endpoint: 'POST /embeddings',
  method: 'POST',
  path: /\/embeddings$/,
  select(view) {
    const r = isRecord(view.request) ? view.request : {};
    const input = r.input;
    const empty = input === '' || (Array.isArray(input) && (input.length === 0 || input.some((i) => i === '')));
    if (view.requestKnown && empty) return [embeddingsEmptyInputRefused];
    if (isErrorAnswer(view)) return ERROR_ANSWER_CHECKS;
    // data[i].index order is judged against the inputs, which a recording without the request lacks
    const out = [...embeddingsAnswerChecks.filter((c) => !RELATION.has(c)), ...needingRequest(view, [...RELATION]), embeddingsUsage];
    if ((inputCount(r) ?? 2) > 1) out.push(embeddingsSameLength);
    if (r.encoding_format === 'base64') out.push(embeddingsBase64Honoured);
    if (Number.isInteger(r.dimensions)) out.push(embeddingsDimensions);
    if (Array.isArray(input) && input.some((i) => typeof i === 'number' || Array.isArray(i))) out.push(embeddingsTokenInput);
    return out;
  },
};
