// POST /embeddings scenarios, sent to the target's embedding model: one input and a batch as
// floats, the same input as base64 after its float answer (two turns, compared), dimensions,
// token-array input, and an empty input that must be refused. Every answer is also held to the
// embeddings answer checks by the registry. A few words each: embeddings cost next to nothing.
import { embeddingsBase64Honoured } from '../checks/embeddings/base64-honoured.ts';
import { embeddingsBase64Matches } from '../checks/embeddings/base64-matches.ts';
import { embeddingsDimensions } from '../checks/embeddings/dimensions.ts';
import { embeddingsEmptyInputRefused } from '../checks/embeddings/empty-input-refused.ts';
import { embeddingsSameLength } from '../checks/embeddings/same-length.ts';
import { embeddingsSchema } from '../checks/embeddings/schema.ts';
import { embeddingsTokenInput } from '../checks/embeddings/token-input.ts';
import { embeddingsUsage } from '../checks/embeddings/usage.ts';
import { embeddingsVectorsValid } from '../checks/embeddings/vectors-valid.ts';
import type { Scenario, ScenarioRequest } from '../types.ts';

const TEXT = 'The quick brown fox jumps over the lazy dog.';
/** token ids in the middle of every common vocabulary (32k and up), clear of special tokens */
const TOKENS = [[1000, 2000, 3000, 4000]];

const post = (body: Record<string, unknown>): ScenarioRequest => ({ method: 'POST', path: '/embeddings', body });

const common = { capability: 'embeddings' as const, kind: 'protocol' as const, modelRole: 'embedding' as const, optionalEndpoint: true, behaviourChecks: [] };

export const embeddingsScenarios: Scenario[] = [
  {
    ...common,
    id: 'embeddings.single',
    title: 'One input embedded as floats',
    build: ({ model }) => post({ model, input: TEXT, encoding_format: 'float' }),
    protocolChecks: [embeddingsUsage],
  },
  {
    ...common,
    id: 'embeddings.batch',
    title: 'Three inputs embedded in one request, in order',
    build: ({ model }) => post({ model, input: ['red apple', 'blue ocean', 'green forest'], encoding_format: 'float' }),
    protocolChecks: [embeddingsSameLength],
  },
  {
    ...common,
    id: 'embeddings.base64',
    title: 'The same input as base64 (what the openai SDKs ask for by default) decodes to the float vector',
    build: ({ model }) => post({ model, input: TEXT, encoding_format: 'float' }),
    nextTurn: ({ model }) => post({ model, input: TEXT, encoding_format: 'base64' }),
    protocolChecks: [embeddingsBase64Honoured, embeddingsBase64Matches],
    featureParams: ['encoding_format'],
  },
  {
    ...common,
    id: 'embeddings.dimensions',
    title: 'dimensions: 8 shortens the vector',
    build: ({ model }) => post({ model, input: TEXT, encoding_format: 'float', dimensions: 8 }),
    protocolChecks: [embeddingsDimensions],
    featureParams: ['dimensions'],
  },
  {
    ...common,
    id: 'embeddings.tokens',
    title: 'Input as token arrays, as LangChain sends it',
    build: ({ model }) => post({ model, input: TOKENS, encoding_format: 'float' }),
    protocolChecks: [embeddingsTokenInput, embeddingsSchema, embeddingsVectorsValid],
    sharedInvariants: false,
  },
  {
    ...common,
    id: 'embeddings.empty-input',
    title: 'An empty input is refused',
    build: ({ model }) => post({ model, input: [''], encoding_format: 'float' }),
    protocolChecks: [embeddingsEmptyInputRefused],
    sharedInvariants: false,
  },
];
