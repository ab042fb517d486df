// The `replay` target: a recorded transcript served back over loopback, so a run recorded once
// against a real server can be re-checked anywhere, without it.
import { readFileSync } from 'node:fs';
import { parseTranscript } from '../transcript/format.ts';
import { startReplay } from '../transcript/replay-server.ts';
import { claimsOf, type OpenedTarget, type TargetSpec } from './target-spec.ts';

export async function openReplay(spec: TargetSpec): Promise<OpenedTarget> {
  const lines = parseTranscript(readFileSync(spec.transcript!, 'utf8'), spec.transcript);
  const server = await startReplay(lines);
  return {
    target: { name: spec.name, kind: 'replay', baseUrl: server.url, model: spec.model ?? recordedModel(lines), headers: spec.headers ?? {}, ...recordedRoleModels(lines), ...claimsOf(spec) },
    close: () => server.close(),
  };
}

/** The embedding and vision models the recording sent, so a replay runs the scenarios the recording did. */
export function recordedRoleModels(lines: ReturnType<typeof parseTranscript>): { embeddingModel?: string; visionModel?: string } {
  const modelOf = (prefix: string, but?: string) => {
    const line = lines.find((l) => l.scenario.startsWith(prefix) && l.scenario !== but);
    try {
      const model = JSON.parse(line?.request.body ?? 'null')?.model;
      return typeof model === 'string' ? model : undefined;
    } catch {
      return undefined;
    }
  };
  const found = { embeddingModel: modelOf('embeddings.'), visionModel: modelOf('vision.', 'vision.refusal') };
  return Object.fromEntries(Object.entries(found).filter(([, v]) => v !== undefined));
}

/** The model the recording tested: the most common `model` among its chat requests. */
export function recordedModel(lines: ReturnType<typeof parseTranscript>): string {
  const counts = new Map<string, number>();
  for (const l of lines) {
    try {
      const model = JSON.parse(l.request.body ?? 'null')?.model;
      if (typeof model === 'string') counts.set(model, (counts.get(model) ?? 0) + 1);
    } catch {
      // a deliberately malformed body (errors.bad-json) names no model
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'unknown';
}
