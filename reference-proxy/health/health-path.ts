// Where each server kind answers a cheap liveness request (wire-facts §8.5); cloud APIs, LM Studio
// and unidentified servers get none and are left to passive checks.
import type { QuirkProfile } from '../types.ts';

const HEALTH_PATH: Partial<Record<QuirkProfile, string>> = {
  ollama: '/',
  'ollama-legacy': '/',
  'llama.cpp': '/health',
  vllm: '/health',
};

export function defaultHealthPath(profile: QuirkProfile): string | undefined {
  return HEALTH_PATH[profile];
}
