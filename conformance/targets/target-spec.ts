// A target as configured (flags, env or a config file), before it is started or resolved.
import type { Capability, Target } from '../types.ts';

export interface TargetSpec {
  name: string;
  /**
   * url: an endpoint that is already running; emulator: dropin's embedded emulator, started in
   * process; ollama: an ollama/ollama container started with testcontainers; preset: a cloud provider;
   * replay: a recorded transcript served back over loopback
   */
  kind: 'url' | 'emulator' | 'ollama' | 'preset' | 'replay';
  baseUrl?: string;
  model?: string;
  /** resolved secret */
  apiKey?: string;
  headers?: Record<string, string>;
  /** emulator only: a profile of documented server behaviour, and single quirks */
  profile?: string;
  quirks?: string[];
  /** preset only: the provider name (see presets.ts) */
  preset?: string;
  /** ollama only: image (default ollama/ollama:latest), models to pull (the first is tested), GPU use */
  image?: string;
  models?: string[];
  gpu?: 'auto' | 'on' | 'off';
  /** replay only: the transcript file */
  transcript?: string;
  /** the capabilities the target claims; the scenarios of the others skip as "not claimed" (default: all) */
  capabilities?: Capability[];
  /** the model the embeddings scenarios send (default: none, and they skip; the emulator has one) */
  embeddingModel?: string;
  /** the model the vision scenarios send images to (default: none, and they skip; the emulator has one) */
  visionModel?: string;
  /** the model reasons: the reasoning checks require signs of it rather than detect them */
  reasoning?: boolean;
}

/** The parts of a spec every kind of target carries over to the Target it opens. */
export function claimsOf(spec: TargetSpec): Pick<Target, 'capabilities' | 'embeddingModel' | 'visionModel' | 'reasoning'> {
  const { capabilities, embeddingModel, visionModel, reasoning } = spec;
  return Object.fromEntries(Object.entries({ capabilities, embeddingModel, visionModel, reasoning }).filter(([, v]) => v !== undefined));
}

export interface OpenedTarget {
  target: Target;
  close(): Promise<void>;
}

/** A prerequisite is missing: the target is reported as skipped with a message saying how to fix it. */
export class TargetSkipped extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TargetSkipped';
  }
}
