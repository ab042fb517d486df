// Which kind of model a candidate is, from its backend's config: `embeddingModels` serve only
// /v1/embeddings, `visionModels` are the only ones sent images. A backend that lists neither
// leaves the judgement to its server (every model may be asked anything).
import type { Candidate } from '../types.ts';

export function isEmbeddingModel(c: Candidate): boolean {
  return c.backend.embeddingModels?.includes(c.model) === true;
}

/** An embedding model, or any model of a backend that does not say which ones embed. */
export function mayEmbed(c: Candidate): boolean {
  return c.backend.embeddingModels === undefined || c.backend.embeddingModels.includes(c.model);
}

/** A vision model, or any model of a backend that does not say which ones take images. */
export function mayTakeImages(c: Candidate): boolean {
  return c.backend.visionModels === undefined || c.backend.visionModels.includes(c.model);
}

/** Whether chat messages carry an image part (`image_url`, or the Responses-style `input_image`). */
export function hasImageInput(messages: readonly unknown[]): boolean {
  for (const message of messages) {
    const content = (message as { content?: unknown }).content;
    if (!Array.isArray(content)) continue;
    for (const part of content) {
      const type = (part as { type?: unknown } | null)?.type;
      if (type === 'image_url' || type === 'input_image') return true;
    }
  }
  return false;
}
