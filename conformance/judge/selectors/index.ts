// The judge's registry of endpoints, tried in order (first match wins). To judge a new endpoint,
// write its Selector beside these and add it here — before any entry whose path would also match
// (a bare `/completions` after `/chat/completions`).
import type { Selector } from '../selector.ts';
import { chatSelector } from './chat.ts';
import { completionsSelector } from './completions.ts';
import { embeddingsSelector } from './embeddings.ts';
import { modelsSelector } from './models.ts';
import { modelsRetrieveSelector } from './models-retrieve.ts';
import { responsesSelector } from './responses.ts';

export const SELECTORS: Selector[] = [chatSelector, modelsSelector, responsesSelector, embeddingsSelector, completionsSelector, modelsRetrieveSelector];
