import { describe, expect, it } from 'vitest';
import { countingIds } from '../../reference-proxy/responses/ids.ts';
import { failures, streamInput } from '../../reference-proxy/responses/judge.fixtures.ts';
import { benchStream } from './chunk-cpu.ts';
import { measureResponsesCpu, relayRepaired, relayTranslated } from './responses-chunk-cpu.ts';

const REQUEST = { model: 'bench', input: 'Say hello', stream: true };

describe('responses-chunk-cpu', () => {
  it('measures the proxy’s own paths on streams the suite passes: translated, and passed through with or without the proxy’s ids', () => {
    const translated = relayTranslated(benchStream(20));
    expect(failures(streamInput(translated, REQUEST))).toEqual([]);
    const bytes = translated.map((f) => Buffer.from(f));
    expect(relayRepaired(bytes)).toEqual(translated);
    const remapped = relayRepaired(bytes, countingIds());
    expect(remapped).not.toEqual(translated);
    expect(failures(streamInput(remapped, REQUEST))).toEqual([]);
  });

  it('reports CPU µs per chunk and per event for each path', () => {
    const r = measureResponsesCpu(10, 100);
    expect(r.chunks).toBe(11);
    for (const us of [r.chatGenericUsPerChunk, r.translatedUsPerChunk, r.repairConformantUsPerEvent, r.repairRemappedUsPerEvent, r.repairLlamaCppUsPerEvent]) expect(us).toBeGreaterThan(0);
    expect(r.translationAddedUsPerChunk).toBeCloseTo(r.translatedUsPerChunk - r.chatGenericUsPerChunk);
  });
});
